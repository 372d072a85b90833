/**
 * Constants both ends of the wire need, declared once and free of zod, so that the browser's first
 * page can import them without the schemas that check them (shared/protocol/options.ts, messages.ts).
 */

/** Game days per second the host may choose. */
export const PACES = [0.25, 0.5, 1, 2, 4, 8, 16] as const;

/** Join codes: no 0/O, 1/I/L, so that a class can read them off a projector. */
export const JOIN_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const JOIN_CODE_LENGTH = 6;

/**
 * Companies in a game, and how their seats are named: p1 … p40. A whole class plays, one company each
 * (the scenarios' own ceiling, company.maxCompanies, is as high).
 */
export const MAX_SEATS = 40;
/** p1 … p40 and nothing else (no p0, no p07): the seat ids listed, so the ceiling is MAX_SEATS exactly. */
export const SEAT_PATTERN = new RegExp(
  `^p(?:${Array.from({ length: MAX_SEATS }, (_, i) => i + 1).join("|")})$`,
);

/** A game's phases: seats fill in the lobby, days pass while running, the host may pause, then it ends. */
export const PHASES = ["lobby", "running", "paused", "ended"] as const;
export type Phase = (typeof PHASES)[number];

/** WebSocket close code the server uses when the host removes a player (kick): not a drop to retry. */
export const CLOSE_REMOVED = 4403;

/** Close code when the server is stopping (a restart, a deploy): the client keeps its seat and comes back. */
export const CLOSE_SERVER_STOPPING = 4503;

/**
 * The host's choices for when a caretaker stands in for a person away (seconds; null: never), and the
 * default: five minutes in a classroom (far past any reload or dropped Wi-Fi, soon enough that a student
 * gone for the lesson does not find their company drained by machines losing money), never in a game
 * among friends (nobody touches a friend's company unless the host hands it to a bot).
 */
export const STAND_IN_AFTER_CHOICES = [null, 60, 120, 300, 600] as const;
export const standInAfterDefault = (classroom: boolean): number | null => (classroom ? 300 : null);
