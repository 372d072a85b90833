/**
 * How long a match lasts, and the presets that make it last 20–40 minutes (issue #13 §5). The room's
 * clock steps one engine day per tick, 1/pace seconds apart (server/rooms/GameRoom.ts), so a match is
 * its days over the pace, plus the decision windows of round mode (server/game/rounds.ts). Pure
 * arithmetic over the scenario's length: the lobby shows it and tools/lib/matchLength.ts checks it
 * against engine runs.
 */
import { monthOf, parseIsoDate } from "../math/calendar.ts";
import { PACES } from "./constants.ts";

/**
 * When round mode pauses the game: at each difficulty retarget, at each month's end, or at each quarter's
 * (March, June, September, December: a decade has 39 of them, against 117 months).
 */
export const ROUND_AT = ["retarget", "month", "quarter"] as const;
export type RoundAt = (typeof ROUND_AT)[number];

/** The decision windows a host may pick, seconds. */
export const ROUND_SECONDS = [15, 20, 30, 45, 60, 90] as const;

export interface RoundMode {
  at: RoundAt;
  seconds: number;
}

/** Blocks between retargets over blocks a day: a retarget every ~14 days at ten-minute blocks. */
const DAYS_PER_RETARGET = 2016 / 144;
/** Mean days a month (365.25 / 12). */
const DAYS_PER_MONTH = 30.4375;

/** The target band, minutes, and where in it a preset aims. */
export const MATCH_MINUTES = { min: 20, max: 40, aim: 30 } as const;

/** Mean days between two rounds at `at` (retargets at ten-minute blocks). */
const DAYS_PER_ROUND: Readonly<Record<RoundAt, number>> = {
  retarget: DAYS_PER_RETARGET,
  month: DAYS_PER_MONTH,
  quarter: 3 * DAYS_PER_MONTH,
};

/** Rounds a match of `days` days has in this mode (estimated: retargets at ten-minute blocks). */
export function roundsIn(days: number, at: RoundAt): number {
  return Math.floor(days / DAYS_PER_ROUND[at]);
}

/**
 * Expected minutes of a match: days at the pace, plus each round's window (`rounds` when measured,
 * else estimated). A window may end early (the host continues), so this is the longest it runs.
 */
export function matchMinutes(days: number, pace: number, mode: RoundMode | null, rounds?: number): number {
  const windows = mode ? (rounds ?? roundsIn(days, mode.at)) * mode.seconds : 0;
  return (days / pace + windows) / 60;
}

export interface Preset {
  pace: number;
  rounds: RoundMode | null;
  minutes: number;
}

/**
 * The lobby preset: no rounds, the pace whose match is nearest 30 minutes. The classroom preset: a
 * round each month with a 20-second window (a class reads the summary and decides), and the pace that
 * puts the whole nearest 30 minutes; a match too long for monthly rounds to fit in 40 minutes even at
 * the fastest pace (the decade: 117 windows of 20 s are 39 minutes) has a round each quarter instead.
 * Only the shipped paces are picked (the create form's choices).
 */
export function presetFor(days: number, kind: "classroom" | "lobby"): Preset {
  if (kind === "lobby") return nearestPace(days, null);
  const monthly = nearestPace(days, { at: "month", seconds: 20 });
  return monthly.minutes <= MATCH_MINUTES.max ? monthly : nearestPace(days, { at: "quarter", seconds: 20 });
}

/** The shipped pace whose match, with these rounds, is nearest 30 minutes. */
function nearestPace(days: number, rounds: RoundMode | null): Preset {
  let best: Preset | null = null;
  for (const pace of PACES) {
    const minutes = matchMinutes(days, pace, rounds);
    if (!best || Math.abs(minutes - MATCH_MINUTES.aim) < Math.abs(best.minutes - MATCH_MINUTES.aim))
      best = { pace, rounds, minutes };
  }
  return best as Preset;
}

/** Days from an ISO start date to an ISO end date, inclusive (a scenario's period). */
export function periodDays(start: string, end: string): number {
  return parseIsoDate(end) - parseIsoDate(start) + 1;
}

/**
 * Whether the day just stepped closes a round: a retarget happened on it, or it was its month's last
 * day. The server's round mode and the length tool use this one rule.
 */
export function closesRound(at: RoundAt, report: { day: number; retargets: readonly unknown[] }): boolean {
  if (at === "retarget") return report.retargets.length > 0;
  const month = monthOf(report.day);
  const monthEnds = month !== monthOf(report.day + 1);
  // Quarters end with March, June, September and December (months 3, 6, 9, 12).
  return at === "month" ? monthEnds : monthEnds && month % 3 === 0;
}
