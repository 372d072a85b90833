/**
 * cautious: keeps a third of its starting cash, spreads its machines over at least three countries, buys
 * the most efficient models (older ones, new or used, only where they pay back much sooner),
 * sells two thirds of its BTC, insures every shipment, stays out of licence regimes and regions with a ban in
 * force or announced, and switches off (rather than sells) lots that lose money.
 */
import { lotKw, lotModel } from "../engine/fleet.ts";
import { buyBest, minOrderCents, price, survey, type Offer } from "./buy.ts";
import { catalogOf } from "./world.ts";
import { spendable, type Ctx, type Profile } from "./common.ts";
import type { RegionSpec } from "../scenario/types.ts";

export const CAUTIOUS: Profile = {
  sellRatioBps: 6_500,
  reserveShare: 0.3,
  opexReserveDays: 120,
  maxShipDays: 45,
  insureAlways: true,
  avoidLicence: true,
  // Power, tax and hosting up to 70% of revenue, as efficiency's 72%: its cushion is its cash reserve and
  // its spread over countries. At 60% it sat out the months after the 2020 halving, when older machines
  // paid best (halving-2020 equity +35%, sandbox +4%, exodus and tariffs unchanged; paired, 50 runs).
  maxCostShare: 0.7,
  maxPaybackDays: 450,
  resaleKeep: 0.5,
  spendShare: 0.4,
  sellLosers: false,
};

const MIN_COUNTRIES = 3;
/** No country may hold more than this share of the fleet once three are in use. */
const MAX_COUNTRY_SHARE = 0.4;

/** kW the company has (or has coming) in each country. */
function kwByCountry(ctx: Ctx): Map<string, number> {
  const out = new Map<string, number>();
  ctx.state.scenario.regions.forEach((spec, r) => {
    const l = ctx.load[r];
    if (!l) return;
    const kw = Math.max(l.leased, l.installed + l.stored + l.inbound);
    if (kw > 0) out.set(spec.country, (out.get(spec.country) ?? 0) + kw);
  });
  for (const lot of ctx.lots) {
    if (lot.status === "onOrder")
      out.set("?", (out.get("?") ?? 0) + lotKw(lotModel(ctx.state, lot, ctx.caches), lot.quantity));
  }
  return out;
}

export function buyCautious(ctx: Ctx): void {
  const budget = spendable(ctx) * ctx.profile.spendShare;
  // Nothing worth an order to spend: skip the survey (most weekly reviews end here).
  if (budget < minOrderCents(ctx)) return;
  const byCountry = kwByCountry(ctx);
  byCountry.delete("?");
  let total = 0;
  for (const kw of byCountry.values()) total += kw;
  const sv = survey(ctx);
  const allowed = (spec: RegionSpec): boolean => {
    const kw = byCountry.get(spec.country) ?? 0;
    // Until it holds three countries, each purchase opens a new one.
    if (byCountry.size < MIN_COUNTRIES) return kw === 0;
    return kw <= total * MAX_COUNTRY_SHARE;
  };
  // The three most efficient models on sale, and older ones new (the factory's discount) or used
  // (proven machines, no wait) where they earn several times more per dollar: efficiency is the cushion
  // against a falling hashprice, so a less efficient one's payback counts against it (CUSHION_TASTE),
  // and the cost-share limit keeps it to cheap power. Only the newest ones, it sat out most games.
  const catalog = catalogOf(ctx.world);
  const models = [...catalog.mostEfficient];
  for (const m of catalog.oneByEfficiency) if (!models.includes(m)) models.push(m);
  let bestJ = Infinity;
  for (const m of catalog.mostEfficient) bestJ = Math.min(bestJ, m.efficiencyJPerTh);
  // Which regions it may buy for, once (the book does not change while pricing).
  const open = ctx.state.scenario.regions.map(allowed);
  const offers: Offer[] = [];
  const consider = (offer: Offer | null): void => {
    if (!offer) return;
    // A less efficient machine's payback is held against it in proportion to its J/TH over the best's.
    offer.rank = offer.payback * (offer.model.efficiencyJPerTh / bestJ);
    offers.push(offer);
  };
  for (let r = 0; r < open.length; r++) {
    if (!open[r]) continue;
    for (const model of models) consider(price(ctx, sv, model, r, "new"));
    for (const model of catalog.tierLeaders) consider(price(ctx, sv, model, r, "used"));
  }
  // One region per review, a third of the budget: the spread builds up week by week. But never less than
  // an order: a third under the smallest order bought nothing while the cash sat above its reserve
  // (tariffs-2025 seed 1: no purchase after its first eight months, fleet 1,800 PH against 11,000).
  const slice = Math.max(budget / 3, minOrderCents(ctx));
  buyBest(ctx, offers, slice, slice);
}
