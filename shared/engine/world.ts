/**
 * The rest of the world: hashrate not owned by players. It lives in regions, runs while it pays for its
 * power, grows with new machines when mining pays, and after a ban leaves, waits (machines in transit and
 * warehouses) and comes back where there is capacity. This is what makes difficulty move like the real one.
 */
import { nextFloat } from "../math/rng.ts";
import type { RegionSpec } from "../scenario/types.ts";
import { bestEfficiency, powerCostMicroUsdPerThDay } from "./market.ts";
import {
  addToTier,
  powerPriceToday,
  restOfWorldInstalledThs,
  restOfWorldKw,
  restOfWorldRunningThs,
  uptimeToday,
} from "./regions.ts";
import type { GameState, MigrationBatch, RegionState } from "./state.ts";
import type { EngineCaches } from "./caches.ts";
import { atWorldScale } from "./classWorld.ts";
import { noteCrunch, queuedKw } from "./hosting.ts";
import { supplyRateAt } from "./worldSupply.ts";
import { inShortage } from "./orderBook.ts";
import { capacityGrowthKwPerDayOn } from "./capacityGrowth.ts";
import { retireIdleMachines, type RetiredListings } from "./worldRetire.ts";
import { respondToProfit } from "./switchOff.ts";
import { hideCovert, returnCovert } from "./covert.ts";
import { advanceSeasonalMigration } from "./seasonalMigration.ts";
import { openBuildOut, orderBuildOut } from "./buildOut.ts";
import { newFleetJPerTh } from "./newFleet.ts";

/** The world's day; returns what its racks retired, by region, for the used markets (worldRetire.ts). */
export function advanceWorld(state: GameState, caches: EngineCaches): RetiredListings | null {
  const regions = state.world.regions;
  for (let i = 0; i < regions.length; i++) {
    const region = regions[i] as RegionState;
    const spec = state.scenario.regions[i] as RegionSpec;
    // A moratorium stops new capacity coming online.
    if (region.moratoriumUntil <= state.day)
      region.capacityKw = Math.max(0, region.capacityKw + capacityGrowthKwPerDayOn(spec, state.day));
    rampBan(state, region);
    // Each tier follows its own breakeven (switchOff.ts: at once after a sudden fall, else over days).
    respondToProfit(state, region, i, caches);
  }
  // Racks hosts ordered in a crunch open today (buildOut.ts), before machines are placed.
  openBuildOut(state, caches);
  // Seasonal hydro migration moves machines between two regions before new machines are placed, so
  // placing sees the capacity the movers took.
  advanceSeasonalMigration(state, caches);
  // Obsolete machines free their racks (worldRetire.ts; only scenarios with a supply block's rate).
  const retired = retireIdleMachines(state);
  // Only placing machines changes the rest of the world's kW from here on: one memo serves both.
  const memo: RestOfWorldKwMemo = [];
  const waitingBefore = state.hosting.backlogKw;
  deployNewMachines(state, memo, caches);
  resettleMigrants(state, memo, caches);
  // Hosts order racks for what found no room today (noteCrunch adds it to the backlog).
  orderBuildOut(state, state.hosting.backlogKw - waitingBefore);
  return retired;
}

/** Rest-of-world hashrate running today, by region (after uptime), TH/s. */
export function restOfWorldHashrate(state: GameState, caches: EngineCaches): number[] {
  // Under a ban only the non-compliant fleet is left in `rowTiers`: it keeps running illegally.
  // A blackout or a curtailment switches everyone off until it ends.
  return state.world.regions.map((r, i) =>
    r.offlineUntil > state.day ? 0 : restOfWorldRunningThs(r) * uptimeToday(state, i, caches),
  );
}

/**
 * A banned region's obeying machines switch off over the ramp: some stay installed and idle waiting for
 * the ban to lift, some emigrate (joining the migration pool with months of delay), the rest are scrapped.
 * A ban with a covert share first hides that share, which restarts in hiding later (covert.ts).
 */
function rampBan(state: GameState, region: RegionState): void {
  returnCovert(state, region);
  if (region.banRampDaysLeft <= 0) return;
  region.banRampDaysLeft--;
  const installed = restOfWorldInstalledThs(region);
  const take = Math.min(installed, region.banRampThsPerDay);
  if (installed <= 0 || take <= 0) return;
  const [minDelay, maxDelay] = state.scenario.world.migrationDelayDays;
  for (const tier of region.rowTiers) {
    const switchedOff = (tier.installedThs / installed) * take;
    tier.installedThs -= switchedOff;
    const moved = hideCovert(region, tier.jPerTh, switchedOff);
    const idle = (moved * region.banIdleBps) / 10_000;
    if (idle > 0) addIdle(region, tier.jPerTh, idle);
    const emigrating = ((moved - idle) * region.banEmigrateBps) / 10_000;
    state.world.retiredThs += moved - idle - emigrating;
    if (emigrating <= 0) continue;
    // Each day's leavers are split in a few batches with their own delays: months to redeploy.
    const parts = 4;
    for (let p = 0; p < parts; p++) {
      const delay = minDelay + Math.floor(nextFloat(state.rng.world) * (maxDelay - minDelay + 1));
      state.world.migration.push({
        fromRegion: region.id,
        jPerTh: tier.jPerTh,
        ths: emigrating / parts,
        readyDay: state.day + delay,
      });
    }
  }
  region.rowTiers = region.rowTiers.filter((t) => t.installedThs > 1e-9);
}

function addIdle(region: RegionState, jPerTh: number, ths: number): void {
  const tier = region.idleTiers.find((t) => t.jPerTh === jPerTh);
  if (tier) tier.installedThs += ths;
  else region.idleTiers.push({ jPerTh, installedThs: ths, running: 0 });
}

/**
 * kW taken by the rest of the world in each region (restOfWorldKw), worked out when first needed and again only
 * after machines are placed there: placing machines reads it for every region in every round, and
 * recomputing it is a loop over the region's tiers. The same sum in the same order: the same figure.
 */
type RestOfWorldKwMemo = (number | undefined)[];

function restOfWorldKwOf(memo: RestOfWorldKwMemo, region: RegionState, i: number): number {
  let kw = memo[i];
  if (kw === undefined) kw = memo[i] = restOfWorldKw(region);
  return kw;
}

/**
 * Capacity the rest of the world may still fill in a region, kW: it leaves a reserve free so that
 * players can find some room, as hosts keep space for new clients, and it leaves alone the kW that
 * players' queued lease requests wait for. In a crunch its waiting machines claim that reserve without
 * running in it (hosting.ts worldClaimKw), so the world's own path does not depend on the crunch.
 */
function freeForRow(
  memo: RestOfWorldKwMemo,
  region: RegionState,
  i: number,
  reserveBps: number,
  queuedKw: number,
): number {
  return Math.max(
    0,
    region.capacityKw * (1 - reserveBps / 10_000) -
      region.leasedKw -
      restOfWorldKwOf(memo, region, i) -
      queuedKw,
  );
}

/** The share of each region's capacity the world leaves free for players, basis points. */
const reserveBps = (state: GameState): number => state.scenario.world.playerReserveBps;

/** Where a machine would go today: weights by free capacity, cheap power and attractiveness. */
function placementWeights(state: GameState, memo: RestOfWorldKwMemo, caches: EngineCaches): number[] {
  return state.world.regions.map((region, i) => {
    if (region.policy === "banned") return 0;
    const free = freeForRow(memo, region, i, reserveBps(state), queuedKw(state, region.id));
    if (free <= 0) return 0;
    const spec = state.scenario.regions[i] as RegionSpec;
    const price = Math.max(1, powerPriceToday(state, i, caches));
    return (free * spec.attractiveness) / price;
  });
}

/** Installs `ths` at `jPerTh` across regions by weight, limited by free capacity; returns what did not fit. */
function place(
  state: GameState,
  ths: number,
  jPerTh: number,
  weights: number[],
  memo: RestOfWorldKwMemo,
): number {
  let left = ths;
  const reserve = reserveBps(state);
  for (let round = 0; round < 3 && left > 1e-9; round++) {
    const total = weights.reduce((s, w) => s + w, 0);
    if (total <= 0) break;
    const batch = left;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i] as number;
      if (w <= 0) continue;
      const region = state.world.regions[i] as RegionState;
      const queued = queuedKw(state, region.id);
      const fitThs = (freeForRow(memo, region, i, reserve, queued) * 1000) / jPerTh;
      const put = Math.min(fitThs, (batch * w) / total);
      if (put <= 0) continue;
      addToTier(region, jPerTh, put);
      memo[i] = undefined;
      left -= put;
      if (freeForRow(memo, region, i, reserve, queued) <= 1e-6) weights[i] = 0;
    }
  }
  return left;
}

/**
 * Whether machines that did not fit had nowhere to go: the room left to the world in every open region
 * is less than they need (placing spreads over a few rounds, which can leave some over with room left).
 */
function noRoomLeft(state: GameState, memo: RestOfWorldKwMemo, leftThs: number, jPerTh: number): boolean {
  const reserve = reserveBps(state);
  let free = 0;
  for (let i = 0; i < state.world.regions.length; i++) {
    const region = state.world.regions[i] as RegionState;
    if (region.policy !== "banned") free += freeForRow(memo, region, i, reserve, queuedKw(state, region.id));
  }
  return free < (leftThs * jPerTh) / 1000;
}

const jPerTh = (batch: MigrationBatch): number => batch.jPerTh;

/** New rest-of-world machines, at the scenario's pace scaled by how well a new machine pays today. */
function deployNewMachines(state: GameState, memo: RestOfWorldKwMemo, caches: EngineCaches): void {
  const base = deploymentRate(state);
  if (base <= 0) return;
  const jPerTh = newFleetEfficiency(state, caches);
  const factor = deploymentFactor(state, jPerTh);
  if (factor <= 0) return;
  const left = place(state, base * factor, jPerTh, placementWeights(state, memo, caches), memo);
  // Machines the world could not place anywhere: a crunch, which ends the players' reserve (hosting.ts).
  if (left > 1e-6 && noRoomLeft(state, memo, left, jPerTh)) noteCrunch(state, (left * jPerTh) / 1000);
}

/** The most the world deploys in a boom, as a multiple of the scenario's pace (factoryQueue.ts sizes capacity on it). */
export const WORLD_BOOM_FACTOR = 1.25;

/** How far today's margin scales the world's deployment pace, 0..WORLD_BOOM_FACTOR (0..1 in a chip shortage). */
export function deploymentFactor(state: GameState, jPerTh: number): number {
  const hashprice = state.market.hashpriceAvgMicroUsd;
  const cost = powerCostMicroUsdPerThDay(jPerTh, state.scenario.usedMarket.referencePowerPrice);
  // Margin share of a new machine: 0.6 is "normal" (factor 1); clamped to [0, 1.25] because factories,
  // not demand, cap deliveries in a boom.
  const marginShare = hashprice > 0 ? (hashprice - cost) / hashprice : 0;
  // In a chip shortage the factories cannot stretch their output in a boom (orderBook.ts): at most 1.
  const ceiling = inShortage(state.scenario.world.supply, state.day) ? 1 : WORLD_BOOM_FACTOR;
  return Math.min(ceiling, Math.max(0, marginShare / 0.6));
}

/** Interpolated deployment rate for today, TH/s per day. */
export function deploymentRate(state: GameState): number {
  // A class-sized world deploys at its scale (classWorld.ts).
  return atWorldScale(state, deploymentRateAt(state.scenario, state.day));
}

/** The scenario's deployment rate on `day`, TH/s per day (interpolated between its points). */
export function deploymentRateAt(scenario: GameState["scenario"], day: number): number {
  // A scenario with `world.supply` deploys the industry's output (worldSupply.ts), not a schedule.
  if (scenario.world.supply) return supplyRateAt(scenario, scenario.world.supply, day);
  const points = scenario.world.deployments;
  if (points.length === 0) return 0;
  const first = points[0] as (typeof points)[number];
  if (day <= first.day) return first.thPerDay;
  for (let i = 1; i < points.length; i++) {
    const b = points[i] as (typeof points)[number];
    if (day <= b.day) {
      const a = points[i - 1] as (typeof points)[number];
      return a.thPerDay + ((b.thPerDay - a.thPerDay) * (day - a.day)) / (b.day - a.day);
    }
  }
  return (points[points.length - 1] as (typeof points)[number]).thPerDay;
}

/** Efficiency of the machines the rest of the world installs today: a little behind the best on sale. */
export function newFleetEfficiency(state: GameState, caches: EngineCaches): number {
  return newFleetJPerTh(bestEfficiency(state.scenario, state.day, caches));
}

/** Migrants whose delay is over settle where capacity is free; the rest keep waiting. */
function resettleMigrants(state: GameState, memo: RestOfWorldKwMemo, caches: EngineCaches): void {
  const pool = state.world.migration;
  if (pool.length === 0) return;
  const waiting: MigrationBatch[] = [];
  let weights: number[] | null = null;
  for (const batch of pool) {
    if (batch.readyDay > state.day) {
      waiting.push(batch);
      continue;
    }
    weights ??= placementWeights(state, memo, caches);
    const left = place(state, batch.ths, batch.jPerTh, weights, memo);
    if (left <= 1e-6) continue;
    if (noRoomLeft(state, memo, left, jPerTh(batch))) noteCrunch(state, (left * batch.jPerTh) / 1000);
    // Machines that found no room try again in a week; those of one efficiency wait together, so the
    // pool stays a handful of batches however long capacity stays short.
    const again = waiting.find((b) => b.readyDay === state.day + 7 && b.jPerTh === batch.jPerTh);
    if (again) again.ths += left;
    // Spelt out rather than spread (the same keys in the same order): spreading was the slow part here.
    else
      waiting.push({
        fromRegion: batch.fromRegion,
        jPerTh: batch.jPerTh,
        ths: left,
        readyDay: state.day + 7,
      });
  }
  state.world.migration = waiting;
}
