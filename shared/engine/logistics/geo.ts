/** Where places are: hubs and regions as points, distances between them, the route a mode takes. */
import { greatCircleKm } from "../../math/detmath.ts";
import type { Hub, RegionSpec, ShippingMode } from "../../scenario/types.ts";
import type { EngineCaches } from "../caches.ts";
import { scenarioIndex } from "../lookup.ts";
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

/**
 * Points and distances are geometry of the scenario, which never changes once resolved: they are worked
 * out once per scenario and place (in the scenario's index, lookup.ts, kept in the caller's caches),
 * because every shipping quote needs two points and a distance, and a great-circle distance in
 * deterministic arithmetic is slow. The points handed out are shared: read only.
 */
export interface Places {
  readonly hubs: Map<string, Point | undefined>;
  readonly regions: Map<string, Point | undefined>;
  /** Distances between points of this scenario, by the two point objects. */
  readonly km: WeakMap<Point, Map<Point, number>>;
}

export function pointOf(state: GameState, place: Place, caches: EngineCaches): Point | undefined {
  const memo = scenarioIndex(state.scenario, caches).places;
  if (place.kind === "hub") {
    if (memo.hubs.has(place.hub)) return memo.hubs.get(place.hub);
    const point = hubPoint(state, place.hub);
    memo.hubs.set(place.hub, point);
    return point;
  }
  if (memo.regions.has(place.region)) return memo.regions.get(place.region);
  const point = regionPoint(state, place.region);
  memo.regions.set(place.region, point);
  return point;
}

function hubPoint(state: GameState, id: string): Point | undefined {
  const hub = hubOf(state, id);
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

function regionPoint(state: GameState, id: string): Point | undefined {
  const spec: RegionSpec | undefined = state.scenario.regions.find((r) => r.id === id);
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

/** distanceKm between two points pointOf gave for this state's scenario, worked out once per pair. */
export function placeDistanceKm(state: GameState, a: Point, b: Point, caches: EngineCaches): number {
  const memo = scenarioIndex(state.scenario, caches).places.km;
  let row = memo.get(a);
  if (!row) memo.set(a, (row = new Map()));
  let km = row.get(b);
  if (km === undefined) row.set(b, (km = distanceKm(a, b)));
  return km;
}

/** Great-circle km from `a` to `b` by way of hub `h`. */
function viaKm(a: Point, h: Hub, b: Point): number {
  return greatCircleKm(a.lon, a.lat, h.lon, h.lat) + greatCircleKm(h.lon, h.lat, b.lon, b.lat);
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

/**
 * A railhead is on a train's way when passing it adds at most a fifth to the trip (Khorgos, going from
 * Shenzhen to Kazakhstan, Iran or Germany); a train within China, or from Kazakhstan to Iran, does not
 * detour to it on the map.
 */
const RAILHEAD_DETOUR = 1.2;

/** Waypoints for the map, [lon, lat]: sea legs go port to port, rail through a railhead on its way. */
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
    if (r && viaKm(from, r, to) <= distanceKm(from, to) * RAILHEAD_DETOUR) via.push(r);
  }
  return [[from.lon, from.lat], ...via.map((h): [number, number] => [h.lon, h.lat]), [to.lon, to.lat]];
}
