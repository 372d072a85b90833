/**
 * What a company owes and has pledged (issue #13 §4). Apart from loans.ts because the score (score.ts)
 * subtracts the debt, and loans.ts values collateral with the score's marks: this file imports types only.
 */
import type { Cents, Sats } from "../math/money.ts";
import type { GameState, Loan } from "./state.ts";

/** The company's open loans. */
export function loansOf(state: GameState, companyId: string): Loan[] {
  return state.loans.filter((l) => l.company === companyId);
}

/** What the company owes on its loans (principal; interest is paid each day), cents. */
export function debtCents(state: GameState, companyId: string): Cents {
  let sum = 0;
  for (const loan of state.loans) if (loan.company === companyId) sum += loan.principalCents;
  return sum;
}

/** BTC pledged by the company's loans, satoshis: the treasury cannot be sold below it. */
export function pledgedSats(state: GameState, companyId: string): Sats {
  let sum = 0;
  for (const loan of state.loans) if (loan.company === companyId) sum += loan.btcSats;
  return sum;
}

/** The loan a lot is pledged to, if any. */
export function pledgeOf(state: GameState, lotId: string): Loan | undefined {
  return state.loans.find((l) => l.lots.includes(lotId));
}
