/** The lot side of shipping: where a lot ships from, what it declares, and the quote for it. */
import { refuse } from "../../protocol/refusals/index.ts";
import type { Rejection } from "../commands/errors.ts";
import { lotModel } from "../fleet.ts";
import { lotById } from "../lotFacts.ts";
import type { GameState, Lot } from "../state.ts";
import type { Place, Shipment } from "../tradeState.ts";
import type { ShippingMode } from "../../scenario/types.ts";
import type { Broker } from "../../scenario/tradeSpec.ts";
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
    return refuse("LOT_NOT_READY", { lot: lot.id });
  }
  if (lot.location.kind === "factory") return { kind: "hub", hub: lot.location.hub };
  if (lot.location.kind === "region") return { kind: "region", region: lot.location.region };
  const shipment = shipmentOf(state, lot, caches);
  // A lot held by customs can be re-exported from the port where it waits.
  if (shipment?.status === "held") return { kind: "region", region: shipment.to };
  return refuse("LOT_ON_ITS_WAY", { lot: lot.id });
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
  broker?: Broker;
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
      error: refuse("UNKNOWN_LOT", { lot: input.lotId }),
    };
  const quantity = input.quantity ?? lot.quantity;
  if (quantity > lot.quantity) {
    return { ok: false, error: refuse("SHIP_TOO_MANY", { lot: lot.id, holds: lot.quantity }) };
  }
  const from = departurePlace(state, lot, caches);
  if ("code" in from) return { ok: false, error: from };
  if (from.kind === "region" && from.region === input.to && lot.location.kind === "region") {
    return { ok: false, error: refuse("ALREADY_THERE") };
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
      broker: input.broker,
    },
    caches,
  );
}
