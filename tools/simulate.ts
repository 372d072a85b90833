/**
 * simulate: runs one scenario headless (no players unless asked), then prints what happened to the
 * chain, the market and the map, next to the real history where the shipped data has it. With --bots,
 * Monte-Carlo balancing instead: many seeded games with one bot company per strategy (tools/lib/mc-*.ts).
 *
 *   npm run simulate -- --scenario halving-2020 --seed 7 [--json FILE] [--csv FILE] [--players N] [--quiet]
 *   npm run simulate -- --scenario sandbox --runs 100 --bots efficiency,trader [--jobs J] [--json FILE]
 *                       [--report DIR] [--sweep path.to.param=a,b,c]
 *   npm run simulate -- --scenario sandbox --runs 1000 --bots … --queue redis://host:6379 (npm run mc:worker)
 *   npm run simulate -- --compare A.json B.json [--report DIR]
 */
import { writeFileSync } from "node:fs";
import { SingleBar } from "cli-progress";
import {
  createGame,
  EngineCaches,
  ENGINE_VERSION,
  step,
  type PlayerSeat,
  type Scenario,
} from "../shared/index.ts";
import { finishLog, startLog } from "../shared/replay/index.ts";
import { intFlag, parseFlags, pathFlag, runMain, UsageError } from "./lib/cli.ts";
import { simulationCsv, simulationDocument } from "./lib/export.ts";
import { historyReport } from "../node/historyFit.ts";
import { halvingDropLines, halvingDrops } from "../node/halvingDrop.ts";
import { episodeWindowLines, episodeWindows } from "../node/episodeWindows.ts";
import { formatIsoDate } from "../shared/math/calendar.ts";
import { lobbyScenarios } from "../node/scenarioList.ts";
import { buildReport, reportCsv, reportLines } from "./lib/mc-report.ts";
import { defaultJobs, runPool } from "./lib/mc-pool.ts";
import { parseQueueUrl } from "./lib/mc-queue.ts";
import { isStrategyPath, parseStrategyName } from "../shared/strategy/names.ts";
import { runQueue } from "./lib/mc-queue-coordinator.ts";
import { availableStrategies, BOTS, mcConfigOf } from "./lib/montecarlo.ts";
import { createRecording, recordDay } from "../node/recorder.ts";
import { loadDatasets, SCENARIO_DIR } from "../node/scenarios.ts";
import { lintedPathOf, loadScenarioRef, scenarioRefId } from "./lib/scenarioRef.ts";
import { loadWindowOf, WindowError } from "../node/worldWindow.ts";
import { writeMcReport } from "./lib/report-write.ts";
import { compareMain } from "./lib/compare.ts";
import { parseSweep, runSweep, type SweepSpec } from "./lib/sweep.ts";
import { summaryLines } from "./lib/summary.ts";
import { modeShareLines } from "./lib/modeShares.ts";
import { decisionPhaseLines } from "./lib/decisionPhases.ts";
import { classShare, classShareLines } from "./lib/classShare.ts";
// Strategies from files and level prefixes in --bots (docs/strategies.md).
import { unknownStrategies } from "./lib/montecarlo.ts";
import { strategyTroubles } from "./lib/troubles.ts";
import { createMachinePriceProbe, loadMachinePrices } from "../node/machinePriceFit.ts";
import { machinePriceLines } from "./lib/machinePrices.ts";

const USAGE = `usage: npm run simulate -- --scenario NAME [--seed N] [--players N] [--days N] [--json FILE] [--csv FILE]
                            [--save-replay FILE] [--quiet] [--world NAME]
       npm run simulate -- --scenario NAME --bots LIST [--runs N] [--jobs J] [--seed S] [--days N]
                            [--json FILE] [--csv FILE] [--save-replay FILE] [--quiet]
                            [--report DIR] [--sweep path.to.param=a,b,c]
       npm run simulate -- --compare A.json B.json [--report DIR]

  --scenario NAME     scenario id (a file in shared/scenarios without .yaml), or a draft's path
                      (./drafts/my.yaml: checked by the linter first)
  --seed N            seed, 0..4294967295 (default 1); Monte-Carlo run i plays seed N + i
  --players N         idle players seated (default 0: the rest of the world alone)
  --world NAME        play the scenario as a window of NAME's world (history-2016-2026): its supply,
                      retirement, build-out and growth of racks instead of the file's own (a draft's)
  --days N            stop after N days (default: the scenario's end)
  --json FILE         write the daily rows, retargets, halvings and history comparison as JSON
                      (Monte-Carlo: the report with every run's results; timing under "timing")
  --csv FILE          write the daily rows as CSV, one column per country share
                      (Monte-Carlo: one row per run per company)
  --save-replay FILE  write the game's action log (Monte-Carlo: run 0's), for npm run replay
  --quiet             no progress bar and no summary
  --bots LIST         Monte-Carlo: one company per strategy, comma-separated (e.g. efficiency,trader,idle);
                      a level prefix (easy:, hard:) picks the bot's level; a path (./mine.ts) plays
                      a strategy of your own (docs/strategies.md)
  --runs N            Monte-Carlo: games to play (default 1)
  --jobs J            Monte-Carlo: worker threads (default: one per core, at most N)
  --queue URL         Monte-Carlo: play the runs on the machines running \`npm run mc:worker -- --queue URL\`
                      (a Redis URL, redis://host:6379); results as a local run's with the same seeds
  --report DIR        Monte-Carlo: write DIR/index.html (charts, opens offline) and DIR/report.json
  --sweep P=a,b,c     Monte-Carlo: the same seeds once per value of the scenario parameter P (a dotted
                      path, e.g. usedMarket.spreadPct=8,12,16); a table, and with --report a page
  --compare A B       compare two report.json (or --json) documents figure by figure (with --report
                      DIR, also as a page); no game is played
  --class-share       print the players' share of network hashrate in the class-sized world (the four
                      bots, --runs games from --seed), then stop`;

interface Common {
  scenario: string;
  seed: number;
  days: number | null;
  json: string | undefined;
  csv: string | undefined;
  replay: string | undefined;
  quiet: boolean;
  report: string | undefined;
}

type Options =
  | (Common & { mode: "single"; players: number; world: string | undefined })
  | (Common & {
      mode: "montecarlo";
      bots: string[];
      runs: number;
      jobs: number | null;
      sweep: SweepSpec | null;
      queue?: string;
    });

/** --world: a scenario to play --scenario as a window of; a replay names a shipped scenario, not a window. */
function worldFlag(world: string | undefined, replay: string | undefined): string | undefined {
  if (world === undefined) return undefined;
  scenarioRefId(world, "world");
  if (replay) throw new UsageError("--save-replay replays a scenario as shipped: not with --world");
  return world;
}

function parseOptions(argv: string[]): Options {
  const flags = parseFlags(argv, {
    scenario: { type: "string" },
    seed: { type: "string" },
    players: { type: "string" },
    days: { type: "string" },
    json: { type: "string" },
    csv: { type: "string" },
    "save-replay": { type: "string" },
    quiet: { type: "boolean" },
    runs: { type: "string" },
    bots: { type: "string" },
    jobs: { type: "string" },
    queue: { type: "string" },
    "class-share": { type: "boolean" },
    report: { type: "string" },
    sweep: { type: "string" },
    world: { type: "string" },
  });
  scenarioRefId(flags.scenario);
  const common: Common = {
    scenario: flags.scenario as string,
    seed: intFlag("seed", flags.seed, 0, 0xffffffff, 1),
    days: flags.days === undefined ? null : intFlag("days", flags.days, 1, 1_000_000, 1),
    json: pathFlag("json", flags.json),
    csv: pathFlag("csv", flags.csv),
    replay: pathFlag("save-replay", flags["save-replay"]),
    quiet: flags.quiet === true,
    report: pathFlag("report", flags.report),
  };
  if (flags.bots === undefined) {
    if ([flags.runs, flags.jobs, flags.report, flags.sweep, flags.queue].some((f) => f !== undefined)) {
      throw new UsageError(
        "--runs, --jobs, --report, --sweep and --queue are for Monte-Carlo runs: give --bots LIST too",
      );
    }
    // The scenario's seat limit is checked once it is loaded; this bound only rejects nonsense early.
    return {
      ...common,
      mode: "single",
      players: intFlag("players", flags.players, 0, 1000, 0),
      world: worldFlag(flags.world, common.replay),
    };
  }
  if (flags.players !== undefined)
    throw new UsageError("--players and --bots do not go together: bots are the players");
  if (flags.world !== undefined) throw new UsageError("--world is for a single run without --bots");
  const bots = flags.bots.split(",").map((b) => b.trim());
  if (bots.some((b) => b === ""))
    throw new UsageError(`--bots needs a comma-separated list of strategies, got "${flags.bots}"`);
  const runs = intFlag("runs", flags.runs, 1, 1_000_000, 1);
  if (common.seed + runs - 1 > 0xffffffff)
    throw new UsageError(`--seed ${common.seed} + --runs ${runs} passes 4294967295`);
  const jobs = flags.jobs === undefined ? null : intFlag("jobs", flags.jobs, 1, 256, 1);
  const queue = flags.queue === undefined ? undefined : parseQueueUrl(flags.queue);
  if (queue && jobs !== null)
    throw new UsageError(
      "--jobs counts this machine's threads: with --queue, each mc:worker takes its own --jobs",
    );
  // A queued job carries names, not code: a worker elsewhere could not load a module from this disk.
  const files = bots.filter((b) => isStrategyPath(parseStrategyName(b).strategy));
  if (queue && files.length > 0)
    throw new UsageError(
      `--queue runs built-in strategies only; ${files.join(", ")} is a file the workers cannot load: run it without --queue`,
    );
  const sweep = flags.sweep === undefined ? null : parseSweep(flags.sweep);
  if (sweep && (common.csv || common.replay))
    throw new UsageError("--sweep writes its table, --json and --report: not --csv or --save-replay");
  if (sweep && queue) throw new UsageError("--sweep plays its runs here: not with --queue");
  return { ...common, mode: "montecarlo", bots, runs, jobs, sweep, queue };
}

/** A bar only for a person watching a terminal: on CI or a pipe it would be noise in the log. */
function progressBar(quiet: boolean, format: string): SingleBar | null {
  return !quiet && process.stderr.isTTY
    ? new SingleBar({ stream: process.stderr, clearOnComplete: true, format })
    : null;
}

function writeJson(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

/** --scenario, or with --world the scenario as a window of that world (shared/scenario/window.ts). */
function singleScenario(options: Extract<Options, { mode: "single" }>): Scenario {
  if (options.world === undefined) return loadScenarioRef(options.scenario);
  try {
    return loadWindowOf(lintedPathOf(options.scenario), lintedPathOf(options.world));
  } catch (e) {
    if (e instanceof WindowError) throw new UsageError(`--world ${options.world}: ${e.message}`);
    throw e;
  }
}

function single(options: Extract<Options, { mode: "single" }>): void {
  const scenario = singleScenario(options);
  const seats = scenario.company.maxCompanies;
  if (options.players > seats) {
    throw new UsageError(`--players: ${scenario.id} seats at most ${seats} players, got ${options.players}`);
  }
  const players: PlayerSeat[] = Array.from({ length: options.players }, (_, i) => ({
    id: `p${i + 1}`,
    name: `Player ${i + 1}`,
  }));
  const state = createGame(scenario, options.seed, players);
  const log = options.replay ? startLog(state, players) : null;
  const startHeight = state.chain.height;
  const days = Math.min(options.days ?? scenario.days, scenario.days);

  const bar = progressBar(options.quiet, "{bar} {value}/{total} days  {date}");
  bar?.start(days, 0, { date: "" });
  const started = performance.now();
  const recording = createRecording(state);
  const caches = new EngineCaches();
  // Machine prices against the dated reference prices the period covers (issue #16).
  const prices = createMachinePriceProbe(loadMachinePrices());
  prices.observe(state, caches);
  while (!state.finished && state.tick < days) {
    const row = recordDay(recording, state, step(state, caches));
    prices.observe(state, caches);
    if (bar && (state.tick % 8 === 0 || state.tick === days)) bar.update(state.tick, { date: row.date });
  }
  const wallMs = performance.now() - started;
  bar?.stop();

  const history = historyReport(recording, loadDatasets(), scenario.world.calibrationYears);
  if (options.json) writeJson(options.json, simulationDocument(recording, history, options.world));
  if (options.csv) writeFileSync(options.csv, simulationCsv(recording));
  if (log && options.replay) writeJson(options.replay, finishLog(log, state));
  if (options.quiet) return;
  if (options.world)
    console.log(
      `${scenario.id} as a window of ${options.world}'s world: its supply, retirement, build-out and growth of racks in place of ${scenario.id}'s own\n`,
    );
  console.log(summaryLines(recording, history, { wallMs, startHeight }).join("\n"));
  console.log(halvingDropLines(halvingDrops(recording, loadDatasets())).join("\n"));
  const outer = {
    id: scenario.id,
    historical: scenario.price.kind === "historical",
    period: {
      start: formatIsoDate(scenario.startDay),
      end: formatIsoDate(scenario.startDay + scenario.days - 1),
    },
  };
  // Only a run of history holds episodes of history (an invented market's dates are not history's).
  const historical = scenario.price.kind === "historical";
  const windows = historical
    ? episodeWindows(recording, loadDatasets(), outer, lobbyScenarios(SCENARIO_DIR))
    : [];
  const windowLines = episodeWindowLines(windows);
  if (windowLines.length > 0) console.log(windowLines.join("\n"));
  const priceLines = machinePriceLines(prices.observations);
  if (priceLines.length > 0) console.log(["", ...priceLines].join("\n"));
  const written = [options.json, options.csv, options.replay].filter((p) => p !== undefined);
  if (written.length > 0) console.log(`\nwrote ${written.join(", ")}`);
}

async function monteCarlo(options: Extract<Options, { mode: "montecarlo" }>): Promise<void> {
  const scenario = loadScenarioRef(options.scenario);
  const bots = BOTS;
  const known = availableStrategies(bots);
  const unknown = unknownStrategies(bots, options.bots);
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown strateg${unknown.length > 1 ? "ies" : "y"} ${unknown.map((u) => `"${u}"`).join(", ")}; ` +
        `available (${bots.source}): ${known.join(", ")}, with a level (easy:, hard:) or not, ` +
        `or a strategy file (./mine.ts)`,
    );
  }
  const seats = scenario.company.maxCompanies;
  if (options.bots.length > seats) {
    throw new UsageError(
      `--bots: ${scenario.id} seats at most ${seats} companies, got ${options.bots.length}`,
    );
  }
  if (options.sweep)
    return runSweep(options.scenario, options.sweep, { ...options, botsSource: bots.source });
  // The documents a comparison reads (--report's report.json, --json) carry the weekly figures.
  const config = mcConfigOf(scenario.id, options, options.report !== undefined || options.json !== undefined);
  const bar = progressBar(options.quiet, "{bar} {value}/{total} runs  {eta_formatted} left");
  bar?.start(options.runs, 0);
  const started = performance.now();
  const logRun = options.replay ? 0 : null;
  const onResult = (_result: unknown, done: number): void => bar?.update(done);
  const outcome = options.queue
    ? await runQueue(config, options.queue, { logRun, onResult, scenario })
    : await runPool(config, { jobs: options.jobs ?? defaultJobs(options.runs), logRun, onResult, scenario });
  const wallMs = performance.now() - started;
  bar?.stop();

  const report = buildReport(config, outcome.results, {
    engineVersion: ENGINE_VERSION,
    botsSource: bots.source,
    ccaf: loadDatasets().ccaf,
    history: loadDatasets(),
  });
  const timing = { jobs: outcome.jobs, wallMs, runsPerSecond: (outcome.results.length * 1000) / wallMs };
  if (options.json) writeJson(options.json, { ...report, timing });
  if (options.csv) writeFileSync(options.csv, reportCsv(report.results));
  if (options.replay && outcome.log) writeJson(options.replay, outcome.log);
  const reportFiles = options.report ? writeMcReport(options.report, report) : [];
  if (options.quiet) return;
  console.log(reportLines(report).join("\n"));
  for (const line of strategyTroubles(outcome.results)) console.error(line);
  console.log(["", ...modeShareLines(outcome.results)].join("\n"));
  console.log(["", ...decisionPhaseLines(outcome.results)].join("\n"));
  console.log(
    `\n${outcome.results.length} runs in ${(wallMs / 1000).toFixed(1)} s on ${outcome.jobs} ` +
      `thread${outcome.jobs > 1 ? "s" : ""} (${timing.runsPerSecond.toFixed(1)} runs/s)`,
  );
  const written = [options.json, options.csv, options.replay, ...reportFiles].filter((p) => p !== undefined);
  if (written.length > 0) console.log(`wrote ${written.join(", ")}`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes("--class-share")) return printClassShare(argv);
  if (argv.includes("--compare")) return compareMain(argv);
  const options = parseOptions(argv);
  if (options.mode === "single") single(options);
  else await monteCarlo(options);
}

/** --class-share: the class-sized world's figure for one scenario (tools/lib/classShare.ts). */
function printClassShare(argv: string[]): void {
  const flags = parseFlags(argv, {
    scenario: { type: "string" },
    seed: { type: "string" },
    runs: { type: "string" },
    days: { type: "string" },
    "class-share": { type: "boolean" },
  });
  scenarioRefId(flags.scenario);
  const seed = intFlag("seed", flags.seed, 0, 0xffffffff, 1);
  const runs = intFlag("runs", flags.runs, 1, 1000, 1);
  const days = flags.days === undefined ? null : intFlag("days", flags.days, 1, 1_000_000, 1);
  for (const line of classShareLines(classShare(loadScenarioRef(flags.scenario as string), seed, runs, days)))
    console.log(line);
}

runMain(USAGE, main);
