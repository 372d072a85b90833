/**
 * The finance part of a day (issue #13 §4), run by step.ts after miners are paid and before debts are
 * settled: cash earns the risk-free rate, each loan's interest is paid from cash, a loan that falls due
 * is repaid, and a loan whose collateral has fallen below the maintenance LTV gets a margin call; after
 * the grace days its collateral is sold through the market (BTC first, then the least efficient lots,
 * at the used bid with depth, pushing the used price down as any sale does) until the LTV is back at
 * the highest step lenders lend at. What the collateral cannot cover becomes an overdraft, which
 * settleDebts (companies.ts) then covers by selling the rest, or the company is bankrupt: 2022's miners.
 */
import { centsToSatsFloor, SATS_PER_BTC, usd, type Cents } from "../math/money.ts";
import type { EngineCaches } from "./caches.ts";
import { sellBtc, sellLotUnits } from "./companies.ts";
import { lotModel } from "./fleet.ts";
import { post } from "./ledger.ts";
import { accrueDay, loanLtvBps, maxLtvBps, ownedLots } from "./loans.ts";
import { riskFreeAnnualBps } from "./rates.ts";
import type { Company, GameState, Loan } from "./state.ts";

export function advanceFinance(state: GameState, caches: EngineCaches): void {
  const rate = riskFreeAnnualBps(state);
  for (const company of state.companies) {
    if (company.bankrupt) continue;
    const earned = accrueDay(company.cashCents, rate, company.interestCarry);
    company.interestCarry = earned.carry;
    post(company, state.day, "interestIncome", earned.cents, 0, "treasury");
  }
  for (const loan of [...state.loans]) {
    const company = state.companies.find((c) => c.id === loan.company);
    if (!company || company.bankrupt) continue;
    payInterest(state, company, loan, rate);
    if (loan.dueDay <= state.day) settleDue(state, company, loan, caches);
    else checkMargin(state, company, loan, caches);
  }
}

function payInterest(state: GameState, company: Company, loan: Loan, riskFreeBps: number): void {
  const due = accrueDay(loan.principalCents, riskFreeBps + loan.spreadBps, loan.carry);
  loan.carry = due.carry;
  post(company, state.day, "loanInterest", -due.cents, 0, loan.id);
}

/** Pays `cents` of the loan's principal from cash (no more than the cash held unless `overdraw`). */
function repayFromCash(state: GameState, company: Company, loan: Loan, overdraw: boolean): void {
  const cents = overdraw
    ? loan.principalCents
    : Math.min(loan.principalCents, Math.max(0, company.cashCents));
  if (cents <= 0) return;
  post(company, state.day, "loanRepaid", -cents, 0, loan.id);
  loan.principalCents -= cents;
  if (loan.principalCents === 0) state.loans = state.loans.filter((l) => l !== loan);
}

/** The term is over: cash repays, then the collateral is sold, and what is still owed is an overdraft. */
function settleDue(state: GameState, company: Company, loan: Loan, caches: EngineCaches): void {
  repayFromCash(state, company, loan, false);
  if (loan.principalCents === 0) return;
  forceSale(state, company, loan, 0, caches);
  if (loan.principalCents > 0) repayFromCash(state, company, loan, true);
  notify(state, company, loan, "loanDue", {
    en: `Loan ${loan.id} fell due and is closed.`,
    zh: `贷款 ${loan.id} 已到期并结清。`,
  });
}

function checkMargin(state: GameState, company: Company, loan: Loan, caches: EngineCaches): void {
  const finance = state.scenario.finance;
  const ltv = loanLtvBps(state, loan, caches);
  if (ltv <= finance.maintenanceLtvBps) {
    loan.marginCallDay = null;
    return;
  }
  if (loan.marginCallDay === null) {
    loan.marginCallDay = state.day + finance.graceDays;
    notify(state, company, loan, "marginCall", marginCallText(loan, ltv, finance.graceDays));
  }
  if (state.day < loan.marginCallDay) return;
  // The grace days are over and the loan is still under water: the lender sells.
  forceSale(state, company, loan, maxLtvBps(finance), caches);
  loan.marginCallDay = null;
  if (loan.principalCents > 0 && !Number.isFinite(loanLtvBps(state, loan, caches)))
    repayFromCash(state, company, loan, true);
  const owed = loan.principalCents;
  notify(state, company, loan, "forcedSale", {
    en: `Margin call on loan ${loan.id} not met: collateral sold, ${owed > 0 ? `${usd(owed)} still owed` : "the loan is repaid"}.`,
    zh: `贷款 ${loan.id} 的追加保证金未补足：抵押品已被强制出售，${owed > 0 ? `仍欠 ${usd(owed)}` : "贷款已还清"}。`,
  });
}

function marginCallText(loan: Loan, ltv: number, graceDays: number): { en: string; zh: string } {
  const pct = (ltv / 100).toFixed(1);
  return {
    en: `Margin call: loan ${loan.id} is at ${pct}% of its collateral. Repay some within ${graceDays} days or the collateral is sold.`,
    zh: `追加保证金通知：贷款 ${loan.id} 已达抵押品价值的 ${pct}%。请在 ${graceDays} 天内偿还部分贷款，否则抵押品将被强制出售。`,
  };
}

/**
 * Sells the loan's collateral until its LTV is at most `targetLtvBps` (0: everything), applying what
 * each sale brings to the principal: pledged BTC first, then pledged lots, least efficient first.
 */
function forceSale(
  state: GameState,
  company: Company,
  loan: Loan,
  targetLtvBps: number,
  caches: EngineCaches,
): void {
  const done = () => loan.principalCents === 0 || loanLtvBps(state, loan, caches) <= targetLtvBps;
  if (done()) return;
  sellPledgedBtc(state, company, loan);
  const lots = ownedLots(state, company, loan.lots).sort(
    (a, b) => lotModel(state, b, caches).efficiencyJPerTh - lotModel(state, a, caches).efficiencyJPerTh,
  );
  for (const lot of lots) {
    if (done()) break;
    const cents = sellLotUnits(state, company, lot, lot.quantity, caches);
    loan.lots = loan.lots.filter((id) => id !== lot.id);
    payFrom(state, company, loan, cents);
  }
}

function sellPledgedBtc(state: GameState, company: Company, loan: Loan): void {
  const price = state.market.priceCents;
  // Enough to clear the loan (a cent's worth more for rounding), never more than is pledged and held.
  const need = centsToSatsFloor(loan.principalCents, price) + Math.ceil(SATS_PER_BTC / price);
  const sats = Math.min(loan.btcSats, company.btcSats, need);
  if (sats <= 0) return;
  const before = company.cashCents;
  sellBtc(state, company, sats);
  loan.btcSats -= sats;
  payFrom(state, company, loan, company.cashCents - before);
}

/** A forced sale's proceeds go to the lender first. */
function payFrom(state: GameState, company: Company, loan: Loan, proceeds: Cents): void {
  const cents = Math.min(loan.principalCents, proceeds);
  if (cents <= 0) return;
  post(company, state.day, "loanRepaid", -cents, 0, loan.id);
  loan.principalCents -= cents;
  if (loan.principalCents === 0) state.loans = state.loans.filter((l) => l !== loan);
}

function notify(
  state: GameState,
  company: Company,
  loan: Loan,
  kind: string,
  text: { en: string; zh: string },
): void {
  const targets = ownedLots(state, company, loan.lots).flatMap((l) =>
    l.location.kind === "region" ? [l.location.region] : [],
  );
  state.notices.push({ day: state.day, company: company.id, kind, text, targets });
}
