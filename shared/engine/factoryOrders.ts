/**
 * Pre-orders (issue #13 §3): placing one in a factory's queue, the queue re-ordered by bid (owners
 * pushed back are told by a notice), batches shipping from the factory, and cancelling.
 *
 * Terms (stated in the scenario's factoryQueue block): an order is paid in full when placed, as
 * Bitmain's long-term agreements had each delivery batch paid in full before it shipped; its units wait
 * as one lot "on order" that each batch splits from. Cancelling refunds the units not yet shipped less
 * `cancelPenaltyBps`, the deposit the factory keeps; an order pushed back by a later bid may be cancelled
 * without penalty, as Antminer's contracts let buyers of late batches ask for a refund.
 */
import type { Text } from "../scenario/types.ts";
import { formatIsoDate } from "../math/calendar.ts";
import type { EngineCaches } from "./caches.ts";
import { allocate, ordersAt, unitThsOf } from "./factoryQueue.ts";
import type { FactoryOrder } from "./factoryTypes.ts";
import { post } from "./ledger.ts";
import { lotById } from "./lotFacts.ts";
import type { Company, GameState, Lot } from "./state.ts";

/** The day the last of an order's units ships (its own earliest day when nothing is scheduled). */
export function lastShipDay(order: Pick<FactoryOrder, "schedule" | "earliestDay">): number {
  const last = order.schedule[order.schedule.length - 1];
  return last ? last.day : order.earliestDay;
}

/**
 * Recomputes a factory's schedules after its queue changed; the owners of orders now finishing later
 * are told, and those orders may be cancelled without penalty. Each order's lot waits for its next batch.
 */
export function requeue(state: GameState, factory: string, caches: EngineCaches, cause: string | null): void {
  const orders = ordersAt(state, factory);
  const { schedules } = allocate(state, orders, unitThsOf(state, caches));
  for (const order of orders) {
    const before = lastShipDay(order);
    order.schedule = schedules.get(order.id) ?? [];
    const lot = lotById(state, order.lot, caches);
    const next = order.schedule[0];
    if (lot && next) lot.readyDay = next.day;
    if (cause !== null && order.owner !== cause && lastShipDay(order) > before) {
      order.bumped = true;
      notify(state, order, "factory:bumped", bumpedText(order, state));
    }
  }
}

function modelName(state: GameState, id: string): string {
  return state.scenario.asics.find((m) => m.id === id)?.name ?? id;
}

function bumpedText(order: FactoryOrder, state: GameState): Text {
  const date = formatIsoDate(lastShipDay(order));
  const what = `${order.quantity} × ${modelName(state, order.model)}`;
  return {
    en: `A higher pre-order bid pushed your ${what} back: the last units now ship on ${date}. You may cancel it without penalty.`,
    zh: `更高的预购出价把你的 ${what} 挤到了后面：最后一批现在于 ${date} 出厂。你可以免违约金取消这笔预购。`,
  };
}

function notify(state: GameState, order: FactoryOrder, kind: string, text: Text): void {
  state.notices.push({ day: state.day, company: order.owner, kind, text, targets: [order.factory] });
}

/**
 * Batches due today leave the factory: the units split from the order's lot into a lot stored at the
 * factory (a batch that is the whole rest hands over the lot itself, which deliverOrders stores).
 * Called at the start of a day, before deliverOrders (step.ts closeDay).
 */
export function shipFactoryBatches(state: GameState, caches: EngineCaches): void {
  if (state.factoryOrders.length === 0) return;
  const done = new Set<string>();
  for (const order of state.factoryOrders) {
    // The lot table finds the lot a search of the lots would (lotFacts.ts), without the search.
    const lot = lotById(state, order.lot, caches);
    if (!lot) {
      done.add(order.id);
      continue;
    }
    while (order.schedule.length > 0 && (order.schedule[0]?.day ?? Infinity) <= state.day) {
      const batch = order.schedule.shift() as { day: number; quantity: number };
      shipBatch(state, order, lot, batch.quantity);
    }
    if (order.quantity <= 0) done.add(order.id);
    else if (order.schedule[0]) lot.readyDay = order.schedule[0].day;
  }
  if (done.size > 0) state.factoryOrders = state.factoryOrders.filter((o) => !done.has(o.id));
}

function shipBatch(state: GameState, order: FactoryOrder, lot: Lot, quantity: number): void {
  const units = Math.min(quantity, order.quantity);
  order.quantity -= units;
  if (order.quantity <= 0) lot.readyDay = state.day;
  else {
    const costCents = Math.floor((lot.costCents * units) / lot.quantity);
    lot.quantity -= units;
    lot.costCents -= costCents;
    const id = `lot-${state.nextId++}`;
    state.lots.push({ ...lot, id, quantity: units, costCents, status: "stored", readyDay: state.day });
  }
  // No notice of its own: the client says "ready at the factory: ship it" for every lot stored there.
}

/** What cancelling refunds: the undelivered units' price, less the penalty unless the order was pushed back. */
export function cancelRefundCents(state: GameState, order: FactoryOrder): number {
  const lot = state.lots.find((l) => l.id === order.lot);
  if (!lot) return 0;
  const penalty = order.bumped ? 0 : state.scenario.factoryQueue.cancelPenaltyBps;
  return Math.floor((lot.costCents * (10_000 - penalty)) / 10_000);
}

/** Cancels a pre-order: refunds it, removes its lot, and the rest of the queue moves up. */
export function cancelFactoryOrder(
  state: GameState,
  company: Company,
  order: FactoryOrder,
  caches: EngineCaches,
): void {
  const refund = cancelRefundCents(state, order);
  post(company, state.day, "machinePurchase", refund, 0, order.lot);
  state.lots = state.lots.filter((l) => l.id !== order.lot);
  state.factoryOrders = state.factoryOrders.filter((o) => o.id !== order.id);
  requeue(state, order.factory, caches, null);
}
