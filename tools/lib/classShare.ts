/**
 * The players' share of network hashrate in the class-sized world (shared/engine/classWorld.ts), per
 * scenario: the four bots play class-sized games (one per seed) and the share is sampled every day.
 * Printed by `npm run simulate -- --scenario NAME --class-share [--runs N] [--seed S] [--days N]`.
 */
import { applyTrustedCommand, createGame } from "../../shared/index.ts";
import { stepNetwork } from "../../shared/engine/step.ts";
import { BotCaches, decide, STRATEGIES } from "../../shared/bots/index.ts";
import type { Scenario } from "../../shared/scenario/types.ts";

export interface ClassShare {
  scenario: string;
  runs: number;
  /** The world's scale, ppm (the first run's). */
  scalePpm: number;
  /** Players' share of the network averaged over the days of all runs, 0..1. */
  meanShare: number;
  /** The share on the last day, averaged over the runs, 0..1. */
  lastShare: number;
  /** The highest daily share seen in any run, 0..1. */
  peakShare: number;
}

/** One class-sized game of the four bots: the daily shares, and the world's scale. */
function playClassGame(
  scenario: Scenario,
  seed: number,
  days: number | null,
): { shares: number[]; scalePpm: number } {
  const seats = STRATEGIES.map((s, i) => ({ id: `p${i + 1}`, name: s }));
  const state = createGame(scenario, seed, seats);
  const caches = new BotCaches();
  applyTrustedCommand(state, { kind: "host" }, { type: "sizeWorld", size: "class" }, caches.engine);
  const shares: number[] = [];
  const last = Math.min(days ?? scenario.days, scenario.days);
  while (!state.finished && state.tick < last) {
    state.companies.forEach((c, i) => {
      for (const cmd of decide(state, c.id, STRATEGIES[i] as string, caches))
        applyTrustedCommand(state, { kind: "company", companyId: c.id }, cmd, caches.engine);
    });
    const r = stepNetwork(state, caches.engine);
    shares.push(r.networkThs > 0 ? r.playerThs / r.networkThs : 0);
  }
  return { shares, scalePpm: state.classWorld?.scalePpm ?? 1_000_000 };
}

export function classShare(scenario: Scenario, seed: number, runs: number, days: number | null): ClassShare {
  let sum = 0;
  let count = 0;
  let lastSum = 0;
  let peak = 0;
  let scalePpm = 0;
  for (let run = 0; run < runs; run++) {
    const game = playClassGame(scenario, seed + run, days);
    if (run === 0) scalePpm = game.scalePpm;
    for (const s of game.shares) {
      sum += s;
      peak = Math.max(peak, s);
    }
    count += game.shares.length;
    lastSum += game.shares.at(-1) ?? 0;
  }
  return {
    scenario: scenario.id,
    runs,
    scalePpm,
    meanShare: count > 0 ? sum / count : 0,
    lastShare: runs > 0 ? lastSum / runs : 0,
    peakShare: peak,
  };
}

export function classShareLines(c: ClassShare): string[] {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return [
    `class-sized world, ${c.scenario}: the rest of the world at ${(c.scalePpm / 1e4).toFixed(2)}% of its size (${c.runs} run${c.runs === 1 ? "" : "s"}, the four bots)`,
    `  players' share of network hashrate: mean ${pct(c.meanShare)}, last day ${pct(c.lastShare)}, peak ${pct(c.peakShare)}`,
  ];
}
