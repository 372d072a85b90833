/**
 * What the network's machines pay for power per TH/s a day: each region's rest-of-world fleet at its
 * efficiency and the region's power price, weighted by hashrate. Public (WorldView
 * networkPowerCostMicroUsdPerThDay), as the real industry's estimates of it are (Cambridge's index,
 * miners' reports): the floor a hashprice returns to, which players and strategies read the mining
 * cycle by (bots/cycle.ts). The players' own machines are left out: they are a small share of a
 * historical world, and their costs are their own business.
 */
import type { EngineCaches } from "./caches.ts";
import { powerPriceToday } from "./regions.ts";
import type { GameState, RegionState, RestOfWorldTier } from "./state.ts";

/** The rest of the world's power cost per TH/s a day, micro-USD (hashrate-weighted; 0 with no fleet). */
export function networkPowerCostPerThDay(state: GameState, caches: EngineCaches): number {
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
