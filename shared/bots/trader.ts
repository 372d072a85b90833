/**
 * trader: works the used market. Buys used machines in the region where they will run when their price
 * per TH/s is low against the hashprice (payback under about 150-180 days at that region's power), runs them, and
 * sells them once the index has recovered well above what it paid: to another company at the index when
 * one can afford it (better for both than the market's spread), else to the market. It buys no new
 * machines: its cash waits for the next bargain.
 */
import { lotModel } from "../engine/fleet.ts";
import { usedBidUnitCents } from "../engine/market.ts";
import { regionIndex } from "../engine/regions.ts";
import type { Lot } from "../engine/state.ts";
import type { AsicModel } from "../scenario/types.ts";
import { marginOf, thDay } from "./econ.ts";
import { quoteOwnSale } from "./owned.ts";
import { createRng, hash32, nextFloat } from "../math/rng.ts";
import { buyBest, paybackLimit, price, survey, tierLeaders, usedMinOrderCents, type Offer } from "./buy.ts";
import { add, spendable, type Ctx, type Profile } from "./common.ts";
import { offerToPeer } from "./offers.ts";
import { usedShippedOffer } from "./usedGradient.ts";

export const TRADER: Profile = {
  sellRatioBps: 8_000,
  reserveShare: 0.15,
  opexReserveDays: 90,
  maxShipDays: 45,
  insureAlways: false,
  avoidLicence: false,
  maxCostShare: 0.7,
  maxPaybackDays: 180,
  resaleKeep: 0.6,
  spendShare: 0.5,
  sellLosers: true,
  preorderBids: true,
};

/** Sell once the bid is this multiple of what a unit cost... */
const TAKE_PROFIT = 1.3;
/** ...and more than this many days of what a unit mines at the planning hashprice where it stands. */
const RICH_DAYS = 365;

/** What one unit of the lot mines a day where it stands, net of power and hosting, cents (0 off-site). */
function unitMarginCents(ctx: Ctx, lot: Lot, model: AsicModel): number {
  if (lot.location.kind !== "region") return 0;
  const r = regionIndex(ctx.state, lot.location.region, ctx.caches);
  const site = survey(ctx).sites[r];
  if (!site) return 0;
  const day = thDay(ctx.state, site, model.efficiencyJPerTh, survey(ctx).hashprice);
  return (marginOf(day) * model.hashrateGhs) / 1000 / 10_000;
}

export function tradeUsed(ctx: Ctx): void {
  const { state, company } = ctx;
  const rng = createRng((state.seed ^ hash32(company.id)) >>> 0, `bot:${state.tick}`);
  for (const lot of ctx.lots) {
    if (ctx.touched.has(lot.id) || lot.status === "onOrder" || lot.status === "inTransit") continue;
    const model = lotModel(state, lot, ctx.caches);
    // The sale pays at most the bid at the index (saleCentsHolding): most lots fall short of the profit
    // on that alone, and need no quote.
    if (Math.max(0, usedBidUnitCents(state, model) * lot.quantity) < lot.costCents * TAKE_PROFIT) continue;
    // What the sale would really pay (the engine's quote: the bid with depth, never above the mark),
    // not the index a region's glut may sit far below.
    const proceeds = quoteOwnSale(ctx.world, lot, lot.quantity);
    if (proceeds < lot.costCents * TAKE_PROFIT) continue;
    // A profit alone is no reason to sell in a boom: only when the market pays more for the machine
    // than it would mine in RICH_DAYS where it stands (machines are dear against their earnings).
    if (proceeds < unitMarginCents(ctx, lot, model) * RICH_DAYS * lot.quantity) continue;
    // Half the time a peer gets the first chance (the offer lasts five days); otherwise the market.
    if (nextFloat(rng) < 0.5 && offerToPeer(ctx, lot)) continue;
    if (state.offers.some((o) => o.lot === lot.id && o.status === "open")) continue;
    if (add(ctx, { type: "sellMachines", lot: lot.id, quantity: lot.quantity }, 0)) ctx.touched.add(lot.id);
  }
}

export function buyTrader(ctx: Ctx): void {
  const budget = spendable(ctx) * ctx.profile.spendShare;
  // Used lots are small (the market is thin): a smaller order is worth placing than for new machines.
  const usedMin = usedMinOrderCents(ctx);
  if (budget < usedMin) return;
  const sv = survey(ctx);
  const bargains: Offer[] = [];
  // A bargain earns its price back sooner than the horizon the used market prices machines on
  // (usedMarket.horizonDays): it sells below what it earns. (A fixed 180 days, set when used machines
  // cost about that many days of hashprice, let the trader buy almost nothing once they were priced on
  // a sticky memory with the halving foreseen: tariffs-2025 0 wins in 40.)
  const horizon = ctx.state.scenario.usedMarket.horizonDays;
  const limit = paybackLimit(ctx, Math.max(ctx.profile.maxPaybackDays, horizon));
  for (const model of tierLeaders(ctx)) {
    for (let r = 0; r < sv.sites.length; r++) {
      const offer = price(ctx, sv, model, r, "used", limit);
      if (offer) bargains.push(offer);
      // The gradient trade: the same tier bought in another region's glutted market and shipped here.
      const shipped = offer ? usedShippedOffer(ctx, model, r, offer.marginCents, limit) : null;
      if (shipped) bargains.push(shipped);
    }
  }
  // A purchase per tier and region at most: each lifts the tier's index for the next. Nothing else: new
  // machines bought with the cash left idle (a side line at 540 days' payback) lost money in every
  // scenario (without them: tariffs-2025 +31% equity paired, sandbox +12%, halving-2020 +4%, 50 runs).
  buyBest(ctx, bargains, budget, budget / 4, usedMin);
}
