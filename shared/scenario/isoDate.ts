/** Dates in a scenario file: one schema for a YYYY-MM-DD day, and one rule that dated steps come in date order. */
import { z } from "zod";
import { isValidIsoDate } from "../math/calendar.ts";

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "expected a date written YYYY-MM-DD", abort: true })
  .refine(isValidIsoDate, { message: "no such date: expected a real calendar date written YYYY-MM-DD" })
  .describe("A UTC calendar day, YYYY-MM-DD");

/** Whether a block's dated steps are sorted by date, one per date (each `from` after the one before). */
export function sortedByDate(steps: readonly { from: string }[]): boolean {
  return steps.every((s, i) => i === 0 || (steps[i - 1] as { from: string }).from < s.from);
}

/** The schema's words when `what` steps are not sorted by date. */
export const notSortedMessage = (what: string): { message: string } => ({
  message: `${what} steps must be sorted by date, one per date`,
});
