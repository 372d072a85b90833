/**
 * Previews: "what would happen if I did this?" answered by the server's engine without changing the
 * game. The client asks before it enables a button or shows a price; the figures are the engine's own
 * quotes (the same functions the commands charge by), in the engine's integer units: cents, micro-USD
 * per kWh, basis points, game days (with ISO dates beside them).
 */
import { z } from "zod";
import { SHIPPING_MODES } from "../scenario/types.ts";
import { BROKERS } from "../scenario/tradeSpec.ts";
import { MAX_SEATS, SEAT_PATTERN } from "./constants.ts";
import { hostingOfferQuoteSchema, leaseQueueFields, siteQuoteSchema } from "./hostingPreview.ts";

const ref = z.string().min(1).max(32).optional();
const text = z.object({ en: z.string(), zh: z.string() });
const seat = z.string().regex(SEAT_PATTERN, `a seat is p1 to p${MAX_SEATS}`);
const int = z.number().int();
const mode = z.enum(SHIPPING_MODES);

/**
 * Client → server. `command`: a candidate company command (the engine's schema checks it); `shop`: the
 * machine shop's catalog today. The actor is the sender's seat; the host may name any `seat`.
 */
export const previewMessage = z.discriminatedUnion("kind", [
  z.object({ ref, kind: z.literal("command"), command: z.unknown(), seat: seat.optional() }),
  z.object({ ref, kind: z.literal("shop"), seat: seat.optional() }),
]);

const rejection = z.object({ code: z.string(), message: text });

export const shipQuoteSchema = z.object({
  mode,
  km: int,
  days: int,
  arriveDate: z.string(),
  /** When customs decides (arrival + clearance + congestion). */
  customsDate: z.string(),
  weightKg: z.number(),
  freightCents: int,
  insuranceCents: int,
  declaredValueCents: int,
  international: z.boolean(),
  tariffBps: int,
  tariffCents: int,
  vatBps: int,
  vatCents: int,
  licenceMeanDays: z.number(),
  lossBps: int,
  damageBps: int,
  /** Freight and insurance, paid when the lot leaves. */
  payNowCents: int,
  /** Everything expected, duty and VAT at today's rates included. */
  expectedTotalCents: int,
  warnings: z.array(text),
  broker: z.enum(BROKERS),
  brokerFeeCents: int,
  licenceFeeCents: int,
  departures: int,
  expectedHoldDays: z.number(),
  expectedStorageCents: int,
  timeCostPerDayCents: int,
  timeCostCents: int,
  /** Everything expected, time included: what the bots choose by. */
  landedCostCents: int,
});

/** Switching machines on where mining is banned: the daily odds of seizure (engine/grey.ts). */
export const greyQuoteSchema = z.object({
  kind: z.literal("grey"),
  region: z.string(),
  banned: z.boolean(),
  /** kW the company would draw from powered machines there. */
  kw: z.number(),
  daysUnderBan: int,
  seizureBpsPerDay: int,
});
export type GreyQuote = z.infer<typeof greyQuoteSchema>;

const factorySchema = z.object({
  hub: z.string(),
  country: z.string(),
  leadDays: int,
  priceMultiplierBps: int,
  exportBlockedUntil: z.string().nullable(),
});

const shopModelSchema = z.object({
  id: z.string(),
  name: z.string(),
  manufacturer: z.string(),
  ths: z.number(),
  powerW: z.number(),
  jPerTh: z.number(),
  releaseDate: z.string(),
  onSale: z.boolean(),
  factory: z.string().nullable(),
  unitCents: int.nullable(),
  leadDays: int.nullable(),
  breakevenMicroUsdPerKwh: z.number(),
  usedBidCents: int,
  usedAskCents: int,
  usedFromDate: z.string(),
  usedOpen: z.boolean(),
  madeUntil: z.string().nullable(),
});

/** The engine's quote, by what was previewed. */
export const previewQuoteSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("shop"),
    date: z.string(),
    hashpriceMicroUsd: z.number(),
    poolFeeBps: int,
    cashCents: int,
    factories: z.array(factorySchema),
    models: z.array(shopModelSchema),
  }),
  z.object({
    kind: z.literal("order"),
    factory: z.string(),
    origin: z.string(),
    unitCents: int,
    totalCents: int,
    leadDays: int,
    readyDate: z.string(),
    breakevenMicroUsdPerKwh: z.number(),
    /** The factory queue (issue #13 §3): list price with demand, the bid, and when each unit ships. */
    listCents: int,
    premiumBps: int,
    demandBps: int,
    bookedBps: int,
    queuePosition: int,
    queueLength: int,
    schedule: z.array(z.object({ date: z.string(), quantity: int })),
    lastDate: z.string(),
    unplaced: int,
  }),
  z.object({ kind: z.literal("cancelPreorder"), refundCents: int, penaltyCents: int, bumped: z.boolean() }),
  z.object({
    kind: z.literal("ship"),
    /** Every mode to the same place, each with the engine's verdict (and its quote when it has one). */
    modes: z.array(
      z.object({ mode, ok: z.boolean(), error: rejection.optional(), quote: shipQuoteSchema.optional() }),
    ),
  }),
  z.object({
    kind: z.literal("lease"),
    region: z.string(),
    kw: int,
    policy: z.string(),
    /** First month's hosting, paid up front; the same again every 30 days. */
    setupCents: int,
    hostingCentsPerKwMonth: int,
    /** Today's price for this lease's supply (grid, or renewable with its premium). */
    powerMicroUsdPerKwh: z.number(),
    gridMicroUsdPerKwh: z.number(),
    carbonGPerKwh: z.number(),
    renewableOption: z.object({ premiumBps: int, carbonGPerKwh: z.number() }).nullable(),
    uptimePct: z.number(),
    freeKw: z.number(),
    /** This company's lease here and the part its installed machines use. */
    leasedKw: z.number(),
    usedKw: z.number(),
    moratoriumUntil: z.string().nullable(),
    /** The country's carbon levy and what it adds to each kWh of this supply (engine/logistics/carbonLevy.ts). */
    carbonTaxCentsPerTonne: int,
    carbonLevyMicroUsdPerKwh: z.number(),
    ...leaseQueueFields,
  }),
  z.object({ kind: z.literal("release"), region: z.string(), leasedKw: z.number(), usedKw: z.number() }),
  z.object({ kind: z.literal("sale"), unitCents: int, totalCents: int }),
  z.object({
    kind: z.literal("used"),
    unitCents: int,
    totalCents: int,
    /** The region's used market (issue #13 §2): units of the model it holds, and the lot's condition. */
    stockUnits: int.optional(),
    ageDays: int.optional(),
    conditionBps: int.optional(),
    failureBpsPerYear: int.optional(),
    /** Import duty the machines paid entering the region's country, in their price, basis points. */
    dutyBps: int.optional(),
  }),
  z.object({ kind: z.literal("btc"), sats: int, priceCents: int, cents: int }),
  greyQuoteSchema,
  z.object({
    kind: z.literal("offer"),
    /** The used index for these units (no spread) and what the used market would pay for them. */
    marketCents: int,
    bidCents: int,
  }),
  /** A loan's terms (engine/loans.ts): null spread and rate when the amount is above what the collateral lends. */
  z.object({
    kind: z.literal("loan"),
    collateralCents: int,
    maxCents: int,
    ltvBps: int,
    riskFreeBps: int,
    spreadBps: int.nullable(),
    rateBps: int.nullable(),
    green: z.boolean(),
    gramsPerThDay: z.number().nullable(),
    maintenanceLtvBps: int,
    marginCallCollateralCents: int,
    interestPerDayCents: int,
    dueDay: int,
  }),
  z.object({
    kind: z.literal("btcBuy"),
    sats: int,
    priceCents: int,
    cents: int,
    feeCents: int,
    totalCents: int,
  }),
  /** A machine lease's both sides at today's figures (shared/engine/machineLease.ts quoteMachineLease). */
  z.object({
    kind: z.literal("machineLease"),
    ths: z.number(),
    valuePerDayCents: int,
    powerPerDayCents: int,
    lesseeNetCents: int,
    ownerNetCents: int,
  }),
  siteQuoteSchema,
  hostingOfferQuoteSchema,
]);

/** Server → client: the engine's verdict on a previewed command (ok, or its rejection) and its quote. */
export const previewReply = z.object({
  ref: z.string().optional(),
  ok: z.boolean(),
  error: rejection.optional(),
  quote: previewQuoteSchema.optional(),
});

export type PreviewRequest = z.infer<typeof previewMessage>;
export type PreviewReply = z.infer<typeof previewReply>;
export type PreviewQuote = z.infer<typeof previewQuoteSchema>;
export type ShipQuote = z.infer<typeof shipQuoteSchema>;
export type ShopQuote = Extract<PreviewQuote, { kind: "shop" }>;
export type ShopModelQuote = ShopQuote["models"][number];
