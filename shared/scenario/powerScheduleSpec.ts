/**
 * Power prices that move by year (issue #16): a region's dated steps on top of its seasonal curve, and the
 * share of the rest of the world that pays a host per kWh (breakeven.ts). Each step holds from its date to
 * the next one: the month's price becomes price × (1 + pct/100) + addUsdPerKwh (a tax, a fee, a crisis).
 * A region's steps come from the region catalog (shared/world/regions.yaml); a scenario may replace them.
 */
import { z } from "zod";
import { isoDate, notSortedMessage, sortedByDate } from "./isoDate.ts";
import { parseIsoDate } from "../math/calendar.ts";

/** One dated change of a region's power price, as written. */
export const powerStepSchema = z
  .object({
    from: isoDate.describe("first day the step applies; it holds until the next step"),
    addUsdPerKwh: z.number().min(-1).max(1).default(0).describe("added to every month's price, USD/kWh"),
    pct: z.number().min(-90).max(500).default(0).describe("every month's price changes by this percent"),
    source: z.string().min(3).optional(),
    estimate: z.string().min(3).optional(),
  })
  .strict()
  .refine((s) => Boolean(s.source || s.estimate), {
    message: "cite a `source` for a price step, or say how it was chosen with `estimate`",
  });

export const powerStepsSchema = z
  .array(powerStepSchema)
  .refine(sortedByDate, notSortedMessage("power"))
  .describe("dated steps of the power price on top of the seasonal curve (taxes, fees, crises)");

/** A step in the engine's units: from `day`, price × multBps / 10,000 + addMicroUsd. */
export interface PowerStep {
  day: number;
  addMicroUsd: number;
  multBps: number;
}

export function resolvePowerSteps(steps: z.infer<typeof powerStepsSchema> | undefined): PowerStep[] {
  return (steps ?? []).map((s) => ({
    day: parseIsoDate(s.from),
    addMicroUsd: Math.round(s.addUsdPerKwh * 1e6),
    multBps: Math.round(10_000 + s.pct * 100),
  }));
}

/** The scenario block `breakeven`: who pays a host per kWh among the rest of the world. */
export const breakevenFileSchema = z
  .object({
    hostedPct: z
      .number()
      .min(0)
      .max(100)
      .default(50)
      .describe("share of the rest of the world's machines in hosted sites, paying the region's fee per kWh"),
    source: z.string().min(3).optional(),
    estimate: z.string().min(3).optional(),
  })
  .strict()
  .refine((b) => Boolean(b.source || b.estimate), {
    message: "cite a `source` for the hosted share, or say how it was chosen with `estimate`",
  });

export interface BreakevenSpec {
  /** Share of the rest of the world that pays the region's hosting fee per kWh it runs, basis points. */
  hostedBps: number;
}

export function resolveBreakeven(raw: z.infer<typeof breakevenFileSchema> | undefined): BreakevenSpec {
  return { hostedBps: Math.round((raw?.hostedPct ?? 50) * 100) };
}
