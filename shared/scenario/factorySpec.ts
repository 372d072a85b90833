/**
 * The factory queue's scenario parameters (issue #13 §3): how much of each month's factory output is
 * left for players once the rest of the world's deployments are served, how demand raises the list
 * price, and the terms of a pre-order. Optional in a scenario file: the defaults below are the
 * estimates the shipped scenarios state.
 */
import { z } from "zod";

/** Resolved parameters, in the engine's integer units. */
export interface FactoryQueueSpec {
  /** Length of a delivery batch (a "month"), days: units ship on a batch's first day. */
  batchDays: number;
  /**
   * Output left for players each batch, basis points of the world's deployments at their boom pace
   * (the world's machines always fit: capacity = world boom pace × (1 + headroom)).
   */
  headroomBps: number;
  /** Batches ahead whose booked share sets the demand price. */
  priceHorizonBatches: number;
  /** Booked share (world + players) of capacity above which the list price rises, basis points. */
  priceKneeBps: number;
  /** Price rise when the next batches are fully booked, basis points of list. */
  priceSlopeBps: number;
  /** Highest pre-order premium a bid may offer, basis points over list. */
  maxPremiumBps: number;
  /** Share of the price kept by the factory when an order is cancelled, basis points. */
  cancelPenaltyBps: number;
}

export const FACTORY_QUEUE_DEFAULTS: FactoryQueueSpec = {
  batchDays: 30,
  headroomBps: 1000,
  priceHorizonBatches: 3,
  priceKneeBps: 9000,
  priceSlopeBps: 3000,
  maxPremiumBps: 5000,
  cancelPenaltyBps: 3000,
};

const pct = z.number().min(0).max(100);

/** The scenario file's `factoryQueue` block (percentages, as a person writes them). */
export const factoryQueueFileSchema = z
  .object({
    batchDays: z.number().int().min(7).max(120).optional(),
    headroomPct: pct.optional(),
    priceHorizonBatches: z.number().int().min(1).max(24).optional(),
    priceKneePct: pct.optional(),
    priceSlopePct: z.number().min(0).max(500).optional(),
    maxPremiumPct: z.number().min(0).max(500).optional(),
    cancelPenaltyPct: pct.optional(),
    source: z.string().min(3).optional(),
    estimate: z.string().min(3).optional(),
  })
  .strict()
  .refine((v) => Boolean(v.source || v.estimate), {
    message: "cite a `source` for real-world numbers, or say how they were chosen with `estimate`",
  });

export type FactoryQueueFile = z.infer<typeof factoryQueueFileSchema>;

const bps = (pctValue: number | undefined, fallback: number): number =>
  pctValue === undefined ? fallback : Math.round(pctValue * 100);

/** The block's parameters in engine units, each missing one at its default. */
export function resolveFactoryQueue(raw: FactoryQueueFile | undefined): FactoryQueueSpec {
  const d = FACTORY_QUEUE_DEFAULTS;
  if (!raw) return { ...d };
  return {
    batchDays: raw.batchDays ?? d.batchDays,
    headroomBps: bps(raw.headroomPct, d.headroomBps),
    priceHorizonBatches: raw.priceHorizonBatches ?? d.priceHorizonBatches,
    priceKneeBps: bps(raw.priceKneePct, d.priceKneeBps),
    priceSlopeBps: bps(raw.priceSlopePct, d.priceSlopeBps),
    maxPremiumBps: bps(raw.maxPremiumPct, d.maxPremiumBps),
    cancelPenaltyBps: bps(raw.cancelPenaltyPct, d.cancelPenaltyBps),
  };
}
