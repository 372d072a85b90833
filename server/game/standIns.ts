/**
 * Bot stand-ins: each day, before the engine steps, a bot plays every bot seat and every seat whose
 * holder is away (seats.ts: botPlays), with the seat's strategy. Their commands are logged like
 * anyone's.
 */
import { decide } from "../../shared/bots/index.ts";
import type { GameState } from "../../shared/engine/state.ts";
import type { ReplayLog } from "../../shared/replay/index.ts";
import { applyLogged } from "./commandLog.ts";
import { botPlays, type SeatInfo } from "./seats.ts";

export function standInsPlay(state: GameState, log: ReplayLog, seats: readonly SeatInfo[]): void {
  for (const seat of seats) {
    if (!botPlays(seat)) continue;
    const actor = { kind: "company" as const, companyId: seat.id };
    for (const command of decide(state, seat.id, seat.strategy)) applyLogged(state, log, actor, command);
  }
}
