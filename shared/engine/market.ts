/**
 * Prices: BTC (historical series or a seeded model), fees per block, hashprice, the factory's price per
 * TH/s and the used-machine index. Every quote a player, a bot or the server needs comes from here.
 */
import { blockSubsidySats } from "../bitcoin/index.ts";
import { detExp, detPow } from "../math/detmath.ts";
import { sampleNormal } from "../math/random.ts";
import { roundHalfAway, type Cents } from "../math/money.ts";
import { formatIsoDate } from "../math/calendar.ts";
import type { AsicModel, Scenario } from "../scenario/types.ts";
import type { EngineCaches } from "./caches.ts";
import { scenarioIndex } from "./lookup.ts";
import type { GameState, MarketState } from "./state.ts";
import { FULL_SCALE_PPM, scaledReward, worldScalePpm } from "./classWorld.ts";
import { markMachinePrices, usedBasisMicroUsd } from "./machinePrice.ts";

/** Used-market efficiency tiers: upper bounds in J/TH (the last tier is open-ended). */
export const USED_TIERS: readonly number[] = [20, 30, 40, 60, 90, Infinity];

export function usedTierOf(jPerTh: number): number {
  for (let i = 0; i < USED_TIERS.length; i++) if (jPerTh < (USED_TIERS[i] as number)) return i;
  return USED_TIERS.length - 1;
}

/** Representative efficiency of a tier, for pricing (midpoint; the open tier uses 110 J/TH). */
const TIER_EFFICIENCY = [17, 25, 35, 50, 75, 110];

const HASHPRICE_SMOOTHING_DAYS = 30;
const TRADING_DAYS_PER_YEAR = 365;

/** Today's BTC price in cents, advancing the model by one day. */
export function advancePrice(state: GameState): Cents {
  const model = state.scenario.price;
  const market = state.market;
  const rng = state.rng.market;
  if (model.kind === "historical") {
    const base = model.dailyCents[Math.min(state.tick, model.dailyCents.length - 1)] as number;
    if (model.noiseBps === 0) return base;
    // Mean-reverting noise in log space (AR(1), half-life ~ a week) so the series keeps its shape.
    const sigma = model.noiseBps / 10_000;
    market.priceLogOffset = 0.9 * market.priceLogOffset + sigma * sampleNormal(rng);
    return Math.max(1, roundHalfAway(base * detExp(market.priceLogOffset)));
  }
  const dt = 1 / TRADING_DAYS_PER_YEAR;
  const mu = model.driftAnnualBps / 10_000;
  const vol = model.volatilityAnnualBps / 10_000;
  market.priceLogOffset += (mu - (vol * vol) / 2) * dt + vol * Math.sqrt(dt) * sampleNormal(rng);
  return Math.max(1, roundHalfAway(model.startCents * detExp(market.priceLogOffset)));
}

/** Today's fees per block in satoshis. */
export function feesForDay(state: GameState): number {
  // A class-sized world's blocks carry fees at its scale (classWorld.ts); at full scale, the figure itself.
  return scaledReward(scenarioFeesForDay(state), worldScalePpm(state));
}

function scenarioFeesForDay(state: GameState): number {
  const model = state.scenario.fees;
  if (model.kind === "historical") {
    return model.dailySatsPerBlock[Math.min(state.tick, model.dailySatsPerBlock.length - 1)] as number;
  }
  const vol = model.volatilityBps / 10_000;
  const factor = detExp(vol * sampleNormal(state.rng.market) - (vol * vol) / 2);
  return Math.max(0, roundHalfAway(model.meanSatsPerBlock * factor));
}

/**
 * Hashprice: expected revenue of one TH/s for one day at the current target, subsidy of the next block
 * plus today's fees. Returned in milli-satoshis and micro-USD.
 */
export function computeHashprice(
  hashesPerBlock: number,
  nextHeight: number,
  feesSatsPerBlock: number,
  priceCents: Cents,
  scalePpm: number = FULL_SCALE_PPM,
): { milliSats: number; microUsd: number } {
  const rewardSats = scaledReward(blockSubsidySats(nextHeight), scalePpm) + feesSatsPerBlock;
  const blocksPerThDay = (86_400 * 1e12) / hashesPerBlock;
  const sats = rewardSats * blocksPerThDay;
  return {
    milliSats: Math.round(sats * 1000),
    // sats × (cents/BTC) / 1e8 = cents; × 1e4 = micro-USD.
    microUsd: Math.round((sats * priceCents) / 10_000),
  };
}

/** Daily power cost of one TH/s at `jPerTh` and a power price in micro-USD per kWh, in micro-USD. */
export function powerCostMicroUsdPerThDay(jPerTh: number, powerPrice: number): number {
  return ((jPerTh * 24) / 1000) * powerPrice;
}

/** Best (lowest) efficiency among the models on sale today, J/TH. */
export function bestEfficiency(scenario: Scenario, day: number, caches: EngineCaches): number {
  // A pure function of the (unchanging) scenario and the day: the last answer is kept in the scenario's
  // index, since the daily step and every quote of the day ask for the same day.
  const index = scenarioIndex(scenario, caches);
  if (index.bestDay === day) return index.bestJPerTh;
  let best = Infinity;
  for (const m of scenario.asics)
    if (m.releaseDay <= day && m.efficiencyJPerTh < best) best = m.efficiencyJPerTh;
  index.bestDay = day;
  index.bestJPerTh = best;
  return best;
}

/**
 * The factory's discount for an older model: (best / model efficiency) ^ exponent, a deterministic power
 * that is slow to compute. It depends on those three numbers alone, and a game meets only a few of
 * them (one per model and best machine on sale), so each is computed once and kept in the caches: the
 * same function of the same numbers, hence the same figure.
 */
export function efficiencyDiscount(
  bestJPerTh: number,
  modelJPerTh: number,
  exponent: number,
  caches: EngineCaches,
): number {
  const ratio = Number.isFinite(bestJPerTh) ? bestJPerTh / modelJPerTh : 1;
  const discounts = caches.discounts;
  let byRatio = discounts.get(exponent);
  if (!byRatio) discounts.set(exponent, (byRatio = new Map()));
  let d = byRatio.get(ratio);
  if (d === undefined) byRatio.set(ratio, (d = detPow(ratio, exponent)));
  return d;
}

export function isReleased(model: AsicModel, day: number): boolean {
  return model.releaseDay <= day;
}

/**
 * Whether factories still make `model` new on `day`: released, and within the scenario's production
 * life (a generation is made for a couple of years, then replaced; after that it is sold only used).
 */
export function madeNew(state: Pick<GameState, "scenario">, model: AsicModel, day: number): boolean {
  const life = state.scenario.factory.productionDays;
  return isReleased(model, day) && (life === null || day < model.releaseDay + life);
}

/** The last day factories make `model` new (ISO), or null when the scenario sets no production life. */
export function madeUntilDate(state: Pick<GameState, "scenario">, model: AsicModel): string | null {
  const life = state.scenario.factory.productionDays;
  return life === null ? null : formatIsoDate(model.releaseDay + life - 1);
}

/**
 * Factory price of one unit, cents: the price per TH/s of the best machine, scaled by how much less
 * efficient this model is (older models sell at a discount), never below the floor, and never below
 * what the used market asks for the same machine: a factory does not sell new units cheaper than
 * second-hand ones, which would let anyone buy new and sell used at a profit.
 */
export function factoryUnitPriceCents(state: GameState, model: AsicModel, caches: EngineCaches): Cents {
  const scenario = state.scenario;
  const best = bestEfficiency(scenario, state.day, caches);
  const discount = efficiencyDiscount(
    best,
    model.efficiencyJPerTh,
    scenario.factory.efficiencyExponent,
    caches,
  );
  const perTh = Math.max(scenario.factory.floorCentsPerTh, state.market.factoryCentsPerTh * discount);
  return Math.max(roundHalfAway((perTh * model.hashrateGhs) / 1000), usedAskUnitCents(state, model));
}

/** Used-market bid for one unit of `model`, cents, after the spread (what a seller receives). */
export function usedBidUnitCents(state: GameState, model: AsicModel): Cents {
  const tier = usedTierOf(model.efficiencyJPerTh);
  const perTh = state.market.usedCentsPerTh[tier] as number;
  const spread = state.scenario.usedMarket.spreadBps / 10_000;
  return roundHalfAway(((perTh * model.hashrateGhs) / 1000) * (1 - spread));
}

/**
 * Used-market ask for one unit, cents: the index plus the spread (what outside sellers charge), never
 * below the world's bid for the unit (see usedFairCentsPerTh). Outside sellers do not let a player buy
 * below what the score marks the machine at: otherwise a purchase on the last day, after a rival's dump
 * sank the index, would raise the buyer's score by more than it cost.
 */
export function usedAskUnitCents(state: GameState, model: AsicModel): Cents {
  const tier = usedTierOf(model.efficiencyJPerTh);
  const spread = state.scenario.usedMarket.spreadBps / 10_000;
  const ask = roundHalfAway(
    (((state.market.usedCentsPerTh[tier] as number) * model.hashrateGhs) / 1000) * (1 + spread),
  );
  const floor = Math.ceil(((usedFairCentsPerTh(state, tier) * model.hashrateGhs) / 1000) * (1 - spread));
  return Math.max(ask, floor);
}

/**
 * The world's used price of a tier, cents per TH/s: what the used index would be without the players'
 * own trades (their pressure), i.e. `horizonDays` of margin at the reference power price, floored at
 * scrap. A pure function of the used basis (the remembered hashprice with the halving foreseen,
 * machinePrice.ts), which the daily mark has already set: the index is
 * this price moved by the players' pressure. The score marks machines here, so that no company's
 * trade (its own purchase, a rival's dump) moves the mark.
 */
export function usedFairCentsPerTh(state: GameState, tier: number): Cents {
  const used = state.scenario.usedMarket;
  const eff = TIER_EFFICIENCY[tier] as number;
  const margin = usedBasisMicroUsd(state.market) - powerCostMicroUsdPerThDay(eff, used.referencePowerPrice);
  return Math.max(used.scrapCentsPerTh, roundHalfAway((margin * used.horizonDays) / 10_000));
}

/**
 * How far players' trades move the used index, TH/s: the index is multiplied by 1 / (1 + pressure / scale),
 * so selling 50,000 TH/s into a tier halves it until the pressure decays (5% a day).
 */
const USED_PRESSURE_SCALE_THS = 50_000;
/** Buying can at most double a tier's index (selling can at most take it to scrap). */
const MAX_BUY_IMPACT = 2;

/** Records players selling into the used market: the tier's index falls at the next mark. */
export function pushUsedSupply(state: GameState, model: AsicModel, quantity: number): void {
  const tier = usedTierOf(model.efficiencyJPerTh);
  state.market.usedPressureThs[tier] =
    (state.market.usedPressureThs[tier] as number) + (model.hashrateGhs * quantity) / 1000;
}

/**
 * Records players buying from the used market: the mirror of a sale in the index's own terms (a sale
 * of x TH/s divides the impact by 1 + x/scale, a purchase multiplies it by the same), so buying back
 * what was just sold restores the index exactly.
 */
export function pushUsedDemand(state: GameState, model: AsicModel, quantity: number): void {
  const tier = usedTierOf(model.efficiencyJPerTh);
  const pressure = state.market.usedPressureThs[tier] as number;
  const impact = 1 / (1 + pressure / USED_PRESSURE_SCALE_THS);
  const ths = (model.hashrateGhs * quantity) / 1000;
  const raised = Math.min(MAX_BUY_IMPACT, impact * (1 + ths / USED_PRESSURE_SCALE_THS));
  state.market.usedPressureThs[tier] = USED_PRESSURE_SCALE_THS * (1 / raised - 1);
}

/** Mark-to-market value of one unit (the index, without the spread): for equity. */
export function usedValueUnitCents(state: GameState, model: AsicModel): Cents {
  const tier = usedTierOf(model.efficiencyJPerTh);
  return roundHalfAway(((state.market.usedCentsPerTh[tier] as number) * model.hashrateGhs) / 1000);
}

/** Recomputes hashprice, its average, the factory price and the used index after a day. */
export function updatePrices(state: GameState): void {
  const m: MarketState = state.market;
  const scenario = state.scenario;
  const hp = computeHashprice(
    state.chain.hashesPerBlock,
    state.chain.height + 1,
    m.feesSatsPerBlock,
    m.priceCents,
    worldScalePpm(state),
  );
  m.hashpriceMicroUsd = hp.microUsd;
  m.hashpriceMilliSats = hp.milliSats;
  const alpha = 1 / HASHPRICE_SMOOTHING_DAYS;
  m.hashpriceAvgMicroUsd =
    m.hashpriceAvgMicroUsd === 0
      ? hp.microUsd
      : m.hashpriceAvgMicroUsd + alpha * (hp.microUsd - m.hashpriceAvgMicroUsd);
  // Factory and used prices' basis: the remembered hashprice, with the next halving foreseen
  // (machinePrice.ts); a buyer of the best machine pays `paybackDays` of it per TH/s.
  markMachinePrices(state);
  const basis = usedBasisMicroUsd(m);
  // Used index: a buyer pays for `horizonDays` of margin at a reference power price, floored at scrap,
  // pushed down by recent net selling from players (their trades move the index), which decays.
  const used = scenario.usedMarket;
  for (let tier = 0; tier < TIER_EFFICIENCY.length; tier++) {
    const eff = TIER_EFFICIENCY[tier] as number;
    const margin = basis - powerCostMicroUsdPerThDay(eff, used.referencePowerPrice);
    // (Unrounded here, as it always was; usedFairCentsPerTh rounds the same figure.)
    const fair = Math.max(used.scrapCentsPerTh, (margin * used.horizonDays) / 10_000);
    const pressure = m.usedPressureThs[tier] as number;
    const impact = 1 / (1 + pressure / USED_PRESSURE_SCALE_THS);
    m.usedCentsPerTh[tier] = Math.max(used.scrapCentsPerTh, roundHalfAway(fair * impact));
    m.usedPressureThs[tier] = pressure * 0.95;
  }
}
