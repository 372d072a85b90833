/**
 * Sizing a used lot by the market's depth (the bots' buy.ts): the largest lot, up to a cap, whose quote
 * averages at most a ceiling per unit, found by halving the range of sizes, with its total. The
 * search is the plain one over quoteUsedLot (the same sizes tried in the same order, the same answer),
 * made cheaper two ways:
 *
 * - The curve (unit terms, stock, pressure, reference stock) is worked out once for the whole search
 *   (usedMarket.ts usedCurve), not once per size tried.
 * - A size is often settled without working out all of its 16 slices' depths (a power each, the costly
 *   part of a quote): bounds on its total, from a few slices, often put the average unit price clearly
 *   above or within the ceiling; else the bounds are refined, and only if they never settle it is the
 *   quote walked, reusing every depth worked out for the bounds (no power is worked out twice).
 *
 * Why the bounds hold: a quote's slices draw the stock down and add to the buyers' pressure, so (for an
 * elasticity above 0 and a pressure that lifts prices) every slice at or after slice c has a depth and a
 * pressure at least slice c's, and every slice up to c at most c's; the unit price never falls as either
 * rises (Math.round, min and max keep order; see usedQuoteBound.ts). Slice c's depth lowered (raised) by
 * CLAMP_MARGIN, far more than detPow's error of a few ulps, gives a unit price at most (at least) that of
 * every slice after (before) it as computed, so the sums over the slices bound the quote's total, and
 * the rounded average of a total between two whole-cent totals lies between their rounded averages.
 */
import type { AsicModel } from "../scenario/types.ts";
import type { GameState } from "./state.ts";
import {
  boundedBps,
  CLAMP_MARGIN,
  curveTotalCents,
  depthBps,
  pushedFactorBps,
  QUOTE_SLICES,
  sliceUnits,
  stockUnits,
  unitPriceCents,
  usedCurve,
  type UsedCurve,
} from "./usedMarket.ts";

/** A used lot's size and its quote's total, cents (0 units: none fits). */
export interface UsedLotSize {
  units: number;
  totalCents: number;
}

/** No lot. */
const NONE: Readonly<UsedLotSize> = Object.freeze({ units: 0, totalCents: 0 });

/**
 * The largest lot of `model` in region `r`, at most `maxUnits`, whose quoteUsedLot unitCents is at most
 * `ceilingCents`, and its totalCents: what halving the range [0, min(maxUnits, stock)] with a quote per
 * size tried finds. Or no lot (0 units) as soon as that lot surely costs less than `leastCents`, which
 * the buyer would not buy (0: always the lot). `referenceThs` as for quoteUsedLot (speed only).
 */
export function usedLotWithin(
  state: GameState,
  r: number,
  model: AsicModel,
  maxUnits: number,
  ceilingCents: number,
  referenceThs?: number,
  leastCents = 0,
): Readonly<UsedLotSize> {
  let lo = 0;
  let loTotal = 0;
  // The depths worked out for the size accepted last: its walk below reuses them.
  let loDepths: number[] | null = null;
  let hi = Math.min(maxUnits, stockUnits(state, r, model));
  if (hi < 1 || belowLeast(hi, ceilingCents, leastCents)) return NONE;
  // At least one unit in stock: the region has a market.
  const curve = usedCurve(state, r, model, referenceThs) as UsedCurve;
  // The bounds' reasoning needs a depth that rises along the lot and a pressure that lifts prices (the
  // scenario schema's ranges; the bounds of the factor in order, as the clamped walk assumes).
  const spec = curve.spec;
  const bounded = spec.elasticity > 0 && spec.pressureBps >= 0 && spec.minFactorBps <= spec.maxFactorBps;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const tried = trySize(curve, mid, ceilingCents, bounded);
    if (tried.fits) {
      lo = mid;
      loTotal = tried.total;
      loDepths = tried.depths;
    } else {
      hi = mid - 1;
      if (belowLeast(hi, ceilingCents, leastCents)) return NONE;
    }
  }
  // Accepted on its bounds alone: its total is walked now (lo ≥ 1 here; 0 units keep 0 cents).
  if (Number.isNaN(loTotal)) loTotal = curveTotalCents(curve, lo, loDepths);
  return { units: lo, totalCents: loTotal };
}

/**
 * Whether every lot of at most `hi` units within the ceiling costs less than `leastCents`: a lot of n
 * units averaging (rounded) at most the ceiling costs less than (ceiling + ½) × n; the bound is widened
 * to ceiling + 1, and by a billionth, so that no rounding of the float products can matter.
 */
function belowLeast(hi: number, ceilingCents: number, leastCents: number): boolean {
  return (ceilingCents + 1) * hi * (1 + 1e-9) < leastCents;
}

/**
 * Whether a quote of `quantity` units averages within the ceiling, its total when it was walked (else
 * NaN), and its slices' depths as far as they were worked out (NaN where not), for a later walk of it.
 */
function trySize(
  curve: UsedCurve,
  quantity: number,
  ceilingCents: number,
  bounded: boolean,
): { fits: boolean; total: number; depths: number[] } {
  const slices = Math.min(quantity, QUOTE_SLICES);
  const depths = new Array<number>(slices).fill(NaN);
  // Slices every `step` (and the last) bound the total; halving the step refines the bounds.
  for (let step = QUOTE_SLICES; bounded && step > 1; step >>= 1) {
    if (step < QUOTE_SLICES && step >= slices) continue;
    const b = totalBounds(curve, quantity, slices, step, depths);
    if (Math.round(b.high / quantity) <= ceilingCents) return { fits: true, total: NaN, depths };
    if (Math.round(b.low / quantity) > ceilingCents) return { fits: false, total: NaN, depths };
  }
  const total = curveTotalCents(curve, quantity, depths);
  return { fits: Math.round(total / quantity) <= ceilingCents, total, depths };
}

/**
 * Totals (cents) the quote of `quantity` units lies between, from the slices at multiples of `step` and
 * the last one (the checkpoints): each slice is priced low at the checkpoint at or before it, high at the
 * one at or after it. Depths worked out go into `depths`.
 */
function totalBounds(
  curve: UsedCurve,
  quantity: number,
  slices: number,
  step: number,
  depths: number[],
): { low: number; high: number } {
  const last = slices - 1;
  let low = 0;
  let high = 0;
  let prev = 0;
  let prevLow = endPrice(curve, quantity, slices, 0, depths, 1 - CLAMP_MARGIN);
  high += sliceUnits(quantity, slices, 0) * endPrice(curve, quantity, slices, 0, depths, 1 + CLAMP_MARGIN);
  for (let c = Math.min(step, last); c > 0; c = c === last ? 0 : Math.min(c + step, last)) {
    // Slices prev..c-1 are at least prev's price; slices prev+1..c at most c's.
    low += (unitsBefore(quantity, slices, c) - unitsBefore(quantity, slices, prev)) * prevLow;
    const units = unitsBefore(quantity, slices, c + 1) - unitsBefore(quantity, slices, prev + 1);
    high += units * endPrice(curve, quantity, slices, c, depths, 1 + CLAMP_MARGIN);
    prev = c;
    prevLow = endPrice(curve, quantity, slices, c, depths, 1 - CLAMP_MARGIN);
  }
  low += sliceUnits(quantity, slices, last) * prevLow;
  return { low, high };
}

/** Units in the slices before slice `s` (the walk's units taken before it). */
function unitsBefore(quantity: number, slices: number, s: number): number {
  return s * Math.floor(quantity / slices) + Math.min(s, quantity % slices);
}

/**
 * Slice `s`'s unit price with its depth scaled by `margin` (below 1: a bound from below; above: from
 * above), cents; the depth (the walk's, at the walk's stock for the slice) kept in `depths`.
 */
function endPrice(
  curve: UsedCurve,
  quantity: number,
  slices: number,
  s: number,
  depths: number[],
  margin: number,
): number {
  const { spec, terms, reference, stock, pressure } = curve;
  const mid = (unitsBefore(quantity, slices, s) + sliceUnits(quantity, slices, s) / 2) * terms.unitThs;
  let depth = depths[s] as number;
  if (Number.isNaN(depth)) depth = depths[s] = depthBps(spec, reference, stock - mid);
  const level = boundedBps(spec, depth * margin);
  return unitPriceCents(terms, pushedFactorBps(spec, level, reference, pressure + mid) / 10_000);
}
