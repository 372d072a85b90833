/** Factories and ports: where machines come from. Small squares; factories stand out. */
import type Phaser from "phaser";
import catalog from "virtual:atlas-catalog";
import { project, type Pt } from "../geo.ts";
import type { Layer, MapContext, MapFrame } from "./Layer.ts";

export function hubsLayer(): Layer {
  let g: Phaser.GameObjects.Graphics | null = null;
  let hubs: { at: Pt; factory: boolean }[] = [];
  return {
    create({ scene, projection }: MapContext) {
      g = scene.add.graphics().setDepth(2);
      hubs = catalog.hubs.flatMap((h) => {
        const at = project(projection, h.lon, h.lat);
        return at ? [{ at, factory: h.kind === "factory" }] : [];
      });
    },
    update({ zoom }: MapFrame) {
      if (!g) return;
      g.clear();
      for (const h of hubs) {
        const s = (h.factory ? 7 : 4) / zoom;
        g.fillStyle(h.factory ? 0x4fc3f7 : 0x6f8aa6, h.factory ? 0.95 : 0.6);
        g.fillRect(h.at.x - s / 2, h.at.y - s / 2, s, s);
      }
    },
  };
}
