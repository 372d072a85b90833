/**
 * What a lot's own state allows, whatever else the command needs (a destination, a lease with room,
 * cash): the first checks of shipLot, installLot and powerLot, here once so that the commands' validate
 * and the view's per-lot actions (shared/view) give the same verdict. The client shows a lot's buttons
 * from these, never from status strings of its own.
 */
import { refuse } from "../protocol/refusals/index.ts";
import type { EngineCaches } from "./caches.ts";
import type { Rejection } from "./commands/errors.ts";
import { departurePlace } from "./logistics/ship.ts";
import type { GameState, Lot } from "./state.ts";

/** Why the lot cannot leave where it is now (on order; on its way), or null. */
export function lotCannotShip(state: GameState, lot: Lot, caches: EngineCaches): Rejection | null {
  const from = departurePlace(state, lot, caches);
  return "code" in from ? from : null;
}

/** Why the lot cannot be installed at all (not delivered, installed already, on its way), or null. */
export function lotCannotInstall(lot: Lot): Rejection | null {
  if (lot.status === "onOrder") return refuse("LOT_NOT_READY", { lot: lot.id });
  if (lot.status === "installed") return refuse("LOT_ALREADY_INSTALLED", { lot: lot.id });
  if (lot.status === "inTransit") return refuse("LOT_ON_ITS_WAY", { lot: lot.id });
  return null;
}

/** The region whose warehouse the lot waits in, where it could be installed; null if none. */
export function installableIn(lot: Lot): string | null {
  return lotCannotInstall(lot) === null && lot.location.kind === "region" ? lot.location.region : null;
}

/** Why the lot cannot be switched on or off (only installed machines can), or null. */
export function lotCannotPower(lot: Lot): Rejection | null {
  return lot.status === "installed" ? null : refuse("LOT_NOT_INSTALLED", { lot: lot.id });
}
