/**
 * The world map scene: builds its layers once, then redraws them when the game view, the overlay, the
 * language or the camera changes. It is fed plain views by main.ts and never sees the network.
 *
 * Drawing on demand: Phaser's loop sleeps once nothing has moved for a few frames (no camera glide, no
 * shipment gliding, no pulse) and any change wakes it. Idle, the page then draws nothing at all; without
 * a GPU (WebGL on SwiftShader) the old always-on loop kept a CPU core busy for a map that did not move.
 */
import Phaser from "phaser";
import catalog from "virtual:atlas-catalog";
import type { Lang } from "../i18n/index.ts";
import type { GameView } from "../net/view.ts";
import { cameraControl, type CameraControl, type WorldBox } from "./camera.ts";
import { project, southEdge, worldProjection } from "./geo.ts";
import { countriesLayer } from "./layers/countries.ts";
import { eventsLayer } from "./layers/events.ts";
import { hubsLayer } from "./layers/hubs.ts";
import type { Layer, MapFrame } from "./layers/Layer.ts";
import { regionsLayer, type RegionHover } from "./layers/regions.ts";
import { shipmentsLayer } from "./layers/shipments.ts";
import type { OverlayKind } from "./overlays.ts";
import { routeBounds } from "./routes.ts";
import { FOCUS_EVENT, focusBox, INSETS_EVENT, screenInsets } from "./focus.ts";

export interface MapHooks {
  onHover(hover: RegionHover | null): void;
  /** A region was clicked (optional: the map works without it). */
  onSelect?(regionId: string): void;
  onReady(): void;
}

/**
 * Frames without change before the loop sleeps. The frame whose update found nothing to do still
 * renders (Phaser renders after update), so one quiet frame is enough for the last state to show.
 */
const QUIET_FRAMES = 1;

/**
 * What of a view the map draws, coarsely: a new day whose regions, shipments and news look the same on
 * the map (a share moved by a tenth of a percent) draws nothing. The hover tooltip reads the latest
 * view whatever was drawn.
 */
function drawnKey(v: GameView): string {
  const regions = v.regions.map(
    (r) =>
      `${r.id}:${r.policy}:${r.banPending}:${r.offline}:${Math.round(r.shareBps / 50)}:${r.powerMicroUsdPerKwh}`,
  );
  const ships = v.shipments.map((s) => `${s.id}:${Math.round(s.progress * 500)}`);
  const last = v.news[v.news.length - 1];
  return `${regions.join(",")}#${ships.join(",")}#${v.news.length}:${last?.day}:${last?.en}`;
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
  private quiet = 0;
  private busyUntil = 0;
  private drawn = "";
  private regionAt = new Map<string, { x: number; y: number }>();
  /** Frames drawn since the page opened (tests and the bench read it: idle means it stops growing). */
  frames = 0;

  constructor(private readonly hooks: MapHooks) {
    super({ key: "map" });
  }

  async create(): Promise<void> {
    const projection = worldProjection();
    for (const r of catalog.regions) {
      const p = project(projection, r.lon, r.lat);
      if (p) this.regionAt.set(r.id, p);
    }
    this.layers = [
      countriesLayer(),
      hubsLayer(),
      regionsLayer(
        (h) => this.hooks.onHover(h),
        (id) => {
          this.focusRegion(id);
          this.hooks.onSelect?.(id);
        },
        () => this.view,
      ),
      shipmentsLayer(
        () => this.seat,
        (route) => this.showBox(routeBounds(route.length > 1 ? [route.reduce(longest)] : route)),
      ),
      eventsLayer(),
    ];
    this.camera = cameraControl(
      this,
      southEdge(projection),
      focusBox(projection),
      () => this.changed(),
      screenInsets,
    );
    this.camera.fit();
    for (const layer of this.layers) await layer.create({ scene: this, projection });
    // Whatever the page does outside Phaser may need a frame: a resize, the UI asking for a region.
    window.addEventListener("resize", () => this.changed());
    const onFocus = (e: Event) => this.focusRegion((e as CustomEvent<string>).detail);
    const onInsets = () => (this.camera?.fit(), this.changed());
    document.addEventListener(FOCUS_EVENT, onFocus);
    document.addEventListener(INSETS_EVENT, onInsets);
    this.events.once("destroy", () => {
      document.removeEventListener(FOCUS_EVENT, onFocus);
      document.removeEventListener(INSETS_EVENT, onInsets);
    });
    this.changed();
    this.hooks.onReady();
  }

  /** Something to draw: mark it and make sure the loop runs. */
  private changed(): void {
    this.dirty = true;
    this.quiet = 0;
    this.game.loop.wake();
  }

  private showBox(box: WorldBox, minRel = 1): void {
    if (!this.camera) return;
    this.busyUntil = performance.now() + this.camera.show(box, minRel) + 50;
    this.changed();
  }

  /** Glides to a region (clicked, or chosen in a panel), zoomed in enough to pick it out. */
  focusRegion(id: string): void {
    const at = this.regionAt.get(id);
    if (at) this.showBox({ x: at.x - 60, y: at.y - 40, w: 120, h: 80 }, 1.6);
  }

  /** Where a region is on the screen now, in CSS pixels of the canvas (tests check the map shows it). */
  regionOnScreen(id: string): { x: number; y: number } | null {
    const at = this.regionAt.get(id);
    return at && this.camera ? this.camera.toScreen(at.x, at.y) : null;
  }

  cameraState(): { x: number; y: number; zoom: number } | null {
    return this.camera?.state() ?? null;
  }

  setView(view: GameView): void {
    // A game's first view: frame the world again now that the HUD and the bars are in place.
    if (this.view === null) this.camera?.fit();
    const key = drawnKey(view);
    this.view = view;
    if (key === this.drawn) return;
    this.drawn = key;
    this.changed();
  }

  setOverlay(kind: OverlayKind): void {
    this.overlay = kind;
    this.changed();
  }

  /** The breakeven overlay's machine: its breakeven power price, USD/kWh (null: none chosen). */
  setBreakeven(usdPerKwh: number | null): void {
    this.breakeven = usdPerKwh;
    this.changed();
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.changed();
  }

  setSeat(seat: string | null): void {
    this.seat = seat;
    this.changed();
  }

  override update(_time: number, delta: number): void {
    this.frames += 1;
    let moving = performance.now() < this.busyUntil;
    if (this.dirty && this.camera) {
      this.dirty = false;
      moving = true;
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
    // A glide changes the zoom: sizes kept constant on screen follow it.
    if (performance.now() < this.busyUntil) this.dirty = true;
    for (const layer of this.layers) if (layer.tick?.(delta)) moving = true;
    this.quiet = moving ? 0 : this.quiet + 1;
    // This frame still renders (the loop renders after update); the next ones wait for a change.
    if (this.quiet >= QUIET_FRAMES) this.game.loop.sleep();
  }
}

const longest = <T>(a: T[], b: T[]) => (b.length > a.length ? b : a);
