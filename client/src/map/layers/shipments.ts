/**
 * Shipments on the map: the route as a thin line along the sea lanes or rail corridors it follows
 * (../routes.ts) and the cargo as a dot that glides towards the server's latest progress (the server
 * decides where it is; the glide only smooths the daily steps). A new shipment of mine is announced so
 * that the camera can show its route.
 */
import type { GeoProjection } from "d3-geo";
import type Phaser from "phaser";
import type { ShipmentView } from "../../net/view.ts";
import type { Pt } from "../geo.ts";
import { pointAlongRoute, projectRoute } from "../routes.ts";
import { asPoints, type Layer, type MapContext, type MapFrame } from "./Layer.ts";

const MODE_COLORS: Record<string, number> = { air: 0xf06292, sea: 0x29b6f6, rail: 0xffb74d, truck: 0xaed581 };

interface Moving {
  parts: Pt[][];
  target: number;
  shown: number;
  mine: boolean;
  color: number;
}

export function shipmentsLayer(mySeat: () => string | null, onMine: (route: Pt[][]) => void): Layer {
  let g: Phaser.GameObjects.Graphics | null = null;
  let projection: GeoProjection | null = null;
  const moving = new Map<string, Moving>();
  let zoom = 1;
  /** The first view only learns what is already under way (a reload must not fly the camera about). */
  let primed = false;

  function draw(): void {
    if (!g) return;
    g.clear();
    for (const s of moving.values()) {
      g.lineStyle((s.mine ? 1.6 : 1) / zoom, s.color, s.mine ? 0.7 : 0.35);
      for (const part of s.parts) g.strokePoints(asPoints(part), false);
      const at = pointAlongRoute(s.parts, s.shown);
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
      // A new shipment's waypoints can be decoded a patch after the shipment itself (seen on a loaded
      // machine: the list held it with no path yet); skip it until they come, the next sync draws it.
      const path = s.path as readonly number[] | undefined;
      const parts = projection && path ? projectRoute(projection, path, s.mode) : [];
      if (parts.length === 0) continue;
      const mine = s.owner === mySeat();
      moving.set(s.id, {
        parts,
        target: s.progress,
        shown: s.progress,
        mine,
        color: MODE_COLORS[s.mode] ?? 0xffffff,
      });
      if (mine && primed) onMine(parts);
    }
    for (const id of [...moving.keys()]) if (!seen.has(id)) moving.delete(id);
    primed = true;
  }

  return {
    create(ctx: MapContext) {
      projection = ctx.projection;
      g = ctx.scene.add.graphics().setDepth(5);
    },
    update(frame: MapFrame) {
      zoom = frame.zoom;
      if (frame.view) sync(frame.view.shipments);
      else {
        primed = false;
        moving.clear();
      }
      draw();
    },
    tick(deltaMs: number) {
      let moved = false;
      const f = 1 - Math.exp(-deltaMs / 250);
      for (const s of moving.values()) {
        if (Math.abs(s.target - s.shown) < 1e-4) continue;
        s.shown += (s.target - s.shown) * f;
        if (Math.abs(s.target - s.shown) < 1e-4) s.shown = s.target;
        moved = true;
      }
      if (moved) draw();
      return moved;
    },
  };
}
