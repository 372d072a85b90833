/**
 * Factory prices follow demand (issue #13 §3): the share of a factory's next batches already booked,
 * by the world's deployments at today's pace and by the players' pre-orders, raises its list price
 * along a curve (flat up to a knee, then rising linearly to `priceSlopeBps` over list when the batches
 * are full). The world's share alone rarely passes the knee: its pace is sized to fit with headroom.
 */
import { roundHalfAway } from "../math/money.ts";
import type { EngineCaches } from "./caches.ts";
import { batchOf, playersBatchThs, unitThsOf, worldBoomThs } from "./factoryQueue.ts";
import type { GameState } from "./state.ts";
import { deploymentFactor, newFleetEfficiency, WORLD_BOOM_FACTOR } from "./world.ts";

/**
 * The TH/s players have booked at a factory in each of `count` batches from `first`, from the orders'
 * schedules (index b - first). Asked for every model at every factory on every bot's review, so it
 * sums only the window the price looks at, and each order's unit TH/s once: each batch's sum still
 * adds the same numbers in the same order as summing every batch would.
 */
export function bookedInBatches(
  state: GameState,
  factory: string,
  first: number,
  count: number,
  caches: EngineCaches,
): Float64Array {
  const unitThs = unitThsOf(state, caches);
  const out = new Float64Array(count);
  for (const o of state.factoryOrders) {
    if (o.factory !== factory) continue;
    let unit = Number.NaN;
    for (const s of o.schedule) {
      const i = batchOf(state.scenario, s.day) - first;
      if (i < 0 || i >= count) continue;
      if (Number.isNaN(unit)) unit = unitThs(o.model);
      out[i] = (out[i] as number) + s.quantity * unit;
    }
  }
  return out;
}

/** Booked share of a factory's next `priceHorizonBatches` (world at today's pace + players), basis points. */
export function bookedShareBps(state: GameState, factory: string, caches: EngineCaches): number {
  const scenario = state.scenario;
  const q = scenario.factoryQueue;
  const pace = deploymentFactor(state, newFleetEfficiency(state, caches)) / WORLD_BOOM_FACTOR;
  const first = batchOf(scenario, state.day + 1);
  const booked = bookedInBatches(
    state,
    factory,
    first,
    Math.max(0, Math.ceil(q.priceHorizonBatches)),
    caches,
  );
  let used = 0;
  let capacity = 0;
  for (let b = first; b < first + q.priceHorizonBatches; b++) {
    const world = worldBoomThs(scenario, b);
    used += world * pace + (booked[b - first] as number);
    capacity += world + playersBatchThs(scenario, b);
  }
  return capacity > 0 ? Math.min(10_000, Math.round((used / capacity) * 10_000)) : 0;
}

/** The demand multiplier on a factory's list price, basis points (10000 = no rise). */
export function demandMultiplierBps(state: GameState, factory: string, caches: EngineCaches): number {
  const q = state.scenario.factoryQueue;
  const share = bookedShareBps(state, factory, caches);
  if (share <= q.priceKneeBps || q.priceKneeBps >= 10_000) return 10_000;
  return 10_000 + roundHalfAway((q.priceSlopeBps * (share - q.priceKneeBps)) / (10_000 - q.priceKneeBps));
}
