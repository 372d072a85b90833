/**
 * Capacity growth that changes pace by date (issue #16, one world for the decade): a region's racks grow
 * at `capacityGrowthMwPerYear` from the start and at each step's pace from its date on. So one world can
 * pass through the capacity each episode starts with (the decade reaches exodus-2021's April 2021 racks,
 * then tariffs-2025's January 2024 ones) instead of one straight line that overshoots the first to hit
 * the second. Regions without steps grow as before, and resolve (and hash) as before.
 */
import { z } from "zod";
import { isoDate, notSortedMessage, sortedByDate } from "./isoDate.ts";
import { parseIsoDate } from "../math/calendar.ts";

export const capacityGrowthStepsSchema = z
  .array(
    z
      .object({
        from: isoDate.describe("first day of this pace; it holds until the next step"),
        mwPerYear: z.number().min(-10_000).max(10_000).describe("racks added a year from then on, MW"),
        // A step may cite its own reason; otherwise the region's source/estimate must state its legs.
        source: z.string().min(3).optional(),
        estimate: z.string().min(3).optional(),
      })
      .strict(),
  )
  .min(1)
  .refine(sortedByDate, notSortedMessage("capacity growth"))
  .describe(
    "dated changes of the region's capacity growth (the pace before the first is capacityGrowthMwPerYear)",
  );

/** A step in the engine's units: from `day` on, `kwPerDay` of racks a day. */
export interface CapacityGrowthStep {
  day: number;
  kwPerDay: number;
}

export function resolveCapacityGrowthSteps(steps: z.infer<typeof capacityGrowthStepsSchema> | undefined): {
  capacityGrowthSteps?: CapacityGrowthStep[];
} {
  if (!steps) return {};
  return {
    capacityGrowthSteps: steps.map((s) => ({
      day: parseIsoDate(s.from),
      kwPerDay: (s.mwPerYear * 1000) / 365,
    })),
  };
}
