/**
 * Finance commands (issue #13 §4): borrow against machines and/or BTC, repay, and buy BTC for the
 * treasury. Terms come from engine/loans.ts (the same functions the quotes show); the day's interest,
 * margin calls and forced sales from engine/loansDay.ts.
 */
import { SATS_PER_BTC, type Cents, type Sats } from "../../math/money.ts";
import { refuse } from "../../protocol/refusals/index.ts";
import type { EngineCaches } from "../caches.ts";
import { post } from "../ledger.ts";
import { lotById } from "../lotFacts.ts";
import { loanTerms, maxLtvBps, pledgedSats, pledgeOf } from "../loans.ts";
import type { Company, GameState, Loan } from "../state.ts";
import type { Rejection } from "./errors.ts";
import type { Quoter } from "./quote.ts";
import type { Command, CommandOf } from "./schema.ts";

/** What `sats` cost at `price` cents per BTC, rounded up (a buyer never gets a satoshi for free). */
export function btcCostCents(sats: Sats, price: Cents): Cents {
  const whole = Math.trunc(sats / SATS_PER_BTC);
  const frac = sats - whole * SATS_PER_BTC;
  return whole * price + Math.ceil((frac * price) / SATS_PER_BTC);
}

/** A BTC purchase's cost: the coins and the fee (rounded up), cents. */
export function btcPurchase(
  state: GameState,
  sats: Sats,
): { valueCents: Cents; feeCents: Cents; totalCents: Cents } {
  const valueCents = btcCostCents(sats, state.market.priceCents);
  const feeCents = Math.ceil((valueCents * state.scenario.finance.btcFeeBps) / 10_000);
  return { valueCents, feeCents, totalCents: valueCents + feeCents };
}

/** BTC the company may sell or pledge: what it holds beyond what its loans already hold. */
export function freeSats(state: GameState, company: Company): Sats {
  return Math.max(0, company.btcSats - pledgedSats(state, company.id));
}

function collateralRefusal(
  state: GameState,
  company: Company,
  cmd: CommandOf<"borrow">,
  caches: EngineCaches,
): Rejection | null {
  if (cmd.lots.length === 0 && cmd.btcSats === 0) return refuse("LOAN_NO_COLLATERAL");
  const seen = new Set<string>();
  for (const id of cmd.lots) {
    if (seen.has(id)) return refuse("LOAN_LOT_TWICE", { lot: id });
    seen.add(id);
    // The lot a search would find, through the lot table (lotFacts.ts).
    const lot = lotById(state, id, caches);
    // Another company's lot is as unknown as a lot that does not exist (as lots.ts answers).
    if (!lot || lot.owner !== company.id) return refuse("UNKNOWN_LOT", { lot: id });
    const loan = pledgeOf(state, id);
    if (loan) return refuse("LOT_PLEDGED", { lot: id, loan: loan.id });
  }
  const free = freeSats(state, company);
  if (cmd.btcSats > free) return refuse("BTC_PLEDGED", { freeSats: free, sellSats: cmd.btcSats });
  return null;
}

export function validateBorrow(
  state: GameState,
  company: Company,
  cmd: CommandOf<"borrow">,
  caches: EngineCaches,
): Rejection | null {
  const finance = state.scenario.finance;
  if (cmd.termDays < finance.minTermDays || cmd.termDays > finance.maxTermDays)
    return refuse("LOAN_TERM", { min: finance.minTermDays, max: finance.maxTermDays });
  const collateral = collateralRefusal(state, company, cmd, caches);
  if (collateral) return collateral;
  const terms = loanTerms(state, company, cmd, caches);
  if (terms.spreadBps === null)
    return refuse("OVER_LTV", { maxCents: terms.maxCents, maxLtvBps: maxLtvBps(finance) });
  return null;
}

export function applyBorrow(
  state: GameState,
  company: Company,
  cmd: CommandOf<"borrow">,
  caches: EngineCaches,
): void {
  const terms = loanTerms(state, company, cmd, caches);
  const loan: Loan = {
    id: `loan-${state.nextId++}`,
    company: company.id,
    principalCents: cmd.cents,
    spreadBps: terms.spreadBps ?? 0,
    startDay: state.day,
    dueDay: state.day + cmd.termDays,
    lots: [...cmd.lots],
    btcSats: cmd.btcSats,
    carry: 0,
    marginCallDay: null,
    green: terms.green,
  };
  state.loans.push(loan);
  post(company, state.day, "loanDrawn", cmd.cents, 0, loan.id);
}

function ownLoan(state: GameState, company: Company, id: string): Loan | undefined {
  return state.loans.find((l) => l.id === id && l.company === company.id);
}

export function validateRepay(state: GameState, company: Company, cmd: CommandOf<"repay">): Rejection | null {
  const loan = ownLoan(state, company, cmd.loan);
  if (!loan) return refuse("UNKNOWN_LOAN", { loan: cmd.loan });
  if (cmd.cents > loan.principalCents) return refuse("REPAY_TOO_MUCH", { owedCents: loan.principalCents });
  if (cmd.cents > company.cashCents) return refuse("REPAY_NO_CASH", { cashCents: company.cashCents });
  return null;
}

export function applyRepay(state: GameState, company: Company, cmd: CommandOf<"repay">): void {
  const loan = ownLoan(state, company, cmd.loan) as Loan;
  post(company, state.day, "loanRepaid", -cmd.cents, 0, loan.id);
  loan.principalCents -= cmd.cents;
  // Repaid in full: the loan closes and its collateral is free.
  if (loan.principalCents === 0) state.loans = state.loans.filter((l) => l !== loan);
}

export function validateBuyBtc(
  state: GameState,
  company: Company,
  cmd: CommandOf<"buyBtc">,
): Rejection | null {
  const cost = btcPurchase(state, cmd.sats).totalCents;
  if (cost > company.cashCents)
    return refuse("BTC_NO_CASH", { costCents: cost, cashCents: company.cashCents });
  return null;
}

export function applyBuyBtc(state: GameState, company: Company, cmd: CommandOf<"buyBtc">): void {
  post(company, state.day, "btcPurchase", -btcPurchase(state, cmd.sats).totalCents, cmd.sats, "market");
}

/**
 * Commands that would take a pledged lot out of its loan's reach: selling it, offering it to another
 * company, or shipping part of it (the part shipped becomes a new lot). Checked before the command's
 * own rules (commands/index.ts).
 */
export function pledgedLotRefusal(
  state: GameState,
  command: Command,
  caches: EngineCaches,
): Rejection | null {
  if (state.loans.length === 0) return null;
  let lotId: string | null = null;
  if (command.type === "sellMachines" || command.type === "offerLot") lotId = command.lot;
  else if (command.type === "shipLot" && command.quantity !== undefined) {
    const lot = lotById(state, command.lot, caches);
    if (lot && command.quantity < lot.quantity) lotId = command.lot;
  }
  const loan = lotId === null ? undefined : pledgeOf(state, lotId);
  return loan && lotId !== null ? refuse("LOT_PLEDGED", { lot: lotId, loan: loan.id }) : null;
}

/** The loan's terms for this amount against this collateral (the engine's own, as borrowing charges). */
export const previewBorrow: Quoter<"borrow"> = ({ state, companyId, caches }, cmd) => {
  const company = state.companies.find((c) => c.id === companyId);
  if (!company) return undefined;
  const t = loanTerms(state, company, cmd, caches);
  return {
    kind: "loan",
    collateralCents: t.collateralCents,
    maxCents: t.maxCents,
    ltvBps: t.ltvBps,
    riskFreeBps: t.riskFreeBps,
    spreadBps: t.spreadBps,
    rateBps: t.rateBps,
    green: t.green,
    gramsPerThDay: t.gramsPerThDay,
    maintenanceLtvBps: t.maintenanceLtvBps,
    marginCallCollateralCents: t.marginCallCollateralCents,
    interestPerDayCents: t.interestPerDayCents,
    dueDay: state.day + cmd.termDays,
  };
};

/** What buying the BTC costs: the coins at today's price and the fee. */
export const previewBuyBtc: Quoter<"buyBtc"> = ({ state }, cmd) => {
  const p = btcPurchase(state, cmd.sats);
  return {
    kind: "btcBuy",
    sats: cmd.sats,
    priceCents: state.market.priceCents,
    cents: p.valueCents,
    feeCents: p.feeCents,
    totalCents: p.totalCents,
  };
};
