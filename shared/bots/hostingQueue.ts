/**
 * A bot queueing for a full region's space (issue #13 §3): a profile that names a bid waits in the
 * region's queue, bidding that much above the price to be served first, rather than giving up on it.
 * Apart from bots/hosting.ts so that common.ts's addLease can call it without an import cycle.
 */
import { validate } from "../engine/commands/index.ts";
import { leaseSetupCents } from "../engine/commands/leaseCapacity.ts";
import { hostingPriceCents } from "../engine/hosting.ts";
import type { RegionSpec } from "../scenario/types.ts";
import type { Ctx } from "./common.ts";

/** What a bot bidding `bidPct` over today's price offers in region `r`, cents per kW-month. */
export function bidCentsOf(state: Ctx["state"], r: number, bidPct: number): number {
  return Math.round((hostingPriceCents(state, r) * (100 + bidPct)) / 100);
}

/** Whether today's commands already queue for space in `region` (a leaseCapacity with `queue`). */
export function queuedToday(ctx: Ctx, region: string): boolean {
  for (const c of ctx.out)
    if (c.type === "leaseCapacity" && c.region === region && c.queue === true) return true;
  return false;
}

/** Queues for `kw` in region `r` when the profile bids for space; false: nothing leased today. */
export function queueLease(ctx: Ctx, r: number, kw: number, renewable: boolean): boolean {
  const bidPct = ctx.profile.hostingBidPct;
  if (bidPct === undefined) return false;
  const { state } = ctx;
  const spec = state.scenario.regions[r] as RegionSpec;
  if (state.hosting.queue.some((q) => q.company === ctx.company.id && q.region === spec.id)) return false;
  // One request per region: nor a second one today, before the first is applied.
  if (queuedToday(ctx, spec.id)) return false;
  if (leasePowerRefused(ctx, spec, renewable)) return false;
  const price = hostingPriceCents(state, r);
  const bid = bidCentsOf(state, r, bidPct);
  const cmd = {
    type: "leaseCapacity" as const,
    region: spec.id,
    kw,
    queue: true,
    ...(bidPct > 0 ? { bidCentsPerKwMonth: bid } : {}),
    ...(renewable ? { renewable } : {}),
  };
  // The first month is kept back for the day it is served.
  const cost = leaseSetupCents(kw, Math.max(price, bid));
  if (cost <= ctx.cash && validate(state, ctx.actor, cmd, ctx.caches) === null) {
    ctx.out.push(cmd);
    ctx.cash -= cost;
  }
  return false;
}

/**
 * Whether the engine surely refuses a lease in `spec`'s region on this supply (validateLease): the
 * company's lease there runs on the other supply (LEASE_POWER_DIFFERS), or renewable power is asked
 * where there is none (NO_RENEWABLE). Checked before `add` for speed only: a stored lot that cannot get
 * its lease this way asks again every day (thousands of refusals a game, each worded in two languages),
 * and a refusal found here is one `add` would meet, so the answer is the same.
 */
export function leasePowerRefused(ctx: Ctx, spec: RegionSpec, renewable: boolean): boolean {
  if (renewable && !spec.renewable) return true;
  for (const lease of ctx.company.leases) if (lease.region === spec.id) return lease.renewable !== renewable;
  return false;
}
