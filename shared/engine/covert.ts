/**
 * Covert mining after a ban (issue #16): when a region bans mining, part of the fleet that switches off
 * does not leave nor wait for the ban to lift: it lies low (installed, off) and restarts in hiding once
 * enforcement eases, on off-grid or unregistered power. It is hidden from the law, not from the network:
 * its hashrate counts like any other, but no player can lease capacity there legally (the region stays
 * banned: hostingOffers.ts refuses leases, economics.ts pays nothing for a player's lots there).
 * Cambridge's mining map shows exactly this for China in 2021: 0% in July and August after the
 * provinces' orders, then 22.3% in September and about 20% until January 2022.
 *
 * A ban's `covertBps` is the share of the obeying fleet that goes covert (taken first, before the idle and
 * emigrating shares); `covertReturnDays` after the ban's day it starts to restart, evenly over
 * `covertRestartDays`, as `rowTiers` of the banned region (the path a non-compliant fleet already takes: it runs while it pays for its power).
 * Only bans applied directly carry it: a ban announced ahead (graceDays > 0) goes through the shock
 * template, which has no covert share.
 */
import type { ScenarioEvent } from "../scenario/types.ts";
import { addToTier } from "./regions.ts";
import type { GameState, RegionState } from "./state.ts";

type BanEvent = Extract<ScenarioEvent, { kind: "ban" }>;

/** At a ban: remember its covert share and the day the covert fleet restarts (nothing when it has none). */
export function noteCovertBan(state: GameState, region: RegionState, event: BanEvent): void {
  if (event.covertBps === undefined || event.covertBps <= 0) {
    // A later ban without a covert share leaves the hidden fleet (and its return day) as they are.
    if (region.banCovertBps !== undefined) region.banCovertBps = 0;
    return;
  }
  region.banCovertBps = event.covertBps;
  region.covertReturnDay = state.day + (event.covertReturnDays ?? 0);
  region.covertRestartDays = Math.max(1, event.covertRestartDays ?? 1);
}

/**
 * Of `moved` TH/s at `jPerTh` switching off under a ban today, hides the covert share; returns the rest
 * (which idles, emigrates or is scrapped as before).
 */
export function hideCovert(region: RegionState, jPerTh: number, moved: number): number {
  const bps = region.banCovertBps ?? 0;
  if (bps <= 0) return moved;
  const hidden = (moved * bps) / 10_000;
  const tiers = (region.covertTiers ??= []);
  const tier = tiers.find((t) => t.jPerTh === jPerTh);
  if (tier) tier.installedThs += hidden;
  else tiers.push({ jPerTh, installedThs: hidden, running: 0 });
  return moved - hidden;
}

/**
 * From its return day the hidden fleet restarts evenly over `covertRestartDays` (site by site, as each
 * finds unregistered power), rejoining the region's fleet; all of it at once when the ban lifts.
 */
export function returnCovert(state: GameState, region: RegionState): void {
  const tiers = region.covertTiers;
  if (!tiers || tiers.length === 0) return;
  const start = region.covertReturnDay ?? 0;
  if (region.policy === "banned" && start > state.day) return;
  const daysLeft = start + (region.covertRestartDays ?? 1) - state.day;
  const share = region.policy !== "banned" || daysLeft <= 1 ? 1 : 1 / daysLeft;
  for (const t of tiers) {
    const ths = t.installedThs * share;
    addToTier(region, t.jPerTh, ths);
    t.installedThs -= ths;
  }
  if (share === 1) region.covertTiers = [];
}

/** TH/s lying low (installed, off) in a region, for views and tests. */
export function hiddenCovertThs(region: RegionState): number {
  let ths = 0;
  for (const t of region.covertTiers ?? []) ths += t.installedThs;
  return ths;
}
