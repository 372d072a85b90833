/**
 * Regional used markets in tests: many tests buy used machines only to have machines somewhere. Since
 * used machines are bought where they stand (issue #13 §2), such a test first puts the units it wants on
 * that region's market, as if the world had listed them there.
 */
import { lotThs } from "../../shared/engine/fleet.ts";
import { usedTierOf } from "../../shared/engine/market.ts";
import type { GameState } from "../../shared/engine/state.ts";

/** Adds `units` of `model` to the used market of `region` (ids). */
export function stockUsed(g: GameState, region: string, model: string, units: number): void {
  const m = g.scenario.asics.find((a) => a.id === model);
  const market = g.usedMarkets.regions.find((r) => r.region === region);
  if (!m || !market) throw new Error(`no model ${model} or no market in ${region}`);
  const tier = usedTierOf(m.efficiencyJPerTh);
  market.stockThs[tier] = (market.stockThs[tier] as number) + lotThs(m, units);
}
