/**
 * Bots and money (issue #13 §4, §6). Every bot meets a margin call the day it comes, repaying from cash
 * what brings the loan back to the highest LTV lenders lend at. The cautious bot never borrows: its
 * reserve simply earns the risk-free rate (the engine pays it on any cash). The efficiency, cheap-power
 * and trader bots borrow against their installed machines at the cheapest step's LTV when the machines
 * earn (at today's prices, over their market value) at least twice the loan's rate and their spendable
 * cash is less than the loan would bring, for half a year, and repay a week before the term ends or as
 * soon as the machines no longer earn the rate: leverage while mining pays, as miners did in 2021, and
 * out before it costs.
 */
import { MAX_PLEDGED_LOTS } from "../engine/commands/schema.ts";
import type { CommandOf } from "../engine/commands/schema.ts";
import { lotDay } from "../engine/economics.ts";
import {
  collateralCents,
  loanLtvBps,
  loansOf,
  loanTerms,
  lotsValueCents,
  maxLtvBps,
} from "../engine/loans.ts";
import { riskFreeAnnualBps } from "../engine/rates.ts";
import type { GameState, Loan } from "../engine/state.ts";
import { minOrderCents } from "./buy.ts";
import { add, spendable, type Ctx } from "./common.ts";

/**
 * Strategies that borrow to buy machines. cheap-power too: the lowest-cost miner is the one a lender
 * trusts most, and without a loan it fell behind the efficiency company in most sandbox games.
 */
const BORROWERS: ReadonlySet<string> = new Set(["efficiency", "trader", "cheap-power"]);

/** Days a bot's loan runs. */
const TERM_DAYS = 180;
/** A loan is repaid at the review this many days before it falls due. */
const REPAY_BEFORE_DAYS = 8;
/** Borrow only while the machines earn this many times the loan's rate. */
const EARN_COVER = 2;

/** Whether a loan of this company is under a margin call (the bot must act before the review). */
export function marginCalled(state: GameState, companyId: string): boolean {
  for (const loan of state.loans) if (loan.company === companyId && loan.marginCallDay !== null) return true;
  return false;
}

/** What repaying brings the loan back to the highest LTV step, cents (0 when it is already there). */
function cureCents(ctx: Ctx, loan: Loan): number {
  const collateral = collateralCents(ctx.state, ctx.company, loan.lots, loan.btcSats, ctx.caches);
  const allowed = Math.floor((collateral * maxLtvBps(ctx.state.scenario.finance)) / 10_000);
  return Math.max(0, loan.principalCents - allowed);
}

/** Meets every margin call with cash, as far as cash goes (the rest the lender sells). */
export function meetMarginCalls(ctx: Ctx): void {
  const maintenance = ctx.state.scenario.finance.maintenanceLtvBps;
  for (const loan of loansOf(ctx.state, ctx.company.id)) {
    if (loan.marginCallDay === null && loanLtvBps(ctx.state, loan, ctx.caches) <= maintenance) continue;
    const cents = Math.min(loan.principalCents, cureCents(ctx, loan), Math.floor(ctx.cash));
    if (cents > 0) add(ctx, { type: "repay", loan: loan.id, cents }, cents);
  }
}

/** What the installed machines earn a year at today's prices, over their market value (0: none). */
function fleetYield(ctx: Ctx, lots: readonly string[], collateral: number): number {
  if (collateral <= 0) return 0;
  // A set rather than a search of the list for each of the company's lots: the same lots, in its order.
  const pledged = new Set(lots);
  let perDay = 0;
  for (const lot of ctx.lots) if (pledged.has(lot.id)) perDay += lotDay(ctx.state, lot, ctx.caches).netCents;
  return (perDay * 365) / collateral;
}

/** Cents today's commands already repay on `loan`. */
function repaidToday(ctx: Ctx, loan: string): number {
  let cents = 0;
  for (const c of ctx.out) if (c.type === "repay" && c.loan === loan) cents += c.cents;
  return cents;
}

/** The weekly review's finance: repay near the term or when mining no longer pays the rate; borrow while it does. */
export function reviewFinance(ctx: Ctx, strategy: string): void {
  if (!BORROWERS.has(strategy) || ctx.profile.borrows === false) return;
  const loans = loansOf(ctx.state, ctx.company.id);
  for (const loan of loans) {
    const collateral = collateralCents(ctx.state, ctx.company, loan.lots, loan.btcSats, ctx.caches);
    const rate = (riskFreeAnnualBps(ctx.state) + loan.spreadBps) / 10_000;
    const late = loan.dueDay - ctx.state.day <= REPAY_BEFORE_DAYS;
    // What a margin call's repayment (meetMarginCalls) left of it today: the engine applies that first.
    const owed = loan.principalCents - repaidToday(ctx, loan.id);
    if ((late || fleetYield(ctx, loan.lots, collateral) < rate) && owed > 0 && owed <= ctx.cash)
      add(ctx, { type: "repay", loan: loan.id, cents: owed }, owed);
  }
  if (loans.length > 0) return;
  const cmd = borrowCommand(ctx);
  // A loan brings cash in: its "cost" to today's budget is negative.
  if (cmd) add(ctx, cmd, -cmd.cents);
}

/** A loan at the cheapest step's LTV against the installed, unpledged machines, if they earn enough. */
function borrowCommand(ctx: Ctx): CommandOf<"borrow"> | null {
  // Every loan's pledged lots at once (pledgeOf searches them all for each lot).
  const pledged = new Set<string>();
  for (const loan of ctx.state.loans) for (const id of loan.lots) pledged.add(id);
  const chosen = ctx.lots
    // Not a lot given a command today (sold or offered at this review: gone by the time the loan applies).
    .filter((l) => l.status === "installed" && !ctx.touched.has(l.id) && !pledged.has(l.id))
    .slice(0, MAX_PLEDGED_LOTS);
  if (chosen.length === 0) return null;
  const lots = chosen.map((l) => l.id);
  const finance = ctx.state.scenario.finance;
  const cheapest = finance.spreads[0]?.maxLtvBps ?? 0;
  // collateralCents(state, company, lots, 0) from the lots themselves: the company's own, in the state's
  // order, each once, so the same sum, without finding a fresh list of ids in the state's lots (a search
  // and a sort at every review; most reviews stop at the next two tests).
  const collateral = lotsValueCents(ctx.state, chosen, ctx.caches);
  const cents = Math.floor((collateral * cheapest) / 10_000);
  if (cents < minOrderCents(ctx)) return null;
  // A bot borrows only while its spendable cash is short of the loan: with more cash than the loan
  // brings, the loan would sit idle at interest (exodus-2021: a hard bot borrowed 7M in late 2021 beside
  // 10-20M of unspent cash, and a normal one borrowed on the first day beside its whole starting cash).
  if (spendable(ctx) > cents) return null;
  const terms = loanTerms(ctx.state, ctx.company, { cents, lots, btcSats: 0 }, ctx.caches);
  if (terms.rateBps === null || fleetYield(ctx, lots, collateral) < (EARN_COVER * terms.rateBps) / 10_000)
    return null;
  const termDays = Math.max(finance.minTermDays, Math.min(finance.maxTermDays, TERM_DAYS));
  return { type: "borrow", cents, termDays, lots, btcSats: 0 };
}
