/**
 * Shipments by name for people, not by id: "Shipment 4 · Shenzhen → Texas" instead of "ship-4". The
 * view names a shipment's ends by id (a hub or a region), read here in the catalog. The last
 * state's shipments are remembered here (the client's own cache) so that a lot's place, which names
 * only the shipment's id, can be read anywhere.
 */
import catalog from "virtual:atlas-catalog";
import { pick, t } from "../i18n/index.ts";
import type { ShipmentView } from "../net/view.ts";

let shipments: readonly ShipmentView[] = [];

/** Keeps the latest state's shipments for the names below. */
export function rememberShipments(list: readonly ShipmentView[]): void {
  shipments = list;
}

/** A place's name by its id (a hub or a region of the catalog); the id itself if unknown. */
function placeOf(id: string): string {
  const place = catalog.hubs.find((p) => p.id === id) ?? catalog.regions.find((p) => p.id === id);
  return place ? pick(place.name) : id;
}

/** "Shipment 4 · Shenzhen → Texas" (or "Shipment 4" without its ends); null when `id` is no shipment's. */
export function shipmentName(id: string, list: readonly ShipmentView[] = shipments): string | null {
  const m = /^ship-(\d+)$/.exec(id);
  if (!m) return null;
  const n = m[1] ?? "";
  const s = list.find((x) => x.id === id);
  if (!s?.fromId || !s.toId) return t("shipment.label", { n });
  return t("shipment.route", { n, from: placeOf(s.fromId), to: placeOf(s.toId) });
}

/**
 * A notice's text with the engine's ids as plain numbers: "Shipment ship-4 was lost" → "Shipment 4 was
 * lost", "批次 lot-7" → "批次 7" (the engine's words already say what the thing is).
 */
export function plainIds(text: string): string {
  return text.replace(/\b(?:ship|lot|offer)-(\d+)\b/g, "$1");
}
