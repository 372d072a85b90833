/**
 * The scenario file format (YAML, in people's units), as zod schemas. `npm run scenario:schema` turns
 * these into a JSON Schema so that editors complete and check scenario files.
 * Every block that carries a real-world number names its `source`; a number nobody could source
 * is marked with `estimate`, which says how it was chosen.
 */
import { z } from "zod";
import { isValidIsoDate } from "../math/calendar.ts";

const text = z.object({ en: z.string().min(1), zh: z.string().min(1) }).strict();
const isoDate = z.string().refine(isValidIsoDate, { message: "expected a date written YYYY-MM-DD" });
const isoTimestamp = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, { message: "expected a UTC time written YYYY-MM-DDTHH:MM:SSZ" });
const hexBits = z.string().regex(/^0x[0-9a-fA-F]{8}$/, { message: "expected compact bits written 0x1234abcd" });
const pct = z.number().min(0).max(100);
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { message: "expected a lower-case id (letters, digits, dashes)" });
const monthly = <T extends z.ZodTypeAny>(t: T) => z.union([t, z.array(t).length(12)]);

/** Either a source (where the number comes from) or an estimate (how it was chosen), or both. */
const cited = {
  source: z.string().min(3).optional(),
  estimate: z.string().min(3).optional(),
};
function mustCite<T extends z.ZodObject>(schema: T) {
  return schema.refine((v) => Boolean((v as { source?: string }).source || (v as { estimate?: string }).estimate), {
    message: "cite a `source` for real-world numbers, or say how they were chosen with `estimate`",
  });
}

export const regionCatalogEntrySchema = mustCite(
  z
    .object({
      id,
      name: text,
      country: z.string().regex(/^[A-Z]{2}$/, { message: "expected an ISO 3166-1 alpha-2 code such as US" }),
      countryName: text,
      lon: z.number().min(-180).max(180),
      lat: z.number().min(-90).max(90),
      powerUsdPerKwh: monthly(z.number().positive().max(1)),
      hostingUsdPerKwMonth: z.number().min(0).max(1000),
      uptimePct: monthly(pct),
      carbonGPerKwh: z.number().min(0).max(2000),
      ccafCountry: z.string().min(1),
      ...cited,
    })
    .strict(),
);

export const regionCatalogSchema = z.object({ regions: z.array(regionCatalogEntrySchema).min(1) }).strict();

const scenarioRegionSchema = mustCite(
  z
    .object({
      id,
      sharePct: pct,
      capacityMw: z.number().min(0),
      capacityGrowthMwPerYear: z.number().default(0),
      powerUsdPerKwh: monthly(z.number().positive().max(1)).optional(),
      policy: z.enum(["allowed", "licensed", "banned"]).default("allowed"),
      attractiveness: z.number().positive().max(10).default(1),
      ...cited,
    })
    .strict(),
);

const eventBase = { date: isoDate, regions: z.array(id).min(1), headline: text, source: z.string().min(3) };
const eventSchema = z.discriminatedUnion("type", [
  z
    .object({
      type: z.literal("ban"),
      ...eventBase,
      rampDays: z.number().int().min(1).max(365),
      emigratePct: pct,
      estimate: z.string().optional(),
    })
    .strict(),
  z.object({ type: z.literal("unban"), ...eventBase }).strict(),
  z
    .object({ type: z.literal("powerPrice"), ...eventBase, changePct: z.number().min(-99).max(1000), estimate: z.string().optional() })
    .strict(),
  z.object({ type: z.literal("capacity"), ...eventBase, deltaMw: z.number(), estimate: z.string().optional() }).strict(),
]);

const priceSchema = z.discriminatedUnion("model", [
  z.object({ model: z.literal("historical"), dataset: z.literal("btc-usd-daily"), noisePct: pct.default(0), ...cited }).strict(),
  z
    .object({
      model: z.literal("stochastic"),
      startUsd: z.number().positive(),
      driftPctPerYear: z.number().min(-100).max(500),
      volatilityPctPerYear: z.number().min(0).max(500),
      ...cited,
    })
    .strict(),
]);

const feesSchema = z.discriminatedUnion("model", [
  z.object({ model: z.literal("historical"), dataset: z.literal("btc-fees-daily"), ...cited }).strict(),
  z
    .object({ model: z.literal("stochastic"), meanBtcPerBlock: z.number().min(0).max(50), volatilityPct: pct, ...cited })
    .strict(),
]);

export const scenarioFileSchema = z
  .object({
    $schema: z.string().optional(),
    id,
    name: text,
    description: text,
    period: z.object({ start: isoDate, end: isoDate }).strict(),
    chain: mustCite(
      z.object({ startHeight: z.number().int().min(0), bits: hexBits, epochStartTime: isoTimestamp, ...cited }).strict(),
    ),
    price: priceSchema,
    fees: feesSchema,
    pool: mustCite(z.object({ feePct: z.number().min(0).max(20), ...cited }).strict()),
    company: mustCite(
      z.object({ startingCashUsd: z.number().positive().max(1e10), maxCompanies: z.number().int().min(1).max(16), ...cited }).strict(),
    ),
    factory: mustCite(
      z
        .object({
          leadDays: z.number().int().min(0).max(365),
          paybackDays: z.number().positive().max(2000),
          efficiencyExponent: z.number().min(0).max(10),
          floorUsdPerTh: z.number().min(0),
          ...cited,
        })
        .strict(),
    ),
    usedMarket: mustCite(
      z
        .object({
          spreadPct: pct,
          horizonDays: z.number().positive().max(2000),
          referencePowerUsdPerKwh: z.number().positive().max(1),
          scrapUsdPerTh: z.number().min(0),
          ...cited,
        })
        .strict(),
    ),
    world: mustCite(
      z
        .object({
          initialHashrateEhs: z.number().positive().max(100_000),
          fleet: z.array(z.object({ jPerTh: z.number().positive().max(500), sharePct: pct }).strict()).min(1),
          deployments: z.array(z.object({ date: isoDate, ehsPerMonth: z.number().min(0) }).strict()).min(1),
          migrationDelayDays: z.tuple([z.number().int().min(0), z.number().int().min(0)]),
          responseDays: z.number().int().min(1).max(365),
          ...cited,
        })
        .strict(),
    ),
    asics: z.object({ include: z.union([z.literal("all"), z.array(id).min(1)]) }).strict(),
    regions: z.array(scenarioRegionSchema).min(1),
    events: z.array(eventSchema).default([]),
    sources: z.array(z.string().min(3)).default([]),
  })
  .strict();

export type ScenarioFile = z.infer<typeof scenarioFileSchema>;
export type RegionCatalog = z.infer<typeof regionCatalogSchema>;
export type RegionCatalogEntry = z.infer<typeof regionCatalogEntrySchema>;
