/**
 * Regional used markets (issue #13 §2). Used machines are for sale where they stand: each region holds
 * a stock per efficiency tier (TH/s). Stock comes in from the rest of the world's fleet there (routine
 * churn; machines a halving or a price fall switched off; a ban's idle machines sold in distress, and a
 * share of every listing sold on towards cheap power: the seed's "gradient trade") and from players'
 * sales; it goes out with purchases and a slow daily drain (export, scrap).
 *
 * Price of one unit = the world's fair price of its tier (usedFairCentsPerTh: no player moves it) × a
 * regional factor from the stock's depth (a glut discounts, scarcity costs a premium) and the buyers'
 * recent pressure there × the lot's condition (wear) + the spread, plus the import duty the machines
 * paid entering the region's country (today's rate on their origin): a used machine in Texas was
 * imported, and its seller wants the duty back, so that buying used there does not sidestep a tariff. A quote for N units walks up the
 * curve as the stock empties. The price is never below the world's bid, which the score marks machines
 * at, so that no purchase raises its buyer's score (score.ts).
 */
import { detPow } from "../math/detmath.ts";
import { createRng } from "../math/rng.ts";
import { roundHalfAway, type Cents } from "../math/money.ts";
import type { AsicModel, RegionSpec, Scenario } from "../scenario/types.ts";
import { tariffBps } from "./logistics/customs.ts";
import { atFullScale } from "./classWorld.ts";
import type { UsedMarketsSpec } from "../scenario/usedMarketSpec.ts";
import { lotThs } from "./fleet.ts";
import { USED_TIERS, usedFairCentsPerTh, usedTierOf } from "./market.ts";
import type { GameState, RegionState, RegionUsedMarket, UsedMarketsState } from "./state.ts";
import { conditionBps, failureBpsPerYear, usedAgeDays } from "./usedMarketWear.ts";

/** Slices a quote is walked in: enough for a smooth curve, few enough for a cheap quote. */
export const QUOTE_SLICES = 16;

/** The markets on day 0: each region's stock at its steady state (churn in = drain out). */
export function initialUsedMarkets(
  scenario: Scenario,
  regions: RegionState[],
  seed: number,
): UsedMarketsState {
  return {
    rng: createRng(seed, "usedMarkets"),
    regions: regions.map((r) => ({
      region: r.id,
      stockThs: USED_TIERS.map((_, t) => (r.policy === "banned" ? 0 : steadyStockThs(scenario, r, t))),
      pressureThs: USED_TIERS.map(() => 0),
    })),
  };
}

/**
 * The used tier of a rest-of-world tier's best machines. A world tier's machines fall in two used tiers,
 * half each: its own (usedTierOf) and that of its best machines: a world tier is a vintage's average
 * (the world installs machines about 15% behind the best on sale, world.ts newFleetEfficiency), so half
 * its units are as good as j / 1.15. Asked for every world tier of every region every day.
 */
export function bestUsedTierOfWorld(jPerTh: number): number {
  return usedTierOf(jPerTh / 1.15);
}

/** TH/s of one used tier the rest of the world has installed in a region. */
export function installedInTier(region: RegionState, tier: number): number {
  let ths = 0;
  for (const t of region.rowTiers) {
    if (usedTierOf(t.jPerTh) === tier) ths += t.installedThs / 2;
    if (bestUsedTierOfWorld(t.jPerTh) === tier) ths += t.installedThs / 2;
  }
  return ths;
}

/** The stock a normal year's churn keeps for sale: installed × churn / drain. */
function steadyStockThs(scenario: Scenario, region: RegionState, tier: number): number {
  const spec = scenario.usedMarkets;
  return (installedInTier(region, tier) * spec.churnBpsPerDay) / Math.max(1, spec.drainBpsPerDay);
}

/** The stock at which the regional factor is 1 (neither glut nor scarcity), TH/s. */
export function referenceStockThs(state: GameState, r: number, tier: number): number {
  const region = state.world.regions[r] as RegionState;
  const steady = atFullScale(state, steadyStockThs(state.scenario, region, tier));
  return Math.max(state.scenario.usedMarkets.referenceFloorThs, steady);
}

/**
 * referenceStockThs for every tier of region `r` at once, in one pass over the world's tiers: the same
 * additions in the same order as tier by tier, so the same numbers. For a caller quoting many models in
 * one region on one day (the bots' world memo).
 */
export function referenceStocksThs(state: GameState, r: number): number[] {
  const region = state.world.regions[r] as RegionState;
  const installed = USED_TIERS.map(() => 0);
  for (const t of region.rowTiers) {
    const own = usedTierOf(t.jPerTh);
    const best = bestUsedTierOfWorld(t.jPerTh);
    installed[own] = (installed[own] as number) + t.installedThs / 2;
    installed[best] = (installed[best] as number) + t.installedThs / 2;
  }
  const spec = state.scenario.usedMarkets;
  return installed.map((ths) =>
    Math.max(
      spec.referenceFloorThs,
      atFullScale(state, (ths * spec.churnBpsPerDay) / Math.max(1, spec.drainBpsPerDay)),
    ),
  );
}

/** The regional factor, basis points, at a stock and a buyers' pressure (both TH/s). */
export function regionalFactorBps(
  spec: UsedMarketsSpec,
  reference: number,
  stock: number,
  pressure: number,
): number {
  return pushedFactorBps(spec, depthLevelBps(spec, reference, stock), reference, pressure);
}

/** Depth sets the level within its bounds (a glut discounts, scarcity costs a premium), basis points. */
function depthLevelBps(spec: UsedMarketsSpec, reference: number, stock: number): number {
  return boundedBps(spec, depthBps(spec, reference, stock));
}

/** The depth's level before the bounds, basis points (a fraction: not rounded). */
export function depthBps(spec: UsedMarketsSpec, reference: number, stock: number): number {
  return detPow(reference / Math.max(stock, reference / 100), spec.elasticity) * 10_000;
}

export function boundedBps(spec: UsedMarketsSpec, bps: number): number {
  return Math.min(spec.maxFactorBps, Math.max(spec.minFactorBps, bps));
}

/** The buyers' pressure then lifts the level, so that buying always costs the next buyer more, even in a glut. */
export function pushedFactorBps(
  spec: UsedMarketsSpec,
  level: number,
  reference: number,
  pressure: number,
): number {
  const pushed = level * (1 + (spec.pressureBps / 10_000) * (pressure / reference));
  return Math.round(Math.min(spec.maxFactorBps, pushed));
}

/**
 * Margin by which a slice's depth must clear a bound for a whole quote to share it (clampedLevelBps):
 * far wider than detPow's error of a few ulps, so that the rule holds for the computed numbers too.
 */
export const CLAMP_MARGIN = 1e-9;

/** What clampedLevelBps found: the shared level or null, and the end slices' depths it worked out (or NaN). */
interface EndDepths {
  clamped: number | null;
  first: number;
  last: number;
}

/**
 * The level every slice of a quote has when the whole curve sits at one bound, else null. A quote's
 * slices draw the stock down, so their depth only rises from the first slice to the last (x^e rises
 * with x for e > 0): a last slice clear below the floor puts every slice on the floor (a glut), a
 * first slice clear above the cap puts every slice on the cap. Two powers instead of one per slice;
 * and where the curve is not clamped, the walk reuses them for the first and last slices (depthBps of
 * the same stocks: the same numbers).
 */
function clampedLevelBps(
  curve: UsedCurve,
  depths: number[] | null,
  slices: number,
  firstStock: number,
  lastStock: number,
): EndDepths {
  const spec = curve.spec;
  if (!(spec.elasticity > 0)) return { clamped: null, first: NaN, last: NaN };
  const last = depthAt(curve, depths, slices - 1, lastStock);
  if (last <= spec.minFactorBps * (1 - CLAMP_MARGIN)) return { clamped: spec.minFactorBps, first: NaN, last };
  const first = depthAt(curve, depths, 0, firstStock);
  if (first >= spec.maxFactorBps * (1 + CLAMP_MARGIN)) return { clamped: spec.maxFactorBps, first, last };
  return { clamped: null, first, last };
}

/** Slice `s`'s level: the clamped level, else an end slice's depth already worked out, else its own. */
function sliceLevelBps(
  curve: UsedCurve,
  depths: number[] | null,
  ends: EndDepths | null,
  s: number,
  slices: number,
  stock: number,
): number {
  const spec = curve.spec;
  if (ends) {
    if (ends.clamped !== null) return ends.clamped;
    if (s === 0 && !Number.isNaN(ends.first)) return boundedBps(spec, ends.first);
    if (s === slices - 1 && !Number.isNaN(ends.last)) return boundedBps(spec, ends.last);
  }
  return boundedBps(spec, depthAt(curve, depths, s, stock));
}

/**
 * depthBps at slice `s`'s stock: taken from `depths` (by slice, NaN where not yet worked out) when a
 * caller sizing a lot has worked it out already for its bounds (usedLotDepth.ts), and kept there.
 * Either way the same function of the same stock: the same number.
 */
function depthAt(curve: UsedCurve, depths: number[] | null, s: number, stock: number): number {
  if (depths === null) return depthBps(curve.spec, curve.reference, stock);
  let d = depths[s] as number;
  if (Number.isNaN(d)) d = depths[s] = depthBps(curve.spec, curve.reference, stock);
  return d;
}

export function usedMarketOf(state: GameState, r: number): RegionUsedMarket | undefined {
  return state.usedMarkets.regions[r];
}

/** What a used purchase would be: its price, the stock it draws on, the machines' condition. */
export interface UsedLotQuote {
  /** Total price, cents, and the average per unit. */
  totalCents: Cents;
  unitCents: Cents;
  /** Units of this model the region's stock of its tier holds (whole units). */
  stockUnits: number;
  ageDays: number;
  /** Price kept for the machines' wear, basis points of a new-condition unit. */
  conditionBps: number;
  /** Chance a unit fails in a year at today's age, basis points. */
  failureBpsPerYear: number;
  /** Import duty on the machines' origin in the region's country today, in the price, basis points. */
  dutyBps: number;
}

/** Units of `model` the region's stock of its tier holds. */
export function stockUnits(state: GameState, r: number, model: AsicModel): number {
  const market = usedMarketOf(state, r);
  if (!market) return 0;
  const stock = market.stockThs[usedTierOf(model.efficiencyJPerTh)] as number;
  return Math.floor(stock / lotThs(model, 1) + 1e-9);
}

/** What a used quote of `model` in region `r` prices every unit with, whatever the lot's size. */
export interface UsedUnitTerms {
  unitThs: number;
  fair: number;
  spread: number;
  ageDays: number;
  condition: number;
  dutyBps: number;
  landed: number;
  /** Never below the world's bid for the unit: the score's mark (see the file's header). */
  floorUnit: number;
}

export function usedUnitTerms(state: GameState, r: number, model: AsicModel, tier: number): UsedUnitTerms {
  const spec = state.scenario.usedMarkets;
  const unitThs = lotThs(model, 1);
  const fair = usedFairCentsPerTh(state, tier);
  const spread = state.scenario.usedMarket.spreadBps / 10_000;
  const ageDays = usedAgeDays(state, model);
  const condition = conditionBps(spec, ageDays);
  const country = (state.scenario.regions[r] as RegionSpec).country;
  const dutyBps = tariffBps(state, country, model.origin);
  const landed = 1 + dutyBps / 10_000;
  const floorUnit = Math.ceil(fair * unitThs * (1 - spread));
  return { unitThs, fair, spread, ageDays, condition, dutyBps, landed, floorUnit };
}

/** One unit's price at a regional factor (a fraction), cents: the same product for every quote. */
export function unitPriceCents(t: UsedUnitTerms, factor: number): number {
  const unit = roundHalfAway(
    t.fair * t.unitThs * factor * (t.condition / 10_000) * (1 + t.spread) * t.landed,
  );
  return Math.max(t.floorUnit, unit);
}

/**
 * What every quote of `model` in region `r` today reads, whatever its size: the market's tier, stock,
 * pressure and reference stock, and the unit terms. Worked out once, it prices any number of lot sizes
 * (curveTotalCents) with the very numbers quoteUsedLot would use: for a buyer sizing a lot (usedLotDepth.ts).
 */
export interface UsedCurve {
  spec: UsedMarketsSpec;
  terms: UsedUnitTerms;
  reference: number;
  stock: number;
  pressure: number;
  /** Whole units of the model the tier's stock holds (stockUnits). */
  available: number;
}

/** The curve of `model` in region `r` (null where the region has no market); `referenceThs` as for quoteUsedLot. */
export function usedCurve(
  state: GameState,
  r: number,
  model: AsicModel,
  referenceThs?: number,
): UsedCurve | null {
  const market = usedMarketOf(state, r);
  if (!market) return null;
  const tier = usedTierOf(model.efficiencyJPerTh);
  return {
    spec: state.scenario.usedMarkets,
    terms: usedUnitTerms(state, r, model, tier),
    reference: referenceThs ?? referenceStockThs(state, r, tier),
    stock: market.stockThs[tier] as number,
    pressure: market.pressureThs[tier] as number,
    available: stockUnits(state, r, model),
  };
}

/** Units in slice `s` of a quote of `quantity` units cut in `slices`: the first ones take the remainder. */
export function sliceUnits(quantity: number, slices: number, s: number): number {
  return Math.floor(quantity / slices) + (s < quantity % slices ? 1 : 0);
}

/**
 * A quote's total for `quantity` units (1 ≤ quantity ≤ available) on `curve`, cents, walking up it.
 * `depths`: the slices' depths (depthBps at each slice's stock, NaN where not known; at least one entry
 * per slice), read where known and filled in where not; null: none kept.
 */
export function curveTotalCents(curve: UsedCurve, quantity: number, depths: number[] | null = null): number {
  const { spec, terms, reference, stock, pressure } = curve;
  const unitThs = terms.unitThs;
  const slices = Math.min(quantity, QUOTE_SLICES);
  // The first and last slices' mid-points, as the walk below finds them (whole units taken before).
  const lastUnits = sliceUnits(quantity, slices, slices - 1);
  const ends =
    slices > 2
      ? clampedLevelBps(
          curve,
          depths,
          slices,
          stock - (sliceUnits(quantity, slices, 0) / 2) * unitThs,
          stock - (quantity - lastUnits + lastUnits / 2) * unitThs,
        )
      : null;
  let total = 0;
  let taken = 0;
  for (let s = 0; s < slices; s++) {
    const units = sliceUnits(quantity, slices, s);
    const mid = (taken + units / 2) * unitThs;
    const level = sliceLevelBps(curve, depths, ends, s, slices, stock - mid);
    const factor = pushedFactorBps(spec, level, reference, pressure + mid) / 10_000;
    total += units * unitPriceCents(terms, factor);
    taken += units;
  }
  return total;
}

/**
 * A quote for `quantity` units of `model` in region `r`, walking up the curve; null beyond the stock.
 * `referenceThs`: the tier's referenceStockThs when the caller has it already (referenceStocksThs,
 * worked out today): for speed only.
 */
export function quoteUsedLot(
  state: GameState,
  r: number,
  model: AsicModel,
  quantity: number,
  referenceThs?: number,
): UsedLotQuote | null {
  // Refused before the curve is made: bots ask for lots larger than many markets hold.
  if (quantity <= 0 || quantity > stockUnits(state, r, model)) return null;
  const curve = usedCurve(state, r, model, referenceThs);
  if (!curve) return null;
  const total = curveTotalCents(curve, quantity);
  const terms = curve.terms;
  return {
    totalCents: total,
    unitCents: Math.round(total / quantity),
    stockUnits: curve.available,
    ageDays: terms.ageDays,
    conditionBps: terms.condition,
    failureBpsPerYear: failureBpsPerYear(curve.spec, terms.ageDays),
    dutyBps: terms.dutyBps,
  };
}

/**
 * The least unit price (unitCents) any quote of `model` in region `r` can give, cents, found without
 * walking the curve: every slice's regional factor is at least the scenario's minimum (a glut's floor;
 * buyers' pressure only lifts it), and the unit price rises with the factor. A buyer comparing markets
 * uses it to skip those that cannot beat the best it has quoted (quoting is the costly part).
 */
export function usedUnitFloorCents(state: GameState, r: number, model: AsicModel): number {
  const terms = usedUnitTerms(state, r, model, usedTierOf(model.efficiencyJPerTh));
  return unitPriceCents(terms, state.scenario.usedMarkets.minFactorBps / 10_000);
}

/** A purchase takes machines out of the region's stock and adds to its buyers' pressure. */
export function takeUsedStock(state: GameState, r: number, model: AsicModel, quantity: number): void {
  const market = usedMarketOf(state, r);
  if (!market) return;
  const tier = usedTierOf(model.efficiencyJPerTh);
  const ths = lotThs(model, quantity);
  market.stockThs[tier] = Math.max(0, (market.stockThs[tier] as number) - ths);
  market.pressureThs[tier] = (market.pressureThs[tier] as number) + ths;
}

/** A player's sale lists the machines in the region where they stood. */
export function listUsedStock(state: GameState, region: string, model: AsicModel, quantity: number): void {
  const market = state.usedMarkets.regions.find((m) => m.region === region);
  if (!market) return;
  const tier = usedTierOf(model.efficiencyJPerTh);
  market.stockThs[tier] = (market.stockThs[tier] as number) + lotThs(model, quantity);
}

/** The open region whose used market holds the most units of `model` (its id), or null if none holds one. */
export function deepestUsedMarket(state: GameState, model: AsicModel): string | null {
  let best: string | null = null;
  let most = 0;
  state.world.regions.forEach((region, r) => {
    const units = region.policy === "banned" ? 0 : stockUnits(state, r, model);
    if (units > most) [best, most] = [region.id, units];
  });
  return best;
}
