/**
 * The per-address limits of the HTTP side (issue #10), each an AddressLimiter, and the refusals that
 * go with them. One address may create a few games, miss a few join codes and get a secret wrong a few
 * times; past that it waits, and everybody else is unaffected.
 *
 * Join-code misses count only failures (see limits/failures.ts); the budget of wrong secrets, which
 * the game room shares, lives there too.
 */
import type { z } from "zod";
import { configErrorOf, configSchema } from "../config.ts";
import { AddressLimiter } from "../limits/addressLimiter.ts";
import { FailureLimit } from "../limits/failures.ts";
import { refusal, type Refusal } from "./respond.ts";

/** The limits' part of the configuration, validated by the same schema as the rest (config.ts). */
const limitsEnv = configSchema.pick({
  ROOM_CREATE_BURST: true,
  ROOM_CREATE_PER_MINUTE: true,
  MAX_ROOMS_PER_ADDRESS: true,
  MAX_ROOMS: true,
});

/**
 * The limits as configured, defaults from config.ts; a malformed value throws ConfigError naming it
 * (start-up has already refused such a value, so a typo can never turn a limit off).
 */
function limitsConfig(): z.infer<typeof limitsEnv> {
  const parsed = limitsEnv.safeParse(process.env);
  if (!parsed.success) throw configErrorOf(parsed.error, process.env);
  return parsed.data;
}

/**
 * Room creation: a burst, then a steady trickle. The default leaves room for a few classmates behind
 * one school address to start games at once; ROOM_CREATE_BURST and ROOM_CREATE_PER_MINUTE tune it.
 */
let creations: AddressLimiter | undefined;
export function roomCreations(): AddressLimiter {
  creations ??= new AddressLimiter({
    burst: limitsConfig().ROOM_CREATE_BURST,
    perSecond: limitsConfig().ROOM_CREATE_PER_MINUTE / 60,
  });
  return creations;
}

/**
 * Live games one address may hold in this process (MAX_ROOMS_PER_ADDRESS): enough for several teachers
 * behind one school address, far from the hundred bot games one client once ran to slow everyone down.
 */
export function maxRoomsPerAddress(): number {
  return Math.floor(limitsConfig().MAX_ROOMS_PER_ADDRESS);
}

/** Rooms (of any kind) this process holds at most: past it, new games wait for old ones to end. */
export function maxRooms(): number {
  return Math.floor(limitsConfig().MAX_ROOMS);
}

/** Join-code look-ups that matched no game: 20 at once, then one a second (6 characters of 31: ~887M codes). */
export const codeMisses = new FailureLimit({ burst: 20, perSecond: 1 });

export const TOO_MANY_ROOMS = (seconds: number): Refusal => refusal("TOO_MANY_ROOMS", { seconds });
export const SERVER_FULL = (max: number): Refusal => refusal("SERVER_FULL", { max });
export const TOO_MANY_LIVE_ROOMS = (max: number): Refusal => refusal("TOO_MANY_GAMES", { max });
export const TOO_MANY_MISSES = (seconds: number): Refusal => refusal("TOO_MANY_MISSES", { seconds });
export const TOO_MANY_WRONG_SECRETS = (seconds: number): Refusal =>
  refusal("TOO_MANY_WRONG_SECRETS", { seconds });
