/** What the lobby lists of a room (its Colyseus metadata); private rooms are not listed at all. */
import type { GameSession } from "../game/session.ts";

export function lobbyEntry(s: GameSession) {
  return {
    scenario: s.options.scenario,
    name: s.options.name,
    seats: s.seats.length,
    taken: s.seats.filter((x) => x.kind === "human").length,
    phase: s.phase,
    pace: s.pace,
    // Private rooms are never listed (the list asks for public rooms only), so their code can sit in
    // the metadata too: any process of a Redis-shared cluster can then resolve a join code.
    code: s.code,
    classroom: s.options.classroom,
  };
}
