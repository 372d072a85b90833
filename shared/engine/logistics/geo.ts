/** Where places are: hubs and regions as points, distances between them, the route a mode takes. */
import { greatCircleKm } from "../../math/detmath.ts";
import type { Hub, RegionSpec, ShippingMode } from "../../scenario/types.ts";
import type { GameState } from "../state.ts";
import type { Place } from "../tradeState.ts";

export interface Point {
  lon: number;
  lat: number;
  country: string;
  landmass: string;
  /** Road km to the nearest seaport (0 for hubs and coastal regions). */
  portKm: number;
  name: { en: string; zh: string };
}

export function hubOf(state: GameState, id: string): Hub | undefined {
  return state.scenario.hubs.find((h) => h.id === id);
}

export function pointOf(state: GameState, place: Place): Point | undefined {
  if (place.kind === "hub") {
    const hub = hubOf(state, place.hub);
    return (
      hub && {
        lon: hub.lon,
        lat: hub.lat,
        country: hub.country,
        landmass: hub.landmass,
        portKm: 0,
        name: hub.name,
      }
    );
  }
  const spec: RegionSpec | undefined = state.scenario.regions.find((r) => r.id === place.region);
  return (
    spec && {
      lon: spec.lon,
      lat: spec.lat,
      country: spec.country,
      landmass: spec.landmass,
      portKm: spec.portKm,
      name: spec.name,
    }
  );
}

export function distanceKm(a: Point, b: Point): number {
  return greatCircleKm(a.lon, a.lat, b.lon, b.lat);
}

function nearest(state: GameState, kind: Hub["kind"], p: Point): Hub | undefined {
  let best: Hub | undefined;
  let bestKm = Infinity;
  for (const hub of state.scenario.hubs) {
    if (hub.kind !== kind) continue;
    const km = greatCircleKm(hub.lon, hub.lat, p.lon, p.lat);
    if (km < bestKm) {
      best = hub;
      bestKm = km;
    }
  }
  return best;
}

/** Waypoints for the map, [lon, lat]: sea legs go port to port, rail through the nearest railhead. */
export function routePath(state: GameState, from: Point, to: Point, mode: ShippingMode): [number, number][] {
  const via: Hub[] = [];
  if (mode === "sea") {
    const a = nearest(state, "port", from);
    const b = nearest(state, "port", to);
    if (a) via.push(a);
    if (b && b !== a) via.push(b);
  } else if (mode === "rail") {
    const r = nearest(state, "railhead", {
      ...from,
      lon: (from.lon + to.lon) / 2,
      lat: (from.lat + to.lat) / 2,
    });
    if (r) via.push(r);
  }
  return [[from.lon, from.lat], ...via.map((h): [number, number] => [h.lon, h.lat]), [to.lon, to.lat]];
}
