/**
 * The hashrate drop at a halving (issue #16), measured the same way in a game and in the real data: the
 * mean of the 14 days before the halving's day against the lowest 14-day mean that starts in the four
 * weeks after it. Miners do not all switch off at once (in April 2024 fees held hashprice up for a few
 * days), so the trough is looked for rather than taken on a fixed day.
 */
import { formatIsoDate, parseIsoDate, type EpochDay } from "../shared/math/calendar.ts";
import type { Datasets } from "../shared/scenario/datasets.ts";
import type { Recording } from "./recorder.ts";

/** Days in each mean. */
const WINDOW = 14;
/** The trough's window starts 1..TROUGH_STARTS days after the halving. */
const TROUGH_STARTS = 28;

/** Real halving days by height (reference market-history.csv: 2016-07-09, 2020-05-11, 2024-04-20). */
export const REAL_HALVING_DATES: Readonly<Record<number, string>> = {
  420_000: "2016-07-09",
  630_000: "2020-05-11",
  840_000: "2024-04-20",
};

export interface HalvingDrop {
  height: number;
  date: string;
  /** Percent change of the game's hashrate (negative: a drop). */
  simPct: number | null;
  /** The same measure on the real data around the real halving day; null where the data does not cover it. */
  realPct: number | null;
}

type Series = (day: EpochDay) => number | undefined;

function meanOf(series: Series, from: EpochDay): number | null {
  let sum = 0;
  for (let d = from; d < from + WINDOW; d++) {
    const v = series(d);
    if (v === undefined) return null;
    sum += v;
  }
  return sum / WINDOW;
}

/** Percent from the 14-day mean before `day` to the lowest 14-day mean starting in the 4 weeks after. */
export function dropAround(series: Series, day: EpochDay): number | null {
  const before = meanOf(series, day - WINDOW);
  if (before === null || before <= 0) return null;
  let low: number | null = null;
  for (let k = 1; k <= TROUGH_STARTS; k++) {
    const m = meanOf(series, day + k);
    if (m !== null && (low === null || m < low)) low = m;
  }
  return low === null ? null : (low / before - 1) * 100;
}

export function halvingDrops(
  rec: Pick<Recording, "days" | "halvings">,
  data: Pick<Datasets, "hashrateEhs">,
): HalvingDrop[] {
  const sim = new Map(rec.days.map((d) => [parseIsoDate(d.date), d.networkEhs]));
  return rec.halvings.map((h) => {
    const real = REAL_HALVING_DATES[h.height];
    return {
      height: h.height,
      date: h.date,
      simPct: dropAround((d) => sim.get(d), parseIsoDate(h.date)),
      realPct: real === undefined ? null : dropAround((d) => data.hashrateEhs.get(d), parseIsoDate(real)),
    };
  });
}

const pct = (v: number | null): string => (v === null ? "n/a" : `${v >= 0 ? "+" : ""}${v.toFixed(1)}%`);

/** Lines for the simulate summary: one per halving in the game. */
export function halvingDropLines(drops: HalvingDrop[]): string[] {
  if (drops.length === 0) return [];
  return [
    "",
    "Hashrate at each halving (14-day mean before vs the lowest 14-day mean starting in the 4 weeks after)",
    ...drops.map(
      (d) =>
        `  ${formatIsoDate(parseIsoDate(d.date))}  height ${d.height}: sim ${pct(d.simPct)}  (real ${pct(d.realPct)})`,
    ),
  ];
}
