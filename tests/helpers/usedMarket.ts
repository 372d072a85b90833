/**
 * Regional used markets in tests: many tests buy used machines only to have machines somewhere. Since
 * used machines are bought where they stand (issue #13 §2), such a test first puts the units it wants on
 * that region's market, as if the world had listed them there.
 */
import fc from "fast-check";
import { EngineCaches } from "../../shared/engine/caches.ts";
import { lotThs, modelOf } from "../../shared/engine/fleet.ts";
import { usedTierOf } from "../../shared/engine/market.ts";
import type { GameState } from "../../shared/engine/state.ts";
import { referenceStockThs, stockUnits } from "../../shared/engine/usedMarket.ts";
import type { AsicModel } from "../../shared/scenario/types.ts";
import { newGame, stepUntil } from "./game.ts";

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

/**
 * The used markets' property tests share one world: exodus-2021 on 2021-09-15 (markets swollen by
 * China's ban), with four models from the S9 to the S19 XP to quote.
 */
export function usedMarketWorld(): { base: GameState; models: AsicModel[] } {
  const base = newGame("exodus-2021", 3, 2);
  stepUntil(base, "2021-09-15");
  const caches = new EngineCaches();
  const models = ["s9", "s17-pro", "s19j-pro", "s19-xp"]
    .map((id) => modelOf(base, id, caches))
    .filter((m): m is AsicModel => m !== undefined);
  return { base, models };
}

/**
 * One used market to quote in, for the property tests: a region and a model (indexes), the tier's stock
 * as a multiple of its reference stock (from a deep glut to near-empty shelves) and buyers' pressure the
 * same way.
 */
export interface MarketCase {
  r: number;
  m: number;
  depth: number;
  push: number;
}

export function marketCases(regions: number, models: number): fc.Arbitrary<MarketCase> {
  return fc.record({
    r: fc.nat({ max: regions - 1 }),
    m: fc.nat({ max: models - 1 }),
    depth: fc.double({ min: 0.001, max: 60, noNaN: true }),
    push: fc.double({ min: 0, max: 5, noNaN: true }),
  });
}

/**
 * A copy of `base` whose market of `c` holds `depth` × the reference stock plus `extraThs`, under `push`
 * × the reference of buyers' pressure; null where the region has no used market.
 */
export function withMarket(
  base: GameState,
  models: readonly AsicModel[],
  c: MarketCase,
  extraThs: (model: AsicModel) => number,
): { g: GameState; model: AsicModel } | null {
  const g = structuredClone(base);
  const model = models[c.m] as AsicModel;
  const tier = usedTierOf(model.efficiencyJPerTh);
  const market = g.usedMarkets.regions[c.r];
  if (!market) return null;
  const reference = referenceStockThs(g, c.r, tier);
  market.stockThs[tier] = reference * c.depth + extraThs(model);
  market.pressureThs[tier] = reference * c.push;
  return { g, model };
}
