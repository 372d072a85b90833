/**
 * Regional used markets in tests: many tests buy used machines only to have machines somewhere. Since
 * used machines are bought where they stand (issue #13 §2), such a test first puts the units it wants on
 * that region's market, as if the world had listed them there.
 */
import { lotThs } from "../../shared/engine/fleet.ts";
import { usedTierOf } from "../../shared/engine/market.ts";
import type { GameState } from "../../shared/engine/state.ts";
import { stockUnits } from "../../shared/engine/usedMarket.ts";
import { newGame } from "./game.ts";

/** Adds `units` of `model` to the used market of `region` (ids). */
export function stockUsed(g: GameState, region: string, model: string, units: number): void {
  const m = g.scenario.asics.find((a) => a.id === model);
  const market = g.usedMarkets.regions.find((r) => r.region === region);
  if (!m || !market) throw new Error(`no model ${model} or no market in ${region}`);
  const tier = usedTierOf(m.efficiencyJPerTh);
  market.stockThs[tier] = (market.stockThs[tier] as number) + lotThs(m, units);
}

/**
 * The most efficient model that `region`'s used market holds plenty of on the first day of `scenario`
 * (at least ten lots of `units`), from the engine's own stock: what a browser test buys there.
 */
export function stockedModel(scenario: string, region: string, units: number): string {
  const g = newGame(scenario, 1, 1);
  const r = g.scenario.regions.findIndex((x) => x.id === region);
  const open = g.scenario.asics.filter(
    (m) => m.releaseDay + 90 <= g.day && stockUnits(g, r, m) >= 10 * units,
  );
  const best = open.sort((a, b) => a.efficiencyJPerTh - b.efficiencyJPerTh)[0];
  if (!best) throw new Error(`no used model stocked in ${region}`);
  return best.id;
}
