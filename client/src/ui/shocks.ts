/**
 * The shock templates the host can inject: ids, what they target and their parameters with defaults
 * and bounds. A copy of shared/engine/shocks/templates*.ts (the engine stays out of the client bundle);
 * tests/client/shocks.test.ts checks it against the engine's TEMPLATES.
 */
import type { GameView } from "../net/view.ts";

export type TargetKind = "region" | "country" | "factory" | "world";

export interface NumberParam {
  name: string;
  kind: "number";
  min: number;
  max: number;
  def: number;
}

export interface StringParam {
  name: string;
  kind: "string";
  def: string;
  /** The pattern the server accepts. */
  pattern: string;
}

export type ShockParam = NumberParam | StringParam;

export interface ShockInfo {
  id: string;
  target: TargetKind;
  params: ShockParam[];
}

const n = (name: string, min: number, max: number, def: number): NumberParam => ({
  name,
  kind: "number",
  min,
  max,
  def,
});

export const SHOCKS: readonly ShockInfo[] = [
  {
    id: "ban",
    target: "region",
    params: [
      n("graceDays", 0, 365, 0),
      n("rampDays", 1, 365, 14),
      n("compliancePct", 0, 100, 100),
      n("idlePct", 0, 100, 0),
      n("emigratePct", 0, 100, 80),
      n("seizurePctPerDay", 0, 100, 2),
    ],
  },
  { id: "legalise", target: "region", params: [] },
  { id: "licence", target: "country", params: [n("meanDays", 1, 365, 45), n("days", 0, 3650, 0)] },
  {
    id: "tariff",
    target: "country",
    params: [
      { name: "origin", kind: "string", def: "*", pattern: "^([A-Z]{2}|\\*)$" },
      n("ratePct", 0, 1000, 25),
    ],
  },
  { id: "powerPrice", target: "region", params: [n("changePct", -90, 1000, 50), n("days", 0, 3650, 0)] },
  { id: "carbonTax", target: "country", params: [n("usdPerTonne", 0, 1000, 50)] },
  { id: "moratorium", target: "region", params: [n("days", 1, 3650, 180)] },
  { id: "newCapacity", target: "region", params: [n("mw", 1, 100_000, 200)] },
  { id: "curtailment", target: "region", params: [n("days", 1, 60, 3), n("creditUsdPerMwh", 0, 10_000, 50)] },
  { id: "blackout", target: "region", params: [n("days", 1, 60, 5)] },
  { id: "exportRestriction", target: "factory", params: [n("days", 1, 3650, 60)] },
  {
    id: "chipShortage",
    target: "factory",
    params: [n("days", 1, 3650, 120), n("leadDays", 0, 365, 60), n("pricePct", 0, 500, 25)],
  },
  { id: "freightSpike", target: "world", params: [n("days", 1, 365, 45), n("pct", 1, 2000, 300)] },
  { id: "portCongestion", target: "country", params: [n("days", 1, 365, 30), n("extraDays", 1, 120, 14)] },
  { id: "feeSpike", target: "world", params: [n("days", 1, 60, 3), n("pct", 1, 5000, 400)] },
];

export function shockById(id: string): ShockInfo | undefined {
  return SHOCKS.find((s) => s.id === id);
}

export function defaultParams(shock: ShockInfo): Record<string, number | string> {
  return Object.fromEntries(shock.params.map((p) => [p.name, p.def]));
}

export interface TargetOption {
  id: string;
  name: { en: string; zh: string };
}

/** The part of the catalog the target lists need (passed in, so that this module stays testable). */
export interface TargetCatalog {
  regions: readonly { id: string; name: { en: string; zh: string }; country: string }[];
  hubs: readonly { id: string; kind: string; name: { en: string; zh: string } }[];
}

/** What a template can target: the game's regions, the catalog's countries or factories, or the world. */
export function targetOptions(
  kind: TargetKind,
  view: GameView | null,
  catalog: TargetCatalog,
): TargetOption[] {
  const regionName = (id: string) => catalog.regions.find((r) => r.id === id)?.name ?? { en: id, zh: id };
  switch (kind) {
    case "region": {
      const ids = view?.regions.length ? view.regions.map((r) => r.id) : catalog.regions.map((r) => r.id);
      return ids.map((id) => ({ id, name: regionName(id) }));
    }
    case "country": {
      const codes = [...new Set(catalog.regions.map((r) => r.country))].filter(Boolean).sort();
      return codes.map((id) => ({ id, name: { en: id, zh: id } }));
    }
    case "factory":
      return catalog.hubs.filter((x) => x.kind === "factory").map((x) => ({ id: x.id, name: x.name }));
    case "world":
      return [{ id: "world", name: { en: "The world", zh: "全球" } }];
  }
}

/** Checks a parameter value as the server will; null when it is acceptable. */
export function paramProblem(p: ShockParam, value: number | string): string | null {
  if (p.kind === "string") return new RegExp(p.pattern).test(String(value)) ? null : p.pattern;
  const v = Number(value);
  if (!Number.isFinite(v) || v < p.min || v > p.max) return `${p.min}–${p.max}`;
  return null;
}
