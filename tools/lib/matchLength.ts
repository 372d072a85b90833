/**
 * Match length, measured (issue #13 §5): each scenario is played to its end with no players (the
 * rest of the world alone: its retargets are the ones a match sees, give or take what players add),
 * counting days, retargets and month ends with the server's own round rule (shared/protocol/pacing.ts).
 * The minutes then follow from the room's clock: days over the pace, plus each round's window.
 */
import { createGame, EngineCaches, step } from "../../shared/index.ts";
import {
  closesRound,
  matchMinutes,
  presetFor,
  type Preset,
  type RoundMode,
} from "../../shared/protocol/pacing.ts";
import type { Scenario } from "../../shared/scenario/types.ts";

export interface MatchCounts {
  days: number;
  retargets: number;
  months: number;
  quarters: number;
  /**
   * News that asks for a decision (the scenario's events: bans, tariffs, halvings, power prices) in
   * each third of the match, and halvings: whether choices come all through it, not only at the start.
   */
  newsByThird: [number, number, number];
  halvings: number;
}

export interface MatchLength extends MatchCounts {
  scenario: string;
  /** Minutes at pace 1 without rounds: the default before the presets. */
  before: number;
  lobby: Preset & { measured: number };
  classroom: Preset & { measured: number };
  /** Minutes with a 30-second round at each retarget, at the classroom preset's pace. */
  retargetRounds: number;
}

/** Plays the scenario through and counts what round mode would pause at. */
export function countRounds(scenario: Scenario, seed: number): MatchCounts {
  const state = createGame(scenario, seed, []);
  const caches = new EngineCaches();
  const counts: MatchCounts = {
    days: 0,
    retargets: 0,
    months: 0,
    quarters: 0,
    newsByThird: [0, 0, 0],
    halvings: 0,
  };
  while (!state.finished) {
    const report = step(state, caches);
    const third = Math.min(2, Math.floor((counts.days * 3) / scenario.days)) as 0 | 1 | 2;
    counts.newsByThird[third] += report.news.length;
    counts.halvings += report.halvings.length;
    counts.days++;
    if (closesRound("retarget", report)) counts.retargets++;
    if (closesRound("month", report)) counts.months++;
    if (closesRound("quarter", report)) counts.quarters++;
  }
  return counts;
}

/** The rounds a mode pauses at, as counted. */
function roundsOf(counts: MatchCounts, mode: RoundMode | null): number {
  if (mode === null) return 0;
  return { retarget: counts.retargets, month: counts.months, quarter: counts.quarters }[mode.at];
}

/** The figures for one scenario: before, and each preset estimated and measured. */
export function matchLength(id: string, scenario: Scenario, seed: number): MatchLength {
  const counts = countRounds(scenario, seed);
  const measured = (p: Preset) => ({
    ...p,
    measured: matchMinutes(counts.days, p.pace, p.rounds, roundsOf(counts, p.rounds)),
  });
  const classroom = measured(presetFor(scenario.days, "classroom"));
  return {
    scenario: id,
    ...counts,
    before: matchMinutes(counts.days, 1, null),
    lobby: measured(presetFor(scenario.days, "lobby")),
    classroom,
    retargetRounds: matchMinutes(
      counts.days,
      classroom.pace,
      { at: "retarget", seconds: 30 },
      counts.retargets,
    ),
  };
}

const min = (m: number) => `${m.toFixed(1)} min`;
const ROUND_WORD: Readonly<Record<RoundMode["at"], string>> = {
  retarget: "retarget",
  month: "monthly",
  quarter: "quarterly",
};

export function matchLengthLines(rows: readonly MatchLength[]): string[] {
  return rows.map(
    (r) =>
      `${r.scenario.padEnd(14)} ${String(r.days).padStart(5)} days ${String(r.retargets).padStart(3)} retargets ` +
      `${String(r.months).padStart(3)} months | before (pace 1): ${min(r.before)} | lobby (pace ${r.lobby.pace}): ` +
      `${min(r.lobby.measured)} | classroom (pace ${r.classroom.pace}, ${ROUND_WORD[r.classroom.rounds?.at ?? "month"]} ${r.classroom.rounds?.seconds} s rounds): ` +
      `${min(r.classroom.measured)} | retarget rounds 30 s: ${min(r.retargetRounds)} | news by third: ` +
      `${r.newsByThird.join("/")}, halvings ${r.halvings}`,
  );
}
