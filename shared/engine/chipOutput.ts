/**
 * Supply limited by chip output (issue #16, scenario `world.supply.maxGrowthPctPerYear`): the machine
 * makers' output follows miners' revenue (worldSupply.ts), but the chips are booked at the foundries
 * about a year ahead, so the industry can ship at most (1 + growth) times what the revenue of a year
 * before paid for. A bull market that outruns the foundries (the 2021 chip shortage: TSMC's 7 nm and
 * 5 nm lines were full, Bitmain sold S19s months ahead) waits for the next year's wafers.
 * A pure function of the scenario and the day, like the rest of the world's supply: no state.
 */
import type { WorldSupply } from "../scenario/supplySpec.ts";

/** Days the foundries' bookings run ahead of deliveries: the year the growth ceiling is counted over. */
export const FOUNDRY_BOOKING_DAYS = 365;

/**
 * The industry's output on a day, kW a day, given what revenue would order (`demandKw`) and what the
 * revenue of a year earlier ordered (`yearAgoKw`): no more than `maxGrowthPctPerYear` above the latter.
 * Without a ceiling (undefined), the demand itself.
 */
export function chipLimitedKw(demandKw: number, yearAgoKw: number, supply: WorldSupply): number {
  const growth = supply.maxGrowthPctPerYear;
  if (growth === undefined) return demandKw;
  return Math.min(demandKw, yearAgoKw * (1 + growth / 100));
}
