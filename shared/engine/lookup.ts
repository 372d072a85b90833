/**
 * Look-ups by id into a scenario, through an index made once per scenario and kept in the caller's
 * EngineCaches. A scenario never changes once resolved, so the index is a pure cache: it changes no
 * result, only how fast it is found (the daily step looks up each lot's model and region, which a linear
 * search made the hottest path). Other modules keep what they derive from the scenario here too (points
 * and distances, the best machine on sale), so that one check of the scenario covers them all.
 */
import type { AsicModel, RegionSpec, Scenario } from "../scenario/types.ts";
import type { EngineCaches } from "./caches.ts";
import type { Places } from "./logistics/geo.ts";

export interface ScenarioIndex {
  readonly scenario: Scenario;
  readonly models: Map<string, AsicModel>;
  readonly regions: Map<string, number>;
  /** Points of hubs and regions and distances between them, filled as asked (logistics/geo.ts). */
  readonly places: Places;
  /** The day bestEfficiency was last asked about, and its answer (market.ts). */
  bestDay: number;
  bestJPerTh: number;
}

/**
 * The scenario's index (read only), made when the caches last served another scenario. Loops over every
 * lot take it once rather than asking for each look-up.
 */
export function scenarioIndex(scenario: Scenario, caches: EngineCaches): ScenarioIndex {
  const index = caches.scenario;
  if (index !== null && index.scenario === scenario) return index;
  return (caches.scenario = {
    scenario,
    models: new Map(scenario.asics.map((m) => [m.id, m])),
    regions: new Map(scenario.regions.map((r, i) => [r.id, i])),
    places: { hubs: new Map(), regions: new Map(), km: new WeakMap() },
    bestDay: Number.NaN,
    bestJPerTh: Infinity,
  });
}

export function modelInScenario(scenario: Scenario, id: string, caches: EngineCaches): AsicModel | undefined {
  return scenarioIndex(scenario, caches).models.get(id);
}

/** Position of a region in the scenario's (and the world state's) region list, or -1. */
export function regionIndexInScenario(scenario: Scenario, id: string, caches: EngineCaches): number {
  return scenarioIndex(scenario, caches).regions.get(id) ?? -1;
}

export function regionSpecInScenario(
  scenario: Scenario,
  id: string,
  caches: EngineCaches,
): RegionSpec | undefined {
  const i = regionIndexInScenario(scenario, id, caches);
  return i < 0 ? undefined : scenario.regions[i];
}
