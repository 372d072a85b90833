/**
 * The mining cycle, as a hard bot reads it (issue #14 §1: a hard bot reads the hashprice outlook better
 * than an easy one). What the world's fleet pays for power per TH/s a day is the floor the hashprice
 * returns to: when the hashprice stands many times above it, every miner on Earth is buying machines,
 * and the difficulty they add brings it down (the 2021 boom stood at 5 to 7 times the world's power
 * cost, and halved within a year); near twice the cost (2020 after the halving, 2024-25) it holds.
 * A bot plans with a hashprice cut by how far the boom stands above that normal ratio, the more so the
 * higher its level. (Without it every bot poured its cash into exodus-2021's 2021 peak, a hard one more
 * than an easy one: the easy bot won 70% of those games.)
 */
import { powerPriceToday } from "../engine/regions.ts";
import { detPow } from "../math/detmath.ts";
import type { GameState, RegionState, RestOfWorldTier } from "../engine/state.ts";
import type { EngineCaches } from "../engine/caches.ts";

/** Hashprice over the world fleet's power cost that a market holds (about its 2020 and 2024-25 level). */
const NORMAL_RATIO = 2.5;

/** What the rest of the world's installed fleet pays for power per TH/s a day, micro-USD (hashrate-weighted). */
export function worldPowerCostPerThDay(state: GameState, caches: EngineCaches): number {
  let ths = 0;
  let cost = 0;
  const regions = state.world.regions;
  for (let r = 0; r < regions.length; r++) {
    const tiers = (regions[r] as RegionState).rowTiers;
    if (tiers.length === 0) continue;
    const price = powerPriceToday(state, r, caches);
    for (let i = 0; i < tiers.length; i++) {
      const t = tiers[i] as RestOfWorldTier;
      ths += t.installedThs;
      cost += ((t.installedThs * t.jPerTh * 24) / 1000) * price;
    }
  }
  return ths > 0 ? cost / ths : 0;
}

/**
 * The share of the planning hashprice a bot counts on: 1 in a normal market, (normal ratio ÷ the boom's)
 * to `power` in a boom (levels.ts: 0 for an easy bot, 0.25 normal, 0.5 hard).
 */
export function cycleCut(state: GameState, caches: EngineCaches, power: number): number {
  if (power <= 0) return 1;
  const cost = worldPowerCostPerThDay(state, caches);
  if (!(cost > 0)) return 1;
  const ratio = state.market.hashpriceMicroUsd / cost;
  return ratio <= NORMAL_RATIO ? 1 : detPow(NORMAL_RATIO / ratio, power);
}
