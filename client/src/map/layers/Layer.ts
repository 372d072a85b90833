/**
 * A map layer: one concern drawn with its own Phaser objects. The scene creates each layer once and
 * hands it every new view of the game (and the camera zoom, for sizes that stay constant on screen).
 */
import type { GeoProjection } from "d3-geo";
import type Phaser from "phaser";
import type { Lang } from "../../i18n/index.ts";
import type { GameView } from "../../net/view.ts";
import type { OverlayKind } from "../overlays.ts";

export interface MapContext {
  scene: Phaser.Scene;
  projection: GeoProjection;
}

export interface MapFrame {
  view: GameView | null;
  overlay: OverlayKind;
  /** The breakeven overlay's machine: its breakeven power price today, USD/kWh (null: none chosen). */
  breakevenUsdPerKwh?: number | null;
  lang: Lang;
  /** Camera zoom: divide screen sizes by it to draw in world units. */
  zoom: number;
  /** Zoom relative to the whole-world fit (1 = the whole world on screen). */
  relZoom: number;
}

export interface Layer {
  create(ctx: MapContext): void | Promise<void>;
  update(frame: MapFrame): void;
  /**
   * Called every animation frame with the elapsed milliseconds, for layers that move; returns whether
   * it is still moving (when no layer is, the scene stops drawing until something changes).
   */
  tick?(deltaMs: number): boolean;
}

/** Phaser's fillPoints/strokePoints read only x and y; its types ask for Vector2. */
export function asPoints(points: readonly { x: number; y: number }[]): Phaser.Math.Vector2[] {
  return points as unknown as Phaser.Math.Vector2[];
}
