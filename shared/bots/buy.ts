/**
 * Buying machines, for every strategy: price a model in a region (new from a factory, shipped, or used,
 * bought in the region's own market), keep only what pays its power with room to spare and pays back in
 * time, and place the order with a lease that reserves the room it will need.
 */
import { freeKw } from "../engine/regions.ts";
import { usedTierOf } from "../engine/market.ts";
import { tierMarkCents } from "../engine/score.ts";
import { usedLotWithin, type UsedLotSize } from "../engine/usedLotDepth.ts";
import { usedMarketOf } from "../engine/usedMarket.ts";
import { lotThs, modelOf } from "../engine/fleet.ts";
import { withPremiumCents } from "../engine/commands/orderMachines.ts";
import type { RegionState } from "../engine/state.ts";
import type { AsicModel, RegionSpec } from "../scenario/types.ts";
import {
  add,
  addLease,
  fleetCostCents,
  hostingPriceAt,
  freeTodayKw,
  leaseAt,
  loadAt,
  spareKw,
  type Ctx,
} from "./common.ts";
import {
  catalogOf,
  factoryUnitsOf,
  licenceOf,
  prefersRenewableAt,
  regionalUsedAskOf,
  siteOf,
  usedFloorOf,
  usedReferenceOf,
  type Factory,
} from "./world.ts";
import { factoryDutiesOf } from "./duties.ts";
import { landedAt, landedUnitCents, landingOf, ON_SITE, paybackHashprice, type SiteCosts } from "./econ.ts";
import { outlookToday } from "../engine/machinePrice.ts";
import { preorderBidBps } from "./preorder.ts";
import { boomPathShare, cycleCut, fallingShare } from "./cycle.ts";

/**
 * How far above the quoted ask a used purchase may walk up the market's curve, as a share: it buys as
 * many units as the market's depth sells at an average price within this of the ask the offer was
 * priced at. (A flat cap of 12,000 TH/s a purchase made a used lot a few dozen machines: the bots
 * bought hundreds of small lots a game, put their money into new machines at twice the payback, and
 * every lot cost the engine time every day.)
 */
const USED_DEPTH_SLACK = 0.1;
/** No used order smaller than this share of the starting cash. */
const USED_MIN_ORDER_SHARE = 0.003;
/** Nor smaller than this share of what the fleet cost. */
const USED_MIN_ORDER_FLEET_SHARE = 0.02;
/** No order smaller than this share of the starting cash. */
const MIN_ORDER_SHARE = 0.02;
/** Nor smaller than this share of what the fleet cost. */
const MIN_ORDER_FLEET_SHARE = 0.05;
const MAX_ORDERS_PER_REVIEW = 2;
/** Whatever the resale, at least this share of a purchase is counted as spent for good (wear, spreads). */
const MIN_AT_RISK = 0.25;

export interface Offer {
  model: AsicModel;
  r: number;
  /** Factory hub, or null for the region's used market. */
  factory: string | null;
  unitCents: number;
  /** Landed cost per unit, cents. */
  landed: number;
  /** Margin per unit per day at the planning hashprice, cents. */
  marginCents: number;
  /** Days until the landed cost is earned back, waiting included. */
  payback: number;
  /** kW one unit takes. */
  unitKw: number;
  /** Used machines bought in another region's market and shipped here (usedGradient.ts). */
  from?: number;
  /**
   * What the strategy ranks the offer by, lowest first (absent: the payback): its taste weighs the
   * payback by what it cares for (an efficient fleet, cheap power), so it strays from its kind of
   * machine or place only for a much better deal.
   */
  rank?: number;
}

/** What a review knows about every region once: planning costs, whether it is open to the company. */
export interface Survey {
  /** The planning hashprice: whether a machine pays its power with room to spare, a halving ahead counted. */
  hashprice: number;
  /** What a machine earns on average over the payback limit (econ.ts paybackHashprice): its margin. */
  earning: number;
  /** The share of today's mark a machine fetches later (price: resale), the halving counted once. */
  resaleOutlook: number;
  sites: (SiteCosts | null)[];
}

export function survey(ctx: Ctx): Survey {
  if (ctx.survey) return ctx.survey;
  const { state, profile, world: w } = ctx;
  const sites: (SiteCosts | null)[] = [];
  const specs = state.scenario.regions;
  for (let r = 0; r < specs.length; r++) {
    if (w.closed[r] || (profile.avoidLicence && licenceOf(w, r) > 0)) {
      sites.push(null);
      continue;
    }
    const lease = leaseAt(ctx, (specs[r] as RegionSpec).id);
    sites.push(
      siteOf(w, r, { renewable: lease ? lease.renewable : prefersRenewableAt(w, r), longRun: true }),
    );
  }
  // The bot reads the cycle as its level allows (cycle.ts, levels.ts): a boom's hashprice does not last.
  // A hard one reads its path back over the horizon it plans a machine's payback on.
  const cycle = profile.readsBoom
    ? boomPathShare(state, ctx.caches, profile.maxPaybackDays)
    : cycleCut(state, ctx.caches, profile.cyclePower ?? 0);
  const hashprice = w.planningHashprice * cycle;
  const earning = paybackHashprice(state, paybackLimit(ctx)) * cycle;
  // Used prices follow the hashprice, so a halving or difficulty growth ahead cuts the resale as it cuts
  // the margin; but today's mark already foresees the halving over the used market's horizon
  // (machinePrice.ts), and cutting it again left the bots but one valuing machines before a halving.
  const ahead = hashprice / Math.max(1, state.market.hashpriceMicroUsd);
  const falling = profile.readsBoom ? fallingShare(state) : 1;
  const resaleOutlook =
    falling * Math.min(1, ahead / outlookToday(state, state.scenario.usedMarket.horizonDays));
  return (ctx.survey = { hashprice, earning, resaleOutlook, sites });
}

/** The `n` open regions with the cheapest kWh (power and carbon tax), cheapest first, ties to the lower index. */
export function cheapestSites(sv: Survey, n: number): number[] {
  const cheapest: number[] = [];
  const kwhOf: number[] = [];
  for (let r = 0; r < sv.sites.length; r++) {
    const site = sv.sites[r];
    if (!site) continue;
    const kwh = site.price + site.carbonPerKwh;
    let at = cheapest.length;
    while (at > 0 && (kwhOf[at - 1] as number) > kwh) at--;
    if (at >= n) continue;
    cheapest.splice(at, 0, r);
    kwhOf.splice(at, 0, kwh);
    if (cheapest.length > n) {
      cheapest.pop();
      kwhOf.pop();
    }
  }
  return cheapest;
}

/** The most efficient model of each used tier whose used market is open: one price per TH/s per tier. */
export function tierLeaders(ctx: Ctx): AsicModel[] {
  return catalogOf(ctx.world).tierLeaders;
}

/** Where a machine is bought: from a factory (new) or on the used market. */
export type Market = "new" | "used";

/**
 * What one unit of `model` nets a day in region `r` at the survey's hashprice, cents; null where the
 * region is closed to the company or power, tax and hosting would take more than the profile allows.
 */
export function unitMarginAt(ctx: Ctx, sv: Survey, model: AsicModel, r: number): number | null {
  const site = sv.sites[r];
  if (!site) return null;
  // thDay, paysItsWay and marginOf in scalars: this runs for every model and region a review considers.
  const jPerTh = model.efficiencyJPerTh;
  const kwh = ((jPerTh * 24) / 1000) * site.uptime;
  const keep = site.uptime * (1 - ctx.state.scenario.poolFeeBps / 10_000);
  const revenue = sv.hashprice * keep;
  const energy = kwh * (site.price + site.carbonPerKwh);
  const hosting = (jPerTh / 1000) * site.hostingPerKwDay;
  if (!(revenue > 0 && energy + hosting <= revenue * ctx.profile.maxCostShare)) return null;
  // Safe at the planning hashprice; it earns, on average over its payback, the earning hashprice.
  const margin = sv.earning * keep - energy - hosting;
  return margin > 0 ? (margin * model.hashrateGhs) / 1000 / 10_000 : null;
}

/** Prices `model` bought new (cheapest landed factory) or used, to run in region `r`; null if it does not pay. */
export function price(
  ctx: Ctx,
  sv: Survey,
  model: AsicModel,
  r: number,
  market: Market,
  limit = paybackLimit(ctx),
): Offer | null {
  const { state, profile } = ctx;
  const marginCents = unitMarginAt(ctx, sv, model, r);
  if (marginCents === null) return null;
  let factory: string | null = null;
  let unitCents = 0;
  let landed = Infinity;
  let wait = 0;
  const w = ctx.world;
  // What the resale returns and the landed cost's lease, whatever the price.
  const resale = resaleUnitCents(state, model) * profile.resaleKeep * sv.resaleOutlook;
  const hosting = hostingPriceAt(ctx, r);
  if (market === "used") {
    // The payback rises with the ask, so a market whose least ask (usedFloorOf) pays back too late
    // gives no offer either way: it is not quoted (about a third of the used markets a review prices).
    const least = landedUnitCents(state, r, model, usedFloorOf(w, r, model), ON_SITE, hosting);
    if (!(paybackOf(least, resale, marginCents, 2) <= limit)) return null;
    // quoteBuyUsed's unit price in this region's own used market (null where it holds none).
    const ask = regionalUsedAskOf(w, r, model);
    if (ask === null) return null;
    unitCents = ask;
    landed = landedUnitCents(state, r, model, ask, ON_SITE, hosting);
    wait = 2;
  } else {
    // quoteOrder's unit price at each factory and its landed cost (econ.ts landedAt), with everything
    // that does not depend on both the model and the region worked out once a day: one landing, whose
    // duty is the factory's origin's.
    const units = factoryUnitsOf(w, model);
    const duties = factoryDutiesOf(w, r);
    const factories = catalogOf(w).factories;
    const licence = licenceOf(w, r);
    const arrival = { shipped: true as const, duty: 0, licenceMeanDays: licence };
    const landing = landingOf(state, r, model, arrival, hosting);
    for (let i = 0; i < units.length; i++) {
      const unit = units[i] as number;
      // `landing` holds `arrival` itself and landedAt reads its duty at each call: one landing serves
      // every factory, with this factory's duty set just before.
      arrival.duty = duties[i] as number;
      const l = landedAt(unit, landing);
      if (l < landed) {
        factory = (factories[i] as Factory).hub;
        unitCents = unit;
        landed = l;
        wait = 35 + licence;
      }
    }
  }
  const payback = paybackOf(landed, resale, marginCents, wait);
  if (!(payback <= limit)) return null;
  return { model, r, factory, unitCents, landed, marginCents, payback, unitKw: model.powerW / 1000 };
}

/**
 * Days a unit landed at `landed` cents takes to pay back, waiting included. A machine is worth what it
 * earns plus what it fetches back: only the part the used market would not return (`resale`, at the
 * profile's expected share of today's bid) has to be earned by mining. Never falls as `landed` rises.
 */
function paybackOf(landed: number, resale: number, marginCents: number, wait: number): number {
  const atRisk = Math.max(landed - resale, landed * MIN_AT_RISK);
  return atRisk / marginCents + wait;
}

/**
 * What one unit would fetch sold today, cents: the world's bid for its tier, as the score marks it and a
 * sale pays (score.ts), not the index the players' own buying may have lifted above it.
 */
function resaleUnitCents(state: Ctx["state"], model: AsicModel): number {
  return tierMarkCents(state, usedTierOf(model.efficiencyJPerTh), model.hashrateGhs / 1000);
}

/**
 * The profile's payback limit, shortened near the end of the game: the part of a machine the used market
 * would not buy back must be earned before the game ends (the score marks the rest at the bid).
 */
export function paybackLimit(ctx: Ctx, days = ctx.profile.maxPaybackDays): number {
  const left = ctx.state.scenario.days - ctx.state.tick;
  return Math.min(days, Math.max(60, left));
}

/** Room the company may still fill in region `r`, kW: its spare lease plus its fair share of free capacity. */
export function roomKw(ctx: Ctx, r: number): number {
  const region = ctx.state.world.regions[r] as RegionState;
  const fairShare = freeKw(region) / Math.max(1, ctx.world.active);
  const fair = Math.min(fairShare, freeTodayKw(ctx, r));
  return Math.max(0, spareKw(ctx, r)) + fair;
}

/**
 * Buys up to `budget` cents of `offer` (fewer if the room, the used market's depth or the unit count
 * limit it) and leases the room the machines will need. Returns the cents committed.
 */
export function place(ctx: Ctx, offer: Offer, budget: number, minOrder = 0): number {
  const { state } = ctx;
  const spec = state.scenario.regions[offer.r] as RegionSpec;
  let units = Math.floor(budget / offer.landed);
  units = Math.min(units, Math.floor(roomKw(ctx, offer.r) / offer.unitKw), 100_000);
  let total = 0;
  let premiumBps = 0;
  if (offer.factory === null) {
    // The engine applies today's purchases in order: a second lot from the same market's stock of a tier
    // finds it smaller by the first (sized on the whole stock, it could ask for more than is left:
    // BAD_QUANTITY). Its quote still walks the curve from today's stock: a little low, as any bot's
    // estimate of a market others may buy from first.
    units = Math.min(units, usedUnitsLeftToday(ctx, offer));
    // A lot under `minOrder` is not bought (below): the search gives up as soon as it surely would be.
    const used = usedLotByDepth(ctx, offer, units, minOrder);
    units = used.units;
    total = used.totalCents;
  }
  if (units < 1) return 0;
  if (offer.factory !== null) {
    // A pre-order bid (preorder.ts) adds its premium to the unit price, as the order will charge it.
    premiumBps = ctx.profile.preorderBids ? preorderBidBps(ctx, offer, units) : 0;
    total = withPremiumCents(offer.unitCents, premiumBps) * units;
  }
  if (total < minOrder) return 0;
  // A used lot is bought in the market where it stands (offer.from), which may not be where it runs.
  const bought = offer.from !== undefined ? (state.scenario.regions[offer.from] as RegionSpec).id : spec.id;
  const cmd =
    offer.factory === null
      ? { type: "buyUsed" as const, model: offer.model.id, quantity: units, region: bought }
      : {
          type: "orderMachines" as const,
          model: offer.model.id,
          quantity: units,
          factory: offer.factory,
          ...(premiumBps > 0 ? { premiumBps } : {}),
        };
  if (!add(ctx, cmd, total)) return 0;
  const kw = units * offer.unitKw;
  const load = loadAt(ctx, offer.r);
  // Reserve the room now, so that it is still there when the machines land.
  const missing = Math.ceil(kw - Math.max(0, spareKw(ctx, offer.r)));
  if (missing > 0) {
    // A lease is extended on its own terms (the engine refuses a grid extension of a green lease).
    const renewable = leaseAt(ctx, spec.id)?.renewable ?? prefersRenewableAt(ctx.world, offer.r);
    addLease(ctx, offer.r, missing, renewable);
  }
  if (offer.factory === null && offer.from === undefined) load.stored += kw;
  else load.inbound += kw;
  return total;
}

/** Units of `offer`'s model its market's stock holds, less what today's commands already buy of its tier there. */
function usedUnitsLeftToday(ctx: Ctx, offer: Offer): number {
  const { state } = ctx;
  const r = offer.from ?? offer.r;
  const market = (state.scenario.regions[r] as RegionSpec).id;
  const tier = usedTierOf(offer.model.efficiencyJPerTh);
  let boughtThs = 0;
  for (const c of ctx.out) {
    if (c.type !== "buyUsed" || c.region !== market) continue;
    const model = modelOf(state, c.model, ctx.caches);
    if (model && usedTierOf(model.efficiencyJPerTh) === tier) boughtThs += lotThs(model, c.quantity);
  }
  // As stockUnits counts them, less the TH/s bought.
  const leftThs = (usedMarketOf(state, r)?.stockThs[tier] ?? 0) - boughtThs;
  return Math.max(0, Math.floor(leftThs / lotThs(offer.model, 1) + 1e-9));
}

/**
 * The largest used lot of `offer` (at most `maxUnits`) the market where it is bought sells at an average
 * unit price within USED_DEPTH_SLACK of the offer's ask, and what it costs (the engine's quote, walking
 * up the curve): found by halving the range (usedLotWithin: the plain search, made cheaper); none
 * (0 units) when it would cost less than `leastCents`.
 */
function usedLotByDepth(ctx: Ctx, offer: Offer, maxUnits: number, leastCents: number): UsedLotSize {
  const market = offer.from ?? offer.r;
  const ceiling = offer.unitCents * (1 + USED_DEPTH_SLACK);
  const tier = usedTierOf(offer.model.efficiencyJPerTh);
  const reference = usedReferenceOf(ctx.world, market, tier);
  return usedLotWithin(ctx.state, market, offer.model, maxUnits, ceiling, reference, leastCents);
}

/**
 * The smallest order worth placing, cents. Orders grow with the fleet, so that the number of lots grows
 * with the log of its size rather than with time.
 */
export function minOrderCents(ctx: Ctx): number {
  const fleetCost = fleetCostCents(ctx);
  const start = ctx.state.scenario.company.startingCashCents;
  return Math.max(start * MIN_ORDER_SHARE, fleetCost * MIN_ORDER_FLEET_SHARE);
}

/**
 * The smallest used purchase worth placing, cents: a share of the starting cash, and of what the fleet
 * cost once it has grown (every lot is work for the engine each day: buying a few dozen machines a week
 * left a bot with 300 lots and made a Monte-Carlo game three times slower).
 */
export function usedMinOrderCents(ctx: Ctx): number {
  const fleetCost = fleetCostCents(ctx);
  return Math.max(
    ctx.state.scenario.company.startingCashCents * USED_MIN_ORDER_SHARE,
    fleetCost * USED_MIN_ORDER_FLEET_SHARE,
  );
}

/**
 * Buys the best offers in turn (by payback), one order per region and at most two per review, until the
 * budget or the offers run out. Few large lots rather than many small ones: every lot is work for the
 * engine each day, and the Monte-Carlo runs play thousands of games.
 */
export function buyBest(
  ctx: Ctx,
  offers: Offer[],
  budget: number,
  maxPerRegion = Infinity,
  minOrder = minOrderCents(ctx),
): number {
  offers.sort(
    (a, b) =>
      (a.rank ?? a.payback) - (b.rank ?? b.payback) || a.r - b.r || a.model.id.localeCompare(b.model.id),
  );
  let spent = 0;
  let orders = 0;
  const used = new Set<number>();
  for (const offer of offers) {
    if (used.has(offer.r)) continue;
    const share = Math.min(budget - spent, maxPerRegion);
    // Used lots are small (a region's market is thin): a smaller order is worth placing than for new.
    const min = offer.factory === null ? Math.min(minOrder, usedMinOrderCents(ctx)) : minOrder;
    if (share < Math.max(offer.landed, min)) continue;
    const s = place(ctx, offer, share, min);
    if (s <= 0) continue;
    used.add(offer.r);
    spent += s;
    if (++orders >= MAX_ORDERS_PER_REVIEW) break;
  }
  return spent;
}
