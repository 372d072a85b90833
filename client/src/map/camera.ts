/**
 * Pan and zoom over the world: drag to pan, wheel or pinch to zoom around the pointer, and the keyboard
 * (arrows, + and -) when the canvas has focus. Zoom is bounded relative to the whole-world fit.
 */
import type Phaser from "phaser";
import { WORLD_WIDTH } from "./geo.ts";

const MAX_REL_ZOOM = 8;

export interface CameraControl {
  /** Camera zoom relative to the whole-world fit. */
  relZoom(): number;
  fit(): void;
}

/** `bottom`: the world y below which nothing is worth showing (the map is cropped there). */
export function cameraControl(scene: Phaser.Scene, bottom: number, onChange: () => void): CameraControl {
  const cam = scene.cameras.main;
  let pinch: number | null = null;

  // Cover the screen (no empty bands); what is cut off at the sides is a drag away.
  const fitZoom = () => Math.max(cam.width / WORLD_WIDTH, cam.height / bottom);

  function clamp(): void {
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

  /** Zooms by `factor` keeping the world point under screen (sx, sy) in place. */
  function zoomAt(sx: number, sy: number, factor: number): void {
    const fit = fitZoom();
    const next = Math.min(fit * MAX_REL_ZOOM, Math.max(fit * 0.9, cam.zoom * factor));
    const wx = cam.scrollX + cam.width / 2 + (sx - cam.width / 2) / cam.zoom;
    const wy = cam.scrollY + cam.height / 2 + (sy - cam.height / 2) / cam.zoom;
    cam.setZoom(next);
    cam.scrollX = wx - cam.width / 2 - (sx - cam.width / 2) / next;
    cam.scrollY = wy - cam.height / 2 - (sy - cam.height / 2) / next;
    clamp();
    onChange();
  }

  function panBy(dx: number, dy: number): void {
    cam.scrollX -= dx / cam.zoom;
    cam.scrollY -= dy / cam.zoom;
    clamp();
  }

  function fit(): void {
    cam.setZoom(fitZoom());
    cam.centerOn(WORLD_WIDTH / 2, bottom / 2);
    clamp();
    onChange();
  }

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
    const cx = cam.width / 2;
    const cy = cam.height / 2;
    if (e.key === "ArrowLeft") panBy(step, 0);
    else if (e.key === "ArrowRight") panBy(-step, 0);
    else if (e.key === "ArrowUp") panBy(0, step);
    else if (e.key === "ArrowDown") panBy(0, -step);
    else if (e.key === "+" || e.key === "=") zoomAt(cx, cy, 1.25);
    else if (e.key === "-" || e.key === "_") zoomAt(cx, cy, 0.8);
    else if (e.key === "0") fit();
  });
  scene.scale.on("resize", (size: Phaser.Structs.Size) => {
    cam.setSize(size.width, size.height);
    fit();
  });

  return { relZoom: () => cam.zoom / fitZoom(), fit };
}
