/**
 * Stand-ins: each day, before the engine steps, whoever acts in a seat other than its holder does: a bot
 * company's bot, a bot the host put in a person's seat (with the seat's strategy), or the caretaker of a
 * person away past the grace period (shared/bots/caretaker.ts: it only switches off machines that lose
 * money or run under a ban). Each command is logged with who gave it (LoggedAction.by), and what was done
 * in a person's company is noted for their return ("while you were away").
 */
import { actingOrder, caretake, decide, type BotCaches } from "../../shared/bots/index.ts";
import { botDecideName } from "../../shared/strategy/names.ts";
import type { Command } from "../../shared/engine/commands/schema.ts";
import { formatIsoDate } from "../../shared/math/calendar.ts";
import type { ActedBy } from "../../shared/replay/index.ts";
import { summarizeCommand } from "../debriefSummary.ts";
import { applyLogged, type LoggedGame } from "./commandLog.ts";
import type { Roster } from "./members.ts";
import { noteAway, standsIn, type SeatInfo } from "./seats.ts";

/** Whether a person holds this seat (a token, or a token's hash since a restart). */
export function held(roster: Roster, seat: SeatInfo): boolean {
  return seat.token !== null || roster.tokens.holds(seat.id);
}

function commandsOf(game: LoggedGame, seat: SeatInfo, by: ActedBy, bots: BotCaches): Command[] {
  return by === "caretaker"
    ? caretake(game.state, seat.id, bots.engine)
    : decide(game.state, seat.id, botDecideName(seat.strategy), bots);
}

/** Each stand-in in turn, in the order drawn for the day (shared/bots/order.ts), on what the previous left. */
export function standInsPlay(game: LoggedGame, roster: Roster, bots: BotCaches): void {
  const names = (id: string) => roster.seats.find((s) => s.id === id)?.name ?? id;
  for (const i of actingOrder(game.state.seed, game.state.tick, roster.seats.length)) {
    const seat = roster.seats[i];
    if (!seat) continue;
    const by = standsIn(seat, held(roster, seat));
    if (!by) continue;
    const actor = { kind: "company" as const, companyId: seat.id };
    for (const command of commandsOf(game, seat, by, bots)) {
      // The summary reads the state before the command (a lot shipped whole is gone after it).
      const text = by === "bot" ? null : summarizeCommand(game.state, actor, command, names);
      if (!applyLogged(game, actor, command, by).ok || !text) continue;
      noteAway(seat, { day: game.state.tick, date: formatIsoDate(game.state.day), by, text });
    }
  }
}
