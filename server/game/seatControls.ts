/**
 * The host's seat controls: hand a seat to a bot (with a strategy), give it back to people, or kick its
 * holder (the seat goes to a bot for good and the holder's token lapses).
 */
import { STRATEGIES } from "../../shared/bots/index.ts";
import type { HostAction } from "../../shared/protocol/index.ts";
import { refuse } from "../../shared/protocol/refusals/index.ts";
import type { Denial } from "./authorize.ts";
import type { Roster } from "./members.ts";
import { giveToBot, type SeatInfo } from "./seats.ts";

export type SeatControl = Extract<HostAction, { type: "botSeat" | "humanSeat" | "kick" }>;

export function controlSeat(roster: Roster, action: SeatControl): Denial | null {
  const seat = roster.seats.find((s) => s.id === action.seat);
  if (!seat) return refuse("NO_SUCH_SEAT", { seat: action.seat });
  if (action.type === "botSeat") toBot(seat, action.strategy);
  else if (action.type === "humanSeat") toPeople(roster, seat);
  else kick(roster, seat);
  return null;
}

/** A bot plays the seat (its holder, if any, keeps the token), with the strategy named if it is one. */
function toBot(seat: SeatInfo, strategy: string | undefined): void {
  seat.kind = "bot";
  if (strategy && STRATEGIES.includes(strategy)) seat.strategy = strategy;
}

/** Back to people: the seat's holder (if any) can resume it with their token; otherwise it opens. */
function toPeople(roster: Roster, seat: SeatInfo): void {
  seat.kind = seat.token || roster.tokens.holds(seat.id) ? "human" : "open";
}

/** The holder is out: the seat is a bot's for good, and the connection is no member any more. */
function kick(roster: Roster, seat: SeatInfo): void {
  if (seat.sessionId) roster.members.delete(seat.sessionId);
  giveToBot(seat);
  roster.tokens.forget(seat.id);
}
