/**
 * Pre-order bids (issue #13 §3, §6): a bot buying a new model from a factory whose queue would make it
 * wait bids a premium over list for earlier batches when the days it saves earn more than the premium
 * costs. The bid levels are the ones legalCommands offers (PREORDER_BID_LEVELS); the engine's quote
 * (quoteOrder) says when each unit would ship at each level.
 */
import { quoteOrder } from "../engine/commands/orderMachines.ts";
import type { Ctx } from "./common.ts";
import type { Offer } from "./buy.ts";
import { NEW_MODEL_DAYS, PREORDER_BID_LEVELS } from "../engine/factoryQueue.ts";

/** Units × days they wait past the order's earliest day, summed over its schedule. */
function unitDaysWaiting(schedule: readonly { day: number; quantity: number }[], earliest: number): number {
  let s = 0;
  for (const b of schedule) s += b.quantity * (b.day - earliest);
  return s;
}

/**
 * The premium to bid for `units` of `offer` (0: none): the level whose earlier shipping, valued at the
 * offer's daily margin, most exceeds what it adds to the price. Only new models, only from a factory.
 */
export function preorderBidBps(ctx: Ctx, offer: Offer, units: number): number {
  const { state, caches } = ctx;
  if (offer.factory === null || state.day - offer.model.releaseDay > NEW_MODEL_DAYS) return 0;
  const cmd = {
    type: "orderMachines" as const,
    model: offer.model.id,
    quantity: units,
    factory: offer.factory,
  };
  const base = quoteOrder(state, cmd, caches);
  if (!base) return 0;
  const waited = unitDaysWaiting(base.schedule, base.earliestDay);
  if (waited <= 0) return 0;
  let best = 0;
  let bestGain = 0;
  for (const bps of PREORDER_BID_LEVELS) {
    if (bps > state.scenario.factoryQueue.maxPremiumBps) break;
    const q = quoteOrder(state, { ...cmd, premiumBps: bps }, caches);
    if (!q || q.unplaced > 0) continue;
    const saved = waited - unitDaysWaiting(q.schedule, q.earliestDay);
    const gain = saved * offer.marginCents - (q.totalCents - base.totalCents);
    if (gain > bestGain) {
      best = bps;
      bestGain = gain;
    }
  }
  return best;
}
