/**
 * bench-mc: the Monte-Carlo run itself on one thread (playRun, as the pool's workers play it), for
 * profiling and for checking that a speed-up leaves the games alone. Plays --runs games of --id (default
 * sandbox) with 8 bots of all strategies after --warmup games, and prints the CPU time of each run and
 * its final state hash, then the median. Prints figures only.
 *
 *   npx tsx tools/bench-mc.ts [--id NAME | --scenario FILE.json] [--runs N] [--warmup N] [--seed N]
 *   node --import tsx --cpu-prof tools/bench-mc.ts --runs 3     (a profile of the bots and the engine)
 */
import { readFileSync } from "node:fs";
import { BotCaches } from "../shared/bots/index.ts";
import type { Scenario } from "../shared/index.ts";
import { BOTS, playRun, type McConfig } from "./lib/montecarlo.ts";
import { internStrings } from "./lib/mc-intern.ts";
import { playsHere } from "./lib/mc-pool.ts";
import { intFlag, orUsage, scriptFlags } from "./lib/cli.ts";

const USAGE = `usage: npx tsx tools/bench-mc.ts [--id NAME | --scenario FILE.json] [--runs N] [--warmup N] [--seed N]

  --id NAME          a shipped scenario (default sandbox)
  --scenario FILE    a resolved scenario as JSON
  --runs N           games timed (default 5)
  --warmup N         games played first, untimed (default 1)
  --seed N           the first timed game's seed (default 1)`;
const flags = scriptFlags(USAGE, {
  id: { type: "string" },
  scenario: { type: "string" },
  runs: { type: "string" },
  warmup: { type: "string" },
  seed: { type: "string" },
});

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** A resolved scenario from JSON (so that a bundle of this file can run it), else from the YAML files. */
async function loadFrom(id: string): Promise<Scenario> {
  const file = flags.scenario;
  if (file) return JSON.parse(readFileSync(file, "utf8")) as Scenario;
  const { loadScenario } = await import("../node/scenarios.ts");
  return loadScenario(id);
}

const id = flags.id ?? "sandbox";
// As a pool's worker plays: the scenario's strings interned, V8's feedback eager (mc-intern.ts, mc-pool.ts).
playsHere();
const scenario = internStrings(await loadFrom(id));
const bots = ["efficiency", "cheap-power", "cautious", "trader"].flatMap((s) => [s, s]);
const runs = orUsage(USAGE, () => intFlag("runs", flags.runs, 1, 100_000, 5));
const warmup = orUsage(USAGE, () => intFlag("warmup", flags.warmup, 0, 100_000, 1));
// Seats turned run by run, as simulate plays them (seats.ts).
const seed = orUsage(USAGE, () => intFlag("seed", flags.seed, 0, 4_294_967_295, 1));
const config: McConfig = { scenario: id, bots, seed, runs, days: null, turnSeats: true };
// One set of caches for every run, as a pool worker keeps them.
const caches = new BotCaches();
for (let i = 0; i < warmup; i++) playRun(scenario, BOTS, { ...config, seed: 1000 }, i, false, caches);
const times: number[] = [];
for (let run = 0; run < runs; run++) {
  const c0 = cpuMs();
  const { result } = playRun(scenario, BOTS, config, run, false, caches);
  const ms = cpuMs() - c0;
  times.push(ms);
  console.log(
    `run ${run} (seed ${result.seed}): cpu ${ms.toFixed(0)} ms  hash ${result.finalHash.slice(0, 12)}`,
  );
}
const sorted = [...times].sort((a, b) => a - b);
console.log(
  `median cpu ${(sorted[sorted.length >> 1] as number).toFixed(0)} ms/run over ${runs} runs of ${id}`,
);
