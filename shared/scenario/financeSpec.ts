/**
 * Finance parameters of a scenario (issue #13 §4): the risk-free rate cash earns (a monthly series, the
 * US 3-month T-bill), the terms of loans against machines or BTC, the green discount for a low-carbon
 * fleet, and the fee on buying BTC. The file's block (people's units: percent, months) is optional; a
 * scenario without one gets a zero rate and the default terms below, so older files keep loading.
 */
import { z } from "zod";

const pct = z.number().min(0).max(100);
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: "expected a month written YYYY-MM" });
const cited = {
  source: z.string().min(3).optional(),
  estimate: z.string().min(3).optional(),
};

/** Every block names its source, or says how its numbers were chosen (as the rest of the file does). */
function mustCite<T extends z.ZodObject>(schema: T) {
  return schema.refine(
    (v) => Boolean((v as { source?: string }).source || (v as { estimate?: string }).estimate),
    {
      message: "cite a `source` for real-world numbers, or say how they were chosen with `estimate`",
    },
  );
}

const spreadStepSchema = z
  .object({
    /** The step applies to loans whose loan-to-value at origination is at most this. */
    maxLtvPct: pct,
    spreadPct: z.number().min(0).max(50),
  })
  .strict();

export const financeFileSchema = z
  .object({
    riskFree: mustCite(
      z
        .object({
          /** First month of `pct`; months before it take its first value, months after it the last. */
          start: month,
          /** Annual rate, percent, one value a month. */
          pct: z.array(z.number().min(-5).max(30)).min(1),
          /** From this month on, the values are estimates (not checked against the source). */
          estimatedFrom: month.optional(),
          ...cited,
        })
        .strict(),
    ),
    loans: mustCite(
      z
        .object({
          /** Spread over the risk-free rate by loan-to-value, steps sorted by maxLtvPct. */
          spreads: z.array(spreadStepSchema).min(1),
          /** A margin call is made when the loan exceeds this share of the collateral's value. */
          maintenanceLtvPct: pct,
          /** Days between the margin call and the forced sale. */
          graceDays: z.number().int().min(0).max(60),
          minTermDays: z.number().int().min(1).max(3650),
          maxTermDays: z.number().int().min(1).max(3650),
          ...cited,
        })
        .strict(),
    ),
    green: mustCite(
      z
        .object({
          /** A fleet emitting at most this much CO2 per TH/s per day (grams) borrows at a lower spread. */
          maxGramsPerThDay: z.number().min(0),
          spreadCutPct: z.number().min(0).max(20),
          ...cited,
        })
        .strict(),
    ),
    btcTrade: mustCite(z.object({ feePct: z.number().min(0).max(10), ...cited }).strict()),
  })
  .strict();

export type FinanceFile = z.infer<typeof financeFileSchema>;

/** The engine's finance parameters, in integers (basis points, days). */
export interface FinanceSpec {
  /** Months since year 0 (year × 12 + month − 1) of the first value of `riskFreeBps`. */
  riskFreeStartMonth: number;
  /** Annual risk-free rate, basis points, one value a month (empty: no interest). */
  riskFreeBps: number[];
  /** First month (same count) whose value is an estimate, or null. */
  riskFreeEstimatedFrom: number | null;
  /** Spread over the risk-free rate by LTV at origination, sorted by maxLtvBps; the last is the cap. */
  spreads: { maxLtvBps: number; spreadBps: number }[];
  maintenanceLtvBps: number;
  graceDays: number;
  minTermDays: number;
  maxTermDays: number;
  greenMaxGramsPerThDay: number;
  greenSpreadCutBps: number;
  btcFeeBps: number;
}

const bps = (p: number): number => Math.round(p * 100);

function monthIndex(text: string): number {
  const [y, m] = text.split("-").map(Number) as [number, number];
  return y * 12 + m - 1;
}

/** The terms a scenario without a finance block plays with: the rate is zero, loans as in the files. */
export const DEFAULT_FINANCE_FILE: FinanceFile = {
  riskFree: { start: "2020-01", pct: [0] },
  loans: {
    spreads: [
      { maxLtvPct: 30, spreadPct: 6 },
      { maxLtvPct: 50, spreadPct: 9 },
      { maxLtvPct: 70, spreadPct: 12 },
    ],
    maintenanceLtvPct: 85,
    graceDays: 3,
    minTermDays: 30,
    maxTermDays: 730,
  },
  green: { maxGramsPerThDay: 100, spreadCutPct: 2 },
  btcTrade: { feePct: 0.5 },
};

/** The file's block (or the defaults) in the engine's units. */
export function resolveFinance(raw: FinanceFile | undefined): FinanceSpec {
  const f = raw ?? DEFAULT_FINANCE_FILE;
  const spreads = [...f.loans.spreads]
    .sort((a, b) => a.maxLtvPct - b.maxLtvPct)
    .map((s) => ({ maxLtvBps: bps(s.maxLtvPct), spreadBps: bps(s.spreadPct) }));
  return {
    riskFreeStartMonth: monthIndex(f.riskFree.start),
    riskFreeBps: f.riskFree.pct.map(bps),
    riskFreeEstimatedFrom: f.riskFree.estimatedFrom ? monthIndex(f.riskFree.estimatedFrom) : null,
    spreads,
    maintenanceLtvBps: bps(f.loans.maintenanceLtvPct),
    graceDays: f.loans.graceDays,
    minTermDays: f.loans.minTermDays,
    maxTermDays: f.loans.maxTermDays,
    greenMaxGramsPerThDay: f.green.maxGramsPerThDay,
    greenSpreadCutBps: bps(f.green.spreadCutPct),
    btcFeeBps: bps(f.btcTrade.feePct),
  };
}
