/** The trade layer's daily work between players: offers expire. (Stub until the market module lands.) */
import type { GameState } from "./state.ts";

export function advanceOffers(_state: GameState): void {}
