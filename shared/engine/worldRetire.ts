/**
 * Obsolete machines leave the rest of the world's racks (scenario `world.supply.retireIdlePctPerMonth`,
 * issue #16): each day a share of the machines that stand switched off for want of profit leaves, and
 * their kW are free for new machines. They are sold off on the region's used market that day (engine
 * 2.4.0, usedMarketFlows.ts; its stock drains as machines are scrapped or exported). Idle machines are
 * also listed a little each day while they stay racked (idleListPctPerDay): owners who try to sell
 * before they give up, so a machine may be on offer before it leaves. In an episode it takes part of
 * what a crash switched off (halving-2020: the March 2020 crash's S9s, before the halving); over a
 * decade it decides whether 2024's racks hold S21s or the S9s of 2018, which never pay again and would
 * otherwise keep their kW for ever (regions.ts restOfWorldKw counts every installed machine).
 *
 * Miners do not sell a machine the week it stops paying: they wait to see whether the price comes back
 * (machines shut down in Sichuan's dry season of 2018 were expected back in the wet season of 2019; an
 * S9 owner had looked for buyers for a month by the 2020 halving and found none; sources in the decade's
 * scenario file). So with `retirePatienceDays` the share retired reads the tier's switched-off share
 * averaged over that many days (`idleAvg`, an exponential mean), never more than today's: a halving's
 * or a crash's idle machines mostly stay and run again when hashprice recovers, while a tier that stays
 * off for months leaves as before. Without patience (engine 2.2.0), today's share alone: the machines a
 * halving switched off were gone within weeks, and the decade's 2020 and 2024 halvings found too few old
 * machines to switch off (-8.9% and -2.8% against a real -22.1% and -8.6%; with 60 days -12.9%, -5.1%).
 * Only a scenario whose supply block sets a rate retires anything: the others play exactly as before.
 */
import { atWorldScale } from "./classWorld.ts";
import type { GameState, RestOfWorldTier } from "./state.ts";
import { listRetired } from "./usedMarketFlows.ts";

/** Days over which a monthly rate is spread. */
const DAYS_PER_MONTH = 30;

/**
 * The switched-off part of a tier goes whole once less than about one machine's hashrate of it would be
 * left (an S9 of 2016 makes 11.5-14 TH/s; scaled with a class-sized world, classWorld.ts). Retiring a
 * share a day only ever takes a share of what is left, so without it a switched-off tier stayed in the
 * list for years as a fraction of a machine, and every daily pass over the tiers read it: a third of the
 * decade's tiers by 2023 with patience, which made its run about 15% slower.
 */
export const MIN_TIER_THS = 14;

/** TH/s each region's racks retired today, per used tier (null: none), for its used market to list. */
export type RetiredListings = (number[] | null)[];

/**
 * Retires today's share of every region's switched-off machines (not a ban's idle ones: they wait), and
 * returns them by region for the used markets to list today (usedMarketFlows.ts), or null when the
 * scenario retires nothing.
 */
export function retireIdleMachines(state: GameState): RetiredListings | null {
  const supply = state.scenario.world.supply;
  const pct = supply?.retireIdlePctPerMonth ?? 0;
  if (pct <= 0) return null;
  // Worked out once a day for every tier of every region.
  const rule: RetireRule = {
    share: pct / 100 / DAYS_PER_MONTH,
    patience: supply?.retirePatienceDays ?? 0,
    least: atWorldScale(state, MIN_TIER_THS),
  };
  return state.world.regions.map((region) => {
    let listing: number[] | null = null;
    let emptied = false;
    for (const tier of region.rowTiers) {
      const retired = retireFrom(state, tier, rule);
      if (retired <= 0) continue;
      listing = listRetired(listing, tier.jPerTh, retired);
      if (tier.installedThs <= 0) emptied = true;
    }
    if (emptied) region.rowTiers = region.rowTiers.filter((t) => t.installedThs > 0);
    return listing;
  });
}

/** Today's retirement: the daily share, the patience (days) and the least switched-off TH/s kept. */
interface RetireRule {
  share: number;
  patience: number;
  least: number;
}

/** Retires today's share of one tier's switched-off machines; the TH/s retired. */
function retireFrom(state: GameState, tier: RestOfWorldTier, rule: RetireRule): number {
  const retired = tier.installedThs * retirableShare(tier, rule.patience) * rule.share;
  if (retired <= 0) return 0;
  // The running share of the tier is unchanged in TH/s: only switched-off machines leave.
  const running = tier.installedThs * tier.running;
  const idle = tier.installedThs - running;
  // Less than a machine of the switched-off part would be left: all of it goes (MIN_TIER_THS), and what
  // stays is the running part, exactly.
  if (idle - retired < rule.least) {
    tier.installedThs = running;
    tier.running = running > 0 ? 1 : 0;
    state.world.retiredThs += idle;
    return idle;
  }
  tier.installedThs -= retired;
  tier.running = tier.installedThs > 0 ? running / tier.installedThs : 0;
  state.world.retiredThs += retired;
  return retired;
}

/**
 * The share of a tier that may be retired today: its switched-off share, or with patience the lesser of
 * that and its average over `patienceDays` (updated here, once a day).
 */
function retirableShare(tier: RestOfWorldTier, patienceDays: number): number {
  const idle = 1 - tier.running;
  if (patienceDays <= 0) return idle;
  const avg = tier.idleAvg ?? 0;
  tier.idleAvg = avg + (idle - avg) / patienceDays;
  return Math.min(idle, tier.idleAvg);
}
