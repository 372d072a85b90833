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

/** The resolved supply block: kW of machines shipped a day per million USD a day of miners' revenue, and the lag. */
export interface WorldSupply {
  /** kW of machines the industry ships a day for each million USD miners earn a day (at a normal margin). */
  kwPerMusd: number;
  /** Days from the revenue that paid for machines to their delivery. */
  lagDays: number;
}

/** First and last calendar year the world's parameters were fitted on, inclusive. */
export type CalibrationYears = [number, number];

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
      .describe("Days from the revenue that paid for machines to their delivery (orders, production, shipping)"),
  })
  .strict()
  .describe("New machines from the industry's output (a share of miners' revenue) instead of a schedule");

export const calibrationYearsSchema = z
  .tuple([z.number().int().min(2009).max(2100), z.number().int().min(2009).max(2100)])
  .describe("[first, last] calendar years the world's numbers were fitted on; the rest are out of sample");

export type SupplyFile = z.infer<typeof supplyFileSchema>;

/** The engine's units from the file's (MW → kW). */
export function resolveSupply(raw: SupplyFile): WorldSupply {
  return { kwPerMusd: raw.mwPerMusdRevenue * 1000, lagDays: raw.lagDays };
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
