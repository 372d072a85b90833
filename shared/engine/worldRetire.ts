/**
 * Obsolete machines leave the rest of the world's racks (scenario `world.supply.retireIdlePctPerMonth`,
 * issue #16): each day a share of the machines that stand switched off for want of profit is scrapped or
 * sold off, and their kW are free for new machines. Over a fifteen-month episode it hardly matters; over
 * a decade it decides whether 2024's racks hold S21s or the S9s of 2018, which never pay again and would
 * otherwise keep their kW for ever (regions.ts restOfWorldKw counts every installed machine).
 * Only a scenario whose supply block sets a rate retires anything: the others play exactly as before.
 */
import type { GameState } from "./state.ts";

/** Days over which a monthly rate is spread. */
const DAYS_PER_MONTH = 30;

/** Retires today's share of every region's switched-off machines (not a ban's idle ones: they wait). */
export function retireIdleMachines(state: GameState): void {
  const pct = state.scenario.world.supply?.retireIdlePctPerMonth ?? 0;
  if (pct <= 0) return;
  const share = pct / 100 / DAYS_PER_MONTH;
  for (const region of state.world.regions) {
    let emptied = false;
    for (const tier of region.rowTiers) {
      const retired = tier.installedThs * (1 - tier.running) * share;
      if (retired <= 0) continue;
      // The running share of the tier is unchanged in TH/s: only switched-off machines leave.
      const running = tier.installedThs * tier.running;
      tier.installedThs -= retired;
      tier.running = tier.installedThs > 0 ? running / tier.installedThs : 0;
      state.world.retiredThs += retired;
      if (tier.installedThs <= 1e-9) emptied = true;
    }
    if (emptied) region.rowTiers = region.rowTiers.filter((t) => t.installedThs > 1e-9);
  }
}
