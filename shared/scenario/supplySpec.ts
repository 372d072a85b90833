/**
 * The world's supply of new machines as a mechanism instead of a schedule (issue #16): the mining-machine
 * industry ships machine power (MW a day) in proportion to what miners earned a few months before, and
 * each MW is as many TH/s as the best machine on sale makes it (shared/engine/worldSupply.ts). A scenario
 * either writes `world.deployments` (a hand-fitted pace by date, the default) or `world.supply` (two numbers);
 * the margin factor (world.ts deploymentFactor) scales either by how well a new machine pays today.
 * `world.calibrationYears` names the years the supply numbers were fitted on: the fit table marks the
 * others out of sample (node/historyFit.ts).
 */
import { z } from "zod";
import { isoDate } from "./isoDate.ts";
import { HALVING_INTERVAL, TARGET_SPACING } from "../bitcoin/constants.ts";
import { parseIsoDate, SECONDS_PER_DAY, type EpochDay } from "../math/calendar.ts";
import type { Epoch } from "./datasets.ts";

/** The resolved supply block: kW of machines shipped a day per million USD a day of miners' revenue, and the lag. */
export interface WorldSupply {
  /** kW of machines the industry ships a day for each million USD miners earn a day (at a normal margin). */
  kwPerMusd: number;
  /** Days from the revenue that paid for machines to their delivery. */
  lagDays: number;
  /**
   * Days the subsidy halves after the start, by the real chain (btc-epochs.csv) where the data reaches,
   * else at 600-second blocks from its last epoch: the revenue a day's orders were paid from.
   */
  halvingDays: EpochDay[];
  /** Share of the world's switched-off machines scrapped or sold off each month, percent (worldRetire.ts). */
  retireIdlePctPerMonth: number;
  /**
   * Days over which retirement averages a tier's switched-off share (worldRetire.ts): 0 or absent, today's
   * share alone; more, machines off for a dip shorter than that mostly stay.
   */
  retirePatienceDays?: number;
  /** A chip shortage the makers' output cannot grow through (orderBook.ts); undefined: output = orders. */
  shortage?: SupplyShortage;
  /**
   * Miners' revenue a day before the first day, millions of USD, oldest first (the last: the day before
   * the start), from the shipped price and fees (supplyLeadIn.ts): the days the first month's orders and
   * a shortage that began before the start read.
   */
  revenueBeforeStartMusd?: number[];
  /** The order book's deliveries a day from the start, kW (resolved from the orders when a ceiling is set). */
  deliveredKwPerDay?: number[];
}

/** A chip shortage in days: its first day and the first day after it. */
export interface SupplyShortage {
  startDay: EpochDay;
  endDay: EpochDay;
}

/** First and last calendar year the world's parameters were fitted on, inclusive. */
export type CalibrationYears = [number, number];

export const shortageFileSchema = z
  .object({
    start: isoDate.describe("First day the makers' output could not grow (foundries' lines full)"),
    end: isoDate.describe(
      "First day after the shortage: the waiting orders are delivered from then on, over as many days as it lasted",
    ),
    source: z.string().min(1).describe("Where the shortage's dates come from"),
    estimate: z.string().optional().describe("How estimated numbers were chosen"),
  })
  .strict()
  .describe("A chip shortage: the makers' output stays at its level of the day before; orders wait");

export const supplyFileSchema = z
  .object({
    mwPerMusdRevenue: z
      .number()
      .positive()
      .max(1000)
      .describe("MW of machines shipped a day for each million USD a day miners earned, at a normal margin"),
    lagDays: z
      .number()
      .int()
      .min(0)
      .max(730)
      .describe(
        "Days from the revenue that paid for machines to their delivery (orders, production, shipping)",
      ),
    retireIdlePctPerMonth: z
      .number()
      .min(0)
      .max(100)
      .default(0)
      .describe("Share of the switched-off machines scrapped or sold off each month, freeing their racks"),
    retirePatienceDays: z
      .number()
      .int()
      .min(0)
      .max(730)
      .optional()
      .describe(
        "Days over which retirement averages a tier's switched-off share: machines off for a shorter dip mostly stay (0: today's share)",
      ),
    shortage: shortageFileSchema.optional(),
  })
  .strict()
  .describe("New machines from the industry's output (a share of miners' revenue) instead of a schedule");

export const calibrationYearsSchema = z
  .tuple([z.number().int().min(2009).max(2100), z.number().int().min(2009).max(2100)])
  .describe("[first, last] calendar years the world's numbers were fitted on; the rest are out of sample");

export type SupplyFile = z.infer<typeof supplyFileSchema>;

/** The day the chain reached `height`: inside a known epoch by its blocks' share, past the data at 600 s. */
export function dayOfHeight(epochs: readonly Epoch[], height: number): EpochDay {
  for (let i = 0; i + 1 < epochs.length; i++) {
    const [a, b] = [epochs[i] as Epoch, epochs[i + 1] as Epoch];
    if (height >= a.height && height < b.height) {
      const time = a.startTime + ((b.startTime - a.startTime) * (height - a.height)) / (b.height - a.height);
      return Math.floor(time / SECONDS_PER_DAY);
    }
  }
  const last = epochs[epochs.length - 1];
  if (!last) return Math.floor((height * TARGET_SPACING) / SECONDS_PER_DAY);
  return Math.floor((last.startTime + (height - last.height) * TARGET_SPACING) / SECONDS_PER_DAY);
}

/** Days of the halvings after `startHeight` up to `endDay`. */
export function halvingDaysAfter(
  epochs: readonly Epoch[],
  startHeight: number,
  endDay: EpochDay,
): EpochDay[] {
  const days: EpochDay[] = [];
  for (let n = Math.floor(startHeight / HALVING_INTERVAL) + 1; ; n++) {
    const day = dayOfHeight(epochs, n * HALVING_INTERVAL);
    if (day > endDay) return days;
    days.push(day);
  }
}

/** The engine's units from the file's (MW → kW), with the halvings' days from the real chain. */
export function resolveSupply(
  raw: SupplyFile,
  epochs: readonly Epoch[],
  startHeight: number,
  endDay: EpochDay,
): WorldSupply {
  return {
    kwPerMusd: raw.mwPerMusdRevenue * 1000,
    lagDays: raw.lagDays,
    halvingDays: halvingDaysAfter(epochs, startHeight, endDay),
    retireIdlePctPerMonth: raw.retireIdlePctPerMonth,
    ...(raw.retirePatienceDays ? { retirePatienceDays: raw.retirePatienceDays } : {}),
    ...(raw.shortage
      ? {
          shortage: {
            startDay: parseIsoDate(raw.shortage.start),
            endDay: parseIsoDate(raw.shortage.end),
          },
        }
      : {}),
  };
}

/** What zod cannot say about the world's pace: one of the two ways, and calibration years inside the period. */
/**
 * The world's pace for new machines must be given once: `deployments` (a pace by date) or `supply` (the
 * industry's output). The schema checks it (schema.ts), so that no path that skips the linter (the
 * server's loadScenario) can resolve a world that deploys nothing or silently ignores its schedule.
 */
export function paceProblems(world: {
  deployments: unknown[];
  supply?: SupplyFile;
  windowOf?: string;
}): { path: (string | number)[]; message: string }[] {
  if (world.windowOf !== undefined) {
    if (!world.supply && world.deployments.length === 0) return [];
    const message = `a window takes ${world.windowOf}'s pace for new machines: give \`windowOf\` alone, without \`deployments\` or \`supply\``;
    return [{ path: [world.supply ? "supply" : "deployments"], message }];
  }
  if (world.supply && world.deployments.length > 0)
    return [
      {
        path: ["supply"],
        message: "give either `deployments` (a pace by date) or `supply` (the industry's output), not both",
      },
    ];
  if (!world.supply && world.deployments.length === 0)
    return [
      {
        path: ["deployments"],
        message: "the world needs a pace for new machines: `deployments` (by date) or `supply`",
      },
    ];
  return [];
}

/** Whether a shortage (its first day and the first day after it) touches a period (first and last days). */
export function shortageOverlaps(
  shortage: { start: string; end: string },
  period: { start: string; end: string },
): boolean {
  return shortage.start <= period.end && shortage.end > period.start;
}

/** The linter's checks of a supply: calibration years and a shortage within the period, a price it can read. */
export function supplyProblems(
  world: { supply?: SupplyFile; calibrationYears?: CalibrationYears },
  period: { start: string; end: string },
  priceModel: string,
): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  // worldSupply.ts reads miners' revenue from the historical price series; a drawn price has none.
  if (world.supply && priceModel !== "historical")
    out.push({
      path: ["world", "supply"],
      message: `supply follows miners' revenue on the historical BTC price; with the ${priceModel} price model give \`deployments\` instead`,
    });
  const shortage = world.supply?.shortage;
  // It may begin before the first day or end after the last (a window of a longer world): the orders of
  // the days before are read from the shipped series (supplyLeadIn.ts); it must touch the period.
  if (shortage && !(shortage.start < shortage.end && shortageOverlaps(shortage, period)))
    out.push({
      path: ["world", "supply", "shortage"],
      message: `the shortage ${shortage.start}..${shortage.end} must start before it ends and overlap the period ${period.start}..${period.end}`,
    });
  const years = world.calibrationYears;
  if (years) {
    const [first, last] = years;
    const [from, to] = [Number(period.start.slice(0, 4)), Number(period.end.slice(0, 4))];
    if (first > last || first < from || last > to)
      out.push({
        path: ["world", "calibrationYears"],
        message: `calibrationYears [${first}, ${last}] must be [first, last] within the period's years ${from}..${to}`,
      });
  }
  return out;
}
