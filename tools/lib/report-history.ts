/**
 * The real chain's figures on a given day, from the shipped data, for the report's history lines:
 * difficulty (the retarget epoch in force at noon UTC), network hashrate (7-day mean) and hashprice, all
 * as node/history.ts gives them to the fit table and the debrief: the hashprice the way the engine works
 * it out (a block's reward times the blocks a TH/s finds at the difficulty, at the day's close), so the
 * game's line and history's mean the same thing.
 */
import { parseIsoDate } from "../../shared/math/calendar.ts";
import type { Datasets } from "../../shared/scenario/datasets.ts";
import { realDifficulty, realHashprice, realHashrate7d } from "../../node/history.ts";

export type HistoryData = Pick<Datasets, "priceUsd" | "feesBtc" | "hashrateEhs" | "epochs">;

export interface RealDay {
  difficulty: number | null;
  hashpriceUsd: number | null;
  networkEhs: number | null;
}

export function realDay(data: HistoryData, date: string): RealDay {
  const day = parseIsoDate(date);
  return {
    difficulty: realDifficulty(data, day),
    hashpriceUsd: realHashprice(data, day),
    networkEhs: realHashrate7d(data, day),
  };
}
