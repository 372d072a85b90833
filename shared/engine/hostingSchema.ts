/** The hosting layer's commands (issue #13 §3), as zod schemas; schema.ts joins them to the union. */
import { z } from "zod";

const id = z.string().min(1).max(64);

/** Builds an own site: capital now, capacity the company owns when it is finished. */
export const buildSiteSchema = z.object({
  type: z.literal("buildSite"),
  region: id,
  kw: z.number().int().min(100).max(1_000_000),
});

/** Offers spare kW of the company's own sites to another company for a term, at a price per kW-month. */
export const offerHostingSchema = z.object({
  type: z.literal("offerHosting"),
  to: id,
  region: id,
  kw: z.number().int().min(1).max(1_000_000),
  centsPerKwMonth: z.number().int().min(0).max(1_000_000),
  months: z.number().int().min(1).max(60),
  /** Days the offer stays open. */
  days: z.number().int().min(1).max(90),
});

export const respondHostingSchema = z.object({
  type: z.literal("respondHosting"),
  offer: id,
  accept: z.boolean(),
});

/** Leaves a region's lease queue (nothing was paid while waiting: nothing is owed). */
export const leaveQueueSchema = z.object({ type: z.literal("leaveQueue"), region: id });
