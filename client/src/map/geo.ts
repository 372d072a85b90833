/**
 * The map's geometry, free of Phaser: the projection into world pixels, and positions along a path
 * (a shipment's route: ./routes.ts).
 */
import { geoEqualEarth, type GeoProjection } from "d3-geo";
import { pointAlongRoute } from "./routes.ts";

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

/** The point a share `progress` (0..1) of the way along a polyline, by length. */
export function pointAlong(points: readonly Pt[], progress: number): Pt | null {
  return pointAlongRoute([points], progress);
}
