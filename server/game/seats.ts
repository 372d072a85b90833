/**
 * Seats: each company of the game is a seat, held by a person (with a token that lets them take it
 * back after a reload), played by a bot, or open. A dropped person keeps the seat for a while; a bot
 * plays it meanwhile, visibly. The functions here are what happens to one seat; who may ask for them
 * is join.ts's and seatControls.ts's business.
 */
import type { StoredSeat } from "../store/store.ts";
import { newToken } from "./codes.ts";

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

/**
 * The seats of a game rebuilt after a restart. Every person is away (dropped as of `now`, so bots
 * stand in and the reconnection window starts again); their tokens live on as hashes (heldTokens.ts).
 */
export function restoredSeats(stored: readonly StoredSeat[], now: number): SeatInfo[] {
  return stored.map((s) => ({
    id: s.id,
    name: s.name,
    kind: s.kind,
    token: null,
    sessionId: null,
    connected: false,
    strategy: s.strategy,
    droppedAt: s.kind === "human" ? now : null,
  }));
}

/**
 * Does a bot play this seat today? Only a bot's seat: one the host handed to a bot, or one whose holder
 * stayed away past the reconnection window (the host sets it: reconnectSeconds). While a person is away
 * within it (a reload, a closed tab), nobody acts in their name: the company runs as they left it.
 */
export function botPlays(seat: SeatInfo): boolean {
  return seat.kind === "bot";
}

/** A connection takes the seat: an open seat becomes a person's, with a new token to take it back. */
export function occupy(seat: SeatInfo, sessionId: string, name: string): void {
  if (seat.kind === "open") {
    seat.kind = "human";
    seat.token = newToken();
  }
  seat.name = name;
  seat.sessionId = sessionId;
  seat.connected = true;
  seat.droppedAt = null;
}

/** The connection holding a seat dropped (or left): the seat stays reserved; a bot plays it meanwhile. */
export function leaveSeat(seats: readonly SeatInfo[], sessionId: string, now: number): void {
  const seat = seats.find((s) => s.sessionId === sessionId);
  if (seat) {
    seat.connected = false;
    seat.droppedAt = now;
  }
}

/** Has the seat's holder been away longer than the reconnection window? */
export function awayTooLong(seat: SeatInfo, now: number, windowMs: number): boolean {
  return (
    seat.kind === "human" && !seat.connected && seat.droppedAt !== null && now - seat.droppedAt > windowMs
  );
}

/** A seat handed to a bot for good: its token lapses and no connection holds it. */
export function giveToBot(seat: SeatInfo): void {
  seat.kind = "bot";
  seat.token = null;
  seat.connected = false;
  seat.sessionId = null;
}

/** At the start, open seats go to bots when the game fills with bots (otherwise they stay open). */
export function fillWithBots(seats: readonly SeatInfo[]): void {
  for (const seat of seats) if (seat.kind === "open") seat.kind = "bot";
}
