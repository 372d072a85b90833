/**
 * The miners' revenue before a scenario's first day, for its world supply (issue #16: the episodes as
 * windows of the decade's world). A scenario's price and fee series start on its first day, but the
 * industry's orders on that day were paid by the month before (worldSupply.ts), and a chip shortage
 * that began before the start holds output at the orders of the day before it began, with the orders
 * since waiting in the book. Without the real days before, a window opening in April 2021 would read
 * its own April price into November 2020's orders (about three times the real revenue).
 */
import { BLOCKS_PER_DAY, HALVING_INTERVAL } from "../bitcoin/constants.ts";
import { blockSubsidySats } from "../bitcoin/subsidy.ts";
import { dayRevenueMusd, REVENUE_WINDOW_DAYS } from "../engine/worldSupply.ts";
import type { EpochDay } from "../math/calendar.ts";
import { btcToSats } from "../math/money.ts";
import type { Datasets } from "./datasets.ts";
import { dayOfHeight, type WorldSupply } from "./supplySpec.ts";

/**
 * Days before the start whose revenue the supply reads: a month of orders' window and the lag before
 * the first day, and back to the day before a shortage that began before the start.
 */
export function leadInDays(supply: WorldSupply, startDay: EpochDay): number {
  const shortageStart = supply.shortage?.startDay;
  const intoShortage = shortageStart === undefined ? 0 : Math.max(0, startDay - shortageStart + 1);
  // The first day's orders read the month ending `lagDays` before it: that month's first day is
  // REVENUE_WINDOW_DAYS - 1 + lagDays days before the start (the shortage's day before, as many earlier).
  return REVENUE_WINDOW_DAYS - 1 + supply.lagDays + intoShortage;
}

/**
 * The supply with its revenue lead-in (WorldSupply.revenueBeforeStartMusd) read from the shipped
 * series: the block subsidy the chain paid that day (twice the start's before the last halving) plus
 * the day's fees, at the day's BTC close. Days before the shipped data begins hold its first day's
 * revenue, as the engine holds a scenario's own series to their ends (worldSupply.ts seriesIndex): a
 * calibration's long lag reaches back before 2016 for the decade's first months.
 */
export function withRevenueLeadIn(
  supply: WorldSupply,
  data: Datasets,
  start: { day: EpochDay; height: number },
): WorldSupply {
  const lastHalvingHeight = Math.floor(start.height / HALVING_INTERVAL) * HALVING_INTERVAL;
  const lastHalvingDay = lastHalvingHeight > 0 ? dayOfHeight(data.epochs, lastHalvingHeight) : -Infinity;
  const subsidy = blockSubsidySats(start.height);
  const revenue: (number | undefined)[] = [];
  for (let day = start.day - leadInDays(supply, start.day); day < start.day; day++) {
    const price = data.priceUsd.get(day);
    const feesBtc = data.feesBtc.get(day);
    const satsEachBlock =
      (day < lastHalvingDay ? 2 * subsidy : subsidy) + btcToSats((feesBtc ?? 0) / BLOCKS_PER_DAY);
    revenue.push(
      price === undefined || feesBtc === undefined ? undefined : dayRevenueMusd(price, satsEachBlock),
    );
  }
  const firstKnown = revenue.findIndex((r) => r !== undefined);
  // No shipped day before the start at all: the engine holds the scenario's first day, as before.
  if (firstKnown < 0) return supply;
  // Before the first shipped day, its revenue; a missing day inside the data, the day before's.
  let last = revenue[firstKnown] as number;
  const filled = revenue.map((r) => (last = r ?? last));
  return { ...supply, revenueBeforeStartMusd: filled };
}
