/**
 * The world map scene: builds its layers once, then redraws them when the game view, the overlay, the
 * language or the zoom changes. It is fed plain views by main.ts and never sees the network.
 */
import Phaser from "phaser";
import type { Lang } from "../i18n/index.ts";
import type { GameView } from "../net/view.ts";
import { cameraControl, type CameraControl } from "./camera.ts";
import { southEdge, worldProjection } from "./geo.ts";
import { countriesLayer } from "./layers/countries.ts";
import { eventsLayer } from "./layers/events.ts";
import { hubsLayer } from "./layers/hubs.ts";
import type { Layer, MapFrame } from "./layers/Layer.ts";
import { regionsLayer, type RegionHover } from "./layers/regions.ts";
import { shipmentsLayer } from "./layers/shipments.ts";
import type { OverlayKind } from "./overlays.ts";

export interface MapHooks {
  onHover(hover: RegionHover | null): void;
  /** A region was clicked (optional: the map works without it). */
  onSelect?(regionId: string): void;
  onReady(): void;
}

export class MapScene extends Phaser.Scene {
  private layers: Layer[] = [];
  private camera: CameraControl | null = null;
  private view: GameView | null = null;
  private overlay: OverlayKind = "power";
  private breakeven: number | null = null;
  private lang: Lang = "en";
  private seat: string | null = null;
  private dirty = true;

  constructor(private readonly hooks: MapHooks) {
    super({ key: "map" });
  }

  async create(): Promise<void> {
    const projection = worldProjection();
    this.layers = [
      countriesLayer(),
      hubsLayer(),
      regionsLayer(
        (h) => this.hooks.onHover(h),
        (id) => this.hooks.onSelect?.(id),
      ),
      shipmentsLayer(() => this.seat),
      eventsLayer(),
    ];
    this.camera = cameraControl(this, southEdge(projection), () => (this.dirty = true));
    this.camera.fit();
    for (const layer of this.layers) await layer.create({ scene: this, projection });
    this.dirty = true;
    this.hooks.onReady();
  }

  setView(view: GameView): void {
    this.view = view;
    this.dirty = true;
  }

  setOverlay(kind: OverlayKind): void {
    this.overlay = kind;
    this.dirty = true;
  }

  /** The breakeven overlay's machine: its breakeven power price, USD/kWh (null: none chosen). */
  setBreakeven(usdPerKwh: number | null): void {
    this.breakeven = usdPerKwh;
    this.dirty = true;
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.dirty = true;
  }

  setSeat(seat: string | null): void {
    this.seat = seat;
    this.dirty = true;
  }

  override update(_time: number, delta: number): void {
    if (this.dirty && this.camera) {
      this.dirty = false;
      const frame: MapFrame = {
        view: this.view,
        overlay: this.overlay,
        breakevenUsdPerKwh: this.breakeven,
        lang: this.lang,
        zoom: this.cameras.main.zoom,
        relZoom: this.camera.relZoom(),
      };
      for (const layer of this.layers) layer.update(frame);
    }
    for (const layer of this.layers) layer.tick?.(delta);
  }
}
