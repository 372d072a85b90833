/**
 * The fit to history year by year (issue #16): how well a recorded game retraces what really happened,
 * on the measures a class would check, each against the real series the project ships:
 * - difficulty after each retarget: mean |ln(simulated / real)| at the same height;
 * - daily hashrate: mean |ln(simulated / real 7-day mean)|;
 * - each retarget's change: mean |simulated − real| in percentage points, beside the same error of
 *   always guessing 0% (the baseline a fair "predict the next retarget" question must beat), and the
 *   correlation of the simulated changes with the real ones;
 * - hashprice: mean |ln(simulated / real)|, both at their own difficulty (history.ts realHashprice);
 * - country shares: mean |simulated − Cambridge| in percentage points, per month and country Cambridge names.
 * A year with no real figure for a measure leaves it null. The row "all" pools every year; a scenario that
 * names the years its world was fitted on gets two more, "calibration" and "out of sample" (issue #16).
 */
import { difficultyFromBits } from "../shared/bitcoin/difficulty.ts";
import { parseIsoDate } from "../shared/math/calendar.ts";
import type { Datasets } from "../shared/scenario/datasets.ts";
import {
  CCAF_COUNTRIES,
  historyComparison,
  realHashprice,
  realHashrate7d,
  type HistoryComparison,
} from "./history.ts";
import type { DayRow, Recording, RetargetRow } from "./recorder.ts";

export interface YearFit {
  /** Calendar year, "all", or a pooled set: "calibration" or "out of sample". */
  year: string;
  /**
   * Whether the year was one the world's numbers were fitted on (scenario world.calibrationYears):
   * "calibration" or "out of sample"; null when the scenario names no calibration years, and on pooled rows.
   */
  set: FitSet | null;
  days: number;
  difficultyLnError: number | null;
  hashrateLnError: number | null;
  retargets: number;
  retargetErrorPp: number | null;
  /** Mean |real change|: the error of always guessing 0%. */
  retargetZeroBaselinePp: number | null;
  /**
   * Mean |real change − the mean real change of the three retargets either side|: a forecaster who knew
   * the real trend but not the epoch's own luck. Where it is no better than always-0%, epochs differ
   * mostly by luck (blocks come at random: 2,016 of them take about 2.2% more or less time than expected
   * by chance alone), and a game, which draws its own luck, cannot beat always-0% by much there.
   */
  retargetTrendBaselinePp: number | null;
  /** Pearson correlation of simulated with real changes; null under three retargets or no variance. */
  retargetCorrelation: number | null;
  hashpriceLnError: number | null;
  /** Months × countries compared. */
  shareCells: number;
  shareErrorPp: number | null;
}

/** The two sets of years a calibrated scenario's fit is reported on. */
export type FitSet = "calibration" | "out of sample";

/** Which set `year` belongs to for calibration years [first, last]. */
export function fitSetOf(year: number, calibrationYears: readonly [number, number]): FitSet {
  return year >= calibrationYears[0] && year <= calibrationYears[1] ? "calibration" : "out of sample";
}

type FitData = Pick<Datasets, "epochs" | "hashrateEhs" | "priceUsd" | "feesBtc" | "ccaf">;
type FitRecording = Pick<Recording, "days" | "retargets">;

/** Running sums of one year (or of all years). */
interface Sums {
  days: number;
  difficulty: number[];
  hashrate: number[];
  hashprice: number[];
  changes: { sim: number; real: number; trend: number | null }[];
  shares: number[];
}

const emptySums = (): Sums => ({
  days: 0,
  difficulty: [],
  hashrate: [],
  hashprice: [],
  changes: [],
  shares: [],
});

const mean = (xs: readonly number[]): number | null =>
  xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length;

export function pearson(pairs: readonly { sim: number; real: number }[]): number | null {
  if (pairs.length < 3) return null;
  const ms = mean(pairs.map((p) => p.sim)) as number;
  const mr = mean(pairs.map((p) => p.real)) as number;
  let cov = 0;
  let vs = 0;
  let vr = 0;
  for (const p of pairs) {
    cov += (p.sim - ms) * (p.real - mr);
    vs += (p.sim - ms) ** 2;
    vr += (p.real - mr) ** 2;
  }
  return vs > 0 && vr > 0 ? cov / Math.sqrt(vs * vr) : null;
}

function yearSums(byYear: Map<string, Sums>, date: string): Sums {
  const year = date.slice(0, 4);
  let sums = byYear.get(year);
  if (!sums) byYear.set(year, (sums = emptySums()));
  return sums;
}

function addDay(sums: Sums, row: DayRow, data: FitData): void {
  const day = parseIsoDate(row.date);
  sums.days++;
  const ehs = realHashrate7d(data, day);
  if (ehs !== null && ehs > 0 && row.networkEhs > 0)
    sums.hashrate.push(Math.abs(Math.log(row.networkEhs / ehs)));
  const hashprice = realHashprice(data, day);
  if (hashprice !== null && hashprice > 0 && row.hashpriceUsdPerThDay > 0)
    sums.hashprice.push(Math.abs(Math.log(row.hashpriceUsdPerThDay / hashprice)));
}

type EpochsByHeight = Map<number, FitData["epochs"][number]>;

/** The real difficulty change at the retarget of `height`, percent (null: not in the data). */
function realChangePct(byHeight: EpochsByHeight, height: number): number | null {
  const [real, before] = [byHeight.get(height), byHeight.get(height - 2016)];
  return real && before ? (real.difficulty / before.difficulty - 1) * 100 : null;
}

/** Retargets either side of one in the trend baseline (YearFit.retargetTrendBaselinePp). */
const TREND_NEIGHBOURS = 3;

/** The mean real change of the retargets either side of `height` (not its own), null with none. */
function realTrendPct(byHeight: EpochsByHeight, height: number): number | null {
  const near: number[] = [];
  for (let k = -TREND_NEIGHBOURS; k <= TREND_NEIGHBOURS; k++) {
    const change = k === 0 ? null : realChangePct(byHeight, height + k * 2016);
    if (change !== null) near.push(change);
  }
  return mean(near);
}

function addRetarget(sums: Sums, r: RetargetRow, byHeight: EpochsByHeight): void {
  const real = byHeight.get(r.height);
  if (!real) return;
  // The game's own difficulty at that height (not the real one moved by the game's change).
  sums.difficulty.push(Math.abs(Math.log(difficultyFromBits(Number(r.newBits)) / real.difficulty)));
  const change = realChangePct(byHeight, r.height);
  if (change !== null)
    sums.changes.push({ sim: r.changePct, real: change, trend: realTrendPct(byHeight, r.height) });
}

/** Each month's mean simulated share per Cambridge country against Cambridge's figure, in pp. */
function addShares(byYear: Map<string, Sums>, all: Sums, days: readonly DayRow[], data: FitData): void {
  const byMonth = new Map<string, DayRow[]>();
  for (const row of days) {
    const month = row.date.slice(0, 7);
    const rows = byMonth.get(month);
    if (rows) rows.push(row);
    else byMonth.set(month, [row]);
  }
  for (const [month, rows] of byMonth) {
    const real = data.ccaf.get(month);
    if (!real) continue;
    for (const [name, iso] of Object.entries(CCAF_COUNTRIES)) {
      const pct = real.get(name);
      if (pct === undefined) continue;
      const sim = (rows.reduce((s, r) => s + (r.sharesByCountry[iso] ?? 0), 0) / rows.length) * 100;
      yearSums(byYear, month).shares.push(Math.abs(sim - pct));
      all.shares.push(Math.abs(sim - pct));
    }
  }
}

function fitOf(year: string, s: Sums, set: FitSet | null = null): YearFit {
  const changes = s.changes;
  return {
    year,
    set,
    days: s.days,
    difficultyLnError: mean(s.difficulty),
    hashrateLnError: mean(s.hashrate),
    retargets: changes.length,
    retargetErrorPp: mean(changes.map((c) => Math.abs(c.sim - c.real))),
    retargetZeroBaselinePp: mean(changes.map((c) => Math.abs(c.real))),
    retargetTrendBaselinePp: mean(
      changes.flatMap((c) => (c.trend === null ? [] : [Math.abs(c.real - c.trend)])),
    ),
    retargetCorrelation: pearson(changes),
    hashpriceLnError: mean(s.hashprice),
    shareCells: s.shares.length,
    shareErrorPp: mean(s.shares),
  };
}

/** Every figure of several years in one: a pooled set is measured as if it were one long year. */
function pooled(sums: readonly Sums[]): Sums {
  const out = emptySums();
  for (const s of sums) {
    out.days += s.days;
    out.difficulty.push(...s.difficulty);
    out.hashrate.push(...s.hashrate);
    out.hashprice.push(...s.hashprice);
    out.changes.push(...s.changes);
    out.shares.push(...s.shares);
  }
  return out;
}

/** The "calibration" and "out of sample" rows: each set's years pooled (a set with no year is left out). */
function setRows(byYear: Map<string, Sums>, years: readonly [number, number]): YearFit[] {
  const sets: FitSet[] = ["calibration", "out of sample"];
  return sets.flatMap((set) => {
    const members = [...byYear.keys()].sort().filter((y) => fitSetOf(Number(y), years) === set);
    return members.length === 0 ? [] : [fitOf(set, pooled(members.map((y) => byYear.get(y) as Sums)))];
  });
}

/**
 * One row per calendar year the game covers, then "all"; with calibration years (the scenario's
 * world.calibrationYears), each year says its set and the two pooled sets follow "all".
 */
export function fitByYear(
  recording: FitRecording,
  data: FitData,
  calibrationYears?: readonly [number, number],
): YearFit[] {
  const byYear = new Map<string, Sums>();
  const all = emptySums();
  for (const row of recording.days) {
    addDay(yearSums(byYear, row.date), row, data);
    addDay(all, row, data);
  }
  const byHeight = new Map(data.epochs.map((e) => [e.height, e]));
  for (const r of recording.retargets) {
    addRetarget(yearSums(byYear, r.date), r, byHeight);
    addRetarget(all, r, byHeight);
  }
  addShares(byYear, all, recording.days, data);
  const years = [...byYear.keys()].sort();
  const set = (y: string): FitSet | null => (calibrationYears ? fitSetOf(Number(y), calibrationYears) : null);
  const rows = [...years.map((y) => fitOf(y, byYear.get(y) as Sums, set(y))), fitOf("all", all)];
  return calibrationYears ? [...rows, ...setRows(byYear, calibrationYears)] : rows;
}

/** The whole comparison with history: the day-by-day and retarget figures, and the fit year by year. */
export type HistoryReport = HistoryComparison & { byYear: YearFit[] };

export function historyReport(
  recording: FitRecording,
  data: FitData,
  calibrationYears?: readonly [number, number],
): HistoryReport {
  return { ...historyComparison(recording, data), byYear: fitByYear(recording, data, calibrationYears) };
}
