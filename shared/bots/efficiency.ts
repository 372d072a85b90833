/**
 * efficiency: among the most efficient machines on sale (lowest J/TH), the one that pays back first, sent to the region where it earns most
 * once power, uptime, hosting and the duty on arrival are counted; sells machines once they no longer
 * pay for their power over the month.
 */
import { buyBest, minOrderCents, price, survey, type Offer } from "./buy.ts";
import { catalogOf } from "./world.ts";
import { spendable, type Ctx, type Profile } from "./common.ts";

export const EFFICIENCY: Profile = {
  sellRatioBps: 7_000,
  reserveShare: 0.1,
  opexReserveDays: 90,
  maxShipDays: 45,
  insureAlways: false,
  avoidLicence: false,
  maxCostShare: 0.7,
  maxPaybackDays: 540,
  resaleKeep: 0.7,
  spendShare: 0.5,
  sellLosers: true,
  preorderBids: true,
  // The newest machines cannot wait for space: queue with a small bid, and build sites in a crunch.
  hostingBidPct: 10,
  buildsSites: true,
};

export function buyEfficiency(ctx: Ctx): void {
  const budget = spendable(ctx) * ctx.profile.spendShare;
  // Nothing worth an order to spend: skip the survey (most weekly reviews end here).
  if (budget < minOrderCents(ctx)) return;
  const sv = survey(ctx);
  const offers: Offer[] = [];
  // The few most efficient models on sale, new: the newest carries a premium over the used bid that a
  // slightly older one may not, so the one that pays back first (resale counted) wins.
  // Used machines of the same models too, where a region's market holds them: efficiency, not newness.
  for (const model of catalogOf(ctx.world).mostEfficient) {
    for (let r = 0; r < sv.sites.length; r++) {
      const offer = price(ctx, sv, model, r, "new");
      if (offer) offers.push(offer);
      const used = price(ctx, sv, model, r, "used");
      if (used) offers.push(used);
    }
  }
  // Half the budget at most in one region: room there may be short, and the next best is close.
  buyBest(ctx, offers, budget, budget / 2);
}
