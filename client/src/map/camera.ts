/**
 * Pan and zoom over the world: drag to pan, wheel or pinch to zoom around the pointer, and the keyboard
 * (arrows, + and -) when the canvas has focus. The start view ("fit") frames where the game is played —
 * the Americas to East Asia, Europe to Australia's north — as large as the screen allows, so that the
 * US regions and China are both on screen on a laptop and on a tablet. The camera also glides to what
 * the player is doing (a region, a shipment's route). Every change is reported, so that the scene draws
 * only when something moved.
 */
import type Phaser from "phaser";
import type { Insets } from "./focus.ts";
import { WORLD_WIDTH } from "./geo.ts";

const MAX_REL_ZOOM = 8;
const GLIDE_MS = 600;

/** A rectangle in world pixels. */
export interface WorldBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface CameraControl {
  /** Camera zoom relative to the start view's fit. */
  relZoom(): number;
  fit(): void;
  /** Glides to show `box` (at least `minRel` × the fit's zoom); returns the glide's duration, ms. */
  show(box: WorldBox, minRel?: number): number;
  /** The world point at the centre of the screen and the zoom (for tests and the bench). */
  state(): { x: number; y: number; zoom: number };
  /** Screen position of a world point. */
  toScreen(x: number, y: number): { x: number; y: number };
}

function clampTo(cam: Phaser.Cameras.Scene2D.Camera, bottom: number): void {
  // Keep the view inside the world when it fits, else centred on it.
  const halfW = cam.width / 2 / cam.zoom;
  const halfH = cam.height / 2 / cam.zoom;
  const within = (c: number, half: number, size: number) =>
    half * 2 >= size ? size / 2 : Math.min(size - half, Math.max(half, c));
  const cx = within(cam.scrollX + cam.width / 2, halfW, WORLD_WIDTH);
  const cy = within(cam.scrollY + cam.height / 2, halfH, bottom);
  cam.scrollX = cx - cam.width / 2;
  cam.scrollY = cy - cam.height / 2;
}

/** Pointer, wheel, pinch and keys; `zoomAt` and `panBy` do the moving. */
function bindInput(
  scene: Phaser.Scene,
  zoomAt: (sx: number, sy: number, f: number) => void,
  panBy: (dx: number, dy: number) => void,
  fit: () => void,
): void {
  const cam = scene.cameras.main;
  let pinch: number | null = null;
  scene.input.addPointer(1); // a second touch for pinching
  scene.input.on("pointermove", (p: Phaser.Input.Pointer) => {
    const a = scene.input.pointer1;
    const b = scene.input.pointer2;
    if (a.isDown && b.isDown) {
      const d = Math.hypot(a.x - b.x, a.y - b.y);
      if (pinch !== null && d > 0) zoomAt((a.x + b.x) / 2, (a.y + b.y) / 2, d / pinch);
      pinch = d;
      return;
    }
    pinch = null;
    if (p.isDown) panBy(p.x - p.prevPosition.x, p.y - p.prevPosition.y);
  });
  scene.input.on("pointerup", () => (pinch = null));
  scene.input.on("wheel", (p: Phaser.Input.Pointer, _o: unknown, _dx: number, dy: number) =>
    zoomAt(p.x, p.y, Math.exp(-dy * 0.0015)),
  );
  scene.input.keyboard?.on("keydown", (e: KeyboardEvent) => {
    const step = 60;
    const moves: Record<string, () => void> = {
      ArrowLeft: () => panBy(step, 0),
      ArrowRight: () => panBy(-step, 0),
      ArrowUp: () => panBy(0, step),
      ArrowDown: () => panBy(0, -step),
      "+": () => zoomAt(cam.width / 2, cam.height / 2, 1.25),
      "=": () => zoomAt(cam.width / 2, cam.height / 2, 1.25),
      "-": () => zoomAt(cam.width / 2, cam.height / 2, 0.8),
      _: () => zoomAt(cam.width / 2, cam.height / 2, 0.8),
      "0": fit,
    };
    moves[e.key]?.();
  });
}

/**
 * `bottom`: the world y below which nothing is worth showing (the map is cropped there); `focus`: the
 * world box the start view frames; `insets`: screen pixels the HUD and the bars cover at each edge.
 */
export function cameraControl(
  scene: Phaser.Scene,
  bottom: number,
  focus: WorldBox,
  onChange: () => void,
  insets: () => Insets = () => ({ top: 0, bottom: 0, left: 0, right: 0 }),
): CameraControl {
  const cam = scene.cameras.main;

  /** The zoom that frames `box` in the screen less the HUD, the bars and the rails around it. */
  const zoomFor = (box: WorldBox) => {
    const i = insets();
    const w = Math.max(1, cam.width - i.left - i.right);
    return Math.min(w / box.w, Math.max(1, cam.height - i.top - i.bottom) / box.h);
  };
  const fitZoom = () => zoomFor(focus);
  // Out to the whole world (a little less than the fit on a wide screen), in to 8× the fit.
  const minZoom = () => Math.min(fitZoom(), cam.width / WORLD_WIDTH);
  const bounded = (z: number) => Math.min(fitZoom() * MAX_REL_ZOOM, Math.max(minZoom(), z));

  /** World (x, y) moved so that it shows centred in the part of the screen the edges leave free. */
  function offset(x: number, y: number, zoom: number): { x: number; y: number } {
    const i = insets();
    return { x: x - (i.left - i.right) / 2 / zoom, y: y - (i.top - i.bottom) / 2 / zoom };
  }

  function centre(x: number, y: number): void {
    const c = offset(x, y, cam.zoom);
    cam.centerOn(c.x, c.y);
  }

  function zoomAt(sx: number, sy: number, factor: number): void {
    const next = bounded(cam.zoom * factor);
    // Keep the world point under screen (sx, sy) in place.
    const wx = cam.scrollX + cam.width / 2 + (sx - cam.width / 2) / cam.zoom;
    const wy = cam.scrollY + cam.height / 2 + (sy - cam.height / 2) / cam.zoom;
    cam.setZoom(next);
    cam.scrollX = wx - cam.width / 2 - (sx - cam.width / 2) / next;
    cam.scrollY = wy - cam.height / 2 - (sy - cam.height / 2) / next;
    clampTo(cam, bottom);
    onChange();
  }

  function panBy(dx: number, dy: number): void {
    cam.scrollX -= dx / cam.zoom;
    cam.scrollY -= dy / cam.zoom;
    clampTo(cam, bottom);
    onChange();
  }

  function fit(): void {
    cam.setZoom(fitZoom());
    centre(focus.x + focus.w / 2, focus.y + focus.h / 2);
    clampTo(cam, bottom);
    onChange();
  }

  bindInput(scene, zoomAt, panBy, fit);
  scene.scale.on("resize", (size: Phaser.Structs.Size) => {
    cam.setSize(size.width, size.height);
    fit();
  });

  return {
    relZoom: () => cam.zoom / fitZoom(),
    fit,
    show(box, minRel = 1) {
      const pad = 1.3;
      const padded = { x: box.x, y: box.y, w: Math.max(box.w * pad, 40), h: Math.max(box.h * pad, 40) };
      const zoom = bounded(Math.max(fitZoom() * minRel, Math.min(cam.zoom, zoomFor(padded))));
      const { x, y } = offset(box.x + box.w / 2, box.y + box.h / 2, zoom);
      cam.pan(x, y, GLIDE_MS, "Sine.easeInOut", true);
      cam.zoomTo(zoom, GLIDE_MS, "Sine.easeInOut", true);
      onChange();
      return GLIDE_MS;
    },
    state: () => ({ x: cam.scrollX + cam.width / 2, y: cam.scrollY + cam.height / 2, zoom: cam.zoom }),
    toScreen: (x, y) => ({
      x: (x - cam.scrollX - cam.width / 2) * cam.zoom + cam.width / 2,
      y: (y - cam.scrollY - cam.height / 2) * cam.zoom + cam.height / 2,
    }),
  };
}
