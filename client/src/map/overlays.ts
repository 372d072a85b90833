/**
 * What colour each region's marker takes under the chosen overlay, and the legend that explains it.
 * Pure functions of the synced region figures: unit-tested, and shared by the map and the legend panel.
 */
import type { MessageKey } from "../i18n/index.ts";
import type { RegionView } from "../net/view.ts";
import { pctOfBps, usdOfMicro } from "../ui/format.ts";

export type OverlayKind = "power" | "breakeven" | "policy" | "share" | "carbon";
export const OVERLAYS: readonly OverlayKind[] = ["power", "breakeven", "policy", "share", "carbon"];

/** What some overlays need beyond the synced region figures. */
export interface OverlayContext {
  /** Grid carbon intensity by region id, g CO2 per kWh (the scenario's regions). */
  carbon?: ReadonlyMap<string, number>;
  /** The chosen machine's breakeven power price today, USD per kWh (from the server's shop quote). */
  breakevenUsdPerKwh?: number | null;
}

/** Colours as 0xRRGGBB numbers (Phaser) with css() for the DOM legend. */
export type Rgb = number;

export interface LegendEntry {
  color: Rgb;
  /** Either a number to format (power in USD/kWh, share in %) or a dictionary key (policies). */
  value?: number;
  label?: MessageKey;
}

export interface OverlayResult {
  colors: Map<string, Rgb>;
  legend: LegendEntry[];
}

/** Cheap power is green, dear power red: the eye finds where to go. */
const POWER_STOPS: readonly Rgb[] = [0x1a9850, 0x91cf60, 0xfee08b, 0xfc8d59, 0xd73027];
/** Sequential for shares: pale to deep amber. */
const SHARE_STOPS: readonly Rgb[] = [0x3b4252, 0x7a5c2e, 0xc98a1b, 0xf5b700, 0xfff1a8];
export const POLICY_COLORS = {
  allowed: 0x2ecc71,
  licensed: 0xf1c40f,
  banned: 0xe74c3c,
  banPending: 0xe67e22,
  offline: 0x7f8c8d,
} as const satisfies Record<string, Rgb>;

/** Low-carbon grids green, coal-heavy ones dark red. */
const CARBON_STOPS: readonly Rgb[] = [0x1a9850, 0x91cf60, 0xd9ef8b, 0xfc8d59, 0x8b1a1a];
/** Carbon domain, g CO2/kWh: hydro and nuclear grids near 0, coal grids near 900. */
export const CARBON_DOMAIN: readonly [number, number] = [0, 900];
/** Margin domain, USD/kWh under the breakeven: 3 ¢ dearer than breakeven is all red, 3 ¢ cheaper all green. */
export const MARGIN_DOMAIN: readonly [number, number] = [-0.03, 0.03];
const MARGIN_STOPS: readonly Rgb[] = [0xd73027, 0xfc8d59, 0xfee08b, 0x91cf60, 0x1a9850];
const UNKNOWN: Rgb = 0x8899aa;

/** Power price domain, USD/kWh: below 2 ¢ is as green as it gets, above 10 ¢ as red. */
export const POWER_DOMAIN: readonly [number, number] = [0.02, 0.1];

export function css(color: Rgb): string {
  return `#${color.toString(16).padStart(6, "0")}`;
}

function lerpRgb(a: Rgb, b: Rgb, f: number): Rgb {
  const ch = (c: Rgb, s: number) => (c >> s) & 0xff;
  const mix = (s: number) => Math.round(ch(a, s) + (ch(b, s) - ch(a, s)) * f);
  return (mix(16) << 16) | (mix(8) << 8) | mix(0);
}

/** A colour from evenly spaced stops for t in [0, 1] (clamped; NaN counts as 0). */
export function scaleColor(stops: readonly Rgb[], t: number): Rgb {
  const first = stops[0] ?? 0;
  if (stops.length < 2) return first;
  const x = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  const pos = x * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(pos));
  return lerpRgb(stops[i] ?? first, stops[i + 1] ?? first, pos - i);
}

/** `count` legend values evenly spread from lo to hi. */
export function legendValues(lo: number, hi: number, count = 5): number[] {
  if (count < 2) return [lo];
  return Array.from({ length: count }, (_, i) => lo + ((hi - lo) * i) / (count - 1));
}

/** The share scale's top: the largest share rounded up to a readable step (5, 10, 20, 25, 50, 100 %). */
export function shareTop(regions: readonly RegionView[]): number {
  const max = Math.max(0, ...regions.map((r) => pctOfBps(r.shareBps)));
  return [5, 10, 20, 25, 50, 100].find((s) => max <= s) ?? 100;
}

export function policyColor(r: RegionView): Rgb {
  if (r.offline) return POLICY_COLORS.offline;
  if (r.policy === "banned") return POLICY_COLORS.banned;
  if (r.banPending) return POLICY_COLORS.banPending;
  return POLICY_COLORS[r.policy];
}

/** Carbon intensity by region id from the catalog's regions. */
export function carbonByRegion(
  regions: readonly { id: string; carbonGPerKwh: number }[],
): Map<string, number> {
  return new Map(regions.map((r) => [r.id, r.carbonGPerKwh]));
}

/** Colours spread over a domain, with a legend of evenly spaced values. */
function scaled(
  regions: readonly RegionView[],
  stops: readonly Rgb[],
  [lo, hi]: readonly [number, number],
  value: (r: RegionView) => number | undefined,
): OverlayResult {
  const colors = new Map<string, Rgb>();
  const at = (v: number) => scaleColor(stops, (v - lo) / (hi - lo));
  for (const r of regions) {
    const v = value(r);
    colors.set(r.id, v === undefined ? UNKNOWN : at(v));
  }
  return { colors, legend: legendValues(lo, hi).map((v) => ({ value: v, color: at(v) })) };
}

export function computeOverlay(
  kind: OverlayKind,
  regions: readonly RegionView[],
  ctx: OverlayContext = {},
): OverlayResult {
  const colors = new Map<string, Rgb>();
  switch (kind) {
    case "carbon":
      return scaled(regions, CARBON_STOPS, CARBON_DOMAIN, (r) => ctx.carbon?.get(r.id));
    case "breakeven": {
      // How far under the chosen machine's breakeven each region's power is: green pays, red loses.
      const b = ctx.breakevenUsdPerKwh;
      return scaled(regions, MARGIN_STOPS, MARGIN_DOMAIN, (r) =>
        b === null || b === undefined ? undefined : b - usdOfMicro(r.powerMicroUsdPerKwh),
      );
    }
    case "power": {
      const [lo, hi] = POWER_DOMAIN;
      for (const r of regions)
        colors.set(r.id, scaleColor(POWER_STOPS, (usdOfMicro(r.powerMicroUsdPerKwh) - lo) / (hi - lo)));
      const legend = legendValues(lo, hi).map((value) => ({
        value,
        color: scaleColor(POWER_STOPS, (value - lo) / (hi - lo)),
      }));
      return { colors, legend };
    }
    case "share": {
      const top = shareTop(regions);
      for (const r of regions) colors.set(r.id, scaleColor(SHARE_STOPS, pctOfBps(r.shareBps) / top));
      const legend = legendValues(0, top).map((value) => ({
        value,
        color: scaleColor(SHARE_STOPS, value / top),
      }));
      return { colors, legend };
    }
    case "policy": {
      for (const r of regions) colors.set(r.id, policyColor(r));
      const legend: LegendEntry[] = [
        { color: POLICY_COLORS.allowed, label: "policy.allowed" },
        { color: POLICY_COLORS.licensed, label: "policy.licensed" },
        { color: POLICY_COLORS.banPending, label: "policy.banPending" },
        { color: POLICY_COLORS.banned, label: "policy.banned" },
        { color: POLICY_COLORS.offline, label: "policy.offline" },
      ];
      return { colors, legend };
    }
  }
}

/** Marker radius in screen pixels: area grows with the share of hashrate, with a visible minimum. */
export function markerRadius(sharePct: number): number {
  return 5 + Math.sqrt(Math.max(0, sharePct)) * 2.2;
}
