/** A company's pre-orders as its own view shows them (issue #13 §3): the engine's queue, read only. */
import { formatIsoDate } from "../math/calendar.ts";
import { cancelRefundCents, lastShipDay } from "../engine/factoryOrders.ts";
import { queueOrder } from "../engine/factoryQueue.ts";
import type { GameState } from "../engine/state.ts";

export interface PreorderView {
  id: string;
  model: string;
  factory: string;
  /** Units not yet shipped. */
  quantity: number;
  premiumBps: number;
  /** Place in the factory's queue (1 = first) and the orders in it. */
  position: number;
  queueLength: number;
  /**
   * When the units ship: the first batch (ISO date, units), the last batch's date and how many batches.
   * Flat fields rather than a list: a list nested in a private map item does not reach the client's
   * filtered view (Colyseus 0.16's StateView).
   */
  firstDate: string;
  firstQuantity: number;
  lastDate: string;
  batches: number;
  /** Pushed back by a later bid: cancelling costs no penalty. */
  bumped: boolean;
  /** What cancelling now refunds, cents. */
  refundCents: number;
}

export function preordersOf(state: GameState, companyId: string): PreorderView[] {
  const out: PreorderView[] = [];
  for (const order of state.factoryOrders) {
    if (order.owner !== companyId) continue;
    const queue = queueOrder(state.factoryOrders.filter((o) => o.factory === order.factory));
    out.push({
      id: order.id,
      model: order.model,
      factory: order.factory,
      quantity: order.quantity,
      premiumBps: order.premiumBps,
      position: queue.indexOf(order) + 1,
      queueLength: queue.length,
      firstDate: formatIsoDate(order.schedule[0]?.day ?? order.earliestDay),
      firstQuantity: order.schedule[0]?.quantity ?? 0,
      lastDate: formatIsoDate(lastShipDay(order)),
      batches: order.schedule.length,
      bumped: order.bumped,
      refundCents: cancelRefundCents(state, order),
    });
  }
  return out;
}
