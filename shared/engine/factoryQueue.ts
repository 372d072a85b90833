/**
 * The factories' queues (issue #13 §3). Output comes in batches (a "month", `batchDays` long). Each
 * batch the rest of the world's deployments are served first, at their boom pace (so the no-player
 * history never waits: the world keeps its path); what the factories make beyond that, `headroomBps` of
 * it, is what the players share, split evenly between the factories open on the batch's day.
 *
 * A factory's players' output goes to its pre-orders by bid (premium over list, highest first), then
 * by time (earlier first): a later higher bid takes earlier batches and pushes others back. The queue is
 * recomputed whole whenever it changes, so a schedule is a pure function of the orders and the day.
 * Capacity is counted in TH/s, so every model a factory makes draws on the same line.
 */
import type { Scenario } from "../scenario/types.ts";
import type { FactoryOrder, FactoryShipment } from "./factoryTypes.ts";
import type { GameState } from "./state.ts";
import type { EngineCaches } from "./caches.ts";
import { modelInScenario } from "./lookup.ts";
import { deploymentRateAt, WORLD_BOOM_FACTOR } from "./world.ts";

/** A new order must fit within this many batches; orders pushed back may go further. */
export const MAX_QUEUE_BATCHES = 24;
/** Premiums over list a pre-order bid may take in legalCommands' list (and the bots' choice), basis points. */
export const PREORDER_BID_LEVELS: readonly number[] = [500, 1_000, 2_000, 3_000];
/** A model counts as new, worth a pre-order bid, this many days after its release. */
export const NEW_MODEL_DAYS = 180;
/** Guard on the batches a queue may run to (an order of 100,000 units on a small line). */
const MAX_SCAN_BATCHES = 2_000;

/** The batch a day falls in (batches count from the scenario's first day). */
export function batchOf(scenario: Scenario, day: number): number {
  return Math.floor((day - scenario.startDay) / scenario.factoryQueue.batchDays);
}

export function batchStartDay(scenario: Scenario, batch: number): number {
  return scenario.startDay + batch * scenario.factoryQueue.batchDays;
}

/** Factories producing on `day`. */
function openFactoryCount(scenario: Scenario, day: number): number {
  let n = 0;
  for (const h of scenario.hubs) if (h.kind === "factory" && h.opensDay <= day) n++;
  return Math.max(1, n);
}

/** What the world's deployments take from one factory in a batch at their boom pace, TH/s. */
export function worldBoomThs(scenario: Scenario, batch: number): number {
  const day = batchStartDay(scenario, batch);
  const q = scenario.factoryQueue;
  return (
    (deploymentRateAt(scenario, day) * q.batchDays * WORLD_BOOM_FACTOR) / openFactoryCount(scenario, day)
  );
}

/** One factory's output left for players in a batch, TH/s: the headroom over the world's boom pace. */
export function playersBatchThs(scenario: Scenario, batch: number): number {
  return (worldBoomThs(scenario, batch) * scenario.factoryQueue.headroomBps) / 10_000;
}

/** Orders in queue order: highest bid first, then the earliest placed. */
export function queueOrder(orders: readonly FactoryOrder[]): FactoryOrder[] {
  return [...orders].sort((a, b) => b.premiumBps - a.premiumBps || a.seq - b.seq);
}

/** TH/s per unit, by model id (the scenario's catalog). */
export type UnitThs = (model: string) => number;

export function unitThsOf(state: GameState, caches: EngineCaches): UnitThs {
  return (model) => (modelInScenario(state.scenario, model, caches)?.hashrateGhs ?? 0) / 1000;
}

/**
 * Schedules for a factory's orders from today on (batches whose units already shipped are past):
 * each order, in queue order, takes whole units from the free TH/s of the batches from its earliest day.
 * Units in a batch ship on its first day, or on the order's earliest day when that falls inside it.
 * Returns each order's schedule by id, and the TH/s booked per batch.
 */
export function allocate(
  state: GameState,
  orders: readonly FactoryOrder[],
  unitThs: UnitThs,
  maxBatches: number = MAX_SCAN_BATCHES,
): { schedules: Map<string, FactoryShipment[]>; booked: Map<number, number>; unplaced: Map<string, number> } {
  const scenario = state.scenario;
  const booked = new Map<number, number>();
  const schedules = new Map<string, FactoryShipment[]>();
  const unplaced = new Map<string, number>();
  const firstBatch = batchOf(scenario, state.day + 1);
  for (const order of queueOrder(orders)) {
    const perUnit = unitThs(order.model);
    const schedule: FactoryShipment[] = [];
    let left = order.quantity;
    const from = Math.max(firstBatch, batchOf(scenario, order.earliestDay));
    for (let b = from; left > 0 && b < from + maxBatches; b++) {
      const used = booked.get(b) ?? 0;
      const fit = perUnit > 0 ? Math.floor((playersBatchThs(scenario, b) - used) / perUnit) : left;
      const take = Math.min(left, Math.max(0, fit));
      if (take <= 0) continue;
      booked.set(b, used + take * perUnit);
      schedule.push({ day: Math.max(batchStartDay(scenario, b), order.earliestDay), quantity: take });
      left -= take;
    }
    schedules.set(order.id, schedule);
    if (left > 0) unplaced.set(order.id, left);
  }
  return { schedules, booked, unplaced };
}

/** A factory's open orders. */
export function ordersAt(state: GameState, factory: string): FactoryOrder[] {
  return state.factoryOrders.filter((o) => o.factory === factory);
}
