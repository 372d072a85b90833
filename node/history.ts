/**
 * Compares a recorded game with what really happened, where the shipped data covers the same dates or
 * heights: retarget by retarget, day by day (hashrate) and on the first of each month.
 */
import { blockSubsidy } from "../shared/bitcoin/index.ts";
import { formatIsoDate, parseIsoDate, SECONDS_PER_DAY, type EpochDay } from "../shared/math/calendar.ts";
import type { Datasets, Epoch } from "../shared/scenario/datasets.ts";
import type { Recording } from "./recorder.ts";
import { BLOCKS_PER_DAY } from "../shared/bitcoin/constants.ts";

export interface RetargetComparison {
  height: number;
  date: string;
  simChangePct: number;
  /** Real change at the same height (difficulty ratio − 1, percent); null where the data has no epoch. */
  realChangePct: number | null;
  /** Day the real epoch began; null where unknown. */
  realDate: string | null;
  /** Simulated day minus the real day (positive: the game got there later). */
  dateOffsetDays: number | null;
  /** Whether the real epoch's time comes from a real block header (false: estimated). */
  realExact: boolean | null;
}

export interface HashrateFit {
  /** Days with both a simulated and a real figure. */
  days: number;
  /** Root mean square of ln(simulated / real 7-day mean). */
  rmsLogError: number;
  /** Mean of ln(simulated / real 7-day mean): the bias (positive: the game runs hot). */
  meanLogError: number;
}

export interface MonthlyPoint {
  date: string;
  simEhs: number;
  realEhs: number | null;
}

export interface HistoryComparison {
  retargets: RetargetComparison[];
  /** Over retargets with a real figure: mean |simulated − real| change, percentage points. */
  retargetMeanAbsErrorPp: number | null;
  hashrate: HashrateFit | null;
  monthly: MonthlyPoint[];
}

type RecordingPart = Pick<Recording, "days" | "retargets">;
type HistoryData = Pick<Datasets, "hashrateEhs" | "epochs">;

/** Half-width of the centred window: the real daily figures are estimates from block counts, very noisy. */
const HALF_WINDOW = 3;
/** A window with fewer real values than this is treated as missing. */
const MIN_WINDOW_VALUES = 4;

/** Real hashrate averaged over the 7 days centred on `day`, EH/s; null where the data is too thin. */
export function realHashrate7d(data: HistoryData, day: EpochDay): number | null {
  let sum = 0;
  let n = 0;
  for (let d = day - HALF_WINDOW; d <= day + HALF_WINDOW; d++) {
    const v = data.hashrateEhs.get(d);
    if (v === undefined) continue;
    sum += v;
    n++;
  }
  return n >= MIN_WINDOW_VALUES ? sum / n : null;
}

/** CCAF's country names (verbatim, footnote marks included) → ISO codes used by the scenarios. */
export const CCAF_COUNTRIES: Record<string, string> = {
  "Mainland China": "CN",
  "United States": "US",
  Kazakhstan: "KZ",
  "Russian Federation": "RU",
  "Iran, Islamic Rep.": "IR",
  Malaysia: "MY",
  Canada: "CA",
  "Germany *": "DE",
};

/** Cambridge's share of hashrate by ISO country for the month of `day` (0..1); null outside its months. */
export function realCountryShares(
  data: Pick<Datasets, "ccaf">,
  day: EpochDay,
): Record<string, number> | null {
  const row = data.ccaf.get(formatIsoDate(day).slice(0, 7));
  if (!row) return null;
  const shares: Record<string, number> = {};
  for (const [name, iso] of Object.entries(CCAF_COUNTRIES)) {
    const pct = row.get(name);
    if (pct !== undefined) shares[iso] = pct / 100;
  }
  return shares;
}

/** The real retarget epoch in force at noon UTC of `day`, and the one after it (for the height). */
function epochAt(epochs: readonly Epoch[], day: EpochDay): { epoch: Epoch; next: Epoch | undefined } | null {
  const noon = day * SECONDS_PER_DAY + SECONDS_PER_DAY / 2;
  let lo = 0;
  let hi = epochs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((epochs[mid] as Epoch).startTime <= noon) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Past the last epoch's period the data says nothing about that day.
  const epoch = epochs[found];
  if (!epoch || (found === epochs.length - 1 && noon - epoch.startTime > 16 * SECONDS_PER_DAY)) return null;
  return { epoch, next: epochs[found + 1] };
}

/** Real difficulty in force on `day` (noon UTC); null outside the data. */
export function realDifficulty(data: Pick<Datasets, "epochs">, day: EpochDay): number | null {
  return epochAt(data.epochs, day)?.epoch.difficulty ?? null;
}

/**
 * Real hashprice on `day`, USD per TH/s per day: what one TH/s earned that day in expectation, the blocks
 * it finds at the real difficulty in force (86,400 × 10^12 / (difficulty × 2^32)) times a block's reward
 * (the subsidy at the height interpolated between real epoch starts, plus the day's fees over 144 blocks),
 * at the day's close. The game's own hashprice (shared/engine/market.ts computeHashprice) and the
 * reference's derived series (reference btc_hashprice_daily_derived.csv) are the same formula. (It used
 * to divide 144 blocks' reward by the 7-day hashrate instead: when the hashrate runs ahead of the
 * difficulty the chain finds more than 144 blocks a day, which that left out, so a game whose difficulty
 * retraced the real one to the block still scored a hashprice error: 0.048 of exodus-2021's 0.069 at
 * the baseline.) Null where a series has no value.
 */
export function realHashprice(
  data: Pick<Datasets, "epochs" | "priceUsd" | "feesBtc">,
  day: EpochDay,
): number | null {
  const at = epochAt(data.epochs, day);
  const price = data.priceUsd.get(day);
  const fees = data.feesBtc.get(day);
  if (!at || price === undefined || fees === undefined) return null;
  const noon = day * SECONDS_PER_DAY + SECONDS_PER_DAY / 2;
  const span = at.next ? at.next.startTime - at.epoch.startTime : 2016 * 600;
  const height = at.epoch.height + Math.floor((2016 * (noon - at.epoch.startTime)) / Math.max(1, span));
  const rewardBtc = Number(blockSubsidy(height)) / 1e8 + fees / BLOCKS_PER_DAY;
  const blocksPerThDay = (86_400 * 1e12) / (at.epoch.difficulty * 2 ** 32);
  return rewardBtc * blocksPerThDay * price;
}

export function historyComparison(recording: RecordingPart, data: HistoryData): HistoryComparison {
  const retargets = compareRetargets(recording, data);
  const known = retargets.filter((r) => r.realChangePct !== null);
  const retargetMeanAbsErrorPp =
    known.length > 0
      ? known.reduce((s, r) => s + Math.abs(r.simChangePct - (r.realChangePct ?? 0)), 0) / known.length
      : null;

  const monthly: MonthlyPoint[] = [];
  for (const row of recording.days) {
    if (!row.date.endsWith("-01")) continue;
    const real = realHashrate7d(data, parseIsoDate(row.date));
    monthly.push({ date: row.date, simEhs: row.networkEhs, realEhs: real });
  }
  return { retargets, retargetMeanAbsErrorPp, hashrate: hashrateFit(recording, data), monthly };
}

/**
 * The simulated hashrate against the real 7-day mean over the recorded days from `from` to `to`
 * (ISO dates, inclusive; the whole recording when omitted); null where no day has both.
 */
export function hashrateFit(
  recording: Pick<RecordingPart, "days">,
  data: HistoryData,
  from = "",
  to = "9999-12-31",
): HashrateFit | null {
  let sum = 0;
  let sumSq = 0;
  let days = 0;
  for (const row of recording.days) {
    if (row.date < from || row.date > to) continue;
    const real = realHashrate7d(data, parseIsoDate(row.date));
    if (real === null || real <= 0 || row.networkEhs <= 0) continue;
    const e = Math.log(row.networkEhs / real);
    sum += e;
    sumSq += e * e;
    days++;
  }
  return days > 0 ? { days, rmsLogError: Math.sqrt(sumSq / days), meanLogError: sum / days } : null;
}

function compareRetargets(recording: RecordingPart, data: HistoryData): RetargetComparison[] {
  const byHeight = new Map(data.epochs.map((e) => [e.height, e]));
  return recording.retargets.map((r) => {
    const epoch = byHeight.get(r.height);
    const previous = byHeight.get(r.height - 2016);
    const realDay = epoch ? Math.floor(epoch.startTime / SECONDS_PER_DAY) : null;
    return {
      height: r.height,
      date: r.date,
      simChangePct: r.changePct,
      realChangePct: epoch && previous ? (epoch.difficulty / previous.difficulty - 1) * 100 : null,
      realDate: realDay === null ? null : formatIsoDate(realDay),
      dateOffsetDays: realDay === null ? null : parseIsoDate(r.date) - realDay,
      realExact: epoch ? epoch.exact : null,
    };
  });
}
