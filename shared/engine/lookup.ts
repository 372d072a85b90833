/**
 * Look-ups by id into a scenario, memoised per scenario object. A scenario never changes once
 * resolved, so the maps are pure caches: they change no result, only how fast it is found (the daily
 * step looks up each lot's model and region, which a linear search made the hottest path).
 */
import type { AsicModel, RegionSpec, Scenario } from "../scenario/types.ts";

export interface ScenarioIndex {
  models: Map<string, AsicModel>;
  regions: Map<string, number>;
}

const indexes = new WeakMap<Scenario, ScenarioIndex>();

/**
 * The scenario's look-up maps (read only). Loops over every lot take them once rather than going
 * through the per-scenario memo for each look-up.
 */
export function scenarioIndex(scenario: Scenario): ScenarioIndex {
  return indexOf(scenario);
}

/** The scenario asked for last, and its index: nearly every look-up is for the same one. */
let lastScenario: Scenario | null = null;
let lastIndex: ScenarioIndex | null = null;

function indexOf(scenario: Scenario): ScenarioIndex {
  if (scenario === lastScenario) return lastIndex as ScenarioIndex;
  let index = indexes.get(scenario);
  if (!index) {
    index = {
      models: new Map(scenario.asics.map((m) => [m.id, m])),
      regions: new Map(scenario.regions.map((r, i) => [r.id, i])),
    };
    indexes.set(scenario, index);
  }
  lastScenario = scenario;
  lastIndex = index;
  return index;
}

export function modelById(scenario: Scenario, id: string): AsicModel | undefined {
  return indexOf(scenario).models.get(id);
}

/** Position of a region in the scenario's (and the world state's) region list, or -1. */
export function regionPosition(scenario: Scenario, id: string): number {
  return indexOf(scenario).regions.get(id) ?? -1;
}

export function regionSpecById(scenario: Scenario, id: string): RegionSpec | undefined {
  const i = regionPosition(scenario, id);
  return i < 0 ? undefined : scenario.regions[i];
}
