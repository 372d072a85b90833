/**
 * An episode as a window of a longer world (issue #16): the scenario's own start, fleet, regions and
 * events, but the new machines of another scenario's world (its `world.supply`: the industry's output
 * from miners' revenue, with its chip shortage where the window overlaps it) and that world's hosting
 * build-out, instead of the episode's hand-fitted deployments. `npm run simulate -- --scenario
 * exodus-2021 --world history-2016-2026` plays it so, to set its fit beside the episode's own run.
 * The supply reads the months before the window's start from the shipped series (supplyLeadIn.ts), so a
 * window opening inside the 2021 shortage finds the book as the real orders filled it.
 */
import type { Scenario } from "../shared/index.ts";
import { resolveScenario } from "../shared/scenario/resolve.ts";
import { scenarioFileSchema, type ScenarioFile } from "../shared/scenario/schema.ts";
import { shortageOverlaps, supplyProblems } from "../shared/scenario/supplySpec.ts";
import { loadDatasets, loadLogisticsCatalog, loadRegionCatalog, readScenarioFile, rel } from "./scenarios.ts";

type Supply = NonNullable<ScenarioFile["world"]["supply"]>;

/** Why a scenario cannot be played as a window of a world: the message says what to give instead. */
export class WindowError extends Error {
  override name = "WindowError";
}

/** The world's supply as the window can play it: a shortage only where it overlaps the window. */
function supplyForWindow(supply: Supply, period: ScenarioFile["period"]): Supply {
  const { shortage, ...rest } = supply;
  return shortage && shortageOverlaps(shortage, period) ? { ...rest, shortage } : rest;
}

/** The episode file with the world's supply and build-out in place of its own pace for new machines. */
export function asWindowOf(episode: ScenarioFile, world: ScenarioFile): ScenarioFile {
  const supply = world.world.supply;
  if (!supply)
    throw new WindowError(
      `${world.id}'s new machines follow a schedule (world.deployments), not the industry's output (world.supply): give history-2016-2026`,
    );
  const { deployments: _own, ...ownWorld } = episode.world;
  const { buildOut: _ownBuildOut, ...rest } = episode;
  const file = scenarioFileSchema.parse({
    ...rest,
    world: { ...ownWorld, deployments: [], supply: supplyForWindow(supply, episode.period) },
    ...(world.buildOut ? { buildOut: world.buildOut } : {}),
  });
  // The linter's checks of a supply, as a designer's own file would get them (e.g. a drawn BTC price).
  const problems = supplyProblems(file.world, file.period, file.price.model);
  if (problems.length > 0)
    throw new WindowError(
      `${episode.id} cannot take ${world.id}'s supply: ${problems.map((p) => p.message).join("; ")}`,
    );
  return file;
}

/** Loads the episode at `episodePath` as a window of the world scenario at `worldPath`, resolved. */
export function loadWindowOf(episodePath: string, worldPath: string): Scenario {
  const file = asWindowOf(readScenarioFile(episodePath), readScenarioFile(worldPath));
  return resolveScenario(rel(episodePath), file, loadRegionCatalog(), loadDatasets(), loadLogisticsCatalog());
}
