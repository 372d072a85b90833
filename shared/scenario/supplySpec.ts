/**
 * The world's supply of new machines as a mechanism instead of a schedule (issue #16): the mining-machine
 * industry ships a steady amount of machine power (MW a day), growing by a fixed share each year, and
 * each MW is as many TH/s as the best machine on sale makes it. A scenario either writes
 * `world.deployments` (a hand-fitted pace by date, the default) or `world.supply` (these two numbers);
 * the margin factor (world.ts deploymentFactor) scales either by how well a new machine pays today.
 * `world.calibrationYears` names the years the supply numbers were fitted on: the fit table marks the
 * others out of sample (node/historyFit.ts).
 */
import { z } from "zod";
import { parseIsoDate } from "../math/calendar.ts";
import type { EpochDay } from "../math/calendar.ts";

/** The resolved supply block: kW of machines shipped per day on `startDay`, and its yearly growth. */
export interface WorldSupply {
  startDay: EpochDay;
  /** Machine power the industry ships per day on startDay at a normal margin, kW. */
  startKwPerDay: number;
  /** Growth of that output per year, basis points (2500 = +25% a year). */
  growthBpsPerYear: number;
}

/** First and last calendar year the world's parameters were fitted on, inclusive. */
export type CalibrationYears = [number, number];

export const supplyFileSchema = z
  .object({
    mwPerDay: z
      .number()
      .positive()
      .max(10_000)
      .describe("Machine power the industry ships per day at the scenario's start at a normal margin, MW"),
    growthPctPerYear: z
      .number()
      .min(-50)
      .max(500)
      .describe("How much that output grows each year, percent (compounded daily)"),
  })
  .strict()
  .describe("New machines from a steady, growing industry output instead of a deployments schedule");

export const calibrationYearsSchema = z
  .tuple([z.number().int().min(2009).max(2100), z.number().int().min(2009).max(2100)])
  .describe("[first, last] calendar years the world's numbers were fitted on; the rest are out of sample");

export type SupplyFile = z.infer<typeof supplyFileSchema>;

/** The engine's units from the file's (MW → kW, percent → basis points). */
export function resolveSupply(raw: SupplyFile, start: string): WorldSupply {
  return {
    startDay: parseIsoDate(start),
    startKwPerDay: raw.mwPerDay * 1000,
    growthBpsPerYear: Math.round(raw.growthPctPerYear * 100),
  };
}

/** What zod cannot say about the world's pace: one of the two ways, and calibration years inside the period. */
export function supplyProblems(
  world: { deployments: unknown[]; supply?: SupplyFile; calibrationYears?: CalibrationYears },
  period: { start: string; end: string },
): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  if (world.supply && world.deployments.length > 0)
    out.push({
      path: ["world", "supply"],
      message: "give either `deployments` (a pace by date) or `supply` (the industry's output), not both",
    });
  if (!world.supply && world.deployments.length === 0)
    out.push({
      path: ["world", "deployments"],
      message: "the world needs a pace for new machines: `deployments` (by date) or `supply`",
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
