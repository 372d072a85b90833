/**
 * The rest of the world's fleet at a scenario's start, derived from the machine catalog and the hashrate
 * history (issue #16) rather than picked by hand. The rule: the machines running at the start are those
 * installed in the quarters before it, newest first; each quarter's growth in hashrate was machines a
 * little behind the best on sale that quarter (the engine's own rule for new deployments, world.ts
 * newFleetEfficiency: best × 1.15); the oldest quarters fill what is left. Growth is net growth, so
 * machines that replaced older ones in a flat year are missed: the mix leans old, as fleets that keep
 * S9s on cheap power did. `npx tsx tools/fleet-mix.ts DATE` prints it; tests/scenario/fleetMix.test.ts
 * checks that every historical scenario's `world.fleet` is this mix.
 */
import type { EpochDay } from "../shared/math/calendar.ts";
import type { Datasets } from "../shared/scenario/datasets.ts";
import type { AsicModel } from "../shared/scenario/types.ts";
import { bestReleasedJPerTh, NEW_FLEET_BEHIND_BEST } from "../shared/engine/newFleet.ts";

/** A quarter, days: the step in which history is read. */
const QUARTER_DAYS = 91;
/** Days averaged for a quarter's hashrate (the daily figures are noisy estimates from block counts). */
const MEAN_DAYS = 14;

export interface DerivedTier {
  jPerTh: number;
  sharePct: number;
}

type FleetData = Pick<Datasets, "hashrateEhs" | "asics">;

/** Mean real hashrate of the 14 days before `day`, EH/s; null before the data starts. */
function meanBefore(data: FleetData, day: EpochDay): number | null {
  let sum = 0;
  let n = 0;
  for (let d = day - MEAN_DAYS; d < day; d++) {
    const v = data.hashrateEhs.get(d);
    if (v !== undefined) {
      sum += v;
      n++;
    }
  }
  return n < MEAN_DAYS / 2 ? null : sum / n;
}

/** Efficiency of the machines the world installed on `day`: the best on sale × 1.15 (the oldest model if none). */
function installedEfficiency(data: FleetData, day: EpochDay): number {
  const best = bestReleasedJPerTh(data.asics, day);
  // Before the catalog's first model, the oldest one stands in (the derivation reaches back years).
  const oldest = data.asics.reduce<AsicModel | undefined>(
    (o, m) => (o && o.releaseDay <= m.releaseDay ? o : m),
    undefined,
  );
  const jPerTh = Number.isFinite(best) ? best : (oldest?.efficiencyJPerTh ?? 100);
  return Math.round(jPerTh * NEW_FLEET_BEHIND_BEST * 10) / 10;
}

/** Hashrate by installed efficiency at `startDay`, EH/s, newest quarters first. */
function vintages(data: FleetData, startDay: EpochDay): Map<number, number> {
  const total = meanBefore(data, startDay) ?? 0;
  const out = new Map<number, number>();
  let left = total;
  for (let end = startDay; left > 1e-9; end -= QUARTER_DAYS) {
    const start = end - QUARTER_DAYS;
    const then = meanBefore(data, start);
    const eff = installedEfficiency(data, start + Math.floor(QUARTER_DAYS / 2));
    // Before the data starts, whatever is left is the oldest machines of all.
    const grown = then === null ? left : Math.max(0, (meanBefore(data, end) ?? 0) - then);
    const take = Math.min(grown, left);
    if (take > 0) out.set(eff, (out.get(eff) ?? 0) + take);
    left -= take;
  }
  return out;
}

/** The derived mix at `startDay`, least efficient first, shares in percent to one decimal. */
export function deriveFleet(data: FleetData, startDay: EpochDay): DerivedTier[] {
  const byEff = vintages(data, startDay);
  const total = [...byEff.values()].reduce((s, v) => s + v, 0);
  return [...byEff.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([jPerTh, ehs]) => ({ jPerTh, sharePct: Math.round((ehs / total) * 1000) / 10 }))
    .filter((t) => t.sharePct > 0);
}
