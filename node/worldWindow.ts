/**
 * An episode as a window of a longer world (issue #16): the scenario's own start, fleet, regions and
 * events, but the new machines of another scenario's world (its `world.supply`: the industry's output
 * from miners' revenue, with its chip shortage where the window overlaps it) and that world's hosting
 * build-out, instead of the episode's hand-fitted deployments. `npm run simulate -- --scenario
 * exodus-2021 --world history-2016-2026` prints the episode's fit this way, beside its own run's.
 * The supply reads the months before the window's start from the shipped series (supplyLeadIn.ts), so a
 * window opening inside the 2021 shortage finds the book as the real orders filled it.
 */
import type { Scenario } from "../shared/index.ts";
import { resolveScenario } from "../shared/scenario/resolve.ts";
import { scenarioFileSchema, type ScenarioFile } from "../shared/scenario/schema.ts";
import { loadDatasets, loadLogisticsCatalog, loadRegionCatalog, readScenarioFile, rel } from "./scenarios.ts";

type Supply = NonNullable<ScenarioFile["world"]["supply"]>;

/** The world's supply as the window can play it: a shortage only where it overlaps the window. */
function supplyForWindow(supply: Supply, period: ScenarioFile["period"]): Supply {
  const { shortage, ...rest } = supply;
  const overlaps = shortage !== undefined && shortage.start <= period.end && shortage.end > period.start;
  return overlaps ? { ...rest, shortage } : rest;
}

/** The episode file with the world's supply and build-out in place of its own pace for new machines. */
export function asWindowOf(episode: ScenarioFile, world: ScenarioFile, worldPath: string): ScenarioFile {
  const supply = world.world.supply;
  if (!supply)
    throw new Error(
      `${rel(worldPath)} has no world.supply: --world needs a scenario whose new machines follow the industry's output (history-2016-2026)`,
    );
  const { deployments: _own, ...ownWorld } = episode.world;
  const { buildOut: _ownBuildOut, ...rest } = episode;
  return scenarioFileSchema.parse({
    ...rest,
    world: { ...ownWorld, deployments: [], supply: supplyForWindow(supply, episode.period) },
    ...(world.buildOut ? { buildOut: world.buildOut } : {}),
  });
}

/** Loads the episode at `episodePath` as a window of the world scenario at `worldPath`, resolved. */
export function loadWindowOf(episodePath: string, worldPath: string): Scenario {
  const file = asWindowOf(readScenarioFile(episodePath), readScenarioFile(worldPath), worldPath);
  return resolveScenario(rel(episodePath), file, loadRegionCatalog(), loadDatasets(), loadLogisticsCatalog());
}
