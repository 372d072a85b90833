/**
 * The used markets' day (called in step.ts right after the world's fleet has moved, before anyone
 * mines): listings come in from the rest of the world's fleet, a share of them travels on to
 * cheap-power regions (the seed's 梯度贸易, "gradient trade": old machines flow from dear places to
 * Central Asia and Africa), stock drains away, buyers' pressure fades, and used machines may fail.
 * It reads the world and writes only the markets (and used lots): the world's fleet, hence the
 * difficulty path, is the same with or without it.
 */
import type { RegionSpec } from "../scenario/types.ts";
import type { EngineCaches } from "./caches.ts";
import { USED_TIERS, usedTierOf } from "./market.ts";
import { atFullScale } from "./classWorld.ts";
import { bestUsedTierOfWorld } from "./usedMarket.ts";
import { powerPriceToday } from "./regions.ts";
import type { GameState, RegionState, RegionUsedMarket } from "./state.ts";
import { failUsedMachines } from "./usedMarketWear.ts";
import type { RetiredListings } from "./worldRetire.ts";

/**
 * The markets' day. `retired`: what the world's racks retired today, by region (worldRetire.ts), sold off
 * with the day's listings.
 */
export function advanceUsedMarkets(
  state: GameState,
  caches: EngineCaches,
  retired: RetiredListings | null = null,
): void {
  const spec = state.scenario.usedMarkets;
  const regions = state.world.regions;
  const exported = USED_TIERS.map(() => 0);
  for (let r = 0; r < regions.length; r++) {
    const region = regions[r] as RegionState;
    const market = state.usedMarkets.regions[r] as RegionUsedMarket;
    const listed = listingsToday(state, region);
    // Machines retired from the region's racks today are sold off as well (the seed's gradient trade:
    // "淘汰的旧机型则被转售至电力成本更低或监管宽松的地区", retired models are resold to cheaper power).
    const sold = retired?.[r];
    if (sold)
      for (let t = 0; t < USED_TIERS.length; t++) listed[t] = (listed[t] as number) + (sold[t] as number);
    const banned = region.policy === "banned";
    for (let t = 0; t < USED_TIERS.length; t++) {
      // A class-sized world's markets stay full-sized (classWorld.ts atFullScale).
      const list = atFullScale(state, listed[t] as number);
      // A banned region sells everything abroad; elsewhere a share leaves towards cheap power.
      const out = banned ? list : (list * spec.exportBps) / 10_000;
      exported[t] = (exported[t] as number) + out;
      const kept = list - out;
      const stock = market.stockThs[t] as number;
      market.stockThs[t] = banned ? 0 : stock + kept - (stock * spec.drainBpsPerDay) / 10_000;
      market.pressureThs[t] = ((market.pressureThs[t] as number) * (10_000 - spec.pressureDecayBps)) / 10_000;
    }
  }
  // Machines waiting to emigrate after a ban (in warehouses, months from a new site) are sold in distress
  // too, wherever cheap power is ("部分矿工在绝望中抛售设备", Reuters 2021-07-07, shared/seeds/001).
  for (const batch of state.world.migration)
    if (batch.readyDay > state.day)
      addHalves(exported, batch.jPerTh, atFullScale(state, (batch.ths * spec.migrantListBpsPerDay) / 10_000));
  shipGradient(state, exported, caches);
  failUsedMachines(state, caches);
}

/** TH/s per tier the rest of the world lists for sale in a region today. */
function listingsToday(state: GameState, region: RegionState): number[] {
  const spec = state.scenario.usedMarkets;
  const out = USED_TIERS.map(() => 0);
  for (const t of region.rowTiers) {
    // Routine churn of the installed fleet, plus a share of what is switched off for want of profit.
    const idle = t.installedThs * (1 - t.running);
    const ths = (t.installedThs * spec.churnBpsPerDay + idle * spec.idleListBpsPerDay) / 10_000;
    addHalves(out, t.jPerTh, ths);
  }
  // Under a ban, the idle machines are sold in distress (China, summer 2021).
  for (const t of region.idleTiers)
    addHalves(out, t.jPerTh, (t.installedThs * spec.distressListBpsPerDay) / 10_000);
  return out;
}

/**
 * Adds machines a region's racks retired to its listing of the day (a new one when null), split across
 * the used tiers as every listing is; the listing.
 */
export function listRetired(listing: number[] | null, jPerTh: number, ths: number): number[] {
  const out = listing ?? USED_TIERS.map(() => 0);
  addHalves(out, jPerTh, ths);
  return out;
}

/** A world tier's listing, half in its own used tier and half in its best machines' (usedTierOf and bestUsedTierOfWorld). */
function addHalves(out: number[], jPerTh: number, ths: number): void {
  const own = usedTierOf(jPerTh);
  const best = bestUsedTierOfWorld(jPerTh);
  // In this order (own, then best), as the two halves were always added: the sums are the same bits.
  out[own] = (out[own] as number) + ths / 2;
  out[best] = (out[best] as number) + ths / 2;
}

/** Exported listings arrive in the open regions, weighted by attractiveness over today's power price. */
function shipGradient(state: GameState, exported: number[], caches: EngineCaches): void {
  if (!exported.some((x) => x > 0)) return;
  const weights = state.world.regions.map((region, i) => {
    if (region.policy === "banned") return 0;
    const spec = state.scenario.regions[i] as RegionSpec;
    return spec.attractiveness / Math.max(1, powerPriceToday(state, i, caches));
  });
  const total = weights.reduce((s, w) => s + w, 0);
  if (total <= 0) return;
  for (let r = 0; r < weights.length; r++) {
    const share = (weights[r] as number) / total;
    if (share <= 0) continue;
    const market = state.usedMarkets.regions[r] as RegionUsedMarket;
    for (let t = 0; t < exported.length; t++)
      market.stockThs[t] = (market.stockThs[t] as number) + (exported[t] as number) * share;
  }
}
