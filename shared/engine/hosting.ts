/**
 * Hosting capacity as a scarce, priced good (issue #13 §3). A region's hosting price rises with its use
 * (a utilisation curve, the scenario's `hosting` block); the rest of the world leaves players a reserve
 * only while it is not itself short of room (no reserve in a crunch, when machines wait for space, as
 * in Sept 2021 when "Kazakhstan's data centres simply do not have enough space": the world's waiting
 * machines claim it, see worldClaimKw); a lease that finds the
 * region full joins its queue, which the world's machines leave room for (queued kW are spoken for).
 */
import { capacityGrowthKwPerDayOn } from "./capacityGrowth.ts";
import { roundHalfAway } from "../math/money.ts";
import { HOSTING_DEFAULTS, type HostingSpec } from "../scenario/hostingSpec.ts";
import type { RegionSpec } from "../scenario/types.ts";
import { hostingFeeToday, leasePriceOn } from "./hostingFee.ts";
import { post } from "./ledger.ts";
import { freeKw, restOfWorldKw } from "./regions.ts";
import type { Company, GameState, Lease, RegionState } from "./state.ts";

/** Days a crunch is remembered after the last day the world's machines found no room. */
export const CRUNCH_MEMORY_DAYS = 30;

/** The scenario's hosting parameters (defaults for a state made before the block existed). */
export function hostingSpecOf(state: GameState): HostingSpec {
  return state.scenario.hosting ?? HOSTING_DEFAULTS;
}

/**
 * Share of the region's capacity in use or spoken for, bps: leases, the world's machines (idle ones
 * included) and, in a crunch, the reserve the world's waiting machines claim.
 */
export function utilisationBps(state: GameState, region: RegionState): number {
  if (region.capacityKw <= 0) return 10_000;
  const used = region.leasedKw + restOfWorldKw(region) + worldClaimKw(state, region);
  return Math.min(10_000, Math.max(0, Math.round((used / region.capacityKw) * 10_000)));
}

/**
 * The utilisation curve: flat up to the knee, then rising as a square to `priceAtFullBps` at 100% use
 * (hosts price the last racks dearest), basis points of the region's base price.
 */
export function priceMultiplierBps(spec: HostingSpec, useBps: number): number {
  if (useBps <= spec.priceKneeBps || spec.priceKneeBps >= 10_000) return 10_000;
  const x = (useBps - spec.priceKneeBps) / (10_000 - spec.priceKneeBps);
  return Math.round(10_000 + (spec.priceAtFullBps - 10_000) * x * x);
}

/** Today's hosting price of a new lease in region `index`, cents per kW-month. */
export function hostingPriceCents(state: GameState, index: number): number {
  const region = state.world.regions[index] as RegionState;
  const mult = priceMultiplierBps(hostingSpecOf(state), utilisationBps(state, region));
  return roundHalfAway((hostingFeeToday(state, index) * mult) / 10_000);
}

/** Whether the world's machines found no room lately (then players get no reserve). */
export function crunchOn(state: GameState): boolean {
  return state.hosting.crunchDay >= 0 && state.hosting.crunchDay >= state.day - CRUNCH_MEMORY_DAYS;
}

/** Remembers that `leftKw` of the world's machines found no room today: they wait for racks. */
export function noteCrunch(state: GameState, leftKw: number): void {
  state.hosting.crunchDay = state.day;
  state.hosting.backlogKw += leftKw;
}

/** The world's waiting machines give up (go elsewhere, wait in warehouses) over about a month. */
export function fadeBacklog(state: GameState): void {
  state.hosting.backlogKw *= 1 - 1 / CRUNCH_MEMORY_DAYS;
}

/**
 * kW of a region's free space that the world's waiting machines claim in a crunch: their backlog, spread
 * over the open regions by capacity, up to the reserve the world normally leaves players (less
 * `crunchReserveBps`). Claimed space is spoken for, not running: the world's machines wait for their
 * racks (in 2021 for 6-12 months, in warehouses), so the no-player history is the same with or without
 * the rule, while a player finds the region full and must queue, bid or build.
 */
export function worldClaimKw(state: GameState, region: RegionState): number {
  if (!crunchOn(state)) return 0;
  const claimBps = Math.max(0, state.scenario.world.playerReserveBps - hostingSpecOf(state).crunchReserveBps);
  let openKw = 0;
  for (const r of state.world.regions) if (r.policy !== "banned") openKw += r.capacityKw;
  const share = openKw > 0 ? (state.hosting.backlogKw * region.capacityKw) / openKw : 0;
  return Math.min(Math.max(0, freeKw(region)), (region.capacityKw * claimBps) / 10_000, share);
}

/** kW that players' queued lease requests wait for in a region: the world's machines leave them free. */
export function queuedKw(state: GameState, region: string): number {
  let kw = 0;
  for (const r of state.hosting.queue) if (r.region === region) kw += r.kw;
  return kw;
}

/** The kW of a lease that pay the region's hosting fee (not own sites, not hosted by another company). */
export function hostedKw(lease: Lease): number {
  return lease.kw - (lease.ownKw ?? 0) - (lease.contractKw ?? 0);
}

/**
 * A lease's hosting fee for `day`, cents (unrounded): its hosted kW at the price locked when leased
 * (hostingFee.ts leasePriceOn: a contract's price does not follow later steps of the fee).
 */
export function leaseHostingCentsPerDay(lease: Lease, spec: RegionSpec, day: number): number {
  return (hostedKw(lease) * leasePriceOn(lease, spec, day)) / 30;
}

/**
 * The share of a lease's daily bill that `kw` of it carry, cents (unrounded): those kW at the lease's
 * locked price, less the part on the company's own sites or hosted under a contract (they pay no fee), in
 * proportion. What a lot's P&L counts (economics.ts lotDay), so it shows what the ledger charges.
 */
export function leaseShareCentsPerDay(
  lease: Lease | undefined,
  spec: RegionSpec,
  day: number,
  kw: number,
): number {
  if (!lease || lease.kw <= 0) return 0;
  return (kw * leaseHostingCentsPerDay(lease, spec, day)) / lease.kw;
}

/**
 * Adds kW to a company's lease in a region (creating it), at a locked price: the lease's price becomes
 * the kW-weighted mean of what it held and what is added, so the bill is what each part was leased at.
 * `feeToday` (hostingFee.ts) prices held kW that never locked a price.
 */
export function addLeaseKw(
  company: Company,
  region: string,
  renewable: boolean,
  kw: number,
  centsPerKwMonth: number,
  feeToday: number,
): Lease {
  let lease = company.leases.find((l) => l.region === region);
  if (!lease) {
    lease = { region, kw: 0, renewable };
    company.leases.push(lease);
  }
  const held = hostedKw(lease);
  const oldRate = lease.centsPerKwMonth ?? feeToday;
  const rate = held + kw > 0 ? (held * oldRate + kw * centsPerKwMonth) / (held + kw) : centsPerKwMonth;
  lease.kw += kw;
  lease.centsPerKwMonth = roundHalfAway(rate);
  return lease;
}

/** Grants a lease now: the first month up front at the locked price, the kW taken from the region. */
export function grantLease(
  state: GameState,
  company: Company,
  index: number,
  kw: number,
  renewable: boolean,
  centsPerKwMonth: number,
): void {
  const spec = state.scenario.regions[index] as RegionSpec;
  const region = state.world.regions[index] as RegionState;
  post(company, state.day, "leaseSetup", -roundHalfAway(kw * centsPerKwMonth), 0, spec.id);
  region.leasedKw += kw;
  addLeaseKw(company, spec.id, renewable, kw, centsPerKwMonth, hostingFeeToday(state, index));
}

/** What a new lease would lock: today's price, or the bid when it is higher. */
export function lockedPrice(state: GameState, index: number, bid: number): number {
  return Math.max(hostingPriceCents(state, index), bid);
}

/**
 * Whether a bid of `bid` cents per kW-month outbids the world's waiting machines in a crunch: a host
 * gives the reserve to whoever pays today's price at the region's use (the top of the curve in a crunch).
 */
export function outbidsWorld(state: GameState, index: number, bid: number): boolean {
  return bid > 0 && bid >= hostingPriceCents(state, index);
}

/** Room a queued request bidding `bid` may take now, kW: the free space, less the world's claim unless outbid. */
export function roomForQueued(state: GameState, index: number, bid: number): number {
  const region = state.world.regions[index] as RegionState;
  return freeKw(region) - (outbidsWorld(state, index, bid) ? 0 : worldClaimKw(state, region));
}

/** Capacity free for a new lease now, kW: what is free less what queued requests already wait for. */
export function freeForNewLease(state: GameState, index: number): number {
  const region = state.world.regions[index] as RegionState;
  return Math.max(0, Math.floor(freeKw(region) - worldClaimKw(state, region) - queuedKw(state, region.id)));
}

/**
 * Expected days before a request of `kw` at `bid` would be served: the kW queued ahead of it (higher or
 * equal bids came first) plus its own, less what is free, over the region's growth; a moratorium adds
 * its days. Null when the region does not grow: it waits for others to leave, which nobody can date.
 */
export function expectedWaitDays(state: GameState, index: number, kw: number, bid: number): number | null {
  const spec = state.scenario.regions[index] as RegionSpec;
  const region = state.world.regions[index] as RegionState;
  let ahead = 0;
  for (const r of state.hosting.queue) if (r.region === spec.id && r.bidCentsPerKwMonth >= bid) ahead += r.kw;
  const claim = outbidsWorld(state, index, bid) ? 0 : worldClaimKw(state, region);
  const need = ahead + kw - Math.floor(freeKw(region));
  let held = Math.max(0, region.moratoriumUntil - state.day);
  // Without a bid at the crunch price, the world's waiting machines go first: until the crunch is over.
  if (claim > 0) held = Math.max(held, state.hosting.crunchDay + CRUNCH_MEMORY_DAYS + 1 - state.day);
  if (need <= 0) return held;
  const growth = capacityGrowthKwPerDayOn(spec, state.day);
  if (growth <= 0) return null;
  return held + Math.ceil(need / growth);
}

/** Tells one company something about its hosting, pointing the map at the region. */
export function tellHosting(
  state: GameState,
  company: string,
  kind: string,
  region: string,
  en: string,
  zh: string,
): void {
  state.notices.push({ day: state.day, company, kind, text: { en, zh }, targets: [region] });
}
