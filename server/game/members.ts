/**
 * Who is in a game: each connection (a Colyseus session id) and what it is, host, player or
 * spectator, with the seat it plays. Together with the seats and the tokens held since a restart,
 * that is the game's roster.
 */
import type { HeldTokens } from "./heldTokens.ts";
import type { SeatInfo } from "./seats.ts";

export interface Membership {
  role: "host" | "player" | "spectator";
  seat: string | null;
  seatToken: string | null;
  /** The name the connection joined with (the host sees it, to give a seat to a named person). */
  name?: string;
}

/**
 * A join's outcome: the membership, and the connection that held the seat before and lost it to this
 * join (the same person in a new tab, or a reload before the old socket closed), which watches from
 * then on as a spectator.
 */
export interface Joined extends Membership {
  displaced: string | null;
}

/** The seats, the connections and what they are, and the tokens of seats restored after a restart. */
export interface Roster {
  readonly seats: SeatInfo[];
  readonly members: Map<string, Membership>;
  readonly tokens: HeldTokens;
}

/**
 * The connection that holds `seat` loses it to `sessionId`, if another one holds it: the newest wins,
 * and the old connection keeps nothing of the seat (the room takes its private view away), only its
 * host powers if it had them. Returns the displaced connection, or null.
 */
export function displaceHolder(
  members: Map<string, Membership>,
  seat: SeatInfo,
  sessionId: string,
): string | null {
  if (!seat.sessionId || !seat.connected || seat.sessionId === sessionId) return null;
  const old = members.get(seat.sessionId);
  if (old)
    members.set(seat.sessionId, {
      role: old.role === "host" ? "host" : "spectator",
      seat: null,
      seatToken: null,
      ...(old.name ? { name: old.name } : {}),
    });
  return seat.sessionId;
}
