/**
 * bench-bots: how long the bots take to think. Plays sandbox games with 8 bots (two of each strategy),
 * calling decide then applyCommand for each seat each day, then step, and prints the time per game
 * split into decide / apply / step (wall clock), with the final state hash of each game (so that a
 * change to the bots' speed can be checked to leave their decisions alone). Wall-clock splits suffer
 * when other work shares the cores, so it also replays each game's commands without the bots and
 * prints CPU time: the whole game, the replay (engine only), and their difference (the bots).
 * Prints figures only.
 *
 *   npx tsx tools/bench-bots.ts [--seeds N] [--warmup N] [--scenario FILE.json | --id NAME]
 *   node --import tsx --cpu-prof tools/bench-bots.ts --seeds 3     (a profile of the bots and the engine)
 */
import { readFileSync } from "node:fs";
import {
  applyCommand,
  createGame,
  EngineCaches,
  stateHash,
  step,
  type Command,
  type Scenario,
} from "../shared/index.ts";
import { BotCaches, decide } from "../shared/bots/index.ts";
import { internString, internStrings } from "./lib/mc-intern.ts";
import { playsHere } from "./lib/mc-pool.ts";
import { intFlag, orUsage, scriptFlags } from "./lib/cli.ts";

const SEATS = ["efficiency", "cheap-power", "cautious", "trader"].flatMap((s) => [s, s]);

const USAGE = `usage: npm run bench:bots [-- --seeds N] [--warmup N] [--scenario FILE.json | --id NAME]

  --seeds N          games timed, seeds 1..N (default 6)
  --warmup N         games played first, untimed (default 1)
  --scenario FILE    a resolved scenario as JSON
  --id NAME          a shipped scenario (default sandbox)`;
const flags = scriptFlags(USAGE, {
  seeds: { type: "string" },
  warmup: { type: "string" },
  scenario: { type: "string" },
  id: { type: "string" },
});

/** A resolved scenario from JSON (fast to start when bundled), else loaded from the YAML files. */
async function loadFrom(): Promise<Scenario> {
  const file = flags.scenario;
  if (file) return JSON.parse(readFileSync(file, "utf8")) as Scenario;
  const { loadScenario } = await import("../node/scenarios.ts");
  return loadScenario(flags.id ?? "sandbox");
}

interface Timing {
  decide: number;
  apply: number;
  step: number;
  /** CPU ms: the whole game, and the engine alone replaying its commands. */
  cpuGame: number;
  cpuEngine: number;
  hash: string;
  commands: number;
  rejected: number;
}

// Interned ids and scenario, and V8's eager feedback, as a Monte-Carlo run plays (mc-intern.ts, mc-pool.ts).
const SEAT_IDS = SEATS.map((_, i) => ({ id: internString(`p${i + 1}`), name: `P${i + 1}` }));

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** The game again from its commands (per day, per seat), without the bots: the engine's share. */
function replay(scenario: Scenario, seed: number, log: Command[][][]): number {
  const c0 = cpuMs();
  const state = createGame(scenario, seed, SEAT_IDS);
  const caches = new EngineCaches();
  while (!state.finished) {
    const day = log[state.tick] ?? [];
    for (let i = 0; i < SEATS.length; i++) {
      const actor = { kind: "company" as const, companyId: `p${i + 1}` };
      for (const cmd of day[i] ?? []) applyCommand(state, actor, cmd, caches);
    }
    step(state, caches);
  }
  return cpuMs() - c0;
}

function play(scenario: Scenario, seed: number): Timing {
  const c0 = cpuMs();
  const state = createGame(scenario, seed, SEAT_IDS);
  const bots = new BotCaches();
  const caches = bots.engine;
  const t: Timing = {
    decide: 0,
    apply: 0,
    step: 0,
    cpuGame: 0,
    cpuEngine: 0,
    hash: "",
    commands: 0,
    rejected: 0,
  };
  const log: Command[][][] = [];
  while (!state.finished) {
    const day: Command[][] = [];
    log[state.tick] = day;
    for (let i = 0; i < SEATS.length; i++) {
      const id = `p${i + 1}`;
      const t0 = performance.now();
      const cmds = decide(state, id, SEATS[i] as string, bots);
      const t1 = performance.now();
      day.push(cmds);
      for (const cmd of cmds) {
        t.commands++;
        if (!applyCommand(state, { kind: "company", companyId: id }, cmd, caches).ok) t.rejected++;
      }
      t.decide += t1 - t0;
      t.apply += performance.now() - t1;
    }
    const t2 = performance.now();
    step(state, caches);
    t.step += performance.now() - t2;
  }
  t.cpuGame = cpuMs() - c0;
  t.hash = stateHash(state).slice(0, 12);
  t.cpuEngine = replay(scenario, seed, log);
  return t;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

playsHere();
const scenario = internStrings(await loadFrom());
const seeds = orUsage(USAGE, () => intFlag("seeds", flags.seeds, 1, 10_000, 6));
const warmup = orUsage(USAGE, () => intFlag("warmup", flags.warmup, 0, 10_000, 1));
for (let i = 0; i < warmup; i++) play(scenario, 1000 + i);
const rows: Timing[] = [];
for (let seed = 1; seed <= seeds; seed++) {
  const t = play(scenario, seed);
  rows.push(t);
  const total = t.decide + t.apply + t.step;
  console.log(
    `seed ${seed}: total ${total.toFixed(0)} ms  decide ${t.decide.toFixed(0)}  apply ${t.apply.toFixed(0)}  ` +
      `step ${t.step.toFixed(0)}  commands ${t.commands} (${t.rejected} rejected)  hash ${t.hash}  | ` +
      `cpu game ${t.cpuGame.toFixed(0)}  engine ${t.cpuEngine.toFixed(0)}  bots ${(t.cpuGame - t.cpuEngine).toFixed(0)}`,
  );
}
const med = (k: "decide" | "apply" | "step" | "cpuGame" | "cpuEngine"): string =>
  median(rows.map((r) => r[k])).toFixed(0);
const total = median(rows.map((r) => r.decide + r.apply + r.step)).toFixed(0);
const bots = median(rows.map((r) => r.cpuGame - r.cpuEngine)).toFixed(0);
console.log(
  `median per game: total ${total} ms  decide ${med("decide")}  apply ${med("apply")}  step ${med("step")}  | ` +
    `cpu game ${med("cpuGame")}  engine ${med("cpuEngine")}  bots ${bots}`,
);
