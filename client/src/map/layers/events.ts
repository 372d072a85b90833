/**
 * Events flashing on the regions they hit: when a new headline arrives (a ban, a tariff, a blackout),
 * rings pulse out from each region it targets for a few seconds, in the colour of its kind.
 */
import type Phaser from "phaser";
import catalog from "virtual:atlas-catalog";
import { project, type Pt } from "../geo.ts";
import { NewsWatcher, regionsHit } from "../pulses.ts";
import type { Layer, MapContext, MapFrame } from "./Layer.ts";

const PULSE_MS = 4000;
const RINGS = 3;

interface Pulse {
  at: Pt;
  color: number;
  ageMs: number;
}

/** Bans and blackouts in red, tariffs and taxes in amber, anything else in the accent blue. */
function kindColor(kind: string): number {
  if (/ban|seiz|blackout|ration|export/i.test(kind)) return 0xe74c3c;
  if (/tariff|tax|licen|fee|power|freight|congest|shortage/i.test(kind)) return 0xf5b700;
  return 0x4fc3f7;
}

export function eventsLayer(): Layer {
  let g: Phaser.GameObjects.Graphics | null = null;
  const at = new Map<string, Pt>();
  const watcher = new NewsWatcher();
  let pulses: Pulse[] = [];
  let zoom = 1;
  let reduced = false;

  return {
    create({ scene, projection }: MapContext) {
      g = scene.add.graphics().setDepth(5);
      for (const r of catalog.regions) {
        const p = project(projection, r.lon, r.lat);
        if (p) at.set(r.id, p);
      }
      reduced = globalThis.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
    },
    update(frame: MapFrame) {
      zoom = frame.zoom;
      if (!frame.view) {
        watcher.reset();
        pulses = [];
        g?.clear();
        return;
      }
      for (const n of watcher.fresh(frame.view.news)) {
        for (const id of regionsHit(n.targets, catalog.regions)) {
          const p = at.get(id);
          if (p) pulses.push({ at: p, color: kindColor(n.kind), ageMs: 0 });
        }
      }
    },
    tick(delta: number) {
      if (!g) return false;
      // Nothing pulsing: the last clear already left the layer empty (an idle frame draws nothing).
      if (pulses.length === 0) return false;
      g.clear();
      for (const p of pulses) p.ageMs += delta;
      pulses = pulses.filter((p) => p.ageMs < PULSE_MS);
      for (const p of pulses) {
        const t = p.ageMs / PULSE_MS;
        if (reduced) {
          // No motion: a steady ring that fades.
          g.lineStyle(3 / zoom, p.color, 1 - t);
          g.strokeCircle(p.at.x, p.at.y, 14 / zoom);
          continue;
        }
        for (let i = 0; i < RINGS; i++) {
          const phase = (t * RINGS + i / RINGS) % 1;
          g.lineStyle(2.5 / zoom, p.color, (1 - phase) * (1 - t * 0.5));
          g.strokeCircle(p.at.x, p.at.y, (6 + phase * 30) / zoom);
        }
      }
      // One more frame after the last pulse ends, to clear it.
      return true;
    },
  };
}
