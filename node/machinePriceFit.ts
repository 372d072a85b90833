/**
 * Machine price error (issue #16): how far the engine's new-machine prices are from the dated reference
 * prices in shared/data/machine-prices.csv (list, bulk, pre-order and index figures, $/TH by model and
 * efficiency). A probe watches a game day by day and, on each reference date the game covers, asks the
 * engine's own quote (market.ts factoryUnitPriceCents, what the shop shows) for that model, or for a
 * stand-in of the same efficiency when the scenario's catalog lacks it. The error is
 * |ln(simulated / reference)|, averaged per used-market efficiency tier and over all rows.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { EngineCaches, GameState } from "../shared/index.ts";
import { factoryUnitPriceCents, USED_TIERS, usedTierOf } from "../shared/engine/market.ts";
import { parseIsoDate, type EpochDay } from "../shared/math/calendar.ts";
import type { AsicModel } from "../shared/scenario/types.ts";
import { parseCsv, records } from "../shared/scenario/csv.ts";
import { DATA_DIR } from "./scenarios.ts";

export const MACHINE_PRICES_FILE = join(DATA_DIR, "machine-prices.csv");

export interface MachinePriceRef {
  date: string;
  day: EpochDay;
  /** Catalog id of the model (or of the class) the figure is for. */
  model: string;
  jPerTh: number;
  usdPerTh: number;
  kind: string;
  /** Fields that are estimates (empty: as the source states them). */
  estimated: string[];
  source: string;
}

export interface MachinePriceObservation {
  ref: MachinePriceRef;
  simUsdPerTh: number;
  /** ln(simulated / reference): negative when the game is cheaper than the reference. */
  lnError: number;
}

export interface TierFit {
  /** Used-market tier label ("20-30 J/TH"), or "all". */
  tier: string;
  rows: number;
  meanAbsLnError: number;
}

export function parseMachinePrices(text: string, name = "machine-prices.csv"): MachinePriceRef[] {
  return records(parseCsv(text, name)).map((r, i) => {
    const jPerTh = Number(r.j_per_th);
    const usdPerTh = Number(r.usd_per_th);
    if (!(jPerTh > 0) || !(usdPerTh > 0) || !r.model)
      throw new Error(`${name}: row ${i + 1} needs a model and positive j_per_th and usd_per_th`);
    return {
      date: r.date ?? "",
      day: parseIsoDate(r.date ?? ""),
      model: r.model,
      jPerTh,
      usdPerTh,
      kind: r.kind ?? "",
      estimated: (r.estimated ?? "").split("|").filter((f) => f !== ""),
      source: r.source ?? "",
    };
  });
}

export function loadMachinePrices(file = MACHINE_PRICES_FILE): MachinePriceRef[] {
  return parseMachinePrices(readFileSync(file, "utf8"), file);
}

/** The catalog's model, or a stand-in of the reference's efficiency (the price is per TH/s either way). */
function modelFor(state: GameState, ref: MachinePriceRef): AsicModel {
  const known = state.scenario.asics.find((m) => m.id === ref.model);
  if (known) return known;
  const any = state.scenario.asics[0] as AsicModel;
  return { ...any, id: ref.model, efficiencyJPerTh: ref.jPerTh, hashrateGhs: 100_000 };
}

/** The engine's list price of the reference's model today, USD per TH/s. */
export function simUsdPerTh(state: GameState, ref: MachinePriceRef, caches: EngineCaches): number {
  const model = modelFor(state, ref);
  return factoryUnitPriceCents(state, model, caches) / 100 / (model.hashrateGhs / 1000);
}

export interface MachinePriceProbe {
  /** Call on the created game and after each step: records the rows dated `state.day`. */
  observe(state: GameState, caches: EngineCaches): void;
  observations: MachinePriceObservation[];
}

export function createMachinePriceProbe(refs: readonly MachinePriceRef[]): MachinePriceProbe {
  const observations: MachinePriceObservation[] = [];
  const seen = new Set<MachinePriceRef>();
  return {
    observations,
    observe(state, caches) {
      for (const ref of refs) {
        if (ref.day !== state.day || seen.has(ref)) continue;
        seen.add(ref);
        const sim = simUsdPerTh(state, ref, caches);
        observations.push({ ref, simUsdPerTh: sim, lnError: Math.log(sim / ref.usdPerTh) });
      }
    },
  };
}

export function tierLabel(tier: number): string {
  const upper = USED_TIERS[tier] as number;
  const lower = tier === 0 ? 0 : (USED_TIERS[tier - 1] as number);
  return Number.isFinite(upper) ? `${lower}-${upper} J/TH` : `${lower}+ J/TH`;
}

const meanAbs = (xs: readonly MachinePriceObservation[]): number =>
  xs.reduce((s, o) => s + Math.abs(o.lnError), 0) / xs.length;

/** Mean |ln error| per efficiency tier that has rows (best tier first), then "all". */
export function machinePriceFit(observations: readonly MachinePriceObservation[]): TierFit[] {
  if (observations.length === 0) return [];
  const byTier = new Map<number, MachinePriceObservation[]>();
  for (const o of observations) {
    const tier = usedTierOf(o.ref.jPerTh);
    byTier.set(tier, [...(byTier.get(tier) ?? []), o]);
  }
  const tiers = [...byTier.keys()].sort((a, b) => a - b);
  return [
    ...tiers.map((t) => {
      const rows = byTier.get(t) as MachinePriceObservation[];
      return { tier: tierLabel(t), rows: rows.length, meanAbsLnError: meanAbs(rows) };
    }),
    { tier: "all", rows: observations.length, meanAbsLnError: meanAbs(observations) },
  ];
}
