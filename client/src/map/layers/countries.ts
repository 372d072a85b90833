/** The countries of Natural Earth (1:110m), projected once and drawn as one Graphics object. */
import { feature } from "topojson-client";
import type { FeatureCollection, Geometry } from "geojson";
import type { GeometryCollection, Topology } from "topojson-specification";
import { collectionRings, WORLD_HEIGHT, WORLD_WIDTH } from "../geo.ts";
import { asPoints, type Layer, type MapContext } from "./Layer.ts";

const OCEAN = 0x0b1a2a;
const LAND = 0x22364b;
const BORDER = 0x3d5a78;

export function countriesLayer(): Layer {
  return {
    async create({ scene, projection }: MapContext) {
      const ocean = scene.add.graphics().setDepth(0);
      ocean.fillStyle(OCEAN, 1);
      ocean.fillRect(0, 0, WORLD_WIDTH, WORLD_HEIGHT);
      // Loaded on demand: the outlines are ~100 KB that the lobby does not need.
      const topo = (await import("world-atlas/countries-110m.json")).default as unknown as Topology<{
        countries: GeometryCollection;
      }>;
      const countries = feature(topo, topo.objects.countries) as FeatureCollection<Geometry | null>;
      const g = scene.add.graphics().setDepth(1);
      const rings = collectionRings(projection, countries);
      g.fillStyle(LAND, 1);
      for (const ring of rings) g.fillPoints(asPoints(ring), true);
      g.lineStyle(0.8, BORDER, 1);
      for (const ring of rings) g.strokePoints(asPoints(ring), true);
    },
    update() {
      // Borders do not change with the game.
    },
  };
}
