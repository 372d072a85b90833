/** shipLot: send a lot (or part of it) from a factory, a warehouse or a customs hold to a region. */
import { post } from "../ledger.ts";
import { pointOf, routePath } from "../logistics/geo.ts";
import { departurePlace, quoteShipment, shipmentOf } from "../logistics/ship.ts";
import type { Place } from "../tradeState.ts";
import type { ShippingMode } from "../../scenario/types.ts";
import type { Company, GameState, Lot } from "../state.ts";
import { reservedUnits } from "../offers.ts";
import { ownLot } from "./lots.ts";
import { refuse } from "../../protocol/refusals/index.ts";
import type { Rejection } from "./errors.ts";
import type { CommandOf } from "./schema.ts";
import type { EngineCaches } from "../caches.ts";
import { SHIPPING_MODES } from "../../scenario/types.ts";
import { formatIsoDate } from "../../math/calendar.ts";
import type { ShipmentQuote } from "../logistics/quote.ts";
import type { ShipQuote } from "../../protocol/preview.ts";
import { ownedLot, type Quoter } from "./quote.ts";

type Cmd = CommandOf<"shipLot">;

const input = (cmd: Cmd) => ({
  lotId: cmd.lot,
  to: cmd.to,
  mode: cmd.mode,
  insured: cmd.insured,
  quantity: cmd.quantity,
  broker: cmd.broker,
});

export function validateShip(
  state: GameState,
  company: Company,
  cmd: Cmd,
  caches: EngineCaches,
): Rejection | null {
  const lot = ownLot(state, company, cmd.lot, caches);
  if ("code" in lot) return lot;
  const from = departurePlace(state, lot, caches);
  if ("code" in from) return from;
  if (from.kind === "hub") {
    const factory = state.factories.find((f) => f.hub === from.hub);
    const dest = state.scenario.regions.find((r) => r.id === cmd.to);
    const hub = state.scenario.hubs.find((h) => h.id === from.hub);
    if (factory && hub && dest && factory.exportBlockedUntil > state.day && dest.country !== hub.country) {
      return refuse("EXPORT_BLOCKED", { factory: hub.name });
    }
  }
  const quoted = quoteShipment(state, input(cmd), caches);
  if (!quoted.ok) return quoted.error;
  const reserved = reservedUnits(state, lot.id);
  if (reserved > 0 && (cmd.quantity ?? lot.quantity) > lot.quantity - reserved) {
    return refuse("SHIP_PROMISED", { lot: lot.id, promised: reserved });
  }
  if (quoted.quote.payNowCents > company.cashCents) {
    return refuse("FREIGHT_UNAFFORDABLE", {
      costCents: quoted.quote.payNowCents,
      cashCents: company.cashCents,
    });
  }
  return null;
}

/** Splits `quantity` units off a lot into a new lot (same owner, place and papers); returns the part. */
export function splitLot(state: GameState, lot: Lot, quantity: number): Lot {
  if (quantity >= lot.quantity) return lot;
  const costCents = Math.round((lot.costCents * quantity) / lot.quantity);
  const part: Lot = {
    ...lot,
    location: { ...lot.location },
    id: `lot-${state.nextId++}`,
    quantity,
    costCents,
  };
  lot.quantity -= quantity;
  lot.costCents -= costCents;
  state.lots.push(part);
  return part;
}

export function applyShip(state: GameState, company: Company, cmd: Cmd, caches: EngineCaches): void {
  const whole = ownLot(state, company, cmd.lot, caches);
  const quoted = quoteShipment(state, input(cmd), caches);
  if ("code" in whole || !quoted.ok) throw new Error("shipLot applied without validation");
  const from = departurePlace(state, whole, caches);
  if ("code" in from) throw new Error("shipLot applied without validation");
  const q = quoted.quote;
  // A lot held by customs is re-exported: its old shipment ends there.
  const held = shipmentOf(state, whole, caches);
  if (held) held.status = "refused";
  const lot = splitLot(state, whole, cmd.quantity ?? whole.quantity);
  const id = `ship-${state.nextId++}`;
  post(company, state.day, "freight", -q.freightCents, 0, id);
  if (q.insuranceCents > 0) post(company, state.day, "insurance", -q.insuranceCents, 0, id);
  // The broker is paid when it takes the file; a licence fee only if customs asks for one (advance.ts).
  if (q.brokerFeeCents > 0) post(company, state.day, "customsFees", -q.brokerFeeCents, 0, id);
  state.shipments.push({
    id,
    owner: company.id,
    lot: lot.id,
    model: lot.model,
    quantity: lot.quantity,
    origin: lot.origin,
    from,
    to: cmd.to,
    mode: cmd.mode,
    international: q.international,
    departDay: state.day,
    arriveDay: q.arriveDay,
    customsDay: q.customsDay,
    status: "inTransit",
    declaredValueCents: q.declaredValueCents,
    insured: cmd.insured,
    freightCents: q.freightCents,
    insuranceCents: q.insuranceCents,
    quotedTariffBps: q.tariffBps,
    quotedVatBps: q.vatBps,
    tariffCents: 0,
    vatCents: 0,
    storageCents: 0,
    damagedUnits: 0,
    holdReason: null,
    licenceDay: null,
    path: shipmentPath(state, from, cmd.to, cmd.mode, caches),
    broker: q.broker,
    inspectionDay: null,
  });
  lot.status = "inTransit";
  lot.powered = false;
  lot.location = { kind: "shipment", shipment: id };
}

/** The waypoints drawn on the map (only computed for real shipments: quotes do not need them). */
function shipmentPath(
  state: GameState,
  from: Place,
  to: string,
  mode: ShippingMode,
  caches: EngineCaches,
): [number, number][] {
  const a = pointOf(state, from, caches);
  const b = pointOf(state, { kind: "region", region: to }, caches);
  return a && b ? routePath(state, a, b, mode) : [];
}

/** Every mode to the same destination, each judged as that command would be, and quoted. */
export const previewShip: Quoter<"shipLot"> = (q, cmd) => {
  if (!ownedLot(q, cmd.lot)) return undefined;
  const trip = {
    lotId: cmd.lot,
    to: cmd.to,
    insured: cmd.insured,
    quantity: cmd.quantity,
    broker: cmd.broker,
  };
  return {
    kind: "ship",
    modes: SHIPPING_MODES.map((mode) => {
      const error = q.judge({ ...cmd, mode });
      const quoted = quoteShipment(q.state, { ...trip, mode }, q.caches);
      return {
        mode,
        ok: error === null,
        ...(error ? { error } : {}),
        ...(quoted.ok ? { quote: shipQuoteOf(quoted.quote) } : {}),
      };
    }),
  };
};

function shipQuoteOf(q: ShipmentQuote): ShipQuote {
  const { departDay: _d, arriveDay, customsDay, ...rest } = q;
  return { ...rest, arriveDate: formatIsoDate(arriveDay), customsDate: formatIsoDate(customsDay) };
}
