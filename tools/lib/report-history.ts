/**
 * The real chain's figures on a given day, from the shipped data, for the report's history lines:
 * difficulty (the retarget epoch running at the end of the day), network hashrate (7-day mean) and
 * hashprice worked out the way the engine does (subsidy plus the day's mean fee per block, times the
 * price, over the hashes a block needs), so the two lines mean the same thing.
 */
import { blockSubsidySats, TARGET_SPACING } from "../../shared/bitcoin/index.ts";
import { parseIsoDate, SECONDS_PER_DAY, type EpochDay } from "../../shared/math/calendar.ts";
import type { Datasets, Epoch } from "../../shared/scenario/datasets.ts";
import { realHashrate7d } from "../../node/history.ts";

export type HistoryData = Pick<Datasets, "priceUsd" | "feesBtc" | "hashrateEhs" | "epochs">;

export interface RealDay {
  difficulty: number | null;
  hashpriceUsd: number | null;
  networkEhs: number | null;
}

/** Beyond this after the last shipped epoch began, the data no longer says what the difficulty was. */
const LAST_EPOCH_SPAN_S = 3 * 7 * SECONDS_PER_DAY;

/** The epoch running at the end of `day`; null before the data's first epoch or well after its last. */
function epochAt(data: HistoryData, day: EpochDay): Epoch | null {
  const end = (day + 1) * SECONDS_PER_DAY;
  let best: Epoch | null = null;
  let last = -Infinity;
  for (const e of data.epochs) {
    last = Math.max(last, e.startTime);
    if (e.startTime < end && (!best || e.startTime > best.startTime)) best = e;
  }
  if (best && best.startTime === last && end - last > LAST_EPOCH_SPAN_S) return null;
  return best;
}

export function realDay(data: HistoryData, date: string): RealDay {
  const day = parseIsoDate(date);
  const epoch = epochAt(data, day);
  const price = data.priceUsd.get(day);
  const fees = data.feesBtc.get(day);
  let hashpriceUsd: number | null = null;
  if (epoch && price !== undefined && fees !== undefined) {
    const height = Math.round(
      epoch.height + ((day + 1) * SECONDS_PER_DAY - epoch.startTime) / TARGET_SPACING,
    );
    const rewardBtc = blockSubsidySats(height) / 1e8 + fees / (SECONDS_PER_DAY / TARGET_SPACING);
    const blocksPerThDay = (SECONDS_PER_DAY * 1e12) / (epoch.difficulty * 2 ** 32);
    hashpriceUsd = rewardBtc * price * blocksPerThDay;
  }
  return { difficulty: epoch?.difficulty ?? null, hashpriceUsd, networkEhs: realHashrate7d(data, day) };
}
