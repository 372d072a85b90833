/**
 * Seats: each company of the game is a seat, held by a person (with a token that lets them take it
 * back after a reload), played by a bot, or open. A dropped person keeps the seat for good; nobody acts
 * in it until the grace period the host set has passed, and then only a caretaker that keeps the
 * company safe (shared/bots/caretaker.ts). A bot plays a person's seat only when the host hands it over.
 * The functions here are what happens to one seat; who may ask for them is join.ts's and
 * seatControls.ts's business.
 */
import type { ActedBy } from "../../shared/replay/index.ts";
import type { DebriefText } from "../../shared/protocol/debrief.ts";
import type { StoredSeat } from "../store/store.ts";
import { newToken } from "./codes.ts";
import { companyName } from "./companyNames.ts";

/** Something a stand-in did in a person's company, for the "while you were away" summary. */
export interface AwayAction {
  day: number;
  date: string;
  by: ActedBy;
  text: DebriefText;
}

/** At most this many stand-in actions are kept for the summary (the newest). */
const AWAY_KEPT = 50;

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
  /** A caretaker stands in: the holder has been away past the grace period. */
  caretaker: boolean;
  /** The host removed the holder: the seat is a bot's for good. */
  kicked: boolean;
  /** The host handed the seat to a bot and keeps it there: the holder may not take it back. */
  locked: boolean;
  /** What stand-ins did since the holder last saw the company (told on their return). */
  awayLog: AwayAction[];
}

/** A seat's fields beyond who holds it, as a new or restored seat starts. */
const fresh = () => ({ caretaker: false, kicked: false, locked: false, awayLog: [] as AwayAction[] });

export function newSeats(count: number, strategies: readonly string[]): SeatInfo[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `p${i + 1}`,
    name: companyName(i),
    kind: "open",
    token: null,
    sessionId: null,
    connected: false,
    strategy: strategies[i % Math.max(1, strategies.length)] ?? "cautious",
    droppedAt: null,
    ...fresh(),
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
    ...fresh(),
  }));
}

/**
 * Who acts in this seat today, if not its holder: a bot company's bot, a bot the host put in a person's
 * seat (a stand-in), or the caretaker of a person away past the grace period. While a person is away
 * within it (a reload, a closed tab), nobody acts in their name: the company runs as they left it.
 */
export function standsIn(seat: SeatInfo, held: boolean): ActedBy | null {
  if (seat.kind === "bot") return held ? "standIn" : "bot";
  return seat.kind === "human" && seat.caretaker ? "caretaker" : null;
}

/** Notes what a stand-in did in a person's seat, for the holder's return. */
export function noteAway(seat: SeatInfo, action: AwayAction): void {
  seat.awayLog.push(action);
  if (seat.awayLog.length > AWAY_KEPT) seat.awayLog.splice(0, seat.awayLog.length - AWAY_KEPT);
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
  seat.caretaker = false;
}

/** The connection holding a seat dropped (or left): the seat stays reserved; nobody plays it meanwhile. */
export function leaveSeat(seats: readonly SeatInfo[], sessionId: string, now: number): void {
  const seat = seats.find((s) => s.sessionId === sessionId);
  if (seat) {
    seat.connected = false;
    seat.droppedAt = now;
  }
}

/** Has the seat's holder been away longer than the grace period (null: never too long)? */
export function awayTooLong(seat: SeatInfo, now: number, graceMs: number | null): boolean {
  return (
    graceMs !== null &&
    seat.kind === "human" &&
    !seat.connected &&
    seat.droppedAt !== null &&
    now - seat.droppedAt > graceMs
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
