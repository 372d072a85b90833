/**
 * Round mode on the wire (issue #13 §5): the host's choice of when the game pauses for a decision
 * window, and the round summary every connection is sent when a round closes (server/game/rounds.ts
 * makes it, client/src/ui/roundOverlay.ts shows it).
 */
import { z } from "zod";
import { ROUND_AT } from "./pacing.ts";

const text = z.object({ en: z.string(), zh: z.string() });

/** Pause at each retarget or each month, for a window of `seconds` (the host may continue earlier). */
export const roundMode = z.object({
  at: z.enum(ROUND_AT),
  seconds: z.number().int().min(5).max(600),
});

/** Host actions: set the mode (null: off), and end the open window now. */
export const roundActions = [
  z.object({ type: z.literal("rounds"), mode: roundMode.nullable() }),
  z.object({ type: z.literal("continueRound") }),
] as const;

/** What a round was: dates, the market, the chain, the news, and each company's moves in words. */
export const roundSummary = z.object({
  number: z.number().int(),
  at: z.enum(ROUND_AT),
  from: z.string(),
  to: z.string(),
  priceStartCents: z.number(),
  priceEndCents: z.number(),
  /** Each retarget of the round: its difficulty change, percent. */
  retargetsPct: z.array(z.number()),
  halvings: z.number().int(),
  /** The round's public news (halvings, bans, shocks), oldest first, at most a few. */
  news: z.array(text),
  companies: z.array(z.object({ seat: z.string(), name: z.string(), did: z.array(text) })),
  /** The next retarget: blocks left, days at today's pace, and the change estimated so far (null: too early). */
  next: z.object({ blocks: z.number(), days: z.number(), estimatePct: z.number().nullable() }),
});
export type RoundSummary = z.infer<typeof roundSummary>;

/** Server → client: round mode's state; sent on every change and on join. */
export const roundView = z.object({
  mode: roundMode.nullable(),
  /** The open decision window, or null while the game runs between rounds. */
  window: z.object({ msLeft: z.number(), seconds: z.number(), summary: roundSummary }).nullable(),
  /** The last round's summary (kept after its window ends, for the projector and latecomers). */
  last: roundSummary.nullable(),
});
export type RoundView = z.infer<typeof roundView>;
