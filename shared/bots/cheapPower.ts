/**
 * cheap-power: goes where the kWh is cheapest (renewable supply where carbon is taxed enough to make it
 * cheaper), and buys whatever gives the most hashrate for the money there: older models at the factory's
 * discount, or used machines bought in the region itself, so long as they pay their power.
 */
import {
  buyBest,
  cheapestSites,
  minOrderCents,
  paybackLimit,
  price,
  survey,
  tierLeaders,
  type Offer,
  type Market,
} from "./buy.ts";
import type { AsicModel } from "../scenario/types.ts";
import { spendable, type Ctx, type Profile } from "./common.ts";
import { catalogOf } from "./world.ts";
import { usedShippedOffer } from "./usedGradient.ts";

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

/** How many of the cheapest regions it considers. */
const CHEAPEST = 4;

export function buyCheapPower(ctx: Ctx): void {
  const budget = spendable(ctx) * ctx.profile.spendShare;
  // Nothing worth an order to spend: skip the survey (most weekly reviews end here).
  if (budget < minOrderCents(ctx)) return;
  const sv = survey(ctx);
  const cheapest = cheapestSites(sv, CHEAPEST);
  const offers: Offer[] = [];
  const limit = paybackLimit(ctx);
  /** Prices the model in each of the cheapest regions, keeping the offers that pay. */
  const priceIn = (model: AsicModel, market: Market) => {
    for (let i = 0; i < cheapest.length; i++) {
      const offer = price(ctx, sv, model, cheapest[i] as number, market, limit);
      if (offer) offers.push(offer);
      // Used machines also come from other regions' markets, shipped here (the gradient trade).
      const margin = offer?.marginCents ?? 0;
      const shipped =
        market === "used" && margin > 0
          ? usedShippedOffer(ctx, model, cheapest[i] as number, margin, limit)
          : null;
      if (shipped) offers.push(shipped);
    }
  };
  // Used prices depend on the tier: its most efficient model is enough.
  const leaders = tierLeaders(ctx);
  for (let i = 0; i < leaders.length; i++) priceIn(leaders[i] as AsicModel, "used");
  // Factory prices depend on efficiency alone: one model of each is enough.
  const models = catalogOf(ctx.world).oneByEfficiency;
  for (let i = 0; i < models.length; i++) priceIn(models[i] as AsicModel, "new");
  buyBest(ctx, offers, budget, budget / 2);
}
