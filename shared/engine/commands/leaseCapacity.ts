import { roundHalfAway } from "../../math/money.ts";
import { post } from "../ledger.ts";
import { freeKw, regionIndex } from "../regions.ts";
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

/** A lease starts with one month of hosting paid up front as a setup fee. */
export function leaseSetupCents(spec: RegionSpec, kw: number): number {
  return roundHalfAway(kw * spec.hostingCentsPerKwMonth);
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
  if (region.moratoriumUntil > state.day) {
    return refuse("MORATORIUM", { region: spec.name });
  }
  const existing = company.leases.find((l) => l.region === cmd.region);
  if (existing && existing.renewable !== (cmd.renewable ?? false)) {
    return refuse("LEASE_POWER_DIFFERS", { region: spec.name, renewable: existing.renewable });
  }
  if (cmd.renewable && !spec.renewable) {
    return refuse("NO_RENEWABLE", { region: spec.name });
  }
  const free = Math.floor(freeKw(region));
  if (cmd.kw > free) {
    return refuse("NO_CAPACITY", { region: spec.name, freeKw: free, askedKw: cmd.kw });
  }
  const setup = leaseSetupCents(spec, cmd.kw);
  if (setup > company.cashCents) {
    return refuse("LEASE_SETUP_UNPAID", { kw: cmd.kw });
  }
  return null;
}

export function applyLease(
  state: GameState,
  company: Company,
  cmd: CommandOf<"leaseCapacity">,
  caches: EngineCaches,
): void {
  const found = findRegion(state, cmd.region, caches);
  if (!found) throw new Error("leaseCapacity applied without validation");
  post(company, state.day, "leaseSetup", -leaseSetupCents(found.spec, cmd.kw), 0, cmd.region);
  found.region.leasedKw += cmd.kw;
  const lease = company.leases.find((l) => l.region === cmd.region);
  if (lease) lease.kw += cmd.kw;
  else company.leases.push({ region: cmd.region, kw: cmd.kw, renewable: cmd.renewable ?? false });
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
  return {
    kind: "lease",
    region: spec.id,
    kw: cmd.kw,
    policy: region.policy,
    setupCents: leaseSetupCents(spec, cmd.kw),
    hostingCentsPerKwMonth: spec.hostingCentsPerKwMonth,
    powerMicroUsdPerKwh: pricedWithPremium(grid, supply.premiumBps),
    gridMicroUsdPerKwh: grid,
    carbonGPerKwh: supply.carbonGPerKwh,
    renewableOption: spec.renewable,
    uptimePct: uptimeToday(state, r, caches) * 100,
    freeKw: Math.floor(freeKw(region)),
    leasedKw: leasedKw(state, companyId, spec.id),
    usedKw: usedLeaseKw(state, companyId, spec.id, caches),
    moratoriumUntil: region.moratoriumUntil > state.day ? formatIsoDate(region.moratoriumUntil) : null,
    ...carbonLevy(state, spec.country, supply.carbonGPerKwh),
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
