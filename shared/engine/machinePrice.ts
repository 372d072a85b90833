/**
 * Machine prices that follow the market the way they really did (issue #16). A buyer pays for what a
 * machine will earn over a horizon (the factory's `paybackDays` for a new one, the used market's
 * `horizonDays` for a used one), priced on two things every miner knew:
 * - prices are sticky on the way down: the hashprice machines are priced on (the market's memory)
 *   moves towards today's hashprice by 1/30 of the gap a day when hashprice is higher (as the 30-day
 *   average does) but only by 1/`memoryDays` when it is lower: list prices, futures and pre-orders were
 *   set months ahead, and in 2022 machine prices fell more slowly than hashprice;
 * - the halving is on the calendar: the part of the horizon after the next halving earns the fees and
 *   half the subsidy, so machines cheapen before a halving (the S17+ list cut of April 2020), and the
 *   memory itself halves its subsidy on the day (the fall was foreseen, not a surprise to be sticky about).
 * New prices (market.ts factoryCentsPerTh, the best machine's price per TH/s) and used prices (the used
 * index and the world's fair price) are set on the same memory, once a day at the mark.
 */
import { blockSubsidySats, daysToNextHalving, halvingsAt } from "../bitcoin/index.ts";
import { roundHalfAway } from "../math/money.ts";
import { scaledReward, worldScalePpm } from "./classWorld.ts";
import type { GameState } from "./state.ts";

/** Days over which the memory catches up with a higher hashprice (the 30-day average's pace). */
const RISE_DAYS = 30;

/**
 * The memory one day on: towards `hashprice` by 1/RISE_DAYS of the gap when it is higher, by
 * 1/memoryDays when it is lower; with nothing remembered yet (0), today's hashprice itself.
 */
export function rememberHashprice(memory: number, hashprice: number, memoryDays: number): number {
  if (!(memory > 0)) return hashprice;
  const days = hashprice > memory ? RISE_DAYS : Math.max(1, memoryDays);
  return memory + (hashprice - memory) / days;
}

/**
 * The share of today's revenue a machine keeps on average over the next `horizonDays`: 1 when no
 * halving falls within them; otherwise the days after the next halving earn the fees and half the
 * subsidy. `height` is the last block mined.
 */
export function halvingOutlook(
  height: number,
  horizonDays: number,
  subsidySats: number,
  feesSats: number,
): number {
  const daysToHalving = daysToNextHalving(height);
  if (!(horizonDays > daysToHalving)) return 1;
  const reward = subsidySats + feesSats;
  const subsidyShare = reward > 0 ? subsidySats / reward : 1;
  return (daysToHalving + (horizonDays - daysToHalving) * (1 - subsidyShare / 2)) / horizonDays;
}

/**
 * A remembered revenue of subsidy + fees brought to the halved subsidy (subsidy / 2 + fees): what the
 * memory becomes on the day the subsidy halves, a foreseen fall rather than a crash to be sticky about.
 */
export function halvedMemory(memory: number, subsidySats: number, feesSats: number): number {
  const reward = subsidySats + feesSats;
  return reward > 0 ? memory * (reward / (2 * subsidySats + feesSats)) : memory;
}

/**
 * The price per TH/s a buyer pays for a machine kept `horizonDays` (in the unit of `memory`, per day):
 * the horizon's revenue on the remembered hashprice, scaled by the halving outlook.
 */
export function horizonValuePerTh(memory: number, outlook: number, horizonDays: number): number {
  return memory * outlook * horizonDays;
}

/** Today's subsidy per block at the game's scale, satoshis (the next block's). */
function subsidyNow(state: GameState): number {
  return scaledReward(blockSubsidySats(state.chain.height + 1), worldScalePpm(state));
}

/**
 * The memory after today's mark: on a halving day first brought to the new subsidy (a remembered
 * revenue of subsidy + fees becomes subsidy / 2 + fees), then moved towards today's hashprice.
 */
function nextMemory(state: GameState): number {
  const m = state.market;
  const chain = state.chain;
  // `|| 0`: a state saved before the field existed remembers nothing yet.
  let memory = m.hashpriceMemoryMicroUsd || 0;
  const halvedToday = halvingsAt(chain.height) > halvingsAt(Math.max(0, chain.height - chain.blocksToday));
  if (halvedToday && memory > 0) memory = halvedMemory(memory, subsidyNow(state), m.feesSatsPerBlock);
  return rememberHashprice(memory, m.hashpriceMicroUsd, state.scenario.factory.memoryDays);
}

/**
 * Today's halving outlook for a machine kept `horizonDays` (see halvingOutlook): the engine prices
 * machines with it, and the bots value a purchase with it (bots/econ.ts), so both foresee one halving.
 */
export function outlookToday(state: GameState, horizonDays: number): number {
  return halvingOutlook(state.chain.height, horizonDays, subsidyNow(state), state.market.feesSatsPerBlock);
}

/**
 * Sets the day's machine prices at the mark (market.ts updatePrices, after today's hashprice): the
 * memory, the factory's price per TH/s of the best machine (`paybackDays` of the pricing hashprice,
 * never below the floor) and the hashprice the used market prices on.
 */
export function markMachinePrices(state: GameState): void {
  const m = state.market;
  const factory = state.scenario.factory;
  m.hashpriceMemoryMicroUsd = nextMemory(state);
  const memory = m.hashpriceMemoryMicroUsd;
  const outlook = outlookToday(state, factory.paybackDays);
  // micro-USD → cents: / 10,000.
  const perTh = horizonValuePerTh(memory, outlook, factory.paybackDays) / 10_000;
  m.factoryCentsPerTh = Math.max(factory.floorCentsPerTh, roundHalfAway(perTh));
  m.usedBasisMicroUsd = memory * outlookToday(state, state.scenario.usedMarket.horizonDays);
}

/** The hashprice the used market prices on, micro-USD per TH/s per day (set at the daily mark). */
export function usedBasisMicroUsd(m: GameState["market"]): number {
  // A state saved before the field existed prices on the 30-day average until its next mark.
  return m.usedBasisMicroUsd || m.hashpriceAvgMicroUsd;
}
