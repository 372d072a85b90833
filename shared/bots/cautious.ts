/**
 * cautious: keeps a third of its starting cash (half of it may be the BTC it keeps), spreads its machines
 * over at least three countries, buys the most efficient models (older ones, new or used, only where they
 * pay back much sooner; used ones also from a glutted market, shipped to its cheapest power), commits
 * more when paybacks are quick, sells two thirds of its BTC, insures every shipment, stays out of licence
 * regimes and regions with a ban in force or announced, and switches off (rather than sells) lots that
 * lose money.
 */
import { lotKw, lotModel } from "../engine/fleet.ts";
import { buyBest, cheapestSites, minOrderCents, paybackLimit, price, survey, type Offer } from "./buy.ts";
import { shippedUsedOffers } from "./usedGradient.ts";
import { catalogOf } from "./world.ts";
import { reserveCents, type Ctx, type Profile } from "./common.ts";
import { satsValueCents } from "../math/money.ts";
import type { RegionSpec } from "../scenario/types.ts";

export const CAUTIOUS: Profile = {
  sellRatioBps: 6_500,
  reserveShare: 0.3,
  opexReserveDays: 120,
  maxShipDays: 45,
  insureAlways: true,
  avoidLicence: true,
  // Power, tax and hosting up to 70% of revenue, as efficiency: its cushion is its cash reserve and
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

/** Share of the BTC it keeps that counts towards its cash reserve (at today's price). */
const BTC_CUSHION = 0.5;

/**
 * Cash it may commit, cents: what is above its reserve, where the BTC it keeps (a third of what it mines)
 * stands in for up to half the reserve (BTC_CUSHION of its value). Counted as cash alone, the reserve
 * kept it from buying while its BTC grew to half its equity (halving-2020 seed 1: 470 PH and 21M in BTC
 * at the end, the others 690-890 PH).
 */
export function cautiousFreeCents(cashCents: number, reserveCents: number, btcCents: number): number {
  return Math.max(0, cashCents - Math.max(reserveCents / 2, reserveCents - btcCents * BTC_CUSHION));
}

/**
 * A best payback under its limit divided by this is quick: the machine returns its cost before the
 * hashprice can fall far, so the company may go down to half its reserve and commit all of what is
 * above it (two regions a review) rather than a share (halving-2020, tariffs-2025 and sandbox median
 * equity +2-9%, exodus-2021 unchanged; 30 runs).
 */
const QUICK_PAYBACK = 3;
/** Regions with the cheapest power (of those it may use) it ships used machines to from glutted markets. */
const GRADIENT_SITES = 3;

export function buyCautious(ctx: Ctx): void {
  const reserve = reserveCents(ctx);
  const btc = satsValueCents(ctx.company.btcSats, ctx.state.market.priceCents);
  const free = cautiousFreeCents(ctx.cash, reserve, btc);
  const freeIfQuick = Math.max(free, ctx.cash - reserve / 2);
  // Nothing worth an order to spend: skip the survey (most weekly reviews end here). Tested on the free
  // cash, not its share: a share under an order bought nothing while the free cash held several
  // (tariffs-2025 seed 2: 7M free, no purchase for a month).
  if (freeIfQuick < minOrderCents(ctx)) return;
  const budget = free * ctx.profile.spendShare;
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
  // Proven used machines bought in a glutted market and shipped (insured) to the cheapest power it may
  // use, as the others do: without them it bought only what its regions' thin markets held, two lots a
  // review, and ran 60% of the others' fleet (halving-2020 seed 1: 490 PH against 690-870).
  const limit = paybackLimit(ctx);
  const cheap = cheapestSites(sv, sv.sites.length).filter((r) => open[r]);
  shippedUsedOffers(ctx, sv, catalog.tierLeaders, cheap.slice(0, GRADIENT_SITES), limit, consider);
  const share = free >= minOrderCents(ctx) ? budget : 0;
  let best = Infinity;
  for (const o of offers) best = Math.min(best, o.payback);
  const [commit, slice] = cautiousCommitment(
    best,
    ctx.profile.maxPaybackDays,
    freeIfQuick,
    share,
    minOrderCents(ctx),
  );
  buyBest(ctx, offers, commit, slice);
}

/**
 * What it commits this review and at most in one region, cents. Its share of the free cash (`budget`),
 * a third in one region: the spread builds up week by week; but never less than an order (a third under
 * the smallest order bought nothing while the cash sat above its reserve: tariffs-2025 seed 1, no
 * purchase after its first eight months, fleet 1,800 PH against 11,000). All of `freeIfQuick`, half in a
 * region, when the best payback on offer is quick (QUICK_PAYBACK) against its usual limit. Deliberately
 * not against the limit its offers passed (paybackLimit: the days left near a game's end): an offer that
 * pays back within the days left is quick by then, and a company that sees its horizon commits; measured
 * the other way, cautious won halving-2020 in 6% of games instead of 10% and efficiency 52% with idle
 * seated (100 runs), above the half that issue #14 allows.
 */
export function cautiousCommitment(
  bestPaybackDays: number,
  maxPaybackDays: number,
  freeIfQuick: number,
  budget: number,
  minOrder: number,
): [number, number] {
  const quick = bestPaybackDays * QUICK_PAYBACK <= maxPaybackDays;
  const commit = quick ? freeIfQuick : budget;
  if (commit <= 0) return [0, 0];
  const slice = Math.max(commit / (quick ? 2 : 3), minOrder);
  return [Math.max(commit, slice), slice];
}
