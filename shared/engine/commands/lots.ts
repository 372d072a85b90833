/** Commands on a company's own machine lots: install, power, sell. */
import { usedBidUnitCents } from "../market.ts";
import { lotKw, lotModel, usedLeaseKw, leasedKw } from "../fleet.ts";
import { lotById } from "../lotFacts.ts";
import { regionIndex } from "../regions.ts";
import { sellLotUnits } from "../companies.ts";
import { saleCents } from "../score.ts";
import type { Company, GameState, Lot } from "../state.ts";
import { reservedUnits } from "../offers.ts";
import type { RegionSpec } from "../../scenario/types.ts";
import { refuse } from "../../protocol/refusals/index.ts";
import type { Rejection } from "./errors.ts";
import type { CommandOf } from "./schema.ts";
import type { EngineCaches } from "../caches.ts";
import { ownedLot, type Quoter } from "./quote.ts";
import { installableIn, lotCannotInstall, lotCannotPower } from "../lotActions.ts";

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
  if (!lot || lot.owner !== company.id) return refuse("UNKNOWN_LOT", { lot: id });
  return lot;
}

function isRejection(x: Lot | Rejection): x is Rejection {
  return "code" in x;
}

function notYetDelivered(lot: Lot): Rejection {
  return refuse("LOT_NOT_READY", { lot: lot.id });
}

export function validateInstall(
  state: GameState,
  company: Company,
  cmd: CommandOf<"installLot">,
  caches: EngineCaches,
): Rejection | null {
  const lot = ownLot(state, company, cmd.lot, caches);
  if (isRejection(lot)) return lot;
  const cannot = lotCannotInstall(lot);
  if (cannot) return cannot;
  const r = regionIndex(state, cmd.region, caches);
  if (r < 0) return refuse("UNKNOWN_REGION", { region: cmd.region });
  const spec = state.scenario.regions[r] as RegionSpec;
  if (installableIn(lot) !== cmd.region) {
    return refuse("LOT_NOT_HERE", { lot: lot.id, region: spec.name });
  }
  if (state.world.regions[r]?.policy === "banned") {
    return refuse("REGION_BANNED", { region: spec.name });
  }
  const need = lotKw(lotModel(state, lot, caches), lot.quantity);
  const room = leasedKw(state, company.id, cmd.region) - usedLeaseKw(state, company.id, cmd.region, caches);
  if (need > room + 1e-9) {
    return refuse("NO_LEASE_ROOM", { lot: lot.id, region: spec.name, needKw: need, freeKw: room });
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
  const cannot = lotCannotPower(lot);
  if (cannot) return cannot;
  if (lot.powered === cmd.on) {
    return refuse("POWER_ALREADY", { lot: lot.id, on: cmd.on });
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
  const model = lotModel(state, lot, caches);
  const owner = state.companies.find((c) => c.id === lot.owner);
  return owner ? saleCents(state, owner, model, quantity, caches) : usedBidUnitCents(state, model) * quantity;
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
      return refuse("SALE_PROMISED", { lot: lot.id, promised: lot.quantity - free, free });
    }
    return refuse("SELL_TOO_MANY", { lot: lot.id, holds: lot.quantity, asked: cmd.quantity });
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

/** What selling the units into the used market would bring, at today's bid. */
export const previewSale: Quoter<"sellMachines"> = (q, cmd) => {
  const lot = ownedLot(q, cmd.lot);
  if (!lot) return undefined;
  const totalCents = quoteSale(q.state, lot, cmd.quantity, q.caches);
  // The average per unit: with depth, a big sale's units fetch less than the quoted bid of one.
  const unitCents = cmd.quantity > 0 ? Math.floor(totalCents / cmd.quantity) : 0;
  return { kind: "sale", unitCents, totalCents };
};
