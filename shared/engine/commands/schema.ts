/**
 * Commands a company can give, as zod schemas: the one definition that the client, the bots, the server
 * and replays share. Commands carry no player id: the server stamps the actor from the connection.
 */
import { z } from "zod";
import { SHIPPING_MODES } from "../../scenario/types.ts";
import { BROKERS } from "../../scenario/tradeSpec.ts";
import {
  buildSiteSchema,
  leaveQueueSchema,
  offerHostingSchema,
  respondHostingSchema,
} from "../hostingSchema.ts";

const id = z.string().min(1).max(64);
/** Lots one loan may pledge (a bound on the command's size). */
export const MAX_PLEDGED_LOTS = 64;

export const orderMachinesSchema = z.object({
  type: z.literal("orderMachines"),
  model: id,
  quantity: z.number().int().min(1).max(100_000),
  /** Factory to buy from (its country is the machines' origin for tariffs); default: the first open one. */
  factory: id.optional(),
  /** Pre-order bid over list, basis points: higher bids take earlier batches in the factory's queue. */
  premiumBps: z.number().int().min(0).max(100_000).optional(),
});

/** Cancels a pre-order still in a factory's queue (a refund less the scenario's penalty). */
export const cancelPreorderSchema = z.object({ type: z.literal("cancelPreorder"), order: id });

export const leaseCapacitySchema = z.object({
  type: z.literal("leaseCapacity"),
  region: id,
  /** kW to add to the company's lease in the region. */
  kw: z.number().int().min(1).max(1_000_000),
  /** Take the region's renewable power option (dearer power, lower carbon). */
  renewable: z.boolean().optional(),
  /** When the region is full, wait in its queue instead of being refused (hosting.ts). */
  queue: z.boolean().optional(),
  /** Most the company will pay, cents per kW-month: above the price it is served first. */
  bidCentsPerKwMonth: z.number().int().min(0).max(1_000_000).optional(),
});

export const releaseCapacitySchema = z.object({
  type: z.literal("releaseCapacity"),
  region: id,
  kw: z.number().int().min(1).max(1_000_000),
});

export const installLotSchema = z.object({
  type: z.literal("installLot"),
  lot: id,
  region: id,
});

export const powerLotSchema = z.object({
  type: z.literal("powerLot"),
  lot: id,
  on: z.boolean(),
});

export const sellMachinesSchema = z.object({
  type: z.literal("sellMachines"),
  lot: id,
  quantity: z.number().int().min(1).max(100_000),
});

export const setSellRatioSchema = z.object({
  type: z.literal("setSellRatio"),
  /** Share of mined BTC sold each day, basis points (0 = hold everything, 10000 = sell everything). */
  ratioBps: z.number().int().min(0).max(10_000),
});

/** Sells BTC from the treasury now, at today's price. */
export const sellBtcSchema = z.object({
  type: z.literal("sellBtc"),
  sats: z.number().int().min(1).max(21e14),
});

export const setPayoutSchema = z.object({
  type: z.literal("setPayout"),
  payout: z.enum(["pool", "solo"]),
});

export const shipLotSchema = z.object({
  type: z.literal("shipLot"),
  lot: id,
  /** Destination region. */
  to: id,
  mode: z.enum(SHIPPING_MODES),
  insured: z.boolean(),
  /** Units to ship (the rest of the lot stays); default: the whole lot. */
  quantity: z.number().int().min(1).max(100_000).optional(),
  /** Customs broker: premium costs a fee, gets licences faster and fewer inspection holds. */
  broker: z.enum(BROKERS).optional(),
});

export const buyUsedSchema = z.object({
  type: z.literal("buyUsed"),
  model: id,
  quantity: z.number().int().min(1).max(100_000),
  /** Region whose secondary market sells them; they arrive in its warehouse. */
  region: id,
});

export const offerLotSchema = z.object({
  type: z.literal("offerLot"),
  lot: id,
  quantity: z.number().int().min(1).max(100_000),
  /** Company the offer is made to. */
  to: id,
  priceCents: z.number().int().min(0).max(1e13),
  /** Days the offer stays open. */
  days: z.number().int().min(1).max(90),
});

export const respondOfferSchema = z.object({
  type: z.literal("respondOffer"),
  offer: id,
  accept: z.boolean(),
});

export const cancelOfferSchema = z.object({ type: z.literal("cancelOffer"), offer: id });

/** Host only: a shock from a template, now. */
export const injectEventSchema = z.object({
  type: z.literal("injectEvent"),
  template: id,
  targets: z.array(z.string().min(1).max(64)).min(1).max(32),
  params: z.record(z.string().max(32), z.union([z.number(), z.string().max(64)])).default({}),
});

/** Borrows cash against machines and/or BTC for a term (engine/loans.ts: rate, LTV, margin calls). */
export const borrowSchema = z.object({
  type: z.literal("borrow"),
  cents: z.number().int().min(1).max(1e13),
  termDays: z.number().int().min(1).max(3650),
  /** Lots pledged (the company's own, not pledged elsewhere). */
  lots: z.array(id).max(MAX_PLEDGED_LOTS).default([]),
  /** BTC pledged from the treasury, satoshis. */
  btcSats: z.number().int().min(0).max(21e14).default(0),
});

/** Repays part or all of a loan's principal from cash; repaid in full, its collateral is freed. */
export const repaySchema = z.object({
  type: z.literal("repay"),
  loan: id,
  cents: z.number().int().min(1).max(1e13),
});

/** Buys BTC for the treasury at today's price, plus the scenario's fee. */
export const buyBtcSchema = z.object({
  type: z.literal("buyBtc"),
  sats: z.number().int().min(1).max(21e14),
});
/** Machines as a service (engine/machineLease.ts): the owner offers a lot's hashrate for a term and fees. */
export const offerMachineLeaseSchema = z.object({
  type: z.literal("offerMachineLease"),
  lot: id,
  /** Company the lease is offered to (the lessee). */
  to: id,
  termDays: z.number().int().min(1).max(365),
  upfrontCents: z.number().int().min(0).max(1e13),
  /** Fee for each day the machines deliver hashrate. */
  dailyCents: z.number().int().min(0).max(1e11),
  /** Days the offer stays open. */
  days: z.number().int().min(1).max(30),
});

/** The lessee accepts or declines a lease offer; its owner may withdraw it (accept: false). */
export const answerMachineLeaseSchema = z.object({
  type: z.literal("answerMachineLease"),
  lease: id,
  accept: z.boolean(),
});

/** Host only, at tick 0: a class-sized world (engine/classWorld.ts). */
export const sizeWorldSchema = z.object({ type: z.literal("sizeWorld"), size: z.literal("class") });

export const commandSchema = z.discriminatedUnion("type", [
  orderMachinesSchema,
  leaseCapacitySchema,
  releaseCapacitySchema,
  installLotSchema,
  powerLotSchema,
  sellMachinesSchema,
  setSellRatioSchema,
  setPayoutSchema,
  sellBtcSchema,
  shipLotSchema,
  buyUsedSchema,
  offerLotSchema,
  respondOfferSchema,
  cancelOfferSchema,
  injectEventSchema,
  cancelPreorderSchema,
  borrowSchema,
  repaySchema,
  buyBtcSchema,
  offerMachineLeaseSchema,
  answerMachineLeaseSchema,
  sizeWorldSchema,
  buildSiteSchema,
  offerHostingSchema,
  respondHostingSchema,
  leaveQueueSchema,
]);

/** Commands only the host may give. */
export const HOST_COMMANDS: readonly CommandType[] = ["injectEvent", "sizeWorld"];

export type Command = z.infer<typeof commandSchema>;
export type CommandType = Command["type"];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

/** Who is acting: stamped by the server, never taken from the payload. */
export type Actor = { kind: "company"; companyId: string } | { kind: "host" } | { kind: "system" };
