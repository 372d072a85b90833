/** The lot side of shipping: where a lot ships from, what it declares, and the quote for it. */
import { reject, type Rejection } from "../commands/errors.ts";
import { lotModel } from "../fleet.ts";
import { lotById } from "../lotFacts.ts";
import type { GameState, Lot } from "../state.ts";
import type { Place, Shipment } from "../tradeState.ts";
import type { ShippingMode } from "../../scenario/types.ts";
import { quoteFreight, type ShipmentQuote } from "./quote.ts";
import { shipmentById } from "./shipmentIndex.ts";
import type { EngineCaches } from "../caches.ts";

/** The shipment holding a lot, if it is aboard one. */
export function shipmentOf(state: GameState, lot: Lot, caches: EngineCaches): Shipment | undefined {
  return lot.location.kind === "shipment" ? shipmentById(state, lot.location.shipment, caches) : undefined;
}

/** Where a lot would leave from, or why it cannot leave now. */
export function departurePlace(state: GameState, lot: Lot, caches: EngineCaches): Place | Rejection {
  if (lot.status === "onOrder") {
    return reject(
      "LOT_NOT_READY",
      `Lot ${lot.id} has not left the factory yet.`,
      `批次 ${lot.id} 尚未出厂。`,
    );
  }
  if (lot.location.kind === "factory") return { kind: "hub", hub: lot.location.hub };
  if (lot.location.kind === "region") return { kind: "region", region: lot.location.region };
  const shipment = shipmentOf(state, lot, caches);
  // A lot held by customs can be re-exported from the port where it waits.
  if (shipment?.status === "held") return { kind: "region", region: shipment.to };
  return reject(
    "LOT_BUSY",
    `Lot ${lot.id} is on its way; wait until it arrives.`,
    `批次 ${lot.id} 正在运输途中，请等待到达。`,
  );
}

/** Declared value of `quantity` units: their share of what the owner paid (the customs value). */
export function declaredValue(lot: Lot, quantity: number): number {
  return Math.round((lot.costCents * quantity) / lot.quantity);
}

export interface LotShipping {
  lotId: string;
  to: string;
  mode: ShippingMode;
  insured: boolean;
  quantity?: number;
}

/** Quote for shipping (part of) a lot: the exact figures shipLot charges today. */
export function quoteShipment(
  state: GameState,
  input: LotShipping,
  caches: EngineCaches,
): { ok: true; quote: ShipmentQuote } | { ok: false; error: Rejection } {
  const lot = lotById(state, input.lotId, caches);
  if (!lot)
    return {
      ok: false,
      error: reject("UNKNOWN_LOT", `No lot "${input.lotId}".`, `没有编号为"${input.lotId}"的矿机批次。`),
    };
  const quantity = input.quantity ?? lot.quantity;
  if (quantity > lot.quantity) {
    return {
      ok: false,
      error: reject(
        "BAD_QUANTITY",
        `Lot ${lot.id} holds ${lot.quantity} machines.`,
        `批次 ${lot.id} 只有 ${lot.quantity} 台矿机。`,
      ),
    };
  }
  const from = departurePlace(state, lot, caches);
  if ("code" in from) return { ok: false, error: from };
  if (from.kind === "region" && from.region === input.to && lot.location.kind === "region") {
    return { ok: false, error: reject("NO_ROUTE", "The lot is already there.", "该批次已在目的地。") };
  }
  return quoteFreight(
    state,
    {
      model: lotModel(state, lot, caches),
      quantity,
      origin: lot.origin,
      declaredValueCents: declaredValue(lot, quantity),
      from,
      to: input.to,
      mode: input.mode,
      insured: input.insured,
    },
    caches,
  );
}
