/**
 * Shipments on the map: the route as a thin line and the cargo as a dot that glides towards the
 * server's latest progress (the server decides where it is; the glide only smooths the daily steps).
 */
import type { GeoProjection } from "d3-geo";
import type Phaser from "phaser";
import type { ShipmentView } from "../../net/view.ts";
import { pointAlong, projectPath, type Pt } from "../geo.ts";
import { asPoints, type Layer, type MapContext, type MapFrame } from "./Layer.ts";

const MODE_COLORS: Record<string, number> = { air: 0xf06292, sea: 0x29b6f6, rail: 0xffb74d, truck: 0xaed581 };

interface Moving {
  points: Pt[];
  target: number;
  shown: number;
  mine: boolean;
  color: number;
}

export function shipmentsLayer(mySeat: () => string | null): Layer {
  let g: Phaser.GameObjects.Graphics | null = null;
  let projection: GeoProjection | null = null;
  const moving = new Map<string, Moving>();
  let zoom = 1;

  function draw(): void {
    if (!g) return;
    g.clear();
    for (const s of moving.values()) {
      g.lineStyle((s.mine ? 1.6 : 1) / zoom, s.color, s.mine ? 0.7 : 0.35);
      g.strokePoints(asPoints(s.points), false);
      const at = pointAlong(s.points, s.shown);
      if (!at) continue;
      g.fillStyle(s.color, 1);
      g.fillCircle(at.x, at.y, (s.mine ? 5 : 3.5) / zoom);
      g.lineStyle(1 / zoom, 0xffffff, s.mine ? 0.9 : 0.4);
      g.strokeCircle(at.x, at.y, (s.mine ? 5 : 3.5) / zoom);
    }
  }

  function sync(list: readonly ShipmentView[]): void {
    const seen = new Set<string>();
    for (const s of list) {
      seen.add(s.id);
      const known = moving.get(s.id);
      if (known) {
        known.target = s.progress;
        continue;
      }
      const points = projection ? projectPath(projection, s.path) : [];
      if (points.length < 2) continue;
      moving.set(s.id, {
        points,
        target: s.progress,
        shown: s.progress,
        mine: s.owner === mySeat(),
        color: MODE_COLORS[s.mode] ?? 0xffffff,
      });
    }
    for (const id of [...moving.keys()]) if (!seen.has(id)) moving.delete(id);
  }

  return {
    create(ctx: MapContext) {
      projection = ctx.projection;
      g = ctx.scene.add.graphics().setDepth(5);
    },
    update(frame: MapFrame) {
      zoom = frame.zoom;
      sync(frame.view?.shipments ?? []);
      draw();
    },
    tick(deltaMs: number) {
      let moved = false;
      const f = 1 - Math.exp(-deltaMs / 250);
      for (const s of moving.values()) {
        if (Math.abs(s.target - s.shown) < 1e-4) continue;
        s.shown += (s.target - s.shown) * f;
        moved = true;
      }
      if (moved) draw();
    },
  };
}
