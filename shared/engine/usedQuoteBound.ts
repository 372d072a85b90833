/**
 * A cheap lower bound on a used quote's unit price (usedMarket.ts quoteUsedLot), for a buyer comparing
 * markets: one power (the first slice's depth) instead of one per slice. A market whose bound cannot
 * beat the best offer found so far need not be quoted at all, and skipping it changes nothing.
 *
 * Why it is a bound: a quote's slices draw the stock down, so (for an elasticity above 0) every slice's
 * depth is at least the first one's, and every slice's buyers' pressure (pressure + the units taken
 * before it) at least the first one's; the regional factor and the unit price never fall as either
 * rises (Math.round, min and max keep order). The first slice's depth is lowered by CLAMP_MARGIN, far
 * more than detPow's error of a few ulps, so that the computed depths keep the order too. Every slice's
 * unit price is then at least the bound's, and so is the lot's average (a whole number of cents). With
 * an elasticity of 0 or less the depth does not rise with the slices: the bound falls back to the
 * scenario's least factor (usedUnitFloorCents' reasoning).
 */
import type { AsicModel } from "../scenario/types.ts";
import { lotThs } from "./fleet.ts";
import { usedTierOf } from "./market.ts";
import {
  boundedBps,
  CLAMP_MARGIN,
  depthBps,
  pushedFactorBps,
  QUOTE_SLICES,
  referenceStockThs,
  stockUnits,
  unitPriceCents,
  usedMarketOf,
  usedUnitTerms,
} from "./usedMarket.ts";
import type { GameState } from "./state.ts";

/**
 * At most quoteUsedLot(state, r, model, quantity).unitCents, cents; null exactly where that quote is
 * null. `referenceThs` as for quoteUsedLot (speed only).
 */
export function usedQuoteBoundCents(
  state: GameState,
  r: number,
  model: AsicModel,
  quantity: number,
  referenceThs?: number,
): number | null {
  const market = usedMarketOf(state, r);
  if (!market || quantity > stockUnits(state, r, model) || quantity <= 0) return null;
  const spec = state.scenario.usedMarkets;
  const tier = usedTierOf(model.efficiencyJPerTh);
  const terms = usedUnitTerms(state, r, model, tier);
  if (!(spec.elasticity > 0)) return unitPriceCents(terms, spec.minFactorBps / 10_000);
  const reference = referenceThs ?? referenceStockThs(state, r, tier);
  const stock = market.stockThs[tier] as number;
  const pressure = market.pressureThs[tier] as number;
  const slices = Math.min(quantity, QUOTE_SLICES);
  const firstUnits = Math.floor(quantity / slices) + (0 < quantity % slices ? 1 : 0);
  const mid = (firstUnits / 2) * lotThs(model, 1);
  const level = boundedBps(spec, depthBps(spec, reference, stock - mid) * (1 - CLAMP_MARGIN));
  return unitPriceCents(terms, pushedFactorBps(spec, level, reference, pressure + mid) / 10_000);
}
