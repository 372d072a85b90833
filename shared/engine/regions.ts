/** Region look-ups and derived figures: power price today, uptime, free capacity. */
import { civilFromDays, monthOf, type EpochDay } from "../math/calendar.ts";
import type { RegionSpec } from "../scenario/types.ts";
import type { EngineCaches } from "./caches.ts";
import { regionIndexInScenario, regionSpecInScenario } from "./lookup.ts";
import type { GameState, RegionState } from "./state.ts";
import { stepOn } from "./steps.ts";

export function regionSpec(state: GameState, id: string, caches: EngineCaches): RegionSpec | undefined {
  return regionSpecInScenario(state.scenario, id, caches);
}

export function regionState(state: GameState, id: string, caches: EngineCaches): RegionState | undefined {
  const i = regionIndexInScenario(state.scenario, id, caches);
  return i < 0 ? undefined : state.world.regions[i];
}

/**
 * The month of the state's day (1..12), remembered in the caches for the day asked about last: every
 * region and lot asks the same day's month many times. A pure memo: it changes no result.
 */
export function monthToday(state: GameState, caches: EngineCaches): number {
  if (caches.monthDay !== state.day) {
    caches.month = monthOf(state.day);
    caches.monthDay = state.day;
  }
  return caches.month;
}

/** Power price today, micro-USD per kWh (season, then the dated step of the year, then events). */
export function powerPriceToday(state: GameState, index: number, caches: EngineCaches): number {
  return priceOn(state, index, state.day, monthToday(state, caches));
}

/**
 * The power price on another `day` at today's multiplier (events are not foreseen), micro-USD per kWh:
 * what a miner planning a move reads off the season and the dated steps (seasonalMigration.ts).
 */
export function powerPriceOn(state: GameState, index: number, day: EpochDay): number {
  return priceOn(state, index, day, civilFromDays(day).m);
}

function priceOn(state: GameState, index: number, day: EpochDay, month: number): number {
  const spec = state.scenario.regions[index] as RegionSpec;
  const region = state.world.regions[index] as RegionState;
  const base = stepped(spec, day, spec.powerPriceMonthly[month - 1] as number);
  return Math.round((base * region.powerMultiplierBps) / 10_000);
}

/**
 * The year's average power price at today's step and multiplier, micro-USD per kWh (unrounded): what a
 * buyer plans a site with, seasons counted, on the same dated steps the engine bills.
 */
export function longRunPowerPrice(state: GameState, index: number): number {
  const spec = state.scenario.regions[index] as RegionSpec;
  const region = state.world.regions[index] as RegionState;
  let sum = 0;
  for (const monthly of spec.powerPriceMonthly) sum += stepped(spec, state.day, monthly);
  return ((sum / 12) * region.powerMultiplierBps) / 10_000;
}

/** A month's price under the region's power step of `day` (taxes, fees, crises: powerScheduleSpec.ts). */
function stepped(spec: RegionSpec, day: number, monthly: number): number {
  const step = stepOn(spec.powerSteps, day);
  if (step === undefined) return monthly;
  return Math.max(0, Math.round((monthly * step.multBps) / 10_000) + step.addMicroUsd);
}

/** Share of installed machines that can run today (heat, curtailment), 0..1. */
export function uptimeToday(state: GameState, index: number, caches: EngineCaches): number {
  const spec = state.scenario.regions[index] as RegionSpec;
  return (spec.uptimeMonthlyBps[monthToday(state, caches) - 1] as number) / 10_000;
}

/** kW taken by the rest of the world's installed machines in a region (idle ones keep their space). */
export function restOfWorldKw(region: RegionState): number {
  let kw = 0;
  for (const tier of region.rowTiers) kw += (tier.installedThs * tier.jPerTh) / 1000;
  for (const tier of region.idleTiers) kw += (tier.installedThs * tier.jPerTh) / 1000;
  return kw;
}

/** Adds machines to the rest of the world's fleet in a region, merging tiers of equal efficiency. */
export function addToTier(region: RegionState, jPerTh: number, ths: number): void {
  const rounded = Math.round(jPerTh * 10) / 10;
  const tier = region.rowTiers.find((t) => t.jPerTh === rounded);
  if (tier) {
    // New machines arrive running; blend the running fraction by hashrate.
    tier.running = (tier.running * tier.installedThs + ths) / (tier.installedThs + ths);
    // The newcomers have stood idle for no day: the tier's average idle share is theirs blended in.
    if (tier.idleAvg !== undefined)
      tier.idleAvg = (tier.idleAvg * tier.installedThs) / (tier.installedThs + ths);
    tier.installedThs += ths;
  } else {
    region.rowTiers.push({ jPerTh: rounded, installedThs: ths, running: 1 });
  }
}

export function restOfWorldInstalledThs(region: RegionState): number {
  let ths = 0;
  for (const tier of region.rowTiers) ths += tier.installedThs;
  return ths;
}

/** Running rest-of-world hashrate in a region today, TH/s (before uptime). */
export function restOfWorldRunningThs(region: RegionState): number {
  let ths = 0;
  for (const tier of region.rowTiers) ths += tier.installedThs * tier.running;
  return ths;
}

/** Capacity still free for new leases, kW. */
export function freeKw(region: RegionState): number {
  return Math.max(0, region.capacityKw - region.leasedKw - restOfWorldKw(region));
}

export function regionIndex(state: GameState, id: string, caches: EngineCaches): number {
  return regionIndexInScenario(state.scenario, id, caches);
}
