/**
 * Hosting fees that move by year (issue #16): a region's dated hosting steps, the way powerSteps move its
 * power price. One rule: a region's hosting fee on a date is its last step on or before that date, else
 * the catalog's `hostingUsdPerKwMonth` (engine/hostingFee.ts). A step gives the fee itself, not a change:
 * most are read off an all-in quote of that year (fee = (all-in − that year's power) × 720 h).
 * A region's steps come from the region catalog (shared/world/regions.yaml); a scenario may replace them.
 */
import { z } from "zod";
import { isoDate, notSortedMessage, sortedByDate } from "./isoDate.ts";
import { parseIsoDate } from "../math/calendar.ts";
import { usdToCents, type Cents } from "../math/money.ts";

/** One dated hosting fee, as written. */
export const hostingStepSchema = z
  .object({
    from: isoDate.describe("first day the fee applies; it holds until the next step"),
    usdPerKwMonth: z
      .number()
      .min(0)
      .max(1000)
      .describe("the hosting fee from that day, USD per kW per 30 days"),
    source: z.string().min(3).optional(),
    estimate: z.string().min(3).optional(),
  })
  .strict()
  .refine((s) => Boolean(s.source || s.estimate), {
    message: "cite a `source` for a hosting step, or say how it was chosen with `estimate`",
  });

export const hostingStepsSchema = z
  .array(hostingStepSchema)
  .refine(sortedByDate, notSortedMessage("hosting"))
  .describe("dated hosting fees: each holds from its date to the next (the catalog's fee before the first)");

/** A step in the engine's units: from `day`, the fee is `centsPerKwMonth`. */
export interface HostingStep {
  day: number;
  centsPerKwMonth: Cents;
}

export function resolveHostingSteps(steps: z.infer<typeof hostingStepsSchema> | undefined): HostingStep[] {
  return (steps ?? []).map((s) => ({
    day: parseIsoDate(s.from),
    centsPerKwMonth: usdToCents(s.usdPerKwMonth),
  }));
}
