import { roundHalfAway } from "../../math/money.ts";
import { regionIndex } from "../regions.ts";
import { usedLeaseKw } from "../fleet.ts";
import type { Company, GameState, RegionState } from "../state.ts";
import type { RegionSpec } from "../../scenario/types.ts";
import { refuse } from "../../protocol/refusals/index.ts";
import type { Rejection } from "./errors.ts";
import type { CommandOf } from "./schema.ts";
import type { EngineCaches } from "../caches.ts";
import { leasedKw } from "../fleet.ts";
import { powerSupply } from "../economics.ts";
import { powerPriceToday, uptimeToday } from "../regions.ts";
import { pricedWithPremium } from "../siteRates.ts";
import { carbonLevy } from "../logistics/carbonLevy.ts";
import { formatIsoDate } from "../../math/calendar.ts";
import type { Quoter } from "./quote.ts";
import { freeForNewLease, grantLease, hostedKw, lockedPrice } from "../hosting.ts";
import { enqueue, queueQuote } from "../hostingQueue.ts";
import type { LeaseRequest } from "../hostingState.ts";

/**
 * A lease starts with one month of hosting paid up front as a setup fee, at the price it locks (today's,
 * which rises with the region's use, or the bid when higher: hosting.ts).
 */
export function leaseSetupCents(kw: number, centsPerKwMonth: number): number {
  return roundHalfAway(kw * centsPerKwMonth);
}

function findRegion(
  state: GameState,
  id: string,
  caches: EngineCaches,
): { spec: RegionSpec; region: RegionState } | null {
  const i = regionIndex(state, id, caches);
  if (i < 0) return null;
  return { spec: state.scenario.regions[i] as RegionSpec, region: state.world.regions[i] as RegionState };
}

function unknownRegion(id: string): Rejection {
  return refuse("UNKNOWN_REGION", { region: id });
}

export function validateLease(
  state: GameState,
  company: Company,
  cmd: CommandOf<"leaseCapacity">,
  caches: EngineCaches,
): Rejection | null {
  const found = findRegion(state, cmd.region, caches);
  if (!found) return unknownRegion(cmd.region);
  const { spec, region } = found;
  if (region.policy === "banned") {
    return refuse("REGION_BANNED", { region: spec.name });
  }
  const existing = company.leases.find((l) => l.region === cmd.region);
  if (existing && existing.renewable !== (cmd.renewable ?? false)) {
    return refuse("LEASE_POWER_DIFFERS", { region: spec.name, renewable: existing.renewable });
  }
  if (cmd.renewable && !spec.renewable) {
    return refuse("NO_RENEWABLE", { region: spec.name });
  }
  return validateRoom(state, company, cmd, caches);
}

/** Room for the lease now, or (asked to queue) a place in the region's queue, and the money for it. */
function validateRoom(
  state: GameState,
  company: Company,
  cmd: CommandOf<"leaseCapacity">,
  caches: EngineCaches,
): Rejection | null {
  const i = regionIndex(state, cmd.region, caches);
  const spec = state.scenario.regions[i] as RegionSpec;
  const queued = state.hosting.queue.find((r) => r.company === company.id && r.region === spec.id);
  if (queued) return refuse("LEASE_ALREADY_QUEUED", { region: spec.name, kw: queued.kw });
  const setup = leaseSetupCents(cmd.kw, lockedPrice(state, i, cmd.bidCentsPerKwMonth ?? 0));
  if (leaseWaits(state, i, cmd.kw)) {
    const free = freeForNewLease(state, i);
    if (!cmd.queue && region(state, i).moratoriumUntil > state.day)
      return refuse("MORATORIUM", { region: spec.name });
    if (!cmd.queue) return refuse("NO_CAPACITY", { region: spec.name, freeKw: free, askedKw: cmd.kw });
    if (setup > company.cashCents) return refuse("QUEUE_SETUP_UNPAID", { kw: cmd.kw, cents: setup });
    return null;
  }
  if (setup > company.cashCents) {
    return refuse("LEASE_SETUP_UNPAID", { kw: cmd.kw });
  }
  return null;
}

function region(state: GameState, i: number): RegionState {
  return state.world.regions[i] as RegionState;
}

/** Whether a lease of `kw` must wait: a moratorium, or less free than asked (queued kW are spoken for). */
function leaseWaits(state: GameState, i: number, kw: number): boolean {
  return region(state, i).moratoriumUntil > state.day || kw > freeForNewLease(state, i);
}

export function applyLease(
  state: GameState,
  company: Company,
  cmd: CommandOf<"leaseCapacity">,
  caches: EngineCaches,
): void {
  const i = regionIndex(state, cmd.region, caches);
  if (i < 0) throw new Error("leaseCapacity applied without validation");
  const bid = cmd.bidCentsPerKwMonth ?? 0;
  if (!leaseWaits(state, i, cmd.kw)) {
    grantLease(state, company, i, cmd.kw, cmd.renewable ?? false, lockedPrice(state, i, bid));
    return;
  }
  const request: LeaseRequest = {
    id: `queue-${state.nextId++}`,
    company: company.id,
    region: cmd.region,
    kw: cmd.kw,
    renewable: cmd.renewable ?? false,
    bidCentsPerKwMonth: bid,
    day: state.day,
  };
  enqueue(state, request);
}

export function validateRelease(
  state: GameState,
  company: Company,
  cmd: CommandOf<"releaseCapacity">,
  caches: EngineCaches,
): Rejection | null {
  if (!findRegion(state, cmd.region, caches)) return unknownRegion(cmd.region);
  const lease = company.leases.find((l) => l.region === cmd.region);
  if (!lease) return refuse("NO_LEASE", { region: cmd.region });
  if (cmd.kw > lease.kw) {
    return refuse("RELEASE_TOO_MUCH", { region: cmd.region, leasedKw: lease.kw, releaseKw: cmd.kw });
  }
  if (cmd.kw > hostedKw(lease)) {
    const spec = state.scenario.regions[regionIndex(state, cmd.region, caches)] as RegionSpec;
    return refuse("RELEASE_OWN_KW", { region: spec.name, releasableKw: hostedKw(lease) });
  }
  const inUse = usedLeaseKw(state, company.id, cmd.region, caches);
  if (lease.kw - cmd.kw < inUse - 1e-9) {
    return refuse("LEASE_IN_USE", { usedKw: inUse, leasedKw: lease.kw });
  }
  return null;
}

export function applyRelease(
  state: GameState,
  company: Company,
  cmd: CommandOf<"releaseCapacity">,
  caches: EngineCaches,
): void {
  const found = findRegion(state, cmd.region, caches);
  const lease = company.leases.find((l) => l.region === cmd.region);
  if (!found || !lease) throw new Error("releaseCapacity applied without validation");
  lease.kw -= cmd.kw;
  found.region.leasedKw -= cmd.kw;
  if (lease.kw <= 0) company.leases = company.leases.filter((l) => l !== lease);
}

/** The lease's quote: setup, hosting and the power price this supply (grid or renewable) would pay. */
export const previewLease: Quoter<"leaseCapacity"> = ({ state, companyId, caches }, cmd) => {
  const r = regionIndex(state, cmd.region, caches);
  const spec = state.scenario.regions[r];
  const region = state.world.regions[r];
  if (!spec || !region) return undefined;
  // The supply this lease would have: what the engine bills for a lease taken this way.
  const supply = powerSupply(
    { leases: [{ region: spec.id, kw: cmd.kw, renewable: cmd.renewable ?? false }] },
    spec,
  );
  const grid = powerPriceToday(state, r, caches);
  const price = lockedPrice(state, r, cmd.bidCentsPerKwMonth ?? 0);
  return {
    kind: "lease",
    region: spec.id,
    kw: cmd.kw,
    policy: region.policy,
    setupCents: leaseSetupCents(cmd.kw, price),
    hostingCentsPerKwMonth: price,
    powerMicroUsdPerKwh: pricedWithPremium(grid, supply.premiumBps),
    gridMicroUsdPerKwh: grid,
    carbonGPerKwh: supply.carbonGPerKwh,
    renewableOption: spec.renewable,
    uptimePct: uptimeToday(state, r, caches) * 100,
    freeKw: freeForNewLease(state, r),
    leasedKw: leasedKw(state, companyId, spec.id),
    usedKw: usedLeaseKw(state, companyId, spec.id, caches),
    moratoriumUntil: region.moratoriumUntil > state.day ? formatIsoDate(region.moratoriumUntil) : null,
    ...carbonLevy(state, spec.country, supply.carbonGPerKwh),
    ...queueQuote(state, r, cmd.kw, cmd.bidCentsPerKwMonth ?? 0),
  };
};

/** What the company leases in the region and how much of it its machines use. */
export const previewRelease: Quoter<"releaseCapacity"> = ({ state, companyId, caches }, cmd) =>
  regionIndex(state, cmd.region, caches) < 0
    ? undefined
    : {
        kind: "release",
        region: cmd.region,
        leasedKw: leasedKw(state, companyId, cmd.region),
        usedKw: usedLeaseKw(state, companyId, cmd.region, caches),
      };
