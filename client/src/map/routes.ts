/**
 * A shipment's route as drawn: the engine's waypoints ([from, port, port, to] for sea, [from, railhead,
 * to] for rail) with each sea leg led along the sea lanes and each rail leg along the rail corridors of
 * ./lanes.ts (shortest path in great-circle km), air as a great circle, trucks straight. Lines that
 * cross the antimeridian are cut there so that a Pacific crossing leaves the map's right edge and comes
 * back at the left rather than being drawn backwards across Asia and Africa. Free of Phaser.
 */
import { geoDistance, geoInterpolate, type GeoProjection } from "d3-geo";
import type { Pt } from "./geo.ts";
import { RAIL_CORRIDORS, SEA_LANES, type LaneGraph, type LonLat } from "./lanes.ts";

const RAD = 180 / Math.PI;
/** Radians: about 5 degrees of arc. */
const SHORT_HOP = 5 / RAD;
const dist = (a: LonLat, b: LonLat) => geoDistance([a[0], a[1]], [b[0], b[1]]);

/** Dijkstra over a lane graph with `from` and `to` attached to their two nearest nodes each. */
export function laneRoute(graph: LaneGraph, from: LonLat, to: LonLat): LonLat[] {
  const names = Object.keys(graph.nodes);
  const at = (n: string): LonLat => (n === "@from" ? from : n === "@to" ? to : (graph.nodes[n] ?? from));
  const adj = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    adj.set(a, [...(adj.get(a) ?? []), b]);
    adj.set(b, [...(adj.get(b) ?? []), a]);
  };
  for (const [a, b] of graph.edges) link(a, b);
  for (const end of ["@from", "@to"]) {
    const near = [...names].sort((a, b) => dist(at(end), at(a)) - dist(at(end), at(b))).slice(0, 2);
    for (const n of near) link(end, n);
  }
  // A short hop (a port next door, under ~500 km) is drawn straight rather than out to the lanes and back.
  if (dist(from, to) < SHORT_HOP) link("@from", "@to");
  const best = new Map<string, number>([["@from", 0]]);
  const prev = new Map<string, string>();
  const open = new Set(["@from"]);
  while (open.size) {
    const cur = [...open].reduce((a, b) => ((best.get(a) ?? Infinity) <= (best.get(b) ?? Infinity) ? a : b));
    open.delete(cur);
    if (cur === "@to") break;
    for (const next of adj.get(cur) ?? []) {
      const d = (best.get(cur) ?? Infinity) + dist(at(cur), at(next));
      if (d < (best.get(next) ?? Infinity)) {
        best.set(next, d);
        prev.set(next, cur);
        open.add(next);
      }
    }
  }
  const out: LonLat[] = [to];
  for (let n = prev.get("@to"); n !== undefined && n !== "@from"; n = prev.get(n)) out.unshift(at(n));
  out.unshift(from);
  return out;
}

/** A great circle from a to b as points about every 3 degrees (air freight). */
function greatCircle(a: LonLat, b: LonLat): LonLat[] {
  const steps = Math.max(2, Math.ceil((dist(a, b) * RAD) / 3));
  const f = geoInterpolate([a[0], a[1]], [b[0], b[1]]);
  return Array.from({ length: steps + 1 }, (_, i) => f(i / steps) as unknown as LonLat);
}

/** The engine's flat [lon, lat, …] path as the route freight of this mode follows, in degrees. */
export function routeLonLat(flat: readonly number[], mode: string): LonLat[] {
  const pts: LonLat[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) pts.push([flat[i] ?? 0, flat[i + 1] ?? 0]);
  if (pts.length < 2) return pts;
  const out: LonLat[] = [pts[0] as LonLat];
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1] as LonLat;
    const b = pts[i] as LonLat;
    // Sea: the middle leg is port to port (the first and last are trucked to and from the ports).
    const seaLeg = mode === "sea" && (pts.length < 4 || i === 2);
    let leg: LonLat[];
    if (seaLeg) leg = laneRoute(SEA_LANES, a, b);
    else if (mode === "rail") leg = laneRoute(RAIL_CORRIDORS, a, b);
    else if (mode === "air") leg = greatCircle(a, b);
    else leg = [a, b];
    out.push(...leg.slice(1));
  }
  return out;
}

/** Splits a lon/lat polyline where it crosses the antimeridian, the crossing point on both sides. */
export function splitAtAntimeridian(points: readonly LonLat[]): LonLat[][] {
  const first = points[0];
  if (!first) return [];
  const parts: LonLat[][] = [[first]];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as LonLat;
    const b = points[i] as LonLat;
    const part = parts[parts.length - 1] as LonLat[];
    if (Math.abs(b[0] - a[0]) <= 180) {
      part.push(b);
      continue;
    }
    // Going east over 180° (b is far west) or west over -180°: cut at the edge a is nearer.
    const edge = a[0] > 0 ? 180 : -180;
    const bLon = b[0] + (edge > 0 ? 360 : -360);
    const f = (edge - a[0]) / (bLon - a[0]);
    const lat = a[1] + (b[1] - a[1]) * f;
    const eps = 1e-6;
    part.push([edge - Math.sign(edge) * eps, lat]);
    parts.push([[-edge + Math.sign(edge) * eps, lat], b]);
  }
  return parts;
}

/** The route projected into world pixels, one polyline per side of the antimeridian. */
export function projectRoute(projection: GeoProjection, flat: readonly number[], mode: string): Pt[][] {
  return splitAtAntimeridian(routeLonLat(flat, mode))
    .map((part) =>
      part.flatMap((p) => {
        const xy = projection([p[0], p[1]]);
        return xy ? [{ x: xy[0], y: xy[1] }] : [];
      }),
    )
    .filter((part) => part.length >= 2);
}

/** The point a share `progress` (0..1) along a route of several polylines, by drawn length. */
export function pointAlongRoute(parts: readonly (readonly Pt[])[], progress: number): Pt | null {
  const segs: [Pt, Pt, number][] = [];
  let total = 0;
  for (const part of parts)
    for (let i = 1; i < part.length; i++) {
      const a = part[i - 1] as Pt;
      const b = part[i] as Pt;
      const d = Math.hypot(b.x - a.x, b.y - a.y);
      segs.push([a, b, d]);
      total += d;
    }
  const start = parts[0]?.[0];
  if (!start) return null;
  let left = Math.min(1, Math.max(0, progress)) * total;
  for (const [a, b, d] of segs) {
    if (left <= d) {
      const f = d === 0 ? 0 : left / d;
      return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
    }
    left -= d;
  }
  const last = segs[segs.length - 1];
  return last ? { ...last[1] } : { ...start };
}

/** The box around a route's points (for the camera to show it). */
export function routeBounds(parts: readonly (readonly Pt[])[]): {
  x: number;
  y: number;
  w: number;
  h: number;
} {
  const pts = parts.flat();
  const xs = pts.map((p) => p.x);
  const ys = pts.map((p) => p.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
}
