/**
 * An episode as a window of a longer world (issue #16): the episode's own start, fleet, capacity on its
 * first day and events, and the world's rules for what comes after: its new machines (`world.supply`,
 * the industry's output from miners' revenue, with its chip shortage where the window overlaps it), its
 * retirement of switched-off machines, its hosting build-out, and each region's growth of racks from the
 * window's first day. A shipped episode names its world (`world.windowOf`, read by node/scenarios.ts);
 * `npm run simulate -- --scenario FILE --world NAME` plays any historical scenario so.
 * Pure: the caller reads both files.
 */
import { scenarioFileSchema, type ScenarioFile } from "./schema.ts";
import { shortageOverlaps, supplyProblems } from "./supplySpec.ts";

type Supply = NonNullable<ScenarioFile["world"]["supply"]>;
type Region = ScenarioFile["regions"][number];
type Period = ScenarioFile["period"];

/** Why a scenario cannot be played as a window of a world: the message says what to give instead. */
export class WindowError extends Error {
  override name = "WindowError";
}

/** The world's supply as the window can play it: a shortage only where it overlaps the window. */
function supplyForWindow(supply: Supply, period: Period): Supply {
  const { shortage, ...rest } = supply;
  return shortage && shortageOverlaps(shortage, period) ? { ...rest, shortage } : rest;
}

/**
 * A region's racks growing as the world's do from the window's first day: the world's pace then (its
 * last dated step on or before the start, else its own pace), and its steps within the window (a step
 * after the end would change the window's hash, not its play). The window starts on its own racks; the
 * decade's legs pass through exodus-2021's and tariffs-2025's, not halving-2020's. A region the world
 * does not have keeps its own growth.
 */
function regionGrowingAsWorld(region: Region, world: ScenarioFile, period: Period): Region {
  const worldRegion = world.regions.find((r) => r.id === region.id);
  if (!worldRegion) return region;
  const { capacityGrowthSteps: _own, ...rest } = region;
  const steps = worldRegion.capacityGrowthSteps ?? [];
  const current = steps.filter((s) => s.from <= period.start).at(-1);
  const later = steps.filter((s) => s.from > period.start && s.from <= period.end);
  return {
    ...rest,
    capacityGrowthMwPerYear: current?.mwPerYear ?? worldRegion.capacityGrowthMwPerYear,
    ...(later.length > 0 ? { capacityGrowthSteps: later } : {}),
  };
}

/** The episode file with the world's supply, retirement, build-out and growth of racks in place of its own. */
export function asWindowOf(episode: ScenarioFile, world: ScenarioFile): ScenarioFile {
  if (world.world.windowOf)
    throw new WindowError(`${world.id} is itself a window of ${world.world.windowOf}: name that world`);
  const supply = world.world.supply;
  if (!supply)
    throw new WindowError(
      `${world.id}'s new machines follow a schedule (world.deployments), not the industry's output (world.supply): give history-2016-2026`,
    );
  const { deployments: _own, supply: _ownSupply, windowOf: _named, ...ownWorld } = episode.world;
  const { buildOut: _ownBuildOut, ...rest } = episode;
  const file = scenarioFileSchema.parse({
    ...rest,
    regions: episode.regions.map((r) => regionGrowingAsWorld(r, world, episode.period)),
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
