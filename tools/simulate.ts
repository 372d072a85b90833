/**
 * simulate: runs one scenario headless (no players unless asked), then prints what happened to the
 * chain, the market and the map, next to the real history where the shipped data has it.
 *
 *   npm run simulate -- --scenario halving-2020 --seed 7 [--json FILE] [--csv FILE] [--players N] [--quiet]
 */
import { writeFileSync } from "node:fs";
import { SingleBar } from "cli-progress";
import { createGame, type PlayerSeat } from "../shared/index.ts";
import { intFlag, parseFlags, pathFlag, runMain, UsageError } from "./lib/cli.ts";
import { simulationCsv, simulationDocument } from "./lib/export.ts";
import { historyComparison } from "./lib/history.ts";
import { recordGame } from "./lib/recorder.ts";
import { loadDatasets, loadScenario, scenarioIds } from "./lib/scenarios.ts";
import { summaryLines } from "./lib/summary.ts";

const USAGE = `usage: npm run simulate -- --scenario NAME [--seed N] [--players N] [--json FILE] [--csv FILE] [--quiet]

  --scenario NAME  scenario id (a file in shared/scenarios without .yaml)
  --seed N         seed, 0..4294967295 (default 1)
  --players N      idle players seated (default 0: the rest of the world alone)
  --json FILE      write the daily rows, retargets, halvings and history comparison as JSON
  --csv FILE       write the daily rows as CSV, one column per country share
  --quiet          no progress bar and no summary
  (--runs N --bots LIST: Monte-Carlo runs, reserved, not implemented yet)`;

interface Options {
  scenario: string;
  seed: number;
  players: number;
  json: string | undefined;
  csv: string | undefined;
  quiet: boolean;
}

function parseOptions(argv: string[]): Options {
  const flags = parseFlags(argv, {
    scenario: { type: "string" },
    seed: { type: "string" },
    players: { type: "string" },
    json: { type: "string" },
    csv: { type: "string" },
    quiet: { type: "boolean" },
    runs: { type: "string" },
    bots: { type: "string" },
  });
  if (flags.runs !== undefined || flags.bots !== undefined) {
    throw new UsageError("--runs/--bots (Monte-Carlo runs with bots) are not implemented yet");
  }
  const shipped = scenarioIds();
  if (flags.scenario === undefined)
    throw new UsageError(`--scenario is required; shipped scenarios: ${shipped.join(", ")}`);
  if (!shipped.includes(flags.scenario)) {
    throw new UsageError(`unknown scenario "${flags.scenario}"; shipped scenarios: ${shipped.join(", ")}`);
  }
  return {
    scenario: flags.scenario,
    seed: intFlag("seed", flags.seed, 0, 0xffffffff, 1),
    // The scenario's seat limit is checked once it is loaded; this bound only rejects nonsense early.
    players: intFlag("players", flags.players, 0, 1000, 0),
    json: pathFlag("json", flags.json),
    csv: pathFlag("csv", flags.csv),
    quiet: flags.quiet === true,
  };
}

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  const scenario = loadScenario(options.scenario);
  const seats = scenario.company.maxCompanies;
  if (options.players > seats) {
    throw new UsageError(`--players: ${scenario.id} seats at most ${seats} players, got ${options.players}`);
  }
  const players: PlayerSeat[] = Array.from({ length: options.players }, (_, i) => ({
    id: `p${i + 1}`,
    name: `Player ${i + 1}`,
  }));
  const state = createGame(scenario, options.seed, players);
  const startHeight = state.chain.height;

  // A bar only for a person watching a terminal: on CI or a pipe it would be noise in the log.
  const bar =
    !options.quiet && process.stderr.isTTY
      ? new SingleBar({
          stream: process.stderr,
          clearOnComplete: true,
          format: "{bar} {value}/{total} days  {date}",
        })
      : null;
  bar?.start(scenario.days, 0, { date: "" });
  const started = performance.now();
  const recording = recordGame(state, (row, i) => {
    if (bar && (i % 8 === 7 || state.finished)) bar.update(i + 1, { date: row.date });
  });
  const wallMs = performance.now() - started;
  bar?.stop();

  const history = historyComparison(recording, loadDatasets());
  if (options.json)
    writeFileSync(options.json, `${JSON.stringify(simulationDocument(recording, history), null, 2)}\n`);
  if (options.csv) writeFileSync(options.csv, simulationCsv(recording));
  if (options.quiet) return;
  console.log(summaryLines(recording, history, { wallMs, startHeight }).join("\n"));
  const written = [options.json, options.csv].filter((p) => p !== undefined);
  if (written.length > 0) console.log(`\nwrote ${written.join(", ")}`);
}

runMain(USAGE, main);
