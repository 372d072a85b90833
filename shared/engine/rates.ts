/**
 * The risk-free rate: the annual rate cash earns on a given day, from the scenario's monthly series
 * (the US 3-month T-bill, FRED TB3MS; see financeSpec.ts). Cash earns it (engine/loans.ts), loans cost it
 * plus a spread, and other mechanics (the cost of capital in transit) read it from here.
 */
import { civilFromDays, type EpochDay } from "../math/calendar.ts";
import type { FinanceSpec } from "../scenario/financeSpec.ts";
import type { GameState } from "./state.ts";

/** Days in the year that annual rates are divided by (money-market convention for the game). */
export const DAYS_PER_YEAR = 365;

/** Months since year 0 of a day (year × 12 + month − 1), the series' index unit. */
function monthIndexOf(day: EpochDay): number {
  const { y, m } = civilFromDays(day);
  return y * 12 + m - 1;
}

/** The series' value for the month holding `day`: before its start the first, after its end the last. */
export function riskFreeBpsOn(finance: FinanceSpec, day: EpochDay): number {
  const series = finance.riskFreeBps;
  if (series.length === 0) return 0;
  const i = monthIndexOf(day) - finance.riskFreeStartMonth;
  return series[Math.max(0, Math.min(series.length - 1, i))] as number;
}

/** Whether the rate used on `day` is an estimate (a month the scenario marks as unverified, or beyond the series). */
export function riskFreeIsEstimate(finance: FinanceSpec, day: EpochDay): boolean {
  const i = monthIndexOf(day);
  const from = finance.riskFreeEstimatedFrom;
  return (from !== null && i >= from) || i >= finance.riskFreeStartMonth + finance.riskFreeBps.length;
}

/** Today's annual risk-free rate, basis points (integer). */
export function riskFreeAnnualBps(state: GameState): number {
  return riskFreeBpsOn(state.scenario.finance, state.day);
}
