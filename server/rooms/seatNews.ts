/**
 * What the room tells people about seats, outside the synced state: a holder whether a bot the host put
 * in plays their company (and whether they may take it back), a returning holder what stand-ins did in
 * their name ("while you were away"), and the host the roster as the room sees it (who holds what, who is
 * away and cared for, kicked or locked seats, and the people connected, to give a seat to).
 */
import type { Client } from "@colyseus/core";
import type { ServerMessage } from "../../shared/protocol/index.ts";
import type { GameSession } from "../game/session.ts";
import type { GameRoomState } from "../schema/state.ts";
import type { Present } from "./admission.ts";
import { showOnly } from "./views.ts";

function clientOf(clients: readonly Client[], sessionId: string | null): Client | undefined {
  return sessionId === null ? undefined : clients.find((c) => c.sessionId === sessionId);
}

/** Tells a seat's connected holder how their seat stands, and what was done in it while they were away. */
export function tellHolder(clients: readonly Client[], session: GameSession, seatId: string | null): void {
  const seat = session.seats.find((s) => s.id === seatId);
  const client = clientOf(clients, seat?.sessionId ?? null);
  if (!seat || !client || !seat.connected) return;
  client.send("seat", { bot: seat.kind === "bot", locked: seat.locked } satisfies ServerMessage<"seat">);
  // While a bot plays, its moves are told when the holder takes the seat back, all together.
  if (seat.kind === "bot") return;
  const actions = session.takeAway(seat.id);
  if (actions.length > 0) client.send("away", { actions } satisfies ServerMessage<"away">);
}

/** The roster as the host's console shows it. */
export function rosterOf(session: GameSession): ServerMessage<"roster"> {
  const seats = session.seats.map((s) => ({
    seat: s.id,
    name: s.name,
    kind: s.kind,
    holder: session.held(s),
    connected: s.connected,
    caretaker: s.caretaker,
    kicked: s.kicked,
    locked: s.locked,
    strategy: s.strategy,
  }));
  const people = [...session.members].map(([id, m]) => ({
    id,
    name: m.name ?? "",
    role: m.role,
    seat: m.seat,
  }));
  const grace = session.standInAfterMs;
  return { standInAfter: grace === null ? null : grace / 1000, seats, people };
}

/** Sends the roster to every host connection (after a join, a leave or a seat control). */
export function tellHosts(clients: readonly Client[], session: GameSession): void {
  let roster: ServerMessage<"roster"> | null = null;
  for (const c of clients) {
    if (session.members.get(c.sessionId)?.role !== "host") continue;
    roster ??= rosterOf(session);
    c.send("roster", roster);
  }
}

/** Tells the seat's holder how it stands (and what stand-ins did), and the host the roster. */
export function tellSeat(clients: readonly Client[], session: GameSession, seatId: string | null): void {
  tellHolder(clients, session, seatId);
  tellHosts(clients, session);
}

/**
 * The host gave a seat to a connected person: the old holder watches (`demote`), and the new one sees
 * the seat's private part and gets the seat's token.
 */
export function reseat(
  room: { clients: readonly Client[]; state: GameRoomState },
  session: GameSession,
  demote: (sessionId: string) => void,
  present: Map<string, Present>,
): void {
  const moves = session.takeMoves();
  if (moves?.demoted) demote(moves.demoted);
  const client = room.clients.find((c) => c.sessionId === moves?.seated);
  const membership = client ? session.members.get(client.sessionId) : undefined;
  if (!client || !membership) return;
  showOnly(client, room.state, membership);
  client.send("welcome", { ...membership, code: session.code, scenario: session.options.scenario });
  const here = present.get(client.sessionId);
  if (here) here.role = "player";
}
