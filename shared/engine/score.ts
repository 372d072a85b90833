/**
 * The score: what a company would really have if it sold out today. Cash, BTC at the market price (what
 * a sale of BTC pays), and machines at the used market's bid with depth, less anything owed.
 *
 * Why this mark. Machines used to be marked at the used index, which the players' own trades move: a
 * company that held cash all game and bought used machines on the last day pushed the index up and
 * finished at 1.76-1.78x; a company that dumped its fleet sank its rivals' marks by 7-17%. So:
 * - machines are marked at the world's used price (the index without any player's pressure, see
 *   usedFairCentsPerTh), less the spread: no trade by any company, on the last day or any other, moves
 *   that price, so neither one's own purchase nor a rival's dump changes the mark of a machine;
 * - with depth: the market takes the first `depthThs` of one tier from one seller at the bid and the rest
 *   `beyondDepthBps` lower, so a big fleet is worth less per machine than a small one, as a whole fleet
 *   sold at once would fetch;
 * - the trades agree with the mark: a used purchase costs at least the bid it adds to the mark (the ask
 *   is floored there), and a sale pays at most what it takes off the mark (see saleCents). So a trade
 *   never raises one's own score; it costs the spread and the depth.
 * A trailing average of the index would have left a last-day trade a share of its effect, and a mark
 * that excludes only one's own trades would still let a rival's dump sink one's score.
 */
import { satsValueCents, type Cents } from "../math/money.ts";
import type { AsicModel } from "../scenario/types.ts";
import type { EngineCaches } from "./caches.ts";
import { lotModel, lotThs, modelOf } from "./fleet.ts";
import { lotTable } from "./lotFacts.ts";
import { USED_TIERS, usedBidUnitCents, usedFairCentsPerTh, usedTierOf } from "./market.ts";
import type { Company, GameState, Lot } from "./state.ts";
import { debtCents } from "./loansDebt.ts";
import { hostingSpecOf } from "./hosting.ts";
import { siteCapexCents } from "./sites.ts";

/** The parts of a company's score (equity), cents. */
export interface ScoreParts {
  /** Cash in hand (0 when overdrawn: the overdraft is in `owedCents`). */
  cashCents: Cents;
  /** BTC held, at today's price. */
  btcCents: Cents;
  /** Machines (installed, stored, in transit and on order), at the used bid with depth. */
  machinesCents: Cents;
  /** Own sites (built or building), at what they would fetch: written-down cost × resale (siteMarkCents). */
  sitesCents: Cents;
  /** What the company owes: an overdraft, and its loans' principal (loansDebt.ts). */
  owedCents: Cents;
  /** cash + BTC + machines + sites - owed. */
  equityCents: Cents;
}

/** TH/s of one tier counted as if sold at the bid: the depth at the bid, the rest at a discount. */
function atBidThs(state: GameState, ths: number): number {
  const used = state.scenario.usedMarket;
  const beyond = Math.max(0, ths - used.depthThs);
  return Math.min(ths, used.depthThs) + (beyond * (10_000 - used.beyondDepthBps)) / 10_000;
}

/** What `ths` TH/s of one tier held by one company is marked at, cents (rounded down, never above). */
export function tierMarkCents(state: GameState, tier: number, ths: number): Cents {
  if (!(ths > 0)) return 0;
  const bidPerTh = usedFairCentsPerTh(state, tier) * (1 - state.scenario.usedMarket.spreadBps / 10_000);
  return Math.floor(bidPerTh * atBidThs(state, ths));
}

/** Each company's nameplate TH/s in each used tier (owned lots in every status), company × tiers + tier. */
export function holdingsByTier(state: GameState, caches: EngineCaches): Float64Array {
  const nT = USED_TIERS.length;
  const out = new Float64Array(state.companies.length * nT);
  const lots = state.lots;
  const table = lotTable(state, caches);
  for (let n = 0; n < lots.length; n++) {
    const lot = lots[n] as Lot;
    table.sync(n);
    const i = table.owner[n] as number;
    if (i < 0) continue;
    const model = modelOf(state, lot.model, caches);
    if (!model) continue;
    const k = i * nT + usedTierOf(model.efficiencyJPerTh);
    out[k] = (out[k] as number) + lotThs(model, lot.quantity);
  }
  return out;
}

/** Every company's score parts, in one pass over the lots. */
export function scoreParts(state: GameState, caches: EngineCaches): ScoreParts[] {
  const nT = USED_TIERS.length;
  const held = holdingsByTier(state, caches);
  return state.companies.map((c, i) => {
    let machines = 0;
    for (let t = 0; t < nT; t++) machines += tierMarkCents(state, t, held[i * nT + t] as number);
    return partsOf(state, c, machines);
  });
}

function partsOf(state: GameState, c: Company, machinesCents: Cents): ScoreParts {
  const btcCents = satsValueCents(c.btcSats, state.market.priceCents);
  const cashCents = Math.max(0, c.cashCents);
  const owedCents = Math.max(0, -c.cashCents) + debtCents(state, c.id);
  const sitesCents = sitesMarkCents(state, c.id);
  return {
    cashCents,
    btcCents,
    machinesCents,
    sitesCents,
    owedCents,
    equityCents: cashCents + btcCents + machinesCents + sitesCents - owedCents,
  };
}

/**
 * A company's own sites at what they would fetch: the capital they cost, written down straight-line
 * from the day each could first be powered over the scenario's site life, times the resale share. A
 * site is never marked above its cost, so building one never raises the builder's score (a site built
 * on the last day lowers it by what a buyer would not pay); it no longer counts as lost money either.
 */
function sitesMarkCents(state: GameState, owner: string): Cents {
  const spec = hostingSpecOf(state);
  let cents = 0;
  for (const site of state.hosting.sites) {
    if (site.owner !== owner) continue;
    const age = Math.max(0, state.day - site.readyDay);
    const left = Math.max(0, 1 - age / Math.max(1, spec.siteLifeDays));
    cents += Math.floor((siteCapexCents(state, site.kw) * left * spec.siteResaleBps) / 10_000);
  }
  return cents;
}

/** What the company holds of one tier, TH/s. */
function tierHolding(state: GameState, company: Company, tier: number, caches: EngineCaches): number {
  let ths = 0;
  for (const lot of state.lots) {
    if (lot.owner !== company.id) continue;
    const model = lotModel(state, lot, caches);
    if (usedTierOf(model.efficiencyJPerTh) === tier) ths += lotThs(model, lot.quantity);
  }
  return ths;
}

/**
 * What selling `quantity` units of `model` pays a company, cents: today's bid at the index, but never
 * more than the units take off the company's mark (the last, deepest units of its holding in the tier).
 * A sale therefore never raises the seller's score, whether the players' buying has lifted the index
 * above the world's price or the seller's fleet is deeper than the market.
 */
export function saleCents(
  state: GameState,
  company: Company,
  model: AsicModel,
  quantity: number,
  caches: EngineCaches,
): Cents {
  const held = tierHolding(state, company, usedTierOf(model.efficiencyJPerTh), caches);
  return saleCentsHolding(state, model, quantity, held);
}

/**
 * saleCents for a seller holding `held` TH/s of the model's tier (tierHolding): for a caller that has
 * every company's holdings already (holdingsByTier: the same sums, in the same order).
 */
export function saleCentsHolding(state: GameState, model: AsicModel, quantity: number, held: number): Cents {
  const atIndex = usedBidUnitCents(state, model) * quantity;
  const tier = usedTierOf(model.efficiencyJPerTh);
  const after = Math.max(0, held - lotThs(model, quantity));
  const markLoss = tierMarkCents(state, tier, held) - tierMarkCents(state, tier, after);
  return Math.max(0, Math.min(atIndex, markLoss));
}
