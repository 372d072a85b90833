/**
 * Notices out of the room (moved out of GameRoom.ts, which is at its size ceiling): public ones to the
 * news ticker, a company's own to its seat's client, and the server's own word to everyone.
 */
import type { Client } from "@colyseus/core";
import type { Notice } from "../../shared/engine/tradeState.ts";
import type { Text } from "../../shared/scenario/types.ts";
import type { GameSession } from "../game/session.ts";
import type { SyncedView } from "./synced.ts";

export function publish(
  raw: readonly Notice[],
  session: GameSession,
  synced: SyncedView,
  clients: readonly Client[],
): void {
  // The engine names companies by their bot names; people see the seat's holder.
  const notices = raw.map((n) => ({ ...n, text: session.named(n.text) }));
  synced.post(notices, session.state);
  for (const n of notices) {
    if (n.company === null) continue;
    const seat = session.seats.find((s) => s.id === n.company);
    const target = clients.find((c) => c.sessionId === seat?.sessionId);
    target?.send("notice", { day: n.day, kind: n.kind, text: n.text, targets: n.targets });
  }
}

export function tellEveryone(clients: readonly Client[], day: number, text: Text): void {
  for (const c of clients) c.send("notice", { day, kind: "server", text, targets: [] });
}
