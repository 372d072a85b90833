/**
 * cancelPreorder: takes a company's pre-order out of its factory's queue. The units not yet shipped are
 * refunded less the scenario's cancellation penalty (none when a later bid pushed the order back); the
 * orders behind it move up (factoryOrders.ts).
 */
import { refuse } from "../../protocol/refusals/index.ts";
import type { EngineCaches } from "../caches.ts";
import { cancelFactoryOrder, cancelRefundCents } from "../factoryOrders.ts";
import type { FactoryOrder } from "../factoryTypes.ts";
import type { Company, GameState } from "../state.ts";
import type { Rejection } from "./errors.ts";
import type { Quoter } from "./quote.ts";
import type { CommandOf } from "./schema.ts";

type Cmd = CommandOf<"cancelPreorder">;

function ownOrder(state: GameState, owner: string, id: string): FactoryOrder | undefined {
  return state.factoryOrders.find((o) => o.id === id && o.owner === owner);
}

export function validateCancelPreorder(state: GameState, company: Company, cmd: Cmd): Rejection | null {
  return ownOrder(state, company.id, cmd.order) ? null : refuse("UNKNOWN_PREORDER", { order: cmd.order });
}

export function applyCancelPreorder(
  state: GameState,
  company: Company,
  cmd: Cmd,
  caches: EngineCaches,
): void {
  const order = ownOrder(state, company.id, cmd.order);
  if (!order) throw new Error("cancelPreorder applied without validation");
  cancelFactoryOrder(state, company, order, caches);
}

/** What cancelling would refund, and the penalty it would cost. */
export const previewCancelPreorder: Quoter<"cancelPreorder"> = ({ state, companyId }, cmd) => {
  const order = ownOrder(state, companyId, cmd.order);
  if (!order) return undefined;
  const refundCents = cancelRefundCents(state, order);
  const paidCents = state.lots.find((l) => l.id === order.lot)?.costCents ?? 0;
  return { kind: "cancelPreorder", refundCents, penaltyCents: paidCents - refundCents, bumped: order.bumped };
};
