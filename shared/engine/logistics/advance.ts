/** Shipments move, reach ports, clear customs or are held. (Stub until logistics lands.) */
import type { GameState } from "../state.ts";

export function advanceShipments(_state: GameState): void {}
