import { roundHalfAway } from "../../math/money.ts";
import { post } from "../ledger.ts";
import { freeKw, regionIndex } from "../regions.ts";
import { usedLeaseKw } from "../fleet.ts";
import type { Company, GameState, RegionState } from "../state.ts";
import type { RegionSpec } from "../../scenario/types.ts";
import { reject, type Rejection } from "./errors.ts";
import type { CommandOf } from "./schema.ts";
import type { EngineCaches } from "../caches.ts";

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
  return reject("UNKNOWN_REGION", `No region "${id}".`, `没有名为"${id}"的地区。`);
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
    return reject("REGION_BANNED", `Mining is banned in ${spec.name.en}.`, `${spec.name.zh}已禁止挖矿。`);
  }
  if (region.moratoriumUntil > state.day) {
    return reject(
      "MORATORIUM",
      `${spec.name.en} accepts no new mining load during its moratorium.`,
      `${spec.name.zh}在暂停期内不接受新的挖矿用电。`,
    );
  }
  const existing = company.leases.find((l) => l.region === cmd.region);
  if (existing && existing.renewable !== (cmd.renewable ?? false)) {
    const en = existing.renewable ? "renewable" : "grid";
    const zh = existing.renewable ? "可再生能源" : "电网";
    return reject(
      "BAD_PARAMS",
      `Your lease in ${spec.name.en} runs on ${en} power; extend it the same way or release it first.`,
      `你在${spec.name.zh}的租约使用${zh}电力；请按相同方式扩租，或先退租。`,
    );
  }
  if (cmd.renewable && !spec.renewable) {
    return reject(
      "BAD_PARAMS",
      `${spec.name.en} offers no renewable option.`,
      `${spec.name.zh}不提供可再生能源选项。`,
    );
  }
  const free = Math.floor(freeKw(region));
  if (cmd.kw > free) {
    return reject(
      "NO_CAPACITY",
      `${spec.name.en} has ${free} kW free; you asked for ${cmd.kw} kW.`,
      `${spec.name.zh}仅剩 ${free} 千瓦可租，你申请了 ${cmd.kw} 千瓦。`,
    );
  }
  const setup = leaseSetupCents(spec, cmd.kw);
  if (setup > company.cashCents) {
    return reject(
      "INSUFFICIENT_CASH",
      `The first month of hosting for ${cmd.kw} kW is due up front; you cannot pay it.`,
      `租用 ${cmd.kw} 千瓦需预付首月托管费，你的现金不足。`,
    );
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
  if (!lease) return reject("NO_LEASE", `You lease nothing in ${cmd.region}.`, `你在该地区没有租用容量。`);
  if (cmd.kw > lease.kw) {
    return reject(
      "BAD_QUANTITY",
      `Your lease in ${cmd.region} is ${lease.kw} kW; you cannot release ${cmd.kw} kW.`,
      `你在该地区只租了 ${lease.kw} 千瓦，不能退租 ${cmd.kw} 千瓦。`,
    );
  }
  const inUse = usedLeaseKw(state, company.id, cmd.region, caches);
  if (lease.kw - cmd.kw < inUse - 1e-9) {
    return reject(
      "LEASE_IN_USE",
      `Installed machines use ${Math.ceil(inUse)} kW of your ${lease.kw} kW lease; remove them first.`,
      `已安装的矿机占用了你 ${lease.kw} 千瓦中的 ${Math.ceil(inUse)} 千瓦，请先移除矿机。`,
    );
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
