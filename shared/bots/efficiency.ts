/**
 * efficiency: among the most efficient machines on sale (lowest J/TH), the one that pays back first (an
 * older model only when it pays back clearly sooner), sent to the region where it earns most once power,
 * uptime, hosting and the duty on arrival are counted; sells machines once they no longer pay for their
 * power over the month. Sells most of the BTC it mines (all of it while it invests, index.ts): a mining
 * business, not a BTC treasury (keeping 30% left its BTC idle while machines paid back in months).
 */
import { buyBest, cheapestSites, minOrderCents, paybackLimit, price, survey, type Offer } from "./buy.ts";
import { shippedUsedOffers } from "./usedGradient.ts";
import { catalogOf } from "./world.ts";
import { detPow } from "../math/detmath.ts";
import { spendable, type Ctx, type Profile } from "./common.ts";

export const EFFICIENCY: Profile = {
  sellRatioBps: 8_500,
  reserveShare: 0.1,
  opexReserveDays: 90,
  maxShipDays: 45,
  insureAlways: false,
  avoidLicence: false,
  // Power, tax and hosting up to 70% of revenue. The line sits on the older machines that pay best after
  // the 2020 halving: on halving-2020's hand-fitted deployments 70% passed them over (the trader won 6
  // games in 10) and 72% balanced; as a window of the decade (engine 2.4.0) 72% and 71% won it 71% and
  // 54% of 100 games, 70% 38%. Sandbox, bots and an idle seat: cheap-power 45% at 72%, 52% at 70% (seeds
  // 1-100; 37% on seeds 101-200, against 34% at 72%).
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

/** Regions with the cheapest power it ships used machines to from glutted markets. */
const GRADIENT_SITES = 2;
/**
 * How much a less efficient machine's payback is held against it: (J/TH ÷ the best's J/TH) to this power.
 * 0.5: an older model at twice the J/TH must pay back some 1.4 times sooner to be chosen. A company that
 * cares for efficiency still buys older machines when they earn more per dollar (old factory stock or
 * glutted used markets on cheap power, as in 2020 and 2024-25): at 3 it never did, and lost nearly every
 * halving-2020 and tariffs-2025 game to the companies that did.
 */
const EFFICIENCY_TASTE = 0.5;

export function buyEfficiency(ctx: Ctx): void {
  const budget = spendable(ctx) * ctx.profile.spendShare;
  // Nothing worth an order to spend: skip the survey (most weekly reviews end here).
  if (budget < minOrderCents(ctx)) return;
  const sv = survey(ctx);
  const offers: Offer[] = [];
  const catalog = catalogOf(ctx.world);
  // The few most efficient models on sale, new or used: the newest carries a premium over the used bid
  // that a slightly older one may not, so the one that pays back first (resale counted) wins. Older
  // tiers used too, but an older machine must pay back far sooner to be chosen (EFFICIENCY_TASTE).
  let bestJ = Infinity;
  for (const m of catalog.mostEfficient) bestJ = Math.min(bestJ, m.efficiencyJPerTh);
  const consider = (offer: Offer | null): void => {
    if (!offer) return;
    offer.rank = offer.payback * detPow(offer.model.efficiencyJPerTh / bestJ, EFFICIENCY_TASTE);
    offers.push(offer);
  };
  const limit = paybackLimit(ctx);
  for (let r = 0; r < sv.sites.length; r++) {
    for (const model of catalog.mostEfficient) consider(price(ctx, sv, model, r, "new", limit));
    // Older models the factories still make, at their discount (one per efficiency: prices go by it).
    for (const model of catalog.oneByEfficiency)
      if (!catalog.mostEfficient.includes(model)) consider(price(ctx, sv, model, r, "new", limit));
    for (const model of catalog.tierLeaders) consider(price(ctx, sv, model, r, "used", limit));
  }
  // The gradient trade to the cheapest power, as cheap-power works it (usedGradient.ts): a glutted
  // market's efficient used machines shipped where they earn most.
  shippedUsedOffers(ctx, sv, catalog.tierLeaders, cheapestSites(sv, GRADIENT_SITES), limit, consider);
  // Half the budget at most in one region: room there may be short, and the next best is close.
  buyBest(ctx, offers, budget, budget / 2);
}
