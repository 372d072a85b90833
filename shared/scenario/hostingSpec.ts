/**
 * The hosting block of a scenario (issue #13 §3): how a region's hosting price rises with its use, what
 * the rest of the world leaves free for players during a crunch, and what an own site costs. The file
 * block is optional: a scenario without it gets HOSTING_DEFAULTS (each an estimate, explained in the
 * scenarios' own blocks).
 */
import { z } from "zod";
import { usdToCents } from "../math/money.ts";
import type { Cents } from "../math/money.ts";

export interface HostingSpec {
  /**
   * Share of each region the rest of the world leaves free for players while its machines wait for room
   * (a crunch), basis points. 0: no reserve, players queue like everyone else.
   */
  crunchReserveBps: number;
  /** Use (leased + the world's machines) above which the hosting price rises, basis points of capacity. */
  priceKneeBps: number;
  /** Hosting price at 100% use, basis points of the region's base price (10000: no rise). */
  priceAtFullBps: number;
  /** Capital cost of an own site, cents per kW. */
  siteCapexCentsPerKw: Cents;
  /** Days from breaking ground to the first machine powered. */
  siteBuildDays: number;
  /** Upkeep of a built site (staff, maintenance, insurance), cents per kW per 30 days. */
  siteUpkeepCentsPerKwMonth: Cents;
  /** Largest site one command may build, kW. */
  siteMaxKw: number;
  /** Days over which a built site's value falls to nothing (the score marks it straight-line). */
  siteLifeDays: number;
  /** What a site would fetch against its written-down cost, basis points (the score's mark). */
  siteResaleBps: number;
}

export const hostingFileSchema = z
  .object({
    crunchReservePct: z.number().min(0).max(100).default(0),
    priceKneePct: z.number().min(0).max(99).default(90),
    priceAtFullPct: z.number().min(100).max(1000).default(120),
    siteCapexUsdPerKw: z.number().min(0).max(100_000).default(400),
    siteBuildDays: z.number().int().min(1).max(1000).default(180),
    siteUpkeepUsdPerKwMonth: z.number().min(0).max(1000).default(4),
    siteMaxMw: z.number().positive().max(1000).default(50),
    siteLifeYears: z.number().positive().max(50).default(5),
    siteResalePct: z.number().min(0).max(100).default(70),
    source: z.string().min(3).optional(),
    estimate: z.string().min(3).optional(),
  })
  .strict()
  .refine((v) => Boolean(v.source || v.estimate), {
    message: "cite a `source` for real-world numbers, or say how they were chosen with `estimate`",
  });

export type HostingFile = z.infer<typeof hostingFileSchema>;

/** The engine's units from the file's (percent → basis points, dollars → cents, MW → kW). */
export function resolveHosting(raw: HostingFile | undefined): HostingSpec {
  if (!raw) return HOSTING_DEFAULTS;
  return {
    crunchReserveBps: Math.round(raw.crunchReservePct * 100),
    priceKneeBps: Math.round(raw.priceKneePct * 100),
    priceAtFullBps: Math.round(raw.priceAtFullPct * 100),
    siteCapexCentsPerKw: usdToCents(raw.siteCapexUsdPerKw),
    siteBuildDays: raw.siteBuildDays,
    siteUpkeepCentsPerKwMonth: usdToCents(raw.siteUpkeepUsdPerKwMonth),
    siteMaxKw: Math.round(raw.siteMaxMw * 1000),
    siteLifeDays: Math.round(raw.siteLifeYears * 365),
    siteResaleBps: Math.round(raw.siteResalePct * 100),
  };
}

/** What a scenario without a hosting block plays with (the schema's defaults). */
export const HOSTING_DEFAULTS: HostingSpec = Object.freeze({
  crunchReserveBps: 0,
  priceKneeBps: 9000,
  priceAtFullBps: 12_000,
  siteCapexCentsPerKw: 40_000,
  siteBuildDays: 180,
  siteUpkeepCentsPerKwMonth: 400,
  siteMaxKw: 50_000,
  siteLifeDays: 5 * 365,
  siteResaleBps: 7000,
});
