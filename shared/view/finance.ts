/** The finance part of a company's private view (engine/loans.ts): its rate, interest, debt and loans. */
import type { EngineCaches } from "../engine/caches.ts";
import { fleetGramsPerThDay, isGreen, loanLtvBps, collateralCents } from "../engine/loans.ts";
import { debtCents, loansOf, pledgedSats } from "../engine/loansDebt.ts";
import { riskFreeAnnualBps, riskFreeIsEstimate } from "../engine/rates.ts";
import type { Company, GameState } from "../engine/state.ts";
import type { FinanceView, LoanView } from "./types.ts";

export function financeOf(state: GameState, company: Company, caches: EngineCaches): FinanceView {
  const finance = state.scenario.finance;
  return {
    riskFreeBps: riskFreeAnnualBps(state),
    riskFreeEstimate: riskFreeIsEstimate(finance, state.day),
    interestEarnedCents: company.totals.interestIncome,
    // (0 - x rather than -x: no -0 on the wire.)
    interestPaidCents: 0 - company.totals.loanInterest,
    debtCents: debtCents(state, company.id),
    pledgedSats: pledgedSats(state, company.id),
    green: isGreen(state, company, caches),
    gramsPerThDay: fleetGramsPerThDay(state, company, caches) ?? -1,
    greenMaxGramsPerThDay: finance.greenMaxGramsPerThDay,
    btcFeeBps: finance.btcFeeBps,
  };
}

export function loansViewOf(state: GameState, company: Company, caches: EngineCaches): LoanView[] {
  const riskFree = riskFreeAnnualBps(state);
  return loansOf(state, company.id).map((loan) => {
    const ltv = loanLtvBps(state, loan, caches);
    return {
      id: loan.id,
      principalCents: loan.principalCents,
      rateBps: riskFree + loan.spreadBps,
      spreadBps: loan.spreadBps,
      green: loan.green,
      collateralCents: collateralCents(state, company, loan.lots, loan.btcSats, caches),
      ltvBps: Number.isFinite(ltv) ? ltv : 0,
      maintenanceLtvBps: state.scenario.finance.maintenanceLtvBps,
      lotCount: loan.lots.length,
      btcSats: loan.btcSats,
      dueDay: loan.dueDay,
      marginCallDay: loan.marginCallDay ?? 0,
    };
  });
}
