/**
 * Regions as markers: colour from the chosen overlay, size from the share of hashrate, a label in the
 * chosen language, a hover callback for the DOM tooltip and a select callback when one is clicked (a
 * press and release without dragging the map). Positions come from the region catalog.
 */
import type Phaser from "phaser";
import catalog, { type RegionInfo } from "virtual:atlas-catalog";
import { FONT_STACK, pick } from "../../i18n/index.ts";
import type { GameView, RegionView } from "../../net/view.ts";
import { project, type Pt } from "../geo.ts";
import { carbonByRegion, computeOverlay, markerRadius } from "../overlays.ts";
import type { Layer, MapContext, MapFrame } from "./Layer.ts";
import { pctOfBps } from "../../ui/format.ts";

interface Marker {
  info: RegionInfo;
  at: Pt;
  label: Phaser.GameObjects.Text;
  radius: number;
}

export interface RegionHover {
  info: RegionInfo;
  state: RegionView | undefined;
  screen: Pt;
}

/** A press that moved less than this (screen pixels) is a click, not a pan. */
const CLICK_SLOP_PX = 6;

type Box = { x: number; y: number; w: number; h: number };
const hits = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * Labels that do not collide: the regions with the most hashrate first, each label shown only where it
 * covers no label already placed and no other region's marker (so a label never hides a region).
 */
function placeLabels(markers: Marker[], byId: Map<string, RegionView>, frame: MapFrame): void {
  const share = (m: Marker) => byId.get(m.info.id)?.shareBps ?? 0;
  const placed: Box[] = [];
  for (const m of [...markers].sort((a, b) => share(b) - share(a))) {
    // The big ones whole-world, all of them as room appears with the zoom.
    const wanted = frame.view !== null && (frame.relZoom >= 1.8 || pctOfBps(share(m)) >= 4);
    const w = m.label.displayWidth;
    const h = m.label.displayHeight;
    // Origin (0.5, -0.6): the label sits centred under its marker.
    const box = { x: m.at.x - w / 2, y: m.at.y + 0.6 * h, w, h };
    const free =
      !placed.some((p) => hits(p, box)) &&
      !markers.some(
        (o) =>
          o !== m &&
          hits(box, { x: o.at.x - o.radius, y: o.at.y - o.radius, w: o.radius * 2, h: o.radius * 2 }),
      );
    const show = wanted && free;
    if (show) placed.push(box);
    m.label.setVisible(show);
  }
}

export function regionsLayer(
  onHover: (hover: RegionHover | null) => void,
  onSelect: (regionId: string) => void = () => undefined,
  latest: () => GameView | null = () => null,
): Layer {
  let g: Phaser.GameObjects.Graphics | null = null;
  let markers: Marker[] = [];
  let last: MapFrame | null = null;

  function markerAt(scene: Phaser.Scene, pointer: Phaser.Input.Pointer): Marker | undefined {
    const cam = scene.cameras.main;
    const world = cam.getWorldPoint(pointer.x, pointer.y);
    return markers.find((m) => Math.hypot(m.at.x - world.x, m.at.y - world.y) <= m.radius + 3 / cam.zoom);
  }

  function hit(scene: Phaser.Scene, pointer: Phaser.Input.Pointer): void {
    const found = markerAt(scene, pointer);
    onHover(
      found
        ? {
            info: found.info,
            state: (latest() ?? last?.view)?.regions.find((r) => r.id === found.info.id),
            screen: { x: pointer.x, y: pointer.y },
          }
        : null,
    );
  }

  return {
    create({ scene, projection }: MapContext) {
      g = scene.add.graphics().setDepth(3);
      markers = catalog.regions.flatMap((info) => {
        const at = project(projection, info.lon, info.lat);
        if (!at) return [];
        const label = scene.add
          .text(at.x, at.y, "", { fontFamily: FONT_STACK, fontSize: "13px", color: "#dfe8f2" })
          .setOrigin(0.5, -0.6)
          .setDepth(4)
          .setShadow(0, 1, "#000000", 3, false, true);
        return [{ info, at, label, radius: 5 }];
      });
      scene.input.on("pointermove", (p: Phaser.Input.Pointer) => hit(scene, p));
      scene.input.on("pointerup", (p: Phaser.Input.Pointer) => {
        if (Math.hypot(p.upX - p.downX, p.upY - p.downY) > CLICK_SLOP_PX) return;
        const found = markerAt(scene, p);
        if (found) onSelect(found.info.id);
      });
    },
    update(frame: MapFrame) {
      last = frame;
      if (!g) return;
      const regions = frame.view?.regions ?? [];
      const { colors } = computeOverlay(frame.overlay, regions, {
        carbon: carbonByRegion(catalog.regions),
        breakevenUsdPerKwh: frame.breakevenUsdPerKwh ?? null,
      });
      const byId = new Map(regions.map((r) => [r.id, r]));
      const z = frame.zoom;
      g.clear();
      for (const m of markers) {
        const state = byId.get(m.info.id);
        m.radius = markerRadius(pctOfBps(state?.shareBps ?? 0)) / z;
        g.fillStyle(colors.get(m.info.id) ?? 0x8899aa, state ? 0.9 : 0.5);
        g.fillCircle(m.at.x, m.at.y, m.radius);
        g.lineStyle(1.5 / z, 0x0b1a2a, 1);
        g.strokeCircle(m.at.x, m.at.y, m.radius);
        if (state?.banPending) {
          g.lineStyle(2 / z, 0xe67e22, 1);
          g.strokeCircle(m.at.x, m.at.y, m.radius + 3 / z);
        }
        m.label.setText(pick(m.info.name, frame.lang)).setScale(1 / z);
      }
      placeLabels(markers, byId, frame);
    },
  };
}
