/**
 * Shipments by name for people, not by id: "Shipment 4 · Shenzhen → Texas" instead of "ship-4". The
 * view gives a shipment's path, not its ends' ids, so the ends are the catalog's places nearest to the
 * path's first and last points (a route starts at a factory or region and ends at one). The last
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

/** The catalog place nearest to a point (degrees; good enough to tell Shenzhen from Texas). */
function nearest(lon: number, lat: number): string {
  let best = "";
  let bestD = Infinity;
  for (const p of [...catalog.hubs, ...catalog.regions]) {
    const d = (p.lon - lon) ** 2 + (p.lat - lat) ** 2;
    if (d < bestD) {
      bestD = d;
      best = pick(p.name);
    }
  }
  return best;
}

/** "Shipment 4 · Shenzhen → Texas" (or "Shipment 4" without its path); null when `id` is no shipment's. */
export function shipmentName(id: string, list: readonly ShipmentView[] = shipments): string | null {
  const m = /^ship-(\d+)$/.exec(id);
  if (!m) return null;
  const n = m[1] ?? "";
  const path = list.find((s) => s.id === id)?.path ?? [];
  if (path.length < 4) return t("shipment.label", { n });
  const [lon0 = 0, lat0 = 0] = path;
  const from = nearest(lon0, lat0);
  const to = nearest(path[path.length - 2] ?? 0, path[path.length - 1] ?? 0);
  return t("shipment.route", { n, from, to });
}

/**
 * A notice's text with the engine's ids as plain numbers: "Shipment ship-4 was lost" → "Shipment 4 was
 * lost", "批次 lot-7" → "批次 7" (the engine's words already say what the thing is).
 */
export function plainIds(text: string): string {
  return text.replace(/\b(?:ship|lot|offer)-(\d+)\b/g, "$1");
}
