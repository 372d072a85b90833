/**
 * Loans (issue #13 §4): what collateral is worth, the loan-to-value (LTV), the spread a loan pays over
 * the risk-free rate, the green cut, and the quote a player sees before borrowing. The day's accrual,
 * margin calls and forced sales are in loansDay.ts.
 *
 * Collateral is valued as the score values it (score.ts): machines at the world's used bid with depth,
 * BTC at today's price. So a lender never counts on a price the borrower's own trades could lift, and
 * a forced sale fetches about what the collateral was marked at.
 */
import { satsValueCents, type Cents, type Sats } from "../math/money.ts";
import type { FinanceSpec } from "../scenario/financeSpec.ts";
import type { EngineCaches } from "./caches.ts";
import { renewableLease } from "./companies.ts";
import { lotKw, lotThs, modelOf } from "./fleet.ts";
import { lotTable } from "./lotFacts.ts";
import { USED_TIERS, usedTierOf } from "./market.ts";
import { DAYS_PER_YEAR, riskFreeAnnualBps } from "./rates.ts";
import { regionSpec } from "./regions.ts";
import { tierMarkCents } from "./score.ts";
import type { Company, GameState, Loan, Lot } from "./state.ts";

export { loansOf, pledgedSats, pledgeOf } from "./loansDebt.ts";

/** Interest numerators are cents × annual bps; one day's share is the numerator over this. */
export const INTEREST_DENOMINATOR = DAYS_PER_YEAR * 10_000;

/** One day's interest on `cents` at `annualBps`, with the carried remainder: exact over any run of days. */
export function accrueDay(cents: Cents, annualBps: number, carry: number): { cents: Cents; carry: number } {
  if (!(cents > 0) || !(annualBps > 0)) return { cents: 0, carry };
  const numerator = cents * annualBps + carry;
  const whole = Math.floor(numerator / INTEREST_DENOMINATOR);
  return { cents: whole, carry: numerator - whole * INTEREST_DENOMINATOR };
}

/**
 * Lots that still exist and belong to the company, of the ids given (a sold lot counts for nothing), in
 * the state's order. With the caches, each id is looked up by the lot table (lotFacts.ts) instead of
 * every lot being searched for in the ids: lot ids are unique (state.nextId), so the same lots come out,
 * sorted back into the state's order so that sums over them add up in the same order.
 */
export function ownedLots(
  state: GameState,
  company: Company,
  ids: readonly string[],
  caches?: EngineCaches,
): Lot[] {
  if (!caches) return state.lots.filter((l) => l.owner === company.id && ids.includes(l.id));
  const out: Lot[] = [];
  for (const i of lotTable(state, caches).sortedPositionsOf(ids)) {
    const lot = state.lots[i] as Lot;
    if (lot.owner === company.id) out.push(lot);
  }
  return out;
}

/** Machines' value at the used bid with depth (score.ts), all lots taken together by tier, cents. */
export function lotsValueCents(state: GameState, lots: readonly Lot[], caches: EngineCaches): Cents {
  const ths = USED_TIERS.map(() => 0);
  for (const lot of lots) {
    const model = modelOf(state, lot.model, caches);
    if (!model) continue;
    const t = usedTierOf(model.efficiencyJPerTh);
    ths[t] = (ths[t] as number) + lotThs(model, lot.quantity);
  }
  return ths.reduce((sum, x, t) => sum + tierMarkCents(state, t, x), 0);
}

/** What collateral of these lots and BTC is worth today, cents (BTC the treasury no longer holds counts for nothing). */
export function collateralCents(
  state: GameState,
  company: Company,
  lotIds: readonly string[],
  btcSats: Sats,
  caches: EngineCaches,
): Cents {
  const btc = satsValueCents(Math.min(btcSats, Math.max(0, company.btcSats)), state.market.priceCents);
  return pledgedValueCents(state, company, lotIds, caches) + btc;
}

/**
 * lotsValueCents(ownedLots(…)) in one pass, allocating nothing: the same lots (the table's positions of
 * the ids, in the state's order, the company's only), their TH/s added by tier in the same order, and
 * the tiers' marks summed from 0 in tier order, so the same cents. Every bot's loans and the day's margin
 * checks ask this for every loan every day.
 */
function pledgedValueCents(
  state: GameState,
  company: Company,
  ids: readonly string[],
  caches: EngineCaches,
): Cents {
  const nT = USED_TIERS.length;
  if (caches.tierThs.length < nT) caches.tierThs = new Float64Array(nT);
  const ths = caches.tierThs;
  ths.fill(0, 0, nT);
  const lots = state.lots;
  const id = company.id;
  const table = lotTable(state, caches);
  for (const i of table.sortedPositionsOf(ids)) {
    const lot = lots[i] as Lot;
    if (lot.owner !== id) continue;
    const model = table.modelAt(i);
    if (!model) continue;
    const t = usedTierOf(model.efficiencyJPerTh);
    ths[t] = (ths[t] as number) + lotThs(model, lot.quantity);
  }
  let sum = 0;
  for (let t = 0; t < nT; t++) sum += tierMarkCents(state, t, ths[t] as number);
  return sum;
}

/** Loan-to-value, basis points (a loan with no collateral left is infinitely over). */
export function ltvBps(principal: Cents, collateral: Cents): number {
  if (principal <= 0) return 0;
  return collateral > 0 ? Math.ceil((principal * 10_000) / collateral) : Infinity;
}

/** A loan's LTV today. */
export function loanLtvBps(state: GameState, loan: Loan, caches: EngineCaches): number {
  const company = state.companies.find((c) => c.id === loan.company);
  if (!company) return Infinity;
  return ltvBps(loan.principalCents, collateralCents(state, company, loan.lots, loan.btcSats, caches));
}

/** The highest LTV a loan may be taken at (the last spread step), basis points. */
export function maxLtvBps(finance: FinanceSpec): number {
  return finance.spreads.at(-1)?.maxLtvBps ?? 0;
}

/** The spread for a loan at `ltv`, less the green cut (never below zero); null above the last step. */
export function spreadBpsFor(finance: FinanceSpec, ltv: number, green: boolean): number | null {
  const step = finance.spreads.find((s) => ltv <= s.maxLtvBps);
  if (!step) return null;
  return Math.max(0, step.spreadBps - (green ? finance.greenSpreadCutBps : 0));
}

/**
 * The company's installed fleet's carbon, grams of CO2 per TH/s per day (its region's grid, or the
 * renewable option where its lease took it); null with nothing installed. Green capital asks for
 * machines that run on clean power: efficient machines on hydro, nuclear or a renewable lease.
 */
export function fleetGramsPerThDay(state: GameState, company: Company, caches: EngineCaches): number | null {
  let grams = 0;
  let ths = 0;
  for (const lot of state.lots) {
    if (lot.owner !== company.id || lot.status !== "installed" || lot.location.kind !== "region") continue;
    const model = modelOf(state, lot.model, caches);
    const spec = regionSpec(state, lot.location.region, caches);
    if (!model || !spec) continue;
    const g =
      renewableLease(company, spec) && spec.renewable ? spec.renewable.carbonGPerKwh : spec.carbonGPerKwh;
    grams += lotKw(model, lot.quantity) * 24 * g;
    ths += lotThs(model, lot.quantity);
  }
  return ths > 0 ? grams / ths : null;
}

/** Whether the company borrows green: its installed fleet emits no more than the scenario's threshold. */
export function isGreen(state: GameState, company: Company, caches: EngineCaches): boolean {
  const g = fleetGramsPerThDay(state, company, caches);
  return g !== null && g <= state.scenario.finance.greenMaxGramsPerThDay;
}

/** What a player sees before borrowing: the engine's terms for this amount against this collateral. */
export interface LoanTerms {
  collateralCents: Cents;
  /** The most this collateral lends at the highest LTV step. */
  maxCents: Cents;
  ltvBps: number;
  riskFreeBps: number;
  /** Null when the amount is above the most the collateral lends. */
  spreadBps: number | null;
  rateBps: number | null;
  green: boolean;
  gramsPerThDay: number | null;
  maintenanceLtvBps: number;
  /** The collateral value below which a margin call comes, cents. */
  marginCallCollateralCents: Cents;
  /** The first day's interest at today's rate, cents. */
  interestPerDayCents: Cents;
}

export function loanTerms(
  state: GameState,
  company: Company,
  ask: { cents: Cents; lots: readonly string[]; btcSats: Sats },
  caches: EngineCaches,
): LoanTerms {
  const finance = state.scenario.finance;
  const collateral = collateralCents(state, company, ask.lots, ask.btcSats, caches);
  const ltv = ltvBps(ask.cents, collateral);
  const green = isGreen(state, company, caches);
  const spread = spreadBpsFor(finance, ltv, green);
  const riskFree = riskFreeAnnualBps(state);
  const rate = spread === null ? null : riskFree + spread;
  return {
    collateralCents: collateral,
    maxCents: Math.floor((collateral * maxLtvBps(finance)) / 10_000),
    ltvBps: Number.isFinite(ltv) ? ltv : 0,
    riskFreeBps: riskFree,
    spreadBps: spread,
    rateBps: rate,
    green,
    gramsPerThDay: fleetGramsPerThDay(state, company, caches),
    maintenanceLtvBps: finance.maintenanceLtvBps,
    marginCallCollateralCents: Math.ceil((ask.cents * 10_000) / Math.max(1, finance.maintenanceLtvBps)),
    interestPerDayCents: rate === null ? 0 : accrueDay(ask.cents, rate, 0).cents,
  };
}
