/**
 * The one hosting fee (issue #16): a region's fee on a date is its last dated hosting step on or before
 * that date, else the catalog's base fee (scenario/hostingStepsSpec.ts). Every read of the fee goes
 * through here: a new lease's price (hosting.ts hostingPriceCents), the rest of the world's breakeven
 * (breakeven.ts), a site's daily rates (siteRates.ts), the bots' plans and the quotes the client shows.
 * So a player, the world's hosted machines and the bots plan on the same number on every day.
 *
 * A lease is a contract: its price is locked on the day it is signed (priced on that day's dated fee)
 * and stays so, as the client tells the player ("Locks $x/kW-month"); later steps of the fee move only
 * the price of new leases.
 */
import type { Cents } from "../math/money.ts";
import type { RegionSpec } from "../scenario/types.ts";
import type { GameState, Lease } from "./state.ts";
import { stepOn } from "./steps.ts";

/** Region `spec`'s hosting fee on `day`, cents per kW per 30 days. */
export function hostingFeeOn(spec: RegionSpec, day: number): Cents {
  return stepOn(spec.hostingSteps, day)?.centsPerKwMonth ?? spec.hostingCentsPerKwMonth;
}

/** Region `index`'s hosting fee today, cents per kW per 30 days. */
export function hostingFeeToday(state: GameState, index: number): Cents {
  return hostingFeeOn(state.scenario.regions[index] as RegionSpec, state.day);
}

/** A lease's price per kW-month on `day`: the price it locked; without one, the region's fee that day. */
export function leasePriceOn(lease: Lease, spec: RegionSpec, day: number): number {
  return lease.centsPerKwMonth ?? hostingFeeOn(spec, day);
}
