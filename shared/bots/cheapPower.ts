/**
 * cheap-power: goes where running a machine costs least: power (renewable supply where carbon is taxed
 * enough to make it cheaper), carbon tax and hosting over the uptime, per TH/s of work. It prices every
 * open site but holds a dearer one's running cost against its payback (CHEAP_TASTE), so it strays from
 * the cheapest only when they are full or a much better deal stands elsewhere; it buys whatever gives
 * the most hashrate for the money: older models at the factory's discount, or used machines bought in
 * the region itself or shipped to the cheapest sites, so long as they pay their power. Duty and VAT
 * are counted in each offer's landed cost (a used machine bought in Texas pays no US duty; ranking
 * sites by a new machine's duty lost it 2% of its equity, sandbox, paired 50 runs).
 */
import {
  buyBest,
  minOrderCents,
  paybackLimit,
  price,
  survey,
  tierLeaders,
  type Offer,
  type Survey,
} from "./buy.ts";
import type { AsicModel } from "../scenario/types.ts";
import { spendable, type Ctx, type Profile } from "./common.ts";
import { catalogOf } from "./world.ts";
import { detPow } from "../math/detmath.ts";
import { shippedUsedOffers } from "./usedGradient.ts";

export const CHEAP_POWER: Profile = {
  sellRatioBps: 10_000,
  reserveShare: 0.1,
  opexReserveDays: 90,
  maxShipDays: 60,
  insureAlways: false,
  avoidLicence: false,
  maxCostShare: 0.65,
  maxPaybackDays: 450,
  resaleKeep: 0.5,
  spendShare: 0.5,
  sellLosers: true,
  // Cheap power is worth waiting and paying for: queue with a bid, and build sites in a crunch.
  hostingBidPct: 20,
  buildsSites: true,
};

/** How many of the cheapest regions it ships used machines to from other regions' markets. */
const CHEAPEST = 4;
/**
 * How much a dearer site's payback is held against it: (its running cost per TH/s ÷ the cheapest's) to
 * this power. 1: a site whose machines cost twice as much to run must pay back twice as fast. (Only the
 * four cheapest kWh, it sat on idle cash once they were full and lost most sandbox games.)
 */
const CHEAP_TASTE = 1;

/**
 * What one TH/s of work costs a day to run at each open site, micro-USD (null where closed): power and
 * carbon tax, and hosting over the uptime it runs (hosting is paid while the machine is down). For the
 * most efficient model on sale; duty and VAT are in each offer's landed cost.
 */
export function runningCosts(ctx: Ctx, sv: Survey): (number | null)[] {
  const ref = catalogOf(ctx.world).mostEfficient[0];
  const jPerTh = ref ? ref.efficiencyJPerTh : 20;
  const kwhPerTh = (jPerTh * 24) / 1000;
  return sv.sites.map((site) =>
    site && site.uptime > 0
      ? kwhPerTh * (site.price + site.carbonPerKwh) + ((jPerTh / 1000) * site.hostingPerKwDay) / site.uptime
      : null,
  );
}

/** The `n` sites with the lowest running cost, cheapest first (ties to the lower index). */
function cheapestOf(costs: readonly (number | null)[], n: number): number[] {
  const open: number[] = [];
  for (let r = 0; r < costs.length; r++) if (costs[r] !== null) open.push(r);
  open.sort((a, b) => (costs[a] as number) - (costs[b] as number) || a - b);
  return open.slice(0, n);
}

export function buyCheapPower(ctx: Ctx): void {
  const budget = spendable(ctx) * ctx.profile.spendShare;
  // Nothing worth an order to spend: skip the survey (most weekly reviews end here).
  if (budget < minOrderCents(ctx)) return;
  const sv = survey(ctx);
  const costs = runningCosts(ctx, sv);
  const cheapest = cheapestOf(costs, CHEAPEST);
  if (cheapest.length === 0) return;
  const floor = costs[cheapest[0] as number] as number;
  // Free running (a site with no power price, no tax, no hosting) would make every rank 0/0: rank by payback then.
  const relative = (r: number): number => (floor > 0 ? (costs[r] as number) / floor : 1);
  const offers: Offer[] = [];
  const limit = paybackLimit(ctx);
  const consider = (offer: Offer | null): void => {
    if (!offer) return;
    offer.rank = offer.payback * detPow(relative(offer.r), CHEAP_TASTE);
    offers.push(offer);
  };
  // Used prices depend on the tier: its most efficient model is enough. Factory prices depend on
  // efficiency alone: one model of each is enough.
  const leaders = tierLeaders(ctx);
  const models = catalogOf(ctx.world).oneByEfficiency;
  for (let r = 0; r < costs.length; r++) {
    if (costs[r] === null) continue;
    for (let i = 0; i < leaders.length; i++)
      consider(price(ctx, sv, leaders[i] as AsicModel, r, "used", limit));
    for (let i = 0; i < models.length; i++) consider(price(ctx, sv, models[i] as AsicModel, r, "new", limit));
  }
  // Used machines also come from other regions' markets, shipped to the cheapest sites (the gradient trade).
  shippedUsedOffers(ctx, sv, leaders, cheapest, limit, consider);
  buyBest(ctx, offers, budget, budget / 2);
}
