/**
 * Does a player face decisions all through the match, not only at the start (issue #13 §5)? Measured
 * on the bots: each company's accepted *decisions* are counted by fifth of the match (days 0–20%,
 * 20–40%, …) in a Monte-Carlo run, then summed per strategy: the mean decisions per company-run in each
 * fifth, and the share of company-runs with at least one decision in every fifth.
 *
 * A decision is any accepted command but housekeeping. Housekeeping is only what leaves the company
 * nothing to choose:
 * - installLot: the region must be the one the lot stands in and the lease must have room
 *   (commands/lots.ts validateInstall), so it only finishes what shipLot/buyUsed/orderMachines and
 *   leaseCapacity decided; the bots install every lot the day it can be.
 * - releaseCapacity: giving back leased kW nothing will fill; the bots do it almost daily as their
 *   lots move (in the last fifth it was nearly all of some strategies' "decisions"), so counted it
 *   would make a passive fleet look busy.
 * - injectEvent, sizeWorld: the host's commands, never a company's (refused from a company anyway).
 * Everything else counts, the other undoing commands too (cancelOffer, cancelPreorder, leaveQueue):
 * giving something back is a choice made on the day's market. A command type added later counts as a
 * decision unless it is put here.
 */
import type { Command } from "../../shared/index.ts";
import type { CommandType } from "../../shared/engine/commands/schema.ts";
import type { CompanyResult, RunResult } from "./montecarlo.ts";
import { table } from "./format.ts";

/** The match is cut in this many equal parts of its days. */
export const FIFTHS = 5;

/** Accepted commands that are not decisions (see the header for why each). */
export const HOUSEKEEPING: ReadonlySet<CommandType> = new Set<CommandType>([
  "installLot",
  "releaseCapacity",
  "injectEvent",
  "sizeWorld",
]);

export const isDecision = (type: CommandType): boolean => !HOUSEKEEPING.has(type);

/** The fifth (0…4) that day `day` (0-based) of a `days`-day match falls in. */
export function fifthOf(day: number, days: number): number {
  if (days <= 0) return 0;
  return Math.min(FIFTHS - 1, Math.max(0, Math.floor((day * FIFTHS) / days)));
}

/** A fresh tally: one counter per fifth. */
export const emptyFifths = (): number[] => new Array<number>(FIFTHS).fill(0);

/** Counts an accepted command given on day `day` of a `days`-day match, when it is a decision. */
export function countDecision(tally: CompanyResult, command: Command, day: number, days: number): void {
  if (!isDecision(command.type)) return;
  const fifths = (tally.decisionFifths ??= emptyFifths());
  const i = fifthOf(day, days);
  fifths[i] = (fifths[i] ?? 0) + 1;
}

export interface StrategyPhases {
  strategy: string;
  /** Company-runs of the strategy that carry the tally (one per game when it has one seat). */
  companyRuns: number;
  /** Mean accepted decisions per company-run in each fifth. */
  meanByFifth: number[];
  /** Share of its company-runs with at least one decision in every fifth, 0..1. */
  everyFifthShare: number;
}

/** Per strategy, in the order the strategies first appear in the runs; companies without a tally are left out. */
export function decisionPhases(results: readonly RunResult[]): StrategyPhases[] {
  const sums = new Map<string, { runs: number; total: number[]; full: number }>();
  for (const run of results)
    for (const c of run.companies) {
      if (!c.decisionFifths) continue;
      const s = sums.get(c.strategy) ?? { runs: 0, total: emptyFifths(), full: 0 };
      s.runs++;
      c.decisionFifths.forEach((n, i) => (s.total[i] = (s.total[i] ?? 0) + n));
      if (c.decisionFifths.length === FIFTHS && c.decisionFifths.every((n) => n > 0)) s.full++;
      sums.set(c.strategy, s);
    }
  return [...sums].map(([strategy, s]) => ({
    strategy,
    companyRuns: s.runs,
    meanByFifth: s.total.map((n) => n / s.runs),
    everyFifthShare: s.full / s.runs,
  }));
}

const FIFTH_HEADERS = ["0-20%", "20-40%", "40-60%", "60-80%", "80-100%"];

/** The printed table (nothing when no company carries a tally). */
export function decisionPhaseLines(results: readonly RunResult[]): string[] {
  const phases = decisionPhases(results);
  if (phases.length === 0) return [];
  const rows = phases.map((p) => [
    p.strategy,
    String(p.companyRuns),
    ...p.meanByFifth.map((x) => x.toFixed(1)),
    `${(100 * p.everyFifthShare).toFixed(0)}%`,
  ]);
  const header = ["strategy", "games", ...FIFTH_HEADERS, "every fifth"];
  return [
    "Decisions by fifth of the match (mean accepted decisions per game, each seat of a strategy counted as",
    "a game; every fifth: share of games with at least one decision in each fifth; housekeeping not",
    `counted: ${[...HOUSEKEEPING].join(", ")})`,
    ...table([header, ...rows], ["l", "r", "r", "r", "r", "r", "r", "r"]),
  ];
}
