/**
 * Seats: each company of the game is a seat, held by a person (with a token that lets them take it
 * back after a reload), played by a bot, or open. A dropped person keeps the seat for a while; a bot
 * plays it meanwhile, visibly.
 */
export interface SeatInfo {
  id: string;
  name: string;
  kind: "human" | "bot" | "open";
  /** The secret a client presents to take this seat back. */
  token: string | null;
  sessionId: string | null;
  connected: boolean;
  strategy: string;
  /** Room clock time (ms) the holder dropped, or null. */
  droppedAt: number | null;
}

export function newSeats(count: number, strategies: readonly string[]): SeatInfo[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `p${i + 1}`,
    name: `Seat ${i + 1}`,
    kind: "open",
    token: null,
    sessionId: null,
    connected: false,
    strategy: strategies[i % Math.max(1, strategies.length)] ?? "cautious",
    droppedAt: null,
  }));
}

/** Does a bot play this seat today? Bot seats, and human seats whose holder is away. */
export function botPlays(seat: SeatInfo): boolean {
  return seat.kind === "bot" || (seat.kind === "human" && !seat.connected);
}
