/**
 * The mining cycle, as a hard bot reads it (issue #14 §1: a hard bot reads the hashprice outlook better
 * than an easy one). What the world's fleet pays for power per TH/s a day is the floor the hashprice
 * returns to: when the hashprice stands many times above it, every miner on Earth is buying machines,
 * and the difficulty they add brings it down (the 2021 boom stood at 5 to 7 times the world's power
 * cost, and halved within a year); near twice the cost (2020 after the halving, 2024-25) it holds.
 * A normal bot plans with a hashprice cut by how far the boom stands above that normal ratio; an easy
 * one not at all. (Without it every bot poured its cash into exodus-2021's 2021 peak, a hard one more
 * than an easy one: the easy bot won 70% of those games.) A hard bot reads the boom as a path back to
 * that ratio over its payback horizon (boomPathShare), and acts on it beyond its purchases (boom.ts).
 */
import { detExp, detPow } from "../math/detmath.ts";
import type { GameState } from "../engine/state.ts";
import type { EngineCaches } from "../engine/caches.ts";
import { networkPowerCostPerThDay } from "../engine/networkPowerCost.ts";

/** Hashprice over the world fleet's power cost that a market holds (about its 2020 and 2024-25 level). */
const NORMAL_RATIO = 2.5;

/**
 * The share of today's hashprice the market holds once the boom is over: 1 in a normal market, the
 * normal ratio ÷ the boom's in a boom.
 */
export function boomFloorShare(state: GameState, caches: EngineCaches): number {
  // The public figure (WorldView networkPowerCostMicroUsdPerThDay), read from the state for speed.
  const cost = networkPowerCostPerThDay(state, caches);
  if (!(cost > 0)) return 1;
  const ratio = state.market.hashpriceMicroUsd / cost;
  return ratio <= NORMAL_RATIO ? 1 : NORMAL_RATIO / ratio;
}

/**
 * The share of the planning hashprice a bot counts on: 1 in a normal market, (normal ratio ÷ the boom's)
 * to `power` in a boom (levels.ts: 0 for an easy bot, 0.25 normal).
 */
export function cycleCut(state: GameState, caches: EngineCaches, power: number): number {
  if (power <= 0) return 1;
  const floor = boomFloorShare(state, caches);
  return floor >= 1 ? 1 : detPow(floor, power);
}

/**
 * Days in which a boom's excess over the normal ratio falls to 1/e of itself: the difficulty catches up
 * as the world's factories deliver (the 2021 boom's hashprice halved within a year; from 7 times the
 * cost, a 365-day decay takes it to 60% in one, before the coin's price moves).
 */
const EXCESS_DECAY_DAYS = 365;

/**
 * The share of today's hashprice a machine earns on average over its first `horizonDays`, as a hard bot
 * reads a boom (levels.ts): the excess over the normal ratio decays (EXCESS_DECAY_DAYS) rather than
 * being gone at once. A machine that pays back in months keeps most of a boom's hashprice, one that
 * needs years earns near the floor: the flat cut (cycleCut) held both to the same share, and a hard bot
 * bought the old machines that barely passed it at the April 2021 peak, then nothing while China's
 * farms dumped their machines (exodus-2021: the easy bot won 50-83% of the games by strategy).
 */
export function boomPathShare(state: GameState, caches: EngineCaches, horizonDays: number): number {
  const floor = boomFloorShare(state, caches);
  if (floor >= 1) return 1;
  const x = Math.max(1, horizonDays) / EXCESS_DECAY_DAYS;
  return floor + (1 - floor) * ((1 - detExp(-x)) / x);
}

/**
 * Today's hashprice over the one machines are priced on (machinePrice.ts: prices follow a fall slowly;
 * public as WorldView machinePriceHashpriceMicroUsd, read from the state for speed): 1 in a rising or
 * steady market, below 1 while machine prices still stand above what today's hashprice pays for and will
 * follow it down. A hard bot commits that share of its usual budget (boom.ts) and counts on that share of
 * today's resale (buy.ts survey). Without it the hard efficiency bot, which had spent most of its cash by
 * then, bought on through falls at prices that had not yet fallen: it beat the easy one in 73% of
 * exodus-2021 games and 71% of the sandbox's (100 each; with it 91% and 76%).
 */
export function fallingShare(state: GameState): number {
  const memory = state.market.hashpriceMemoryMicroUsd;
  if (!(memory > 0)) return 1;
  return Math.min(1, state.market.hashpriceMicroUsd / memory);
}
