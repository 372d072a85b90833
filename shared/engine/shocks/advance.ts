/** Shocks in force expire, random hazards strike. (Stub until shocks land.) */
import type { GameState } from "../state.ts";

export function advanceShocks(_state: GameState): void {}
