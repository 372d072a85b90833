/**
 * bench: how fast the engine plays a whole game. For every shipped scenario, 8 idle players, stepped
 * to the end (or --days N), timed over repeated runs after a warm-up. The target is a 3-year scenario
 * with 8 players in under 50 ms; scenarios of other lengths are scaled to 3 game-years to compare.
 * Prints figures only: timing depends on the machine, so there is no pass/fail exit code.
 *
 *   npm run bench [-- --json FILE] [--days N]
 */
import { writeFileSync } from "node:fs";
import { cpus, platform, arch } from "node:os";
import { createGame, step, type PlayerSeat, type Scenario } from "../shared/index.ts";
import { intFlag, parseFlags, pathFlag, runMain } from "./lib/cli.ts";
import { fixed, int, table } from "./lib/format.ts";
import { loadScenario, scenarioIds } from "./lib/scenarios.ts";

const USAGE = `usage: npm run bench [-- --json FILE] [--days N]

  --json FILE  also write the figures, node version, CPU model and date as JSON
  --days N     step at most N days per game (default: each scenario to its end)`;

const PLAYERS = 8;
const TARGET_MS_PER_3_YEARS = 50;
const DAYS_PER_3_YEARS = 1095;
const MIN_RUNS = 5;
const MIN_MS = 2000;
/** Stops a very slow engine from keeping the bench busy for minutes. */
const MAX_RUNS = 500;

interface BenchResult {
  scenario: string;
  players: number;
  days: number;
  blocks: number;
  runs: number;
  medianMs: number;
  minMs: number;
  gameDaysPerSecond: number;
  blocksPerSecond: number;
  msPer3GameYears: number;
  targetMet: boolean;
}

/** One game: create, then step `days` days (or to the end). Returns the blocks mined. */
function playGame(scenario: Scenario, seats: PlayerSeat[], days: number): { days: number; blocks: number } {
  const state = createGame(scenario, 1, seats);
  let stepped = 0;
  let blocks = 0;
  while (!state.finished && stepped < days) {
    blocks += step(state).blocks;
    stepped++;
  }
  return { days: stepped, blocks };
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function benchScenario(id: string, maxDays: number): BenchResult {
  const scenario = loadScenario(id);
  const players = Math.min(PLAYERS, scenario.company.maxCompanies);
  const seats = Array.from({ length: players }, (_, i) => ({ id: `p${i + 1}`, name: `Player ${i + 1}` }));
  // The warm-up lets the JIT compile the hot paths, so that the timed runs measure the engine, not V8.
  const shape = playGame(scenario, seats, maxDays);
  const times: number[] = [];
  const started = performance.now();
  while (times.length < MAX_RUNS && (times.length < MIN_RUNS || performance.now() - started < MIN_MS)) {
    const t0 = performance.now();
    playGame(scenario, seats, maxDays);
    times.push(performance.now() - t0);
  }
  const medianMs = median(times);
  const msPer3GameYears = (medianMs * DAYS_PER_3_YEARS) / Math.max(1, shape.days);
  return {
    scenario: id,
    players,
    days: shape.days,
    blocks: shape.blocks,
    runs: times.length,
    medianMs,
    minMs: Math.min(...times),
    gameDaysPerSecond: (shape.days * 1000) / medianMs,
    blocksPerSecond: (shape.blocks * 1000) / medianMs,
    msPer3GameYears,
    targetMet: msPer3GameYears < TARGET_MS_PER_3_YEARS,
  };
}

function report(results: BenchResult[]): string[] {
  const header = [
    "scenario",
    "players",
    "days",
    "blocks",
    "runs",
    "ms/game (median)",
    "game days/s",
    "blocks/s",
    "ms per 3 game-years",
    `< ${TARGET_MS_PER_3_YEARS} ms`,
  ];
  const rows = results.map((r) => [
    r.scenario,
    String(r.players),
    int(r.days),
    int(r.blocks),
    String(r.runs),
    fixed(r.medianMs, 2),
    int(r.gameDaysPerSecond),
    int(r.blocksPerSecond),
    fixed(r.msPer3GameYears, 2),
    r.targetMet ? "yes" : "no",
  ]);
  return table([header, ...rows], ["l", "r", "r", "r", "r", "r", "r", "r", "r", "l"]);
}

function main(): void {
  const flags = parseFlags(process.argv.slice(2), { json: { type: "string" }, days: { type: "string" } });
  const json = pathFlag("json", flags.json);
  const maxDays = intFlag("days", flags.days, 1, 1_000_000, Number.MAX_SAFE_INTEGER);
  const cpu = cpus()[0]?.model ?? "unknown";
  console.log(`Engine benchmark: ${PLAYERS} idle players per game; node ${process.version}; ${cpu}`);
  const results = scenarioIds().map((id) => benchScenario(id, maxDays));
  console.log(report(results).join("\n"));
  if (json) {
    const doc = {
      date: new Date().toISOString(),
      node: process.version,
      cpu,
      platform: platform(),
      arch: arch(),
      targetMsPer3GameYears: TARGET_MS_PER_3_YEARS,
      results,
    };
    writeFileSync(json, `${JSON.stringify(doc, null, 2)}\n`);
    console.log(`\nwrote ${json}`);
  }
}

runMain(USAGE, main);
