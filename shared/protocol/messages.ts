/**
 * Every message between client and server, declared once with zod. Commands carry no player id: the
 * server stamps the actor from the connection. Every reply to a refused message says why, in English
 * and Chinese, and never disconnects the sender.
 */
import { z } from "zod";
import { MAX_SEATS, SEAT_PATTERN, STAND_IN_AFTER_CHOICES } from "./constants.ts";
import { previewMessage, previewReply } from "./preview.ts";
import { roundActions, roundView } from "./rounds.ts";
import { LEVELS } from "../strategy/names.ts";

const ref = z.string().min(1).max(32).optional();
const text = z.object({ en: z.string(), zh: z.string() });
const actedBy = z.enum(["bot", "standIn", "caretaker"]);

/** Client → server: a company command (the engine's own schema checks its body). */
export const commandMessage = z.object({ ref, command: z.unknown() });

const seat = z.string().regex(SEAT_PATTERN, `a seat is p1 to p${MAX_SEATS}`);

/** A shock as the host injects it: template, targets, parameters (the engine checks the rest). */
const shockBody = {
  template: z.string().min(1).max(40),
  targets: z.array(z.string().min(1).max(64)).min(1).max(32),
  params: z.record(z.string().max(32), z.union([z.number(), z.string().max(64)])).default({}),
};
const shortText = z.object({ en: z.string().min(1).max(80), zh: z.string().min(1).max(80) });

/**
 * A prediction question the class answers on their devices (server/game/predictions.ts): choices (each
 * may carry the range of the measured outcome it stands for, percent) or a number; answered for
 * `seconds` while the game waits. With `shock`, the shock itself is held back until the reveal, so no
 * news gives the answer away; with `measure: "retarget"` the reveal waits for the next retarget.
 */
export const askAction = z.object({
  type: z.literal("ask"),
  prompt: z.object({ en: z.string().min(1).max(280), zh: z.string().min(1).max(280) }),
  kind: z.enum(["choice", "number"]),
  choices: z
    .array(shortText.extend({ min: z.number().optional(), max: z.number().optional() }))
    .max(6)
    .default([]),
  seconds: z.number().int().min(5).max(600),
  measure: z.enum(["none", "retarget"]).default("none"),
  shock: z.object(shockBody).optional(),
});
export type AskAction = z.infer<typeof askAction>;

/** Client → server: host controls. */
export const hostMessage = z.object({
  ref,
  action: z.discriminatedUnion("type", [
    z.object({ type: z.literal("start") }),
    z.object({ type: z.literal("pause") }),
    z.object({ type: z.literal("resume") }),
    z.object({ type: z.literal("pace"), pace: z.number().min(0.25).max(16) }),
    z.object({
      type: z.literal("inject"),
      ...shockBody,
      /** Ask students to predict the effect before it happens: the clock pauses until the host resumes. */
      predictFirst: z.object({ en: z.string().max(280), zh: z.string().max(280) }).optional(),
    }),
    z.object({ type: z.literal("broadcast"), text: z.string().min(1).max(280) }),
    z.object({
      type: z.literal("botSeat"),
      seat,
      strategy: z.string().max(24).optional(),
      /** How well the bot plays (shared/strategy/names.ts); omitted: the seat's level stays as it was. */
      level: z.enum(LEVELS).optional(),
      /** The seat's holder may not take it back themselves (only the host can give it back). */
      lock: z.boolean().optional(),
    }),
    z.object({ type: z.literal("humanSeat"), seat }),
    z.object({ type: z.literal("kick"), seat }),
    /** Gives the seat to a connected person (`to`: their id in the host's `roster`); the old token lapses. */
    z.object({ type: z.literal("assignSeat"), seat, to: z.string().min(1).max(64) }),
    z.object({ type: z.literal("hideNames"), hide: z.boolean() }),
    /** In the lobby: the world's size the game starts with (see CreateOptions.worldSize). */
    z.object({ type: z.literal("worldSize"), size: z.enum(["full", "class"]) }),
    /** When a caretaker stands in for a person away (seconds; null: never): see CreateOptions. */
    z.object({
      type: z.literal("standIn"),
      seconds: z
        .number()
        .int()
        .refine((s) => (STAND_IN_AFTER_CHOICES as readonly (number | null)[]).includes(s))
        .nullable(),
    }),
    z.object({ type: z.literal("end") }),
    askAction,
    /** Stops answers to the open question now (time is up without waiting for the countdown). */
    z.object({ type: z.literal("closeQuestion") }),
    /** Shows the answer: a held shock happens, a measured outcome is awaited; the game goes on. */
    z.object({ type: z.literal("reveal") }),
    /** Round mode (./rounds.ts): when the game pauses for a decision window, and ending one now. */
    ...roundActions,
  ]),
});

/** Client → server: a seat's answer to the open question (again to change it, until time is up). */
export const answerMessage = z.object({
  ref,
  question: z.number().int().min(1),
  choice: z.number().int().min(0).max(5).optional(),
  value: z.number().finite().min(-1e9).max(1e9).optional(),
});
export type AnswerMessage = z.infer<typeof answerMessage>;

/** What a connection sees of a question (the tally hidden from students while answers are open). */
export const questionView = z.object({
  id: z.number(),
  prompt: text,
  kind: z.enum(["choice", "number"]),
  choices: z.array(text),
  seconds: z.number(),
  /** Milliseconds of answering left when the message was sent (0 once closed). */
  msLeft: z.number(),
  status: z.enum(["open", "closed", "waiting", "revealed"]),
  measure: z.enum(["none", "retarget"]),
  /** The held shock's template id, if any. */
  template: z.string().nullable(),
  answered: z.number(),
  /** Seats people hold: who could answer. */
  eligible: z.number(),
  /** Answers per choice, or every number answered (sorted); null while hidden from this reader. */
  tally: z.array(z.number()).nullable(),
  /** This seat's answer (a choice's index or the number), or null. */
  mine: z.number().nullable(),
  /** What happened: in words, the measured value (percent) and the choice it falls in. */
  outcome: z.object({ text, value: z.number().nullable(), choice: z.number().nullable() }).nullable(),
});
export type QuestionView = z.infer<typeof questionView>;

export type HostAction = z.infer<typeof hostMessage>["action"];

/** Client → server: the sender takes their seat back from the bot the host put in (unless locked). */
export const takeSeatMessage = z.object({ ref });

/** `preview` asks the engine about a command (or the shop) without acting: see ./preview.ts. */
export const CLIENT_MESSAGES = {
  command: commandMessage,
  host: hostMessage,
  preview: previewMessage,
  answer: answerMessage,
  takeSeat: takeSeatMessage,
} as const;
export type ClientMessageType = keyof typeof CLIENT_MESSAGES;

/** Server → client. */
export const serverMessages = {
  welcome: z.object({
    role: z.enum(["host", "player", "spectator"]),
    seat: z.string().nullable(),
    seatToken: z.string().nullable(),
    code: z.string(),
    scenario: z.string(),
  }),
  error: z.object({ ref: z.string().optional(), code: z.string(), message: text }),
  ack: z.object({ ref: z.string() }),
  notice: z.object({ day: z.number(), kind: z.string(), text, targets: z.array(z.string()) }),
  broadcast: z.object({ text: z.string(), day: z.number() }),
  predict: z.object({ prompt: text, template: z.string() }),
  /** The current prediction question, sent on every change (asked, answered, closed, revealed) and on join. */
  question: questionView,
  /** Round mode and the open decision window's summary (./rounds.ts), on every change and on join. */
  round: roundView,
  ended: z.object({ reason: z.string() }),
  /** The answer to a `preview`: the engine's verdict and quote; the game is unchanged. */
  preview: previewReply,
  /** To a seat's holder: whether a bot the host put in plays their company, and whether they may take it back. */
  seat: z.object({ bot: z.boolean(), locked: z.boolean() }),
  /** To a returning holder: what stand-ins did in their company while they were away (or the bot played). */
  away: z.object({ actions: z.array(z.object({ day: z.number(), date: z.string(), by: actedBy, text })) }),
  /** To the host: each seat as the room sees it, and the people connected (to give a seat to). */
  roster: z.object({
    /** When a caretaker stands in (seconds; null: never), as the game is set now. */
    standInAfter: z.number().nullable(),
    seats: z.array(
      z.object({
        seat: z.string(),
        name: z.string(),
        kind: z.enum(["human", "bot", "open"]),
        holder: z.boolean(),
        connected: z.boolean(),
        caretaker: z.boolean(),
        kicked: z.boolean(),
        locked: z.boolean(),
        /** The strategy a bot plays the seat with, level prefixed (`hard:trader`; normal unprefixed). */
        strategy: z.string().optional(),
      }),
    ),
    people: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        role: z.enum(["host", "player", "spectator"]),
        seat: z.string().nullable(),
      }),
    ),
  }),
} as const;

export type ServerMessageType = keyof typeof serverMessages;
export type ServerMessage<T extends ServerMessageType> = z.infer<(typeof serverMessages)[T]>;

/** Error codes of the protocol layer (the engine adds its own rejection codes). */
export type ProtocolErrorCode =
  | "MALFORMED"
  | "UNKNOWN_MESSAGE"
  | "RATE_LIMITED"
  | "TOO_LARGE"
  | "NOT_HOST"
  | "NOT_A_PLAYER"
  | "SPECTATOR"
  | "NOT_RUNNING"
  | "ALREADY_STARTED"
  | "GAME_OVER"
  | "BAD_SEAT"
  | "ROOM_FULL"
  | "SEAT_ELSEWHERE"
  | "STORE_UNAVAILABLE"
  | "NO_QUESTION"
  | "QUESTION_PENDING"
  | "BAD_ANSWER"
  | "INTERNAL";

/** Largest client message accepted, bytes of JSON: far above any real command, far below abuse. */
export const MAX_MESSAGE_BYTES = 8 * 1024;
