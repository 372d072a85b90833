/**
 * When a rest-of-world machine runs (issue #16): while hashprice covers its own all-in running cost. A
 * tier's cost per TH/s per day is its efficiency times the region's all-in price of a kWh: the power price
 * of the day (regions.ts powerPriceToday: season, dated steps, events) plus the hosting fee of the hosted
 * share of the fleet, which pays its host per kWh it runs (the all-in rates hosts quote) and stops paying
 * when it switches off; self-owned sites save only their power. So at a halving the older tiers (S9, S17,
 * early S19) fall below their own breakeven and switch off, each by its own economics, first where power
 * and hosting are dear.
 */
import type { RegionSpec } from "../scenario/types.ts";
import type { EngineCaches } from "./caches.ts";
import { powerCostMicroUsdPerThDay } from "./market.ts";
import { powerPriceToday } from "./regions.ts";
import type { GameState } from "./state.ts";

/** Below this ratio of hashprice to all-in cost a tier switches fully off; above the upper one fully on. */
export const OFF_RATIO = 0.85;
export const ON_RATIO = 1.25;

/** Hours in the 30 days a monthly hosting fee covers: all-in quotes are per kWh at full load. */
const HOURS_PER_FEE_MONTH = 30 * 24;

/** A hosting fee per kW per 30 days as a price per kWh run at full load, micro-USD (1 cent = 10,000 µUSD). */
export function hostingMicroUsdPerKwh(hostingCentsPerKwMonth: number): number {
  return (hostingCentsPerKwMonth * 10_000) / HOURS_PER_FEE_MONTH;
}

/** The rest of the world's running cost of a kWh in region `index` today, micro-USD: power plus the hosted share's fee. */
export function worldAllInMicroUsdPerKwh(state: GameState, index: number, caches: EngineCaches): number {
  const spec = state.scenario.regions[index] as RegionSpec;
  const hosted = (hostingMicroUsdPerKwh(spec.hostingCentsPerKwMonth) * state.scenario.breakeven.hostedBps) / 10_000;
  return powerPriceToday(state, index, caches) + hosted;
}

/** The share of a tier that wants to run at this hashprice and all-in price, 0..1 (a ramp between the two ratios). */
export function runningTarget(hashpriceMicroUsd: number, jPerTh: number, allInMicroUsdPerKwh: number): number {
  const cost = powerCostMicroUsdPerThDay(jPerTh, allInMicroUsdPerKwh);
  const ratio = cost > 0 ? hashpriceMicroUsd / cost : Infinity;
  if (ratio <= OFF_RATIO) return 0;
  if (ratio >= ON_RATIO) return 1;
  return (ratio - OFF_RATIO) / (ON_RATIO - OFF_RATIO);
}
