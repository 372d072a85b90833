/**
 * tournament: a round robin of strategies — built-in bots at any level, and strategies from files —
 * over seeds and scenarios, every strategy in every game, seats rotated; prints a ranked table
 * (tools/lib/tournament.ts). A programming class can hold a bot tournament with it.
 *
 *   npm run tournament -- [--scenarios a,b] [--seeds N] [--bots list] [--days N] [--jobs J] [--json FILE]
 *                         [--strategy-timeout MS]
 */
import { writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { intFlag, parseFlags, pathFlag, runMain, UsageError } from "./lib/cli.ts";
import { BOTS, unknownStrategies } from "./lib/montecarlo.ts";
import { playTournament, standingLines, type TournamentConfig } from "./lib/tournament.ts";
import { loadScenario, scenarioIds } from "../node/scenarios.ts";
import { STRATEGIES } from "../shared/bots/index.ts";

const USAGE = `usage: npm run tournament -- [--scenarios a,b] [--seeds N] [--bots LIST] [--days N] [--jobs J] [--json FILE]

  --scenarios LIST  scenario ids, comma-separated (default: every shipped scenario)
  --seeds N         seeds 1..N per scenario (default 4); each seed is played once per seat rotation
  --bots LIST       strategies, comma-separated: built-in names with or without a level (hard:trader),
                    idle, or strategy files (./mine.ts) (default: the built-in bots and idle)
  --days N          stop each game after N days (default: the scenario's end)
  --jobs J          worker threads (default: one per core)
  --json FILE       write the standings as JSON
  --strategy-timeout MS
                    how long one call of a strategy from a file may take before it is stopped (default 5000)

  A win is a game's top equity alone (a tie for first is nobody's win); mean rank shares tied places.`;

const list = (s: string): string[] =>
  s
    .split(",")
    .map((x) => x.trim())
    .filter((x) => x !== "");

function parse(argv: string[]): TournamentConfig & { json: string | undefined } {
  const flags = parseFlags(argv, {
    scenarios: { type: "string" },
    seeds: { type: "string" },
    bots: { type: "string" },
    days: { type: "string" },
    jobs: { type: "string" },
    json: { type: "string" },
    "strategy-timeout": { type: "string" },
  });
  const shipped = scenarioIds();
  const scenarios = flags.scenarios ? list(flags.scenarios) : shipped;
  const wrong = scenarios.filter((s) => !shipped.includes(s));
  if (wrong.length > 0)
    throw new UsageError(`unknown scenario ${wrong.join(", ")}; shipped: ${shipped.join(", ")}`);
  const bots = flags.bots ? list(flags.bots) : [...STRATEGIES, "idle"];
  const unknown = unknownStrategies(BOTS, bots);
  if (unknown.length > 0) throw new UsageError(`unknown strategy ${unknown.join(", ")}`);
  if (bots.length < 2) throw new UsageError("a tournament needs two strategies or more");
  for (const id of scenarios) {
    const seats = loadScenario(id).company.maxCompanies;
    if (bots.length > seats)
      throw new UsageError(`${id} seats at most ${seats} companies, got ${bots.length}`);
  }
  return {
    scenarios,
    seeds: intFlag("seeds", flags.seeds, 1, 100_000, 4),
    bots,
    days: flags.days === undefined ? null : intFlag("days", flags.days, 1, 1_000_000, 1),
    jobs: intFlag("jobs", flags.jobs, 1, 256, availableParallelism()),
    json: pathFlag("json", flags.json),
    strategyTimeoutMs: intFlag("strategy-timeout", flags["strategy-timeout"], 100, 600_000, 5_000),
  };
}

async function main(): Promise<void> {
  const config = parse(process.argv.slice(2));
  const games = config.scenarios.length * config.seeds * config.bots.length;
  const started = performance.now();
  const standings = await playTournament(config);
  console.log(
    `${games} games (${config.scenarios.join(", ")}; seeds 1–${config.seeds}; ${config.bots.length} seat rotations)`,
  );
  console.log(standingLines(standings).join("\n"));
  console.log(`\n${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (config.json) writeFileSync(config.json, `${JSON.stringify({ config, standings }, null, 2)}\n`);
}

runMain(USAGE, main);
