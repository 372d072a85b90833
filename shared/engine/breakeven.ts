/**
 * When a rest-of-world machine runs (issue #16): while hashprice covers its own all-in running cost. A
 * tier's cost per TH/s per day is its efficiency times what a kWh costs its owner: a hosted machine pays its
 * host the region's all-in price per kWh it runs (power of the day, regions.ts powerPriceToday, plus the
 * hosting fee) and stops paying when it switches off; a self-owned site saves only its power when it
 * stops. The scenario's `breakeven.hostedPct` splits each tier between the two. So at a halving the older
 * tiers (S9, S17, early S19) fall below their own breakeven and switch off, hosted ones first, first where
 * power and hosting are dear.
 */
import type { EngineCaches } from "./caches.ts";
import { hostingFeeToday } from "./hostingFee.ts";
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

/** The hosting fee of region `index` today (its dated step, hostingFee.ts) as a price per kWh run, micro-USD. */
export function regionHostingMicroUsdPerKwh(state: GameState, index: number): number {
  return hostingMicroUsdPerKwh(hostingFeeToday(state, index));
}

/** What a kWh costs the rest of the world in a region today, micro-USD: owned sites and hosted ones. */
export interface RegionKwhCosts {
  own: number;
  hosted: number;
  /** Share of the fleet that is hosted, 0..1. */
  hostedShare: number;
}

/** Region `index`'s kWh costs today (worked out once a day per region, then used for each tier). */
export function regionKwhCosts(state: GameState, index: number, caches: EngineCaches): RegionKwhCosts {
  const own = powerPriceToday(state, index, caches);
  return {
    own,
    hosted: own + regionHostingMicroUsdPerKwh(state, index),
    hostedShare: state.scenario.breakeven.hostedBps / 10_000,
  };
}

/**
 * The share of a tier that runs at this hashprice, 0..1: its hosted part by power plus the fee, its
 * self-owned part by power alone (each a ramp between the two ratios).
 */
export function tierTarget(hashpriceMicroUsd: number, jPerTh: number, costs: RegionKwhCosts): number {
  const own = runningTarget(hashpriceMicroUsd, jPerTh, costs.own);
  if (costs.hostedShare <= 0) return own;
  const hosted = runningTarget(hashpriceMicroUsd, jPerTh, costs.hosted);
  return costs.hostedShare * hosted + (1 - costs.hostedShare) * own;
}

/** tierTarget for one tier of region `index` at today's hashprice (quotes and tests). */
export function tierRunningTarget(
  state: GameState,
  index: number,
  jPerTh: number,
  caches: EngineCaches,
): number {
  return tierTarget(state.market.hashpriceMicroUsd, jPerTh, regionKwhCosts(state, index, caches));
}

/** The share of a tier that wants to run at this hashprice and price of a kWh, 0..1 (a ramp between the two ratios). */
export function runningTarget(hashpriceMicroUsd: number, jPerTh: number, microUsdPerKwh: number): number {
  const cost = powerCostMicroUsdPerThDay(jPerTh, microUsdPerKwh);
  const ratio = cost > 0 ? hashpriceMicroUsd / cost : Infinity;
  if (ratio <= OFF_RATIO) return 0;
  if (ratio >= ON_RATIO) return 1;
  return (ratio - OFF_RATIO) / (ON_RATIO - OFF_RATIO);
}
