/**
 * How long a room lives. Colyseus disposes a room as soon as its last client leaves (or 15 s after it
 * is created when nobody joins): fine for a match among strangers, fatal for a classroom whose teacher
 * reloads, or for a game restored after a restart that nobody has rejoined yet. Here a room lives until
 * its host ends it, or until nobody has been connected to it for a long, configurable time:
 *
 * - a new room its creator never joined closes after two minutes (a creation flood must not leave
 *   rooms standing; the creator's client joins within seconds);
 * - a game nobody started (the lobby) waits LOBBY_IDLE_MINUTES with nobody in it (default 30): long
 *   enough for a teacher to reload or restart, short enough that abandoned lobbies don't pile up;
 * - a game that started waits ROOM_IDLE_HOURS with nobody in it (default 14 days: a class that meets
 *   weekly finds its paused game again); while empty it is paused, so no day passes unseen;
 * - an ended game closes when its last client leaves (its results stay in the store for the debrief).
 */
import { configErrorOf, configSchema } from "../config.ts";
import type { Phase } from "../game/authorize.ts";

export interface IdleLimits {
  lobbyMs: number;
  gameMs: number;
}

/** The idle limits' part of the configuration, validated by the same schema as the rest (config.ts). */
const idleEnv = configSchema.pick({ LOBBY_IDLE_MINUTES: true, ROOM_IDLE_HOURS: true });

/**
 * Reads the limits from the environment; throws ConfigError naming the variable and its value when one
 * is not a positive number (start-up has already refused such a value). Defaults live in config.ts.
 */
export function idleLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): IdleLimits {
  const parsed = idleEnv.safeParse(env);
  if (!parsed.success) throw configErrorOf(parsed.error, env);
  return {
    lobbyMs: parsed.data.LOBBY_IDLE_MINUTES * 60_000,
    gameMs: parsed.data.ROOM_IDLE_HOURS * 3_600_000,
  };
}

/** What an empty room does now: wait (how long before it closes), or close at once. */
export type EmptyRoom = { wait: number; reason: string } | { close: string };

/** A new room its creator never joined: closed after this long. */
export const UNJOINED_MS = 2 * 60_000;

export function whenEmpty(phase: Phase, limits: IdleLimits, neverJoined = false): EmptyRoom {
  if (phase === "ended") return { close: "the game ended and everyone left" };
  if (neverJoined) return { wait: UNJOINED_MS, reason: "its creator never joined it" };
  if (phase === "lobby")
    return { wait: limits.lobbyMs, reason: `nobody started it within ${minutes(limits.lobbyMs)}` };
  return { wait: limits.gameMs, reason: `nobody came back within ${minutes(limits.gameMs)}` };
}

function minutes(ms: number): string {
  const m = ms / 60_000;
  return m >= 120 ? `${Math.round(m / 60)} hours` : `${Math.round(m)} minutes`;
}
