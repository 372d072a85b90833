/**
 * The map's geometry, free of Phaser: the projection into world pixels, country outlines as rings of
 * points (d3-geo cuts them at the antimeridian), and positions along a shipment's path.
 */
import { geoEqualEarth, geoPath, type GeoProjection } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";

/** The world is drawn once at this size; the camera pans and zooms over it. */
export const WORLD_WIDTH = 2000;
export const WORLD_HEIGHT = 974; // Equal Earth's aspect ratio is about 2.05

export interface Pt {
  x: number;
  y: number;
}

export function worldProjection(): GeoProjection {
  return geoEqualEarth().fitExtent(
    [
      [8, 8],
      [WORLD_WIDTH - 8, WORLD_HEIGHT - 8],
    ],
    { type: "Sphere" },
  );
}

/** The y of the southern edge worth showing (60° S): nobody mines in Antarctica. */
export function southEdge(projection: GeoProjection): number {
  return projection([0, -60])?.[1] ?? WORLD_HEIGHT;
}

export function project(projection: GeoProjection, lon: number, lat: number): Pt | null {
  const p = projection([lon, lat]);
  return p ? { x: p[0], y: p[1] } : null;
}

/** Rings of projected points for one feature: d3's path stream does the clipping, we keep the points. */
export function featureRings(projection: GeoProjection, feature: Feature<Geometry | null>): Pt[][] {
  const rings: Pt[][] = [];
  let ring: Pt[] = [];
  const context = {
    beginPath() {},
    moveTo(x: number, y: number) {
      if (ring.length > 2) rings.push(ring);
      ring = [{ x, y }];
    },
    lineTo(x: number, y: number) {
      ring.push({ x, y });
    },
    closePath() {
      if (ring.length > 2) rings.push(ring);
      ring = [];
    },
    arc() {},
  };
  geoPath(projection, context)(feature);
  if (ring.length > 2) rings.push(ring);
  return rings;
}

export function collectionRings(projection: GeoProjection, fc: FeatureCollection<Geometry | null>): Pt[][] {
  return fc.features.flatMap((f) => featureRings(projection, f));
}

/** [lon, lat, lon, lat, ...] → projected points (those the projection cannot place are skipped). */
export function projectPath(projection: GeoProjection, flat: readonly number[]): Pt[] {
  const out: Pt[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const p = project(projection, flat[i] ?? 0, flat[i + 1] ?? 0);
    if (p) out.push(p);
  }
  return out;
}

/** The point a share `progress` (0..1) of the way along a polyline, by length. */
export function pointAlong(points: readonly Pt[], progress: number): Pt | null {
  const first = points[0];
  if (!first) return null;
  const lengths: number[] = [];
  let total = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] ?? first;
    const b = points[i] ?? first;
    const d = Math.hypot(b.x - a.x, b.y - a.y);
    lengths.push(d);
    total += d;
  }
  if (total === 0) return { ...first };
  let left = Math.min(1, Math.max(0, progress)) * total;
  for (let i = 0; i < lengths.length; i++) {
    const d = lengths[i] ?? 0;
    const a = points[i] ?? first;
    const b = points[i + 1] ?? first;
    if (left <= d) {
      const f = d === 0 ? 0 : left / d;
      return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
    }
    left -= d;
  }
  const last = points[points.length - 1] ?? first;
  return { ...last };
}
