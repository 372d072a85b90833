/**
 * What wins: the host chooses the measure companies are ranked by when creating the game. Equity (the
 * honest score of score.ts) by default; or BTC mined; or fleet efficiency (J/TH, lower is better); or
 * carbon per BTC mined (lower is better); or a mix: each company's ranks on the four averaged, equally
 * weighted (a mix of ranks rather than of raw figures, whose units cannot be added).
 */
import type { Cents } from "../math/money.ts";
import type { EngineCaches } from "./caches.ts";
import { lotThs, modelOf } from "./fleet.ts";
import { scoreParts, type ScoreParts } from "./score.ts";
import type { GameState } from "./state.ts";

export const SCORE_MEASURES = ["equity", "btcMined", "efficiency", "carbon", "mix"] as const;
export type ScoreMeasure = (typeof SCORE_MEASURES)[number];

/** What each company has, for ranking: its equity and the figures the other measures read. */
export interface MeasureInput {
  equityCents: Cents;
  minedSats: number;
  /** Fleet efficiency, J/TH weighted by nameplate TH/s (0: no machines). */
  jPerTh: number;
  /** kg of CO2 per BTC mined (0: nothing mined yet). */
  carbonKgPerBtc: number;
}

/** Each company's fleet efficiency: J/TH over all its machines, weighted by TH/s (0 with none). */
export function fleetJPerTh(state: GameState, caches: EngineCaches): number[] {
  const ths = state.companies.map(() => 0);
  const joules = state.companies.map(() => 0);
  const index = new Map(state.companies.map((c, i) => [c.id, i]));
  for (const lot of state.lots) {
    const i = index.get(lot.owner);
    const model = modelOf(state, lot.model, caches);
    if (i === undefined || !model) continue;
    const t = lotThs(model, lot.quantity);
    ths[i] = (ths[i] as number) + t;
    joules[i] = (joules[i] as number) + t * model.efficiencyJPerTh;
  }
  return ths.map((t, i) => (t > 0 ? (joules[i] as number) / t : 0));
}

/** kg of CO2 per BTC mined (0 when nothing is mined). */
export function carbonPerBtc(carbonKg: number, minedSats: number): number {
  return minedSats > 0 ? carbonKg / (minedSats / 1e8) : 0;
}

/**
 * The figure each company is ranked by under `measure`, and whether higher is better. Efficiency and
 * carbon: a company with no machines (or nothing mined) has 0, ranked after every company that has one.
 */
function figure(m: MeasureInput, measure: Exclude<ScoreMeasure, "mix">): number {
  switch (measure) {
    case "equity":
      return m.equityCents;
    case "btcMined":
      return m.minedSats;
    case "efficiency":
      return m.jPerTh > 0 ? -m.jPerTh : -Infinity;
    case "carbon":
      return m.carbonKgPerBtc > 0 ? -m.carbonKgPerBtc : -Infinity;
  }
}

/** Positions 1..n by a figure, higher first, ties in seat order. */
function positions(values: readonly number[]): number[] {
  const order = values
    .map((_, i) => i)
    .sort((a, b) => (values[b] as number) - (values[a] as number) || a - b);
  const out = values.map(() => 0);
  order.forEach((i, p) => (out[i] = p + 1));
  return out;
}

/** The figure shown for each company under `measure` (for mix: the average rank, lower is better). */
export function measureValues(inputs: readonly MeasureInput[], measure: ScoreMeasure): number[] {
  if (measure === "mix") {
    const parts = (["equity", "btcMined", "efficiency", "carbon"] as const).map((k) =>
      positions(inputs.map((m) => figure(m, k))),
    );
    return inputs.map((_, i) => parts.reduce((s, p) => s + (p[i] as number), 0) / parts.length);
  }
  if (measure === "efficiency") return inputs.map((m) => m.jPerTh);
  if (measure === "carbon") return inputs.map((m) => m.carbonKgPerBtc);
  return inputs.map((m) => figure(m, measure));
}

/** Each company's rank (1 = first) under `measure`; ties keep seat order. */
export function ranksBy(inputs: readonly MeasureInput[], measure: ScoreMeasure): number[] {
  if (measure === "mix") return positions(measureValues(inputs, "mix").map((r) => -r));
  return positions(inputs.map((m) => figure(m, measure)));
}

/** Every company's figures for ranking, from its score parts (scoreParts) and its record. */
export function measureInputs(
  state: GameState,
  parts: readonly ScoreParts[],
  caches: EngineCaches,
): MeasureInput[] {
  const jPerTh = fleetJPerTh(state, caches);
  return state.companies.map((c, i) => ({
    equityCents: (parts[i] as ScoreParts).equityCents,
    minedSats: c.minedSats,
    jPerTh: jPerTh[i] as number,
    carbonKgPerBtc: carbonPerBtc(c.carbonKgTotal, c.minedSats),
  }));
}

/** The standings under `measure`: each company's figure and rank (the debrief's final table). */
export function standings(
  state: GameState,
  measure: ScoreMeasure,
  caches: EngineCaches,
): { values: number[]; ranks: number[] } {
  const inputs = measureInputs(state, scoreParts(state, caches), caches);
  return { values: measureValues(inputs, measure), ranks: ranksBy(inputs, measure) };
}
