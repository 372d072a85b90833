/**
 * The one hosting fee (issue #16): a region's fee on a date is its last dated hosting step on or before
 * that date, else the catalog's base fee (scenario/hostingStepsSpec.ts). Every read of the fee goes
 * through here: a new lease's price (hosting.ts hostingPriceCents), the bill of a lease already held, the
 * rest of the world's breakeven (breakeven.ts), a site's daily rates (siteRates.ts), the bots' plans and
 * the quotes the client shows. So a player, the world's hosted machines and the bots pay and plan on the
 * same number on every day.
 *
 * A lease keeps the price it was signed at relative to its region's fee: when the fee steps, the lease's
 * bill moves by the same ratio (hosting contracts follow the market's level; a bid's premium stays).
 */
import type { Cents } from "../math/money.ts";
import type { RegionSpec } from "../scenario/types.ts";
import type { GameState, Lease } from "./state.ts";

/** Region `spec`'s hosting fee on `day`, cents per kW per 30 days. */
export function hostingFeeOn(spec: RegionSpec, day: number): Cents {
  // A state made before hosting steps existed has none: the base fee throughout.
  const steps = spec.hostingSteps as RegionSpec["hostingSteps"] | undefined;
  if (steps)
    // A handful of steps per region at most: a scan from the end finds the one in force.
    for (let i = steps.length - 1; i >= 0; i--) {
      const step = steps[i] as (typeof steps)[number];
      if (step.day <= day) return step.centsPerKwMonth;
    }
  return spec.hostingCentsPerKwMonth;
}

/** Region `index`'s hosting fee today, cents per kW per 30 days. */
export function hostingFeeToday(state: GameState, index: number): Cents {
  return hostingFeeOn(state.scenario.regions[index] as RegionSpec, state.day);
}

/**
 * A lease's price per kW-month on `day`: the price it locked, moved by the ratio of the region's fee on
 * `day` to the fee it was locked against (unrounded). Without a locked price, the fee itself.
 */
export function leasePriceOn(lease: Lease, spec: RegionSpec, day: number): number {
  return leasePriceAtFee(lease, hostingFeeOn(spec, day));
}

/** A lease's price per kW-month when its region's fee is `fee` (leasePriceOn, the fee already looked up). */
export function leasePriceAtFee(lease: Lease, fee: number): number {
  if (lease.centsPerKwMonth === undefined) return fee;
  const against = lease.feeCentsPerKwMonth;
  if (against === undefined || against <= 0) return lease.centsPerKwMonth;
  return (lease.centsPerKwMonth * fee) / against;
}
