/**
 * The hosting layer's parts of previews (issue #13 §3): the queue fields a lease quote carries, and the
 * quotes of an own site and of a hosting offer. preview.ts joins them to its union.
 */
import { z } from "zod";

const int = z.number().int();

/** A lease quote's queue part (optional, so that a quote from before the layer still parses). */
export const leaseQueueFields = {
  /** The region's use (leases and the world's machines), basis points of its capacity. */
  utilisationBps: int.optional(),
  /** The region's hosting fee today: today's dated fee (engine/hostingFee.ts), before use. */
  baseCentsPerKwMonth: int.optional(),
  /** Today's price of a new lease (it rises with use); `hostingCentsPerKwMonth` is what this one locks. */
  priceCentsPerKwMonth: int.optional(),
  /** The world's machines are waiting for room: no reserve is left for players. */
  crunch: z.boolean().optional(),
  queuedKw: z.number().optional(),
  queueLength: int.optional(),
  /** Expected days before this request is served (0: now); null: the region does not grow. */
  waitDays: int.nullable().optional(),
  readyDate: z.string().nullable().optional(),
};

export const siteQuoteSchema = z.object({
  kind: z.literal("site"),
  region: z.string(),
  kw: int,
  capexCents: int,
  buildDays: int,
  readyDate: z.string(),
  upkeepCentsPerMonth: int,
  /** What the same kW would cost a month leased at today's price. */
  hostingSavedCentsPerMonth: int,
  maxKw: int,
});

export const hostingOfferQuoteSchema = z.object({
  kind: z.literal("hostingOffer"),
  region: z.string(),
  kw: int,
  /** The offering company's own kW there not in use nor promised. */
  spareKw: z.number(),
  monthCents: int,
  totalCents: int,
  /** Today's price of a lease in the region, to compare. */
  marketCentsPerKwMonth: int,
});
