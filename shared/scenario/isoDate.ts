/** A calendar date in a scenario file, written YYYY-MM-DD and checked to exist: one schema for every block. */
import { z } from "zod";
import { isValidIsoDate } from "../math/calendar.ts";

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "expected a date written YYYY-MM-DD", abort: true })
  .refine(isValidIsoDate, { message: "no such date: expected a real calendar date written YYYY-MM-DD" })
  .describe("A UTC calendar day, YYYY-MM-DD");
