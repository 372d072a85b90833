/**
 * A shipment by id, as `state.shipments.find((s) => s.id === id)` finds it, without the search: the bots
 * and the rules ask for the shipment of each lot in transit, and a fleet can have hundreds of both.
 *
 * The index sits beside the state, in the caller's EngineCaches, for one list at a time, and is made
 * again when the list is another (shipments that ended are filtered out once a day; another game) or has
 * grown (a lot shipped). Every hit is checked against the list, and a miss searches it, so what this
 * returns is always what the search would return now: a cache of speed, never of state.
 */
import type { EngineCaches } from "../caches.ts";
import type { GameState } from "../state.ts";
import type { Shipment } from "../tradeState.ts";

export interface ShipmentIndex {
  list: Shipment[];
  length: number;
  byId: Map<string, number>;
}

export function shipmentById(state: GameState, id: string, caches: EngineCaches): Shipment | undefined {
  const list = state.shipments;
  let index = caches.shipments;
  if (!index || index.list !== list || index.length !== list.length) {
    const byId = new Map<string, number>();
    for (let i = 0; i < list.length; i++) {
      const shipmentId = (list[i] as Shipment).id;
      // The first shipment with an id is the one a search finds.
      if (!byId.has(shipmentId)) byId.set(shipmentId, i);
    }
    index = caches.shipments = { list, length: list.length, byId };
  }
  const i = index.byId.get(id);
  if (i !== undefined) {
    const shipment = list[i] as Shipment;
    if (shipment.id === id) return shipment;
  }
  return list.find((s) => s.id === id);
}
