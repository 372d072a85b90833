/**
 * Regional used markets (issue #13 §2): the scenario's parameters, their zod schema part and how the
 * file's figures become the engine's (basis points, per day). The block is optional: a scenario without
 * it gets the defaults below, which are the same estimates the four scenario files state.
 */
import { z } from "zod";

const pct = z.number().min(0).max(100);

/** The YAML block `usedMarkets`, as written (percentages, per year where people think per year). */
export const usedMarketsFileSchema = z
  .object({
    /** Share of a region's installed fleet that changes hands in a normal year (routine churn). */
    churnPctPerYear: pct.default(15),
    /** Share of a region's stock that leaves each day (exported, scrapped, sold off-book). */
    drainPctPerDay: pct.default(1),
    /** Share of a region's switched-off (unprofitable) machines listed for sale each day. */
    idleListPctPerDay: pct.default(0.5),
    /** Share of a banned region's idle machines sold off each day (distressed selling). */
    distressListPctPerDay: pct.default(3),
    /** Share of the machines waiting to emigrate after a ban sold off each day, wherever power is cheap. */
    migrantListPctPerDay: pct.default(0.05),
    /** Share of every listing sold on to cheaper-power regions (the "gradient trade"). */
    exportPct: pct.default(40),
    /** How strongly stock depth moves the price: factor = (reference stock / stock) ^ elasticity. */
    elasticity: z.number().min(0).max(2).default(0.3),
    /** Bounds of the regional factor (glut discount, scarcity premium). */
    minFactorPct: z.number().min(10).max(100).default(80),
    maxFactorPct: z.number().min(100).max(500).default(160),
    /** Buyers' pressure: the factor rises by this much per reference stock bought recently. */
    pressurePct: z.number().min(0).max(200).default(25),
    /** Share of the buyers' pressure that fades each day. */
    pressureDecayPctPerDay: pct.default(5),
    /** Smallest reference stock of a tier in a region, TH/s (thin markets are not infinitely dear). */
    referenceFloorTh: z.number().min(1).max(1e9).default(10000),
    /** Price lost per year of a machine's age (wear), and the floor of that condition factor. */
    wearPctPerYear: pct.default(12),
    conditionFloorPct: pct.default(55),
    /** A used unit's chance to fail in a year: at age zero, and added per year of age. */
    failurePctPerYear: pct.default(3),
    failurePctPerYearOfAge: pct.default(4),
    source: z.string().min(3).optional(),
    estimate: z.string().min(3).optional(),
  })
  .strict();

export type UsedMarketsFile = z.infer<typeof usedMarketsFileSchema>;

/** The engine's parameters of the regional used markets. */
export interface UsedMarketsSpec {
  churnBpsPerDay: number;
  drainBpsPerDay: number;
  idleListBpsPerDay: number;
  distressListBpsPerDay: number;
  migrantListBpsPerDay: number;
  exportBps: number;
  elasticity: number;
  minFactorBps: number;
  maxFactorBps: number;
  pressureBps: number;
  pressureDecayBps: number;
  referenceFloorThs: number;
  wearBpsPerYear: number;
  conditionFloorBps: number;
  failureBpsPerYear: number;
  failureBpsPerYearOfAge: number;
}

const bps = (pctValue: number): number => Math.round(pctValue * 100);

export function resolveUsedMarkets(raw: UsedMarketsFile | undefined): UsedMarketsSpec {
  const f = usedMarketsFileSchema.parse(raw ?? {});
  return {
    // Per year → per day in basis points, unrounded: churn of a few % a year is a fraction of a bp a day.
    churnBpsPerDay: (f.churnPctPerYear * 100) / 365,
    drainBpsPerDay: bps(f.drainPctPerDay),
    idleListBpsPerDay: bps(f.idleListPctPerDay),
    distressListBpsPerDay: bps(f.distressListPctPerDay),
    migrantListBpsPerDay: f.migrantListPctPerDay * 100,
    exportBps: bps(f.exportPct),
    elasticity: f.elasticity,
    minFactorBps: bps(f.minFactorPct),
    maxFactorBps: bps(f.maxFactorPct),
    pressureBps: bps(f.pressurePct),
    pressureDecayBps: bps(f.pressureDecayPctPerDay),
    referenceFloorThs: f.referenceFloorTh,
    wearBpsPerYear: bps(f.wearPctPerYear),
    conditionFloorBps: bps(f.conditionFloorPct),
    failureBpsPerYear: bps(f.failurePctPerYear),
    failureBpsPerYearOfAge: bps(f.failurePctPerYearOfAge),
  };
}
