/**
 * How fast the rest of the world's machines follow their breakeven (breakeven.ts; issue #16, halving
 * drops). Switching a machine off is one click and stops a loss today, so at a sudden fall in hashprice
 * (a halving, a crash) the machines it makes unprofitable stop at once; ordinary day-to-day moves, and
 * every restart, are followed over the scenario's `world.responseDays` (miners wait to see a better price
 * hold before they plug machines back in, and look through a day's noise). Before this rule every move
 * took responseDays, so at a halving the old machines were still switching off when the next retarget
 * (about a week later) raised hashprice again: the 2020 drop came out at -13.5% against a real -22.1%.
 */
import type { GameState, RegionState } from "./state.ts";
import type { EngineCaches } from "./caches.ts";
import { regionKwhCosts, tierTarget } from "./breakeven.ts";

/**
 * A fall in hashprice counts as sudden when today's is below this share of its 30-day average
 * (market.ts hashpriceAvgMicroUsd). Estimate: a halving takes up to half off hashprice at once (half the
 * subsidy, less where fees make up the difference), while a day's move in the game's hashprice is a few
 * percent; a fifth is well clear of both. (Reference market-history.csv shows hashprice below $0.05 by
 * 2024-04-29, nine days after the April 2024 halving; its $0.18 on the halving day itself is the Runes
 * fee spike, not the level before, so it is no measure of the cut.)
 */
export const SUDDEN_FALL_RATIO = 0.8;

/** Whether today's hashprice has fallen suddenly (see SUDDEN_FALL_RATIO). */
export function suddenFall(state: GameState): boolean {
  return state.market.hashpriceMicroUsd < SUDDEN_FALL_RATIO * state.market.hashpriceAvgMicroUsd;
}

/** Moves each tier of region `index` towards the share that pays at today's hashprice. */
export function respondToProfit(
  state: GameState,
  region: RegionState,
  index: number,
  caches: EngineCaches,
): void {
  const hashprice = state.market.hashpriceMicroUsd;
  const costs = regionKwhCosts(state, index, caches);
  const step = 1 / Math.max(1, state.scenario.world.responseDays);
  const sudden = suddenFall(state);
  for (const tier of region.rowTiers) {
    const target = tierTarget(hashprice, tier.jPerTh, costs);
    // Down at once after a sudden fall; otherwise (and always back up) over responseDays.
    tier.running += sudden && target < tier.running ? target - tier.running : (target - tier.running) * step;
  }
}
