/**
 * Finance candidates for legalCommands (commands/legal.ts): a loan against all the company's unpledged
 * machines (and one against its free BTC) at half of what the collateral lends, repaying each loan in
 * full and in half, and a small BTC purchase. Representative amounts, as legal.ts's other candidates.
 */
import type { EngineCaches } from "../caches.ts";
import { loanTerms, pledgeOf } from "../loans.ts";
import type { Company, GameState } from "../state.ts";
import { freeSats } from "./loans.ts";
import type { Command } from "./schema.ts";

/** Days a candidate loan runs: half a year, within the scenario's terms. */
function candidateTerm(state: GameState): number {
  const f = state.scenario.finance;
  return Math.max(f.minTermDays, Math.min(f.maxTermDays, 180));
}

export function financeCandidates(state: GameState, company: Company, caches: EngineCaches): Command[] {
  const out: Command[] = [];
  const termDays = candidateTerm(state);
  const lots = state.lots.filter((l) => l.owner === company.id && !pledgeOf(state, l.id)).map((l) => l.id);
  if (lots.length > 0) {
    const max = loanTerms(state, company, { cents: 1, lots, btcSats: 0 }, caches).maxCents;
    const cents = Math.floor(max / 2);
    if (cents > 0) out.push({ type: "borrow", cents, termDays, lots, btcSats: 0 });
  }
  const btcSats = freeSats(state, company);
  if (btcSats > 0) {
    const max = loanTerms(state, company, { cents: 1, lots: [], btcSats }, caches).maxCents;
    const cents = Math.floor(max / 2);
    if (cents > 0) out.push({ type: "borrow", cents, termDays, lots: [], btcSats });
  }
  for (const loan of state.loans) {
    if (loan.company !== company.id) continue;
    out.push({ type: "repay", loan: loan.id, cents: loan.principalCents });
    const half = Math.floor(loan.principalCents / 2);
    if (half > 0) out.push({ type: "repay", loan: loan.id, cents: half });
  }
  out.push({ type: "buyBtc", sats: 1_000_000 });
  return out;
}
