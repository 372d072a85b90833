/**
 * A shipment by id, as `state.shipments.find((s) => s.id === id)` finds it, without the search: the bots
 * and the rules ask for the shipment of each lot in transit, and a fleet can have hundreds of both.
 *
 * The index sits beside the state, keyed by the list itself, and is made again when the list is replaced
 * (shipments that ended are filtered out once a day) or has grown (a lot shipped). Every hit is checked
 * against the list, and a miss searches it, so what this returns is always what the search would return
 * now: a cache of speed, never of state.
 */
import type { GameState } from "../state.ts";
import type { Shipment } from "../tradeState.ts";

interface Index {
  length: number;
  byId: Map<string, number>;
}

const indexes = new WeakMap<Shipment[], Index>();
/** The list asked about last and its index: most look-ups in a row are for one state's list. */
let lastList: Shipment[] | null = null;
let lastIndex: Index | null = null;

export function shipmentById(state: GameState, id: string): Shipment | undefined {
  const list = state.shipments;
  let index = list === lastList ? lastIndex : indexes.get(list);
  if (!index || index.length !== list.length) {
    const byId = new Map<string, number>();
    for (let i = 0; i < list.length; i++) {
      const shipmentId = (list[i] as Shipment).id;
      // The first shipment with an id is the one a search finds.
      if (!byId.has(shipmentId)) byId.set(shipmentId, i);
    }
    indexes.set(list, (index = { length: list.length, byId }));
  }
  lastList = list;
  lastIndex = index;
  const i = index.byId.get(id);
  if (i !== undefined) {
    const shipment = list[i] as Shipment;
    if (shipment.id === id) return shipment;
  }
  return list.find((s) => s.id === id);
}
