/**
 * The countries of Natural Earth (1:110m), drawn once into a texture: the sea, the land and the borders
 * never change during a game, so they are painted with the browser's 2D canvas (d3-geo draws the paths
 * straight into it) at twice the world's size, and the map shows that one image. Re-drawing a few
 * thousand polygons every frame kept a CPU core busy where WebGL has no GPU; one textured quad costs
 * next to nothing, and twice the resolution keeps the coast sharp until well into the zoom.
 */
import { geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { FeatureCollection, Geometry } from "geojson";
import type { GeometryCollection, Topology } from "topojson-specification";
import { southEdge, WORLD_WIDTH } from "../geo.ts";
import type { Layer, MapContext } from "./Layer.ts";

const OCEAN = "#0b1a2a";
const LAND = "#22364b";
const BORDER = "#3d5a78";
const TEXTURE_KEY = "atlas-countries";

/** Texture scale: 2× the world, but never past what the GPU takes (4096 px is safe everywhere). */
function textureScale(maxSize: number): number {
  return Math.min(2, maxSize / WORLD_WIDTH);
}

function paint(canvas: HTMLCanvasElement, ctx: MapContext, countries: FeatureCollection<Geometry | null>) {
  const c = canvas.getContext("2d");
  if (!c) return;
  const scale = canvas.width / WORLD_WIDTH;
  c.setTransform(scale, 0, 0, scale, 0, 0);
  c.fillStyle = OCEAN;
  c.fillRect(0, 0, WORLD_WIDTH, canvas.height / scale);
  const path = geoPath(ctx.projection, c);
  c.beginPath();
  path(countries);
  c.fillStyle = LAND;
  c.fill();
  c.lineWidth = 0.8;
  c.strokeStyle = BORDER;
  c.stroke();
}

export function countriesLayer(): Layer {
  return {
    async create(ctx: MapContext) {
      const { scene, projection } = ctx;
      // Loaded on demand: the outlines are ~100 KB that the lobby does not need.
      const topo = (await import("world-atlas/countries-110m.json")).default as unknown as Topology<{
        countries: GeometryCollection;
      }>;
      const countries = feature(topo, topo.objects.countries) as FeatureCollection<Geometry | null>;
      const renderer = scene.game.renderer as { config?: { maxTextureSize?: number } };
      const scale = textureScale(renderer.config?.maxTextureSize ?? 4096);
      const canvas = document.createElement("canvas");
      canvas.width = Math.floor(WORLD_WIDTH * scale);
      canvas.height = Math.ceil(southEdge(projection) * scale);
      paint(canvas, ctx, countries);
      if (scene.textures.exists(TEXTURE_KEY)) scene.textures.remove(TEXTURE_KEY);
      scene.textures.addCanvas(TEXTURE_KEY, canvas);
      scene.add
        .image(0, 0, TEXTURE_KEY)
        .setOrigin(0, 0)
        .setScale(1 / scale)
        .setDepth(0);
    },
    update() {
      // Borders do not change with the game.
    },
  };
}
