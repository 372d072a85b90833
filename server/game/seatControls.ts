/**
 * The host's seat controls: hand a seat to a bot (with a strategy; locked or not), give it back to
 * people, kick its holder (the seat goes to a bot for good and the holder's token lapses), or give it to
 * a connected person by name (the old token lapses, the new holder gets a new one). And the holder's own:
 * taking their seat back from the bot the host put in, unless the host locked it.
 */
import { STRATEGIES } from "../../shared/bots/index.ts";
import { formatStrategyName, parseStrategyName, type Level } from "../../shared/strategy/names.ts";
import type { HostAction } from "../../shared/protocol/index.ts";
import { refuse } from "../../shared/protocol/refusals/index.ts";
import type { Denial } from "./authorize.ts";
import { newToken } from "./codes.ts";
import type { Roster } from "./members.ts";
import { giveToBot, type SeatInfo } from "./seats.ts";

export type SeatControl = Extract<HostAction, { type: "botSeat" | "humanSeat" | "kick" | "assignSeat" }>;

/** What a seat control did to connections: one that lost its seat, one that got one. */
export interface SeatMoves {
  demoted: string | null;
  seated: string | null;
}

export function controlSeat(roster: Roster, action: SeatControl): Denial | SeatMoves {
  const seat = roster.seats.find((s) => s.id === action.seat);
  if (!seat) return refuse("NO_SUCH_SEAT", { seat: action.seat });
  const none = { demoted: null, seated: null };
  if (action.type === "botSeat") toBot(seat, action.strategy, action.level, action.lock === true);
  else if (action.type === "humanSeat") toPeople(roster, seat);
  else if (action.type === "kick") kick(roster, seat);
  else return assign(roster, seat, action.to);
  return none;
}

/**
 * A bot plays the seat (its holder, if any, keeps the token), with the strategy named if it is one and
 * at the level named (the strategy may carry its own prefix, `hard:trader`; `level` wins over it); what
 * is not named stays as the seat had it. The seat keeps the full name (`hard:trader`), stored with it.
 */
function toBot(seat: SeatInfo, strategy: string | undefined, level: Level | undefined, lock: boolean): void {
  seat.kind = "bot";
  seat.caretaker = false;
  seat.locked = lock;
  const was = parseStrategyName(seat.strategy);
  const named = strategy ? parseStrategyName(strategy) : null;
  const bare = named && STRATEGIES.includes(named.strategy) ? named.strategy : was.strategy;
  const chosen = level ?? (named && named.strategy === bare ? named.level : was.level);
  seat.strategy = formatStrategyName({ level: chosen, strategy: bare });
}

/** Back to people: the seat's holder (if any) can resume it with their token; otherwise it opens. */
function toPeople(roster: Roster, seat: SeatInfo): void {
  seat.kind = seat.token || roster.tokens.holds(seat.id) ? "human" : "open";
  seat.locked = false;
}

/** The holder is out: the seat is a bot's for good, and the connection is no member any more. */
function kick(roster: Roster, seat: SeatInfo): void {
  if (seat.sessionId) roster.members.delete(seat.sessionId);
  giveToBot(seat);
  seat.kicked = true;
  roster.tokens.forget(seat.id);
}

/**
 * The seat goes to the connection `to` (a spectator who lost their token, a student on a new device):
 * a new token, so the old one no longer takes it; whoever held it before watches from then on.
 */
function assign(roster: Roster, seat: SeatInfo, to: string): Denial | SeatMoves {
  const member = roster.members.get(to);
  if (!member || member.role === "host" || member.seat === seat.id) return refuse("NO_SUCH_PERSON");
  if (member.seat) return refuse("HOLDS_A_SEAT");
  const old = seat.connected && seat.sessionId !== to ? seat.sessionId : null;
  if (old) roster.members.set(old, { role: "spectator", seat: null, seatToken: null });
  roster.tokens.forget(seat.id);
  Object.assign(seat, {
    kind: "human",
    token: newToken(),
    sessionId: to,
    connected: true,
    droppedAt: null,
    caretaker: false,
    kicked: false,
    locked: false,
    name: member.name ?? seat.name,
  });
  roster.members.set(to, { role: "player", seat: seat.id, seatToken: seat.token, name: seat.name });
  return { demoted: old, seated: to };
}

/** The holder takes their seat back from the bot the host put in (refused while the host locks it). */
export function takeBack(roster: Roster, seatId: string | null): Denial | null {
  const seat = roster.seats.find((s) => s.id === seatId);
  if (!seat || seat.kind !== "bot" || seat.token === null) return refuse("NOT_BOT_PLAYED");
  if (seat.locked) return refuse("SEAT_LOCKED");
  seat.kind = "human";
  return null;
}
