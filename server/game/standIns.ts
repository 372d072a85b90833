/**
 * Bot stand-ins: each day, before the engine steps, a bot plays every bot seat (seats.ts: botPlays),
 * with the seat's strategy; a person away within the reconnection window is not stood in for. Their commands are logged like
 * anyone's.
 */
import { decide, type BotCaches } from "../../shared/bots/index.ts";
import { applyLogged, type LoggedGame } from "./commandLog.ts";
import { botPlays, type SeatInfo } from "./seats.ts";

export function standInsPlay(game: LoggedGame, seats: readonly SeatInfo[], bots: BotCaches): void {
  for (const seat of seats) {
    if (!botPlays(seat)) continue;
    const actor = { kind: "company" as const, companyId: seat.id };
    for (const command of decide(game.state, seat.id, seat.strategy, bots)) applyLogged(game, actor, command);
  }
}
