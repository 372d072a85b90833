/**
 * Hosting capacity that follows demand (issue #16, scenario block `buildOut`, buildOutSpec.ts): when the
 * world's new machines find no room (a crunch, hosting.ts noteCrunch), hosts order racks for a share of
 * them; the racks open `lagDays` later, split among the open regions by their size, attractiveness and
 * cheap power (where the world would put its machines), on top of each region's linear growth. In 2021-
 * 2023 the crunch of machines leaving China was answered this way: Texas went from a few hundred MW to
 * more than 2 GW (Riot Rockdale 700 MW by 2023, reference regions.csv), Kazakhstan from 500 MW to 1.5 GW.
 * Called from world.ts: `openBuildOut` after the regions' linear growth (racks due today take machines
 * today), `orderBuildOut` after the day's placing (what found no room today).
 */
import type { RegionSpec } from "../scenario/types.ts";
import type { EngineCaches } from "./caches.ts";
import { powerPriceToday } from "./regions.ts";
import type { GameState, RegionState } from "./state.ts";

/** Orders racks for the scenario's share of `waitingKw`, the kW of machines that found no room today. */
export function orderBuildOut(state: GameState, waitingKw: number): void {
  const spec = state.scenario.buildOut;
  if (!spec || waitingKw <= 1e-9 || spec.shareBps <= 0) return;
  const kw = (waitingKw * spec.shareBps) / 10_000;
  const book = (state.world.buildOut ??= { orders: [] });
  const readyDay = state.day + spec.lagDays;
  // One order a day at most: the book holds about lagDays orders however long the crunch lasts.
  const last = book.orders[book.orders.length - 1];
  if (last && last.readyDay === readyDay) last.kw += kw;
  else book.orders.push({ readyDay, kw });
}

/**
 * Where new racks go: open regions by size × attractiveness / power price, and only in the part of a
 * region not banned (hosts do not build where the state seizes machines: Iran's unlicensed 85% after
 * September 2021, southern Irkutsk from 2025). None where mining is banned, under a moratorium, or with
 * no capacity.
 */
function buildWeights(state: GameState, caches: EngineCaches): number[] {
  return state.world.regions.map((region: RegionState, i) => {
    if (region.policy === "banned" || region.moratoriumUntil > state.day || region.capacityKw <= 0) return 0;
    const spec = state.scenario.regions[i] as RegionSpec;
    const open = 1 - (region.partBannedBps ?? 0) / 10_000;
    return (open * region.capacityKw * spec.attractiveness) / Math.max(1, powerPriceToday(state, i, caches));
  });
}

/** Opens the racks whose day has come; with no open region to take them, the orders lapse. */
export function openBuildOut(state: GameState, caches: EngineCaches): void {
  const book = state.world.buildOut;
  if (!book) return;
  let dueKw = 0;
  while (book.orders.length > 0 && (book.orders[0] as { readyDay: number }).readyDay <= state.day)
    dueKw += (book.orders.shift() as { kw: number }).kw;
  if (dueKw <= 0) return;
  const weights = buildWeights(state, caches);
  const total = weights.reduce((s, w) => s + w, 0);
  if (total <= 0) return;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] as number;
    if (w > 0) (state.world.regions[i] as RegionState).capacityKw += (dueKw * w) / total;
  }
}
