/**
 * The scenario file format (YAML, in people's units), as zod schemas. `npm run scenario:schema` turns
 * these into a JSON Schema so that editors complete and check scenario files.
 * Every block that carries a real-world number names its `source`; a number nobody could source
 * is marked with `estimate`, which says how it was chosen.
 */
import { z } from "zod";
import { isoDate } from "./isoDate.ts";
import { factoryQueueFileSchema } from "./factorySpec.ts";
import { tradeRulesSchema } from "./tradeSpec.ts";
import { usedMarketsFileSchema } from "./usedMarketSpec.ts";
import { financeFileSchema } from "./financeSpec.ts";
import { hostingFileSchema } from "./hostingSpec.ts";
import { hostingStepsSchema } from "./hostingStepsSpec.ts";
import { calibrationYearsSchema, paceProblems, supplyFileSchema } from "./supplySpec.ts";
import { breakevenFileSchema, powerStepsSchema } from "./powerScheduleSpec.ts";
import { capacityGrowthStepsSchema } from "./capacityGrowthSpec.ts";
import { priceMemoryDaysSchema } from "./machinePriceSpec.ts";
import { seasonalMigrationFileSchema } from "./seasonalSpec.ts";
import { buildOutFileSchema } from "./buildOutSpec.ts";

const text = z.object({ en: z.string().min(1), zh: z.string().min(1) }).strict();
const isoTimestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, {
  message: "expected a UTC time written YYYY-MM-DDTHH:MM:SSZ",
});
const hexBits = z
  .string()
  .regex(/^0x[0-9a-fA-F]{8}$/, { message: "expected compact bits written 0x1234abcd" });
const pct = z.number().min(0).max(100);
const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, { message: "expected a lower-case id (letters, digits, dashes)" });
const monthly = <T extends z.ZodTypeAny>(t: T) => z.union([t, z.array(t).length(12)]);
/** US dollars per kWh; anything above 1 is almost certainly cents. */
const usdPerKwh = () =>
  z
    .number()
    .positive()
    .max(1, { message: "expected US dollars per kWh (4.5 ¢ is 0.045); a value above 1 looks like cents" });

/** Either a source (where the number comes from) or an estimate (how it was chosen), or both. */
const cited = {
  source: z
    .string()
    .min(3)
    .optional()
    .describe("Where the numbers in this block come from (URL, dataset, report)"),
  estimate: z.string().min(3).optional().describe("How numbers nobody could source were chosen"),
};
function mustCite<T extends z.ZodObject>(schema: T) {
  return schema.refine(
    (v) => Boolean((v as { source?: string }).source || (v as { estimate?: string }).estimate),
    {
      message: "cite a `source` for real-world numbers, or say how they were chosen with `estimate`",
    },
  );
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
      powerUsdPerKwh: monthly(usdPerKwh()).describe(
        "Power price in US dollars per kWh: one value, or 12 monthly values",
      ),
      hostingUsdPerKwMonth: z.number().min(0).max(1000),
      uptimePct: monthly(pct),
      carbonGPerKwh: z.number().min(0).max(2000),
      ccafCountry: z.string().min(1),
      landmass: z
        .string()
        .min(1)
        .describe("land mass for trucks and trains: eurasia, americas, africa, iceland"),
      portKm: z.number().min(0).default(0).describe("road distance to the nearest seaport, km (0: coastal)"),
      renewable: z
        .object({ premiumPct: pct, carbonGPerKwh: z.number().min(0).max(2000) })
        .strict()
        .optional()
        .describe("a renewable power option for a premium"),
      powerSteps: powerStepsSchema.default([]),
      hostingSteps: hostingStepsSchema.default([]),
      ...cited,
    })
    .strict(),
);

export const regionCatalogSchema = z.object({ regions: z.array(regionCatalogEntrySchema).min(1) }).strict();

/** A shock template's name (shared/engine/shocks): camelCase, checked against the templates on resolve. */
const templateId = z
  .string()
  .regex(/^[a-z][a-zA-Z]*$/, { message: "expected a shock template name such as tariff or blackout" });

const modeSpecSchema = z
  .object({
    fixedDays: z.number().min(0).max(60),
    kmPerDay: z.number().positive().max(50_000),
    baseUsdPerKg: z.number().min(0).max(100),
    usdPerKgPer1000Km: z.number().min(0).max(100),
    lossPct: pct,
    damagePct: pct,
    maxKm: z.number().positive(),
  })
  .strict();

export const hubSchema = z
  .object({
    id,
    kind: z.enum(["factory", "port", "airport", "railhead"]),
    name: text,
    country: z.string().regex(/^[A-Z]{2}$/, { message: "expected an ISO 3166-1 alpha-2 code such as US" }),
    lon: z.number().min(-180).max(180),
    lat: z.number().min(-90).max(90),
    landmass: z.string().min(1),
    opens: isoDate.optional().describe("first day it works; factories open as history adds them"),
    ...cited,
  })
  .strict();

export const logisticsCatalogSchema = mustCite(
  z
    .object({
      hubs: z.array(mustCite(hubSchema)).min(1),
      modes: z
        .object({ air: modeSpecSchema, sea: modeSpecSchema, rail: modeSpecSchema, truck: modeSpecSchema })
        .strict(),
      insurancePct: pct,
      storageUsdPerUnitDay: z.number().min(0).max(1000),
      customsDays: z.number().int().min(0).max(60),
      railCountries: z.array(z.string().regex(/^[A-Z]{2}$/)),
      trade: tradeRulesSchema.optional(),
      ...cited,
    })
    .strict(),
);

const countrySchema = mustCite(
  z
    .object({
      country: z.string().regex(/^[A-Z]{2}$/, { message: "expected an ISO 3166-1 alpha-2 code such as US" }),
      tariffPct: z
        .record(z.string().regex(/^([A-Z]{2}|\*)$/), z.number().min(0).max(1000))
        .default({})
        .describe('import duty by country of manufacture; "*" for every other origin'),
      vatPct: pct.default(0),
      licenceMeanDays: z.number().min(0).max(365).default(0),
      carbonTaxUsdPerTonne: z.number().min(0).max(1000).default(0),
      ...cited,
    })
    .strict(),
);

const hazardSchema = mustCite(
  z
    .object({
      template: templateId,
      perYear: z.number().min(0).max(365),
      targets: z
        .array(z.string().min(1))
        .default([])
        .describe("regions, countries, factories or world, as the template says"),
      params: z.record(z.string(), z.union([z.number(), z.string()])).default({}),
      ...cited,
    })
    .strict(),
);

const scenarioRegionSchema = mustCite(
  z
    .object({
      id,
      sharePct: pct.describe(
        "Share of the world's hashrate at the start, percent; the regions add up to 100",
      ),
      capacityMw: z.number().min(0).describe("Power the region can host at the start, megawatts"),
      capacityGrowthMwPerYear: z.number().default(0),
      capacityGrowthSteps: capacityGrowthStepsSchema.optional(),
      powerUsdPerKwh: monthly(usdPerKwh())
        .optional()
        .describe("Overrides the catalog's power price, US dollars per kWh (one value or 12 monthly values)"),
      powerSteps: powerStepsSchema.optional().describe("Replaces the catalog's dated power steps"),
      hostingSteps: hostingStepsSchema.optional().describe("Replaces the catalog's dated hosting fees"),
      policy: z.enum(["allowed", "licensed", "banned"]).default("allowed"),
      attractiveness: z.number().positive().max(10).default(1),
      ...cited,
    })
    .strict(),
);

const eventBase = { date: isoDate, regions: z.array(id).min(1), headline: text, source: z.string().min(3) };
const shockEventSchema = z
  .object({
    type: z.literal("shock"),
    template: templateId,
    date: isoDate,
    regions: z
      .array(z.string().min(1))
      .min(1)
      .describe("targets: regions, hubs or countries, as the template says"),
    params: z.record(z.string(), z.union([z.number(), z.string()])).default({}),
    headline: text.optional().describe("defaults to the template's headline"),
    source: z.string().min(3),
    estimate: z.string().optional(),
  })
  .strict();
const eventSchema = z.discriminatedUnion("type", [
  z
    .object({
      type: z.literal("ban"),
      ...eventBase,
      rampDays: z.number().int().min(1).max(365),
      /** Days between the announcement and the ban taking effect. */
      graceDays: z.number().int().min(0).max(365).default(0),
      /** Share of the region's fleet that obeys; the rest keeps mining illegally. */
      compliancePct: pct.default(100),
      /** Share of the obeying fleet that stays installed and idle, waiting for the ban to lift. */
      idlePct: pct.default(0),
      /** Share of the obeying fleet that does not wait and moves abroad; the rest is scrapped or sold off. */
      emigratePct: pct,
      /**
       * Share of the region's fleet the ban covers, when it bans one province of several (Inner Mongolia
       * in cn-north): the rest of the region stays open, so players mine on and new machines still come
       * to its free racks; the obeying part's racks close (the region's capacity falls by that share).
       */
      regionSharePct: z.number().gt(0).max(100).default(100),
      estimate: z.string().optional(),
      /** Share of the obeying fleet that goes covert: lies low, then restarts in hiding (covert.ts). */
      covertPct: pct.optional(),
      /** Days after the ban that the covert fleet lies low before restarting. */
      covertReturnDays: z.number().int().min(0).max(3650).optional(),
      /** Days over which the covert fleet restarts, evenly, once it starts to (default 1). */
      covertRestartDays: z.number().int().min(1).max(365).optional(),
    })
    .strict(),
  z.object({ type: z.literal("unban"), ...eventBase }).strict(),
  z
    .object({
      type: z.literal("powerPrice"),
      ...eventBase,
      changePct: z.number().min(-99).max(1000),
      estimate: z.string().optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal("capacity"),
      ...eventBase,
      deltaMw: z.number(),
      estimate: z.string().optional(),
    })
    .strict(),
  shockEventSchema,
]);

const priceSchema = z.discriminatedUnion("model", [
  z
    .object({
      model: z.literal("historical"),
      dataset: z.literal("btc-usd-daily"),
      noisePct: pct.default(0),
      ...cited,
    })
    .strict(),
  z
    .object({
      // A few dated prices (monthly, say), interpolated linearly day by day between them.
      model: z.literal("points"),
      points: z.array(z.object({ date: isoDate, usd: z.number().positive() }).strict()).min(2),
      noisePct: pct.default(0),
      ...cited,
    })
    .strict(),
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
    .object({
      model: z.literal("stochastic"),
      meanBtcPerBlock: z.number().min(0).max(50),
      volatilityPct: pct,
      ...cited,
    })
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
      z
        .object({
          startHeight: z
            .number()
            .int()
            .min(0)
            .describe("Block height at the start; normally a retarget height (multiple of 2016)"),
          bits: hexBits.describe(
            "Compact target (nBits) of the retarget epoch holding startHeight, as in btc-epochs.csv",
          ),
          epochStartTime: isoTimestamp.describe(
            "Time of the first block of that epoch, UTC, as in btc-epochs.csv",
          ),
          ...cited,
        })
        .strict(),
    ),
    price: priceSchema,
    fees: feesSchema,
    pool: mustCite(z.object({ feePct: z.number().min(0).max(20), ...cited }).strict()),
    company: mustCite(
      z
        .object({
          startingCashUsd: z.number().positive().max(1e10),
          maxCompanies: z.number().int().min(1).max(40),
          startingFleet: z
            .array(
              z
                .object({
                  model: z.string().describe("ASIC id (shared/data/asics.csv)"),
                  quantity: z.number().int().min(1).max(100_000),
                  region: z.string().describe("One of the scenario's region ids"),
                  ageDays: z.number().int().min(0).max(3650).describe("How old the machines are on day 0"),
                })
                .strict(),
            )
            .optional()
            .describe("Machines every company owns on day 0, installed and hosted (default none)"),
          ...cited,
        })
        .strict(),
    ),
    factory: mustCite(
      z
        .object({
          leadDays: z.number().int().min(0).max(365),
          paybackDays: z.number().positive().max(2000),
          efficiencyExponent: z.number().min(0).max(10),
          floorUsdPerTh: z.number().min(0),
          productionMonths: z
            .number()
            .int()
            .min(1)
            .max(240)
            .optional()
            .describe("Months after its release a model is still made new (absent: for ever)"),
          memoryDays: priceMemoryDaysSchema,
          ...cited,
        })
        .strict(),
    ),
    usedMarket: mustCite(
      z
        .object({
          spreadPct: pct,
          horizonDays: z.number().positive().max(2000),
          referencePowerUsdPerKwh: usdPerKwh(),
          scrapUsdPerTh: z.number().min(0),
          /** TH/s of one efficiency tier the market takes from one seller at the bid, in one go. */
          depthTh: z.number().positive().max(10_000_000),
          /** How much lower than the bid the units beyond the depth sell. */
          beyondDepthPct: z.number().min(0).max(90),
          ...cited,
        })
        .strict(),
    ),
    world: mustCite(
      z
        .object({
          initialHashrateEhs: z.number().positive().max(100_000),
          fleet: z.array(z.object({ jPerTh: z.number().positive().max(500), sharePct: pct }).strict()).min(1),
          deployments: z
            .array(
              z
                .object({
                  date: isoDate,
                  ehsPerMonth: z
                    .number()
                    .min(0)
                    .describe("New hashrate the rest of the world installs, EH/s per month"),
                })
                .strict(),
            )
            .default([])
            .describe(
              "Deployment pace, sorted by date, interpolated between points (or give `supply` instead)",
            ),
          migrationDelayDays: z
            .tuple([z.number().int().min(0), z.number().int().min(0)])
            .describe("[min, max] days emigrating machines take to run again"),
          responseDays: z.number().int().min(1).max(365),
          playerReservePct: pct.default(10),
          /** The industry's output instead of a deployments schedule (supplySpec.ts). */
          supply: supplyFileSchema.optional(),
          windowOf: id.optional().describe("A shipped scenario whose world's rules this one is a window of"),
          calibrationYears: calibrationYearsSchema.optional(),
          ...cited,
        })
        .strict(),
    ).superRefine((world, ctx) => {
      for (const p of paceProblems(world)) ctx.addIssue({ code: "custom", path: p.path, message: p.message });
    }),
    asics: z.object({ include: z.union([z.literal("all"), z.array(id).min(1)]) }).strict(),
    regions: z.array(scenarioRegionSchema).min(1),
    countries: z.array(countrySchema).default([]),
    hazards: z.array(hazardSchema).default([]),
    events: z.array(eventSchema).default([]),
    sources: z.array(z.string().min(3)).default([]),
    /** The factory queue (issue #13 §3): capacity left for players, demand pricing, pre-order terms. */
    factoryQueue: factoryQueueFileSchema.optional(),
    /** Regional used markets (issue #13 §2); defaults when absent (see usedMarketSpec.ts). */
    usedMarkets: usedMarketsFileSchema.optional(),
    /** Interest, loans, green capital and BTC purchases (issue #13 §4); optional, see financeSpec.ts. */
    finance: financeFileSchema.optional(),
    hosting: hostingFileSchema.optional(),
    /** Who among the rest of the world pays a host per kWh (issue #16); optional, see powerScheduleSpec.ts. */
    breakeven: breakevenFileSchema.optional(),
    /** Seasonal hydro migration (issue #16); optional, see seasonalSpec.ts. */
    seasonalMigration: seasonalMigrationFileSchema.optional(),
    /** Hosting capacity that follows demand (issue #16); optional, see buildOutSpec.ts. */
    buildOut: buildOutFileSchema.optional(),
  })
  .strict();

export type ScenarioFile = z.infer<typeof scenarioFileSchema>;
export type RegionCatalog = z.infer<typeof regionCatalogSchema>;
export type LogisticsCatalog = z.infer<typeof logisticsCatalogSchema>;
export type RegionCatalogEntry = z.infer<typeof regionCatalogEntrySchema>;
