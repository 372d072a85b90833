/**
 * The trade rules that make shipping a real choice (issue #13 §4): what time costs, air's scarce
 * capacity, each mode's fixed cost per shipment, import licence fees, customs brokers, and the risk of
 * grey mining under a ban. Read from the logistics catalog's optional `trade` block (every default
 * here is the catalog's value, so a catalog without the block plays the same).
 */
import { z } from "zod";

const pct = z.number().min(0).max(100);

export const BROKERS = ["standard", "premium"] as const;
export type Broker = (typeof BROKERS)[number];

const brokerSchema = z
  .object({
    /** Fee per shipment cleared, US dollars, plus a share of the declared value. */
    feeUsd: z.number().min(0).max(1_000_000),
    feePct: pct,
    /** Chance customs inspects the lot (a hold of `inspectionDays`, storage charged). */
    inspectionPct: pct,
    inspectionDays: z.number().int().min(0).max(365),
    /** Share of the country's mean licence wait this broker takes, per cent (its filing speed). */
    licenceDaysPct: z.number().min(1).max(100),
  })
  .strict();

export const tradeRulesSchema = z
  .object({
    /** Fixed cost of one shipment by mode, US dollars (terminal handling, booking, a truck's call-out). */
    fixedUsd: z
      .object({
        air: z.number().min(0),
        sea: z.number().min(0),
        rail: z.number().min(0),
        truck: z.number().min(0),
      })
      .strict()
      .default({ air: 300, sea: 1200, rail: 1500, truck: 150 }),
    /** Air cargo is scarce: kg one departure takes; each further departure costs more and waits. */
    air: z
      .object({
        capacityKg: z.number().positive(),
        surchargePctPerDeparture: z.number().min(0).max(1000),
        waitDaysPerDeparture: z.number().int().min(0).max(60),
      })
      .strict()
      .default({ capacityKg: 3000, surchargePctPerDeparture: 50, waitDaysPerDeparture: 4 }),
    /** Import licence fee, US dollars per shipment that needs one. */
    licenceFeeUsd: z.number().min(0).max(1_000_000).default(2500),
    brokers: z
      .object({ standard: brokerSchema, premium: brokerSchema })
      .strict()
      .default({
        standard: { feeUsd: 0, feePct: 0, inspectionPct: 10, inspectionDays: 21, licenceDaysPct: 100 },
        premium: { feeUsd: 10000, feePct: 1.0, inspectionPct: 2, inspectionDays: 7, licenceDaysPct: 50 },
      }),
    /** Grey mining: the daily seizure chance scales with the kW left powered and the days under the ban. */
    grey: z
      .object({
        referenceKw: z.number().positive(),
        doublingDays: z.number().positive(),
        maxPctPerDay: pct,
      })
      .strict()
      .default({ referenceKw: 300, doublingDays: 60, maxPctPerDay: 20 }),
    source: z.string().min(3).optional(),
    estimate: z.string().min(3).optional(),
  })
  .strict();

export type TradeRulesFile = z.infer<typeof tradeRulesSchema>;

export interface BrokerSpec {
  feeCents: number;
  feeBps: number;
  inspectionBps: number;
  inspectionDays: number;
  licenceDaysBps: number;
}

/** The resolved rules: integer cents and basis points, as the engine counts. */
export interface TradeRules {
  fixedCents: { air: number; sea: number; rail: number; truck: number };
  air: { capacityKg: number; surchargeBpsPerDeparture: number; waitDaysPerDeparture: number };
  licenceFeeCents: number;
  brokers: Record<Broker, BrokerSpec>;
  grey: { referenceKw: number; doublingDays: number; maxBpsPerDay: number };
}

const bps = (p: number) => Math.round(p * 100);
const cents = (usd: number) => Math.round(usd * 100);

export function resolveTradeRules(raw: TradeRulesFile | undefined): TradeRules {
  const t = tradeRulesSchema.parse(raw ?? {});
  const broker = (b: TradeRulesFile["brokers"]["standard"]): BrokerSpec => ({
    feeCents: cents(b.feeUsd),
    feeBps: bps(b.feePct),
    inspectionBps: bps(b.inspectionPct),
    inspectionDays: b.inspectionDays,
    licenceDaysBps: bps(b.licenceDaysPct),
  });
  return {
    fixedCents: {
      air: cents(t.fixedUsd.air),
      sea: cents(t.fixedUsd.sea),
      rail: cents(t.fixedUsd.rail),
      truck: cents(t.fixedUsd.truck),
    },
    air: {
      capacityKg: t.air.capacityKg,
      surchargeBpsPerDeparture: bps(t.air.surchargePctPerDeparture),
      waitDaysPerDeparture: t.air.waitDaysPerDeparture,
    },
    licenceFeeCents: cents(t.licenceFeeUsd),
    brokers: { standard: broker(t.brokers.standard), premium: broker(t.brokers.premium) },
    grey: {
      referenceKw: t.grey.referenceKw,
      doublingDays: t.grey.doublingDays,
      maxBpsPerDay: bps(t.grey.maxPctPerDay),
    },
  };
}
