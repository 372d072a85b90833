/** Commands on a company's own machine lots: install, power, sell. */
import { usedBidUnitCents } from "../market.ts";
import { lotKw, lotModel, usedLeaseKw, leasedKw } from "../fleet.ts";
import { lotById } from "../lotFacts.ts";
import { regionIndex } from "../regions.ts";
import { sellLotUnits } from "../companies.ts";
import type { Company, GameState, Lot } from "../state.ts";
import { reservedUnits } from "../trade.ts";
import type { RegionSpec } from "../../scenario/types.ts";
import { reject, type Rejection } from "./errors.ts";
import type { CommandOf } from "./schema.ts";
import type { EngineCaches } from "../caches.ts";

/**
 * Finds a lot the company owns. Another company's lot is answered exactly like an id that does not
 * exist: lots are private, and "not yours" would tell a stranger which ids are someone else's.
 */
export function ownLot(
  state: GameState,
  company: Company,
  id: string,
  caches: EngineCaches,
): Lot | Rejection {
  const lot = lotById(state, id, caches);
  if (!lot || lot.owner !== company.id)
    return reject("UNKNOWN_LOT", `No lot "${id}".`, `没有编号为"${id}"的矿机批次。`);
  return lot;
}

function isRejection(x: Lot | Rejection): x is Rejection {
  return "code" in x;
}

function notYetDelivered(lot: Lot): Rejection {
  return reject("LOT_NOT_READY", `Lot ${lot.id} has not left the factory yet.`, `批次 ${lot.id} 尚未出厂。`);
}

export function validateInstall(
  state: GameState,
  company: Company,
  cmd: CommandOf<"installLot">,
  caches: EngineCaches,
): Rejection | null {
  const lot = ownLot(state, company, cmd.lot, caches);
  if (isRejection(lot)) return lot;
  if (lot.status === "onOrder") return notYetDelivered(lot);
  if (lot.status === "installed") {
    return reject(
      "LOT_ALREADY_INSTALLED",
      `Lot ${lot.id} is already installed.`,
      `批次 ${lot.id} 已经安装。`,
    );
  }
  if (lot.status === "inTransit") {
    return reject(
      "LOT_BUSY",
      `Lot ${lot.id} is on its way; wait until it arrives.`,
      `批次 ${lot.id} 正在运输途中，请等待到达。`,
    );
  }
  const r = regionIndex(state, cmd.region, caches);
  if (r < 0) return reject("UNKNOWN_REGION", `No region "${cmd.region}".`, `没有名为"${cmd.region}"的地区。`);
  const spec = state.scenario.regions[r] as RegionSpec;
  if (lot.location.kind !== "region" || lot.location.region !== cmd.region) {
    return reject(
      "LOT_NOT_HERE",
      `Lot ${lot.id} is not in ${spec.name.en}: ship it there first.`,
      `批次 ${lot.id} 不在${spec.name.zh}：请先运过去。`,
    );
  }
  if (state.world.regions[r]?.policy === "banned") {
    return reject("REGION_BANNED", `Mining is banned in ${spec.name.en}.`, `${spec.name.zh}已禁止挖矿。`);
  }
  const need = lotKw(lotModel(state, lot, caches), lot.quantity);
  const room = leasedKw(state, company.id, cmd.region) - usedLeaseKw(state, company.id, cmd.region, caches);
  if (need > room + 1e-9) {
    return reject(
      "NO_LEASE_ROOM",
      `Lot ${lot.id} needs ${Math.ceil(need)} kW; your free lease in ${spec.name.en} is ${Math.floor(room)} kW.`,
      `批次 ${lot.id} 需要 ${Math.ceil(need)} 千瓦，你在${spec.name.zh}的剩余租用容量为 ${Math.floor(room)} 千瓦。`,
    );
  }
  return null;
}

export function applyInstall(
  state: GameState,
  company: Company,
  cmd: CommandOf<"installLot">,
  caches: EngineCaches,
): void {
  const lot = ownLot(state, company, cmd.lot, caches);
  if (isRejection(lot)) throw new Error("installLot applied without validation");
  lot.status = "installed";
  lot.powered = true;
}

export function validatePower(
  state: GameState,
  company: Company,
  cmd: CommandOf<"powerLot">,
  caches: EngineCaches,
): Rejection | null {
  const lot = ownLot(state, company, cmd.lot, caches);
  if (isRejection(lot)) return lot;
  if (lot.status !== "installed") {
    return reject(
      "LOT_NOT_INSTALLED",
      `Lot ${lot.id} is not installed anywhere.`,
      `批次 ${lot.id} 尚未安装。`,
    );
  }
  if (lot.powered === cmd.on) {
    const en = cmd.on ? "already running" : "already off";
    const zh = cmd.on ? "已在运行" : "已经关机";
    return reject("ALREADY_SO", `Lot ${lot.id} is ${en}.`, `批次 ${lot.id} ${zh}。`);
  }
  return null;
}

export function applyPower(
  state: GameState,
  company: Company,
  cmd: CommandOf<"powerLot">,
  caches: EngineCaches,
): void {
  const lot = ownLot(state, company, cmd.lot, caches);
  if (isRejection(lot)) throw new Error("powerLot applied without validation");
  lot.powered = cmd.on;
}

/** What selling `quantity` units of a lot to the used market pays now. */
export function quoteSale(state: GameState, lot: Lot, quantity: number, caches: EngineCaches): number {
  return usedBidUnitCents(state, lotModel(state, lot, caches)) * quantity;
}

export function validateSell(
  state: GameState,
  company: Company,
  cmd: CommandOf<"sellMachines">,
  caches: EngineCaches,
): Rejection | null {
  const lot = ownLot(state, company, cmd.lot, caches);
  if (isRejection(lot)) return lot;
  if (lot.status === "onOrder") return notYetDelivered(lot);
  const free = lot.quantity - reservedUnits(state, lot.id);
  if (cmd.quantity > free) {
    if (free < lot.quantity) {
      return reject(
        "LOT_BUSY",
        `${lot.quantity - free} machines of lot ${lot.id} are promised in an open offer; you can sell ${free}.`,
        `批次 ${lot.id} 中有 ${lot.quantity - free} 台已在报价中承诺出售，你只能卖出 ${free} 台。`,
      );
    }
    return reject(
      "BAD_QUANTITY",
      `Lot ${lot.id} holds ${lot.quantity} machines; you tried to sell ${cmd.quantity}.`,
      `批次 ${lot.id} 只有 ${lot.quantity} 台矿机，你试图出售 ${cmd.quantity} 台。`,
    );
  }
  return null;
}

export function applySell(
  state: GameState,
  company: Company,
  cmd: CommandOf<"sellMachines">,
  caches: EngineCaches,
): void {
  const lot = ownLot(state, company, cmd.lot, caches);
  if (isRejection(lot)) throw new Error("sellMachines applied without validation");
  sellLotUnits(state, company, lot, cmd.quantity, caches);
}
