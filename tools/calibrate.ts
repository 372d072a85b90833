/**
 * calibrate: fits a scenario's world supply (world.supply: MW per $M of revenue, lag, retirement) on its
 * calibration years only (world.calibrationYears) by a grid search, and prints the grid and the chosen
 * point. Copy the point into the scenario file by hand; `npm run simulate` then shows the fit on every
 * year, the others out of sample.
 *
 *   npm run calibrate -- --scenario history-2016-2026 [--mw 0.2,0.4] [--lag 90,180] [--seed N]
 *
 * The default grid (9 x 7 x 4 = 252 games of 2016-2019) takes about half a minute on two cores.
 * A buildOut block (buildOut.ts) is not searched: it acts only in a crunch, and the decade's calibration
 * years have none, so they cannot choose its numbers; nor is a chip shortage's (orderBook.ts): a dated
 * event like a ban, after those years.
 */
import { loadDatasets } from "../node/scenarios.ts";
import { fixed, table } from "./lib/format.ts";
import { intFlag, parseFlags, runMain, UsageError } from "./lib/cli.ts";
import { loadScenarioRef, scenarioRefId } from "./lib/scenarioRef.ts";
import { searchGrid, type GridResult } from "./lib/calibrate.ts";

const USAGE = `usage: npm run calibrate -- --scenario NAME [--mw LIST] [--lag LIST] [--retire LIST] [--seed N]

  --scenario NAME   a scenario with world.supply and world.calibrationYears (history-2016-2026)
  --mw LIST         MW of machines shipped a day per million USD a day of miners' revenue (default ${"0.3,0.35,…,0.7"})
  --lag LIST        days from revenue to delivered machines (default ${"0,15,30,60,90,120,180"})
  --retire LIST     percent of switched-off machines retired a month (default ${"0,25,50,100"})
  --seed N          seed of the no-player games (default 1)`;

const DEFAULT_MW = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7];
const DEFAULT_LAG = [0, 15, 30, 60, 90, 120, 180];
const DEFAULT_RETIRE = [0, 25, 50, 100];
function numberList(name: string, text: string | undefined, fallback: number[]): number[] {
  if (text === undefined) return fallback;
  const values = text.split(",").map((t) => Number(t.trim()));
  if (values.length === 0 || values.some((v) => !Number.isFinite(v)))
    throw new UsageError(`--${name} needs comma-separated numbers, got "${text}"`);
  return values;
}

const err = (x: number | null): string => (x === null ? "" : fixed(x, 3));

function gridLines(results: GridResult[], best: GridResult): string[] {
  const rows = results.map((r) => [
    fixed(r.mwPerMusdRevenue, 2),
    fixed(r.lagDays, 0),
    fixed(r.retireIdlePctPerMonth, 0),
    err(r.fit.difficultyLnError),
    err(r.fit.hashrateLnError),
    err(r.fit.hashpriceLnError),
    r.fit.retargetErrorPp === null ? "" : fixed(r.fit.retargetErrorPp, 2),
    fixed(r.score, 4),
    r === best ? "← chosen" : "",
  ]);
  const header = [
    "MW per $M",
    "lag days",
    "retire %/mo",
    "difficulty",
    "hashrate",
    "hashprice",
    "retarget pp",
    "score",
    "",
  ];
  return table([header, ...rows], ["r", "r", "r", "r", "r", "r", "r", "r", "l"]);
}

function main(): void {
  const flags = parseFlags(process.argv.slice(2), {
    scenario: { type: "string" },
    mw: { type: "string" },
    lag: { type: "string" },
    retire: { type: "string" },
    seed: { type: "string" },
  });
  scenarioRefId(flags.scenario);
  const scenario = loadScenarioRef(flags.scenario as string);
  const years = scenario.world.calibrationYears;
  if (!scenario.world.supply || !years)
    throw new UsageError(`${scenario.id} needs world.supply and world.calibrationYears to be calibrated`);
  const grid = {
    mwPerMusdRevenue: numberList("mw", flags.mw, DEFAULT_MW),
    lagDays: numberList("lag", flags.lag, DEFAULT_LAG),
    retireIdlePctPerMonth: numberList("retire", flags.retire, DEFAULT_RETIRE),
  };
  const seed = intFlag("seed", flags.seed, 0, 0xffffffff, 1);
  const { results, best } = searchGrid(scenario, grid, loadDatasets(), seed);
  console.log(
    `Calibration of ${scenario.id}'s world supply on ${years[0]}-${years[1]} (seed ${seed}; ` +
      `score = mean of the difficulty and hashrate |ln error| over those years, lower is better)`,
  );
  console.log(gridLines(results, best).join("\n"));
  console.log(
    `\nchosen: supply: { mwPerMusdRevenue: ${best.mwPerMusdRevenue}, lagDays: ${best.lagDays}, retireIdlePctPerMonth: ${best.retireIdlePctPerMonth}` +
      " }" +
      ` (score ${fixed(best.score, 4)})`,
  );
}

runMain(USAGE, main);
