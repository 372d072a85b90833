/**
 * Routes drawn along sea lanes and rail corridors (issue #12 §4): Shenzhen → Los Angeles goes east
 * across the Pacific (cut at the antimeridian, not drawn back across Asia and Africa), Shenzhen →
 * Rotterdam through Malacca and Suez, Shenzhen → Rotterdam by rail through Khorgos; the cargo's dot
 * stays on the drawn line.
 */
import { describe, expect, it } from "vitest";
import { geoEqualEarth } from "d3-geo";
import {
  laneRoute,
  pointAlongRoute,
  projectRoute,
  routeLonLat,
  splitAtAntimeridian,
} from "../../client/src/map/routes.ts";
import { RAIL_CORRIDORS, SEA_LANES } from "../../client/src/map/lanes.ts";

const SHENZHEN = [114.06, 22.54] as const;
const YANTIAN = [114.27, 22.58] as const;
const LOS_ANGELES = [-118.27, 33.74] as const;
const ROTTERDAM = [4.14, 51.95] as const;
const TEXAS = [-97.5, 31] as const;

const near = (p: readonly number[], q: readonly number[], deg = 1) =>
  Math.abs((p[0] ?? 0) - (q[0] ?? 0)) <= deg && Math.abs((p[1] ?? 0) - (q[1] ?? 0)) <= deg;

describe("sea lanes and rail corridors", () => {
  it("every lane's edge names nodes it has", () => {
    for (const g of [SEA_LANES, RAIL_CORRIDORS])
      for (const [a, b] of g.edges)
        expect(
          [a, b].every((n) => n in g.nodes),
          `${a}–${b}`,
        ).toBe(true);
  });

  it("Yantian → Los Angeles crosses the Pacific eastwards, never over the Indian Ocean", () => {
    const route = laneRoute(SEA_LANES, YANTIAN, LOS_ANGELES);
    expect(
      route.some((p) => near(p, [180, 38], 0.01)),
      JSON.stringify(route),
    ).toBe(true);
    // Nothing between Africa and India (the old straight line went west across them).
    expect(route.filter((p) => p[0] > 20 && p[0] < 100)).toEqual([]);
  });

  it("Yantian → Rotterdam goes through Malacca, Suez and Gibraltar", () => {
    const route = laneRoute(SEA_LANES, YANTIAN, ROTTERDAM);
    for (const via of [SEA_LANES.nodes.singaporeStrait, SEA_LANES.nodes.suez, SEA_LANES.nodes.gibraltar])
      expect(
        route.some((p) => near(p, via as readonly number[], 0.01)),
        JSON.stringify(route),
      ).toBe(true);
  });

  it("a sea shipment's path [factory, port, port, region] is trucked to the port, shipped along the lanes", () => {
    const flat = [...SHENZHEN, ...YANTIAN, ...LOS_ANGELES, ...TEXAS];
    const route = routeLonLat(flat, "sea");
    expect(route[0]).toEqual(SHENZHEN);
    expect(route[route.length - 1]).toEqual(TEXAS);
    expect(route.length).toBeGreaterThan(6);
  });

  it("rail from Shenzhen to Rotterdam follows the corridor through Khorgos", () => {
    const route = routeLonLat([...SHENZHEN, 80.25, 44.21, ...ROTTERDAM], "rail");
    expect(route.some((p) => near(p, RAIL_CORRIDORS.nodes.urumqi as readonly number[], 0.01))).toBe(true);
    expect(route.some((p) => near(p, RAIL_CORRIDORS.nodes.moscow as readonly number[], 0.01))).toBe(true);
  });

  it("cuts a line at the antimeridian, the crossing on both edges", () => {
    const parts = splitAtAntimeridian([
      [170, 30],
      [-170, 40],
    ]);
    expect(parts).toHaveLength(2);
    expect(parts[0]?.[1]?.[0]).toBeCloseTo(180, 4);
    expect(parts[1]?.[0]?.[0]).toBeCloseTo(-180, 4);
    expect(parts[0]?.[1]?.[1]).toBeCloseTo(35, 4);
  });

  it("projects a Pacific crossing as two lines and keeps the cargo on them", () => {
    const projection = geoEqualEarth();
    const parts = projectRoute(projection, [...YANTIAN, ...LOS_ANGELES], "sea");
    expect(parts.length).toBe(2);
    const start = pointAlongRoute(parts, 0);
    const end = pointAlongRoute(parts, 1);
    const [sx, sy] = projection([YANTIAN[0], YANTIAN[1]]) as [number, number];
    const [ex, ey] = projection([LOS_ANGELES[0], LOS_ANGELES[1]]) as [number, number];
    expect(start?.x).toBeCloseTo(sx, 3);
    expect(start?.y).toBeCloseTo(sy, 3);
    expect(end?.x).toBeCloseTo(ex, 3);
    expect(end?.y).toBeCloseTo(ey, 3);
  });
});
