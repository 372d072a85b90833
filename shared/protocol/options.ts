/**
 * Room options, declared once: what a client may pass to create or join a game room. The server parses
 * them before anything else; a client (or a script) can build them from these schemas.
 */
import { z } from "zod";
import { SCORE_MEASURES } from "../engine/scoreMeasure.ts";
import { roundMode } from "./rounds.ts";
import {
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  MAX_SEATS,
  PACES,
  STAND_IN_AFTER_CHOICES,
} from "./constants.ts";

/** Player and room names are plain text, trimmed, without control characters (\p{Cc}). */
export const displayName = z
  .string()
  .transform((s) => s.replace(/\p{Cc}/gu, "").trim())
  .pipe(
    z
      .string()
      .min(1, "a name needs at least one visible character")
      .max(24, "names are at most 24 characters"),
  );

export { JOIN_CODE_ALPHABET } from "./constants.ts";

/** Options for creating a room; the creator becomes the host by knowing `hostSecret`. */
export const createOptionsSchema = z.object({
  scenario: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .max(40),
  seats: z.number().int().min(1).max(MAX_SEATS).default(4),
  fillWithBots: z.boolean().default(true),
  pace: z
    .number()
    .refine((p) => (PACES as readonly number[]).includes(p), "pace is one of 0.25, 0.5, 1, 2, 4, 8, 16")
    .default(1),
  visibility: z.enum(["public", "private"]).default("public"),
  classroom: z.boolean().default(false),
  /**
   * The creator plays a company as well as hosting (a game among friends). Off by default: a teacher
   * runs the clock and watches everyone, and a seat of theirs would only be a bot's.
   */
  hostPlays: z.boolean().default(false),
  /**
   * Seconds the server keeps a dropped connection so that the same client resumes it unnoticed (a
   * network blip); default 120 in classrooms, 60 otherwise. The seat itself is kept for good either way:
   * its token takes it back at any time. Nobody acts in the seat meanwhile (see standInAfterSeconds).
   */
  reconnectSeconds: z.number().int().min(5).max(3600).optional(),
  /**
   * After how many seconds away a caretaker stands in for a person (it only switches off machines that
   * lose money or run under a ban: see shared/bots/caretaker.ts); null: never. Omitted: 300 in
   * classrooms, never otherwise. A reload never comes near it. The host hands a seat to a full bot
   * only by hand (botSeat).
   */
  standInAfterSeconds: z
    .number()
    .int()
    .refine(
      (s) => (STAND_IN_AFTER_CHOICES as readonly (number | null)[]).includes(s),
      "one of 60, 120, 300, 600",
    )
    .nullable()
    .optional(),
  hideNames: z.boolean().default(false),
  /** What wins: the measure the leaderboard ranks by (shared/engine/scoreMeasure.ts). */
  scoreBy: z.enum(SCORE_MEASURES).default("equity"),
  /**
   * "class": a class-sized world (shared/engine/classWorld.ts), where the companies together hold a large
   * share of the network; applied when the game starts (the host may change it in the lobby).
   */
  worldSize: z.enum(["full", "class"]).default("full"),
  seed: z.number().int().min(0).max(0xffffffff).optional(),
  /** A secret only the host's browser knows (at least 16 characters); it is never sent back to anyone. */
  hostSecret: z.string().min(16).max(128),
  name: displayName,
  /** The creator's own name, for their seat when they play (`name` is the room's). */
  nickname: displayName.optional(),
  language: z.enum(["en", "zh"]).default("en"),
  /** Round mode (./rounds.ts): pause at each retarget or month for a decision window; omitted: off. */
  rounds: roundMode.optional(),
});

export type CreateOptions = z.infer<typeof createOptionsSchema>;

export const joinOptionsSchema = z.object({
  name: displayName,
  role: z.enum(["player", "spectator"]).default("player"),
  /** Returned by the server on first join: lets a reload or a new tab take the same seat back. */
  seatToken: z.string().min(16).max(64).optional(),
  /** The host's secret: joining with it gives host powers. */
  hostSecret: z.string().min(16).max(128).optional(),
});

export type JoinOptions = z.infer<typeof joinOptionsSchema>;

/** Short join codes (see constants.ts for the alphabet). */
export const joinCode = z
  .string()
  .regex(
    new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`),
    `a join code is ${JOIN_CODE_LENGTH} letters and digits`,
  );

/**
 * Colyseus hands the creator's create options to onJoin as their join options: there `name` is the
 * room's name, so the creator's seat takes `nickname` instead.
 */
export function joinOptionsOf(raw: unknown): unknown {
  if (!raw || typeof raw !== "object") return raw;
  const { nickname } = raw as { nickname?: unknown };
  return typeof nickname === "string" ? { ...raw, name: nickname } : raw;
}
