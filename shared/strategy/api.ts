/**
 * The strategy API: what a strategy — a built-in bot or one anyone writes — is given and answers.
 *
 * A strategy is an object (or a module) with `decide(view, me)`: `view` is what the player in seat `me`
 * sees that day — the projected game view (shared/view/project.ts, other companies' private parts
 * hidden) — and the engine's public quotes and previews, bound to the game; the answer is a list of
 * commands (shared/engine/commands/schema.ts), applied in order as that company's, each checked by the
 * engine as a person's would be.
 *
 * The view is read-only (frozen) and lazy: the world is projected only when a strategy first reads it,
 * once per day for all seats (projection costs about as much as a bot's thinking; a Monte-Carlo run
 * of built-in bots never pays for it).
 *
 * `privileged` is the built-in bots' back door: they still read the engine state directly (they were
 * written that way and are not rewritten onto the view this round). Only the registry's built-ins get
 * it; a strategy loaded from a file never does.
 */
import type { BotCaches } from "../bots/caches.ts";
import type { Command } from "../engine/commands/schema.ts";
import type { GameState } from "../engine/state.ts";
import type { OrderQuote } from "../engine/commands/orderMachines.ts";
import type { PreviewReply } from "../protocol/preview.ts";
import type { CompanyView, WorldView } from "../view/types.ts";
import type { Level } from "./names.ts";

/** Deeply read-only: what a strategy may look at but not change. */
export type Frozen<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends object
    ? { readonly [K in keyof T]: Frozen<T[K]> }
    : T;

/** The engine's answer to "what if I did this?": its verdict (ok or the rejection) and the quote. */
export type Preview = Omit<PreviewReply, "ref">;

/** The shop's catalog today: models, factories, prices and queues (what the client's shop shows). */
export type ShopCatalog = Extract<NonNullable<PreviewReply["quote"]>, { kind: "shop" }>;

/** Engine state and caches, for the built-in bots only (see the file's comment). */
export interface Privileged {
  readonly state: GameState;
  readonly bots: BotCaches;
}

export interface StrategyView {
  /** The company this view is for (a seat id: p1, p2, …). */
  readonly me: string;
  /** The level the seat was given (easy, normal, hard): a strategy may play to it or ignore it. */
  readonly level: Level;
  /** Game days since the start (0 on the first day), and the scenario's length in days. */
  readonly tick: number;
  readonly days: number;
  /** The world as the player sees it: every public figure, and only `me`'s private part. */
  readonly world: Frozen<WorldView>;
  /** `me`'s own company, private part included (undefined once the seat is gone). */
  readonly company: Frozen<CompanyView> | undefined;
  /** The commands the engine would accept from `me` right now (a broad, finite sample: see legal.ts). */
  legalCommands(): Command[];
  /** Validates a candidate command as `me` without applying it, with its quote (cost, timing, risks). */
  preview(command: unknown): Preview;
  /** The machine shop's catalog today. */
  shop(): ShopCatalog;
  /** A factory order's price, premium and hand-over day (null: no such model or factory). */
  quoteOrder(order: Extract<Command, { type: "orderMachines" }>): OrderQuote | null;
  /** What the used market pays for one unit of a model today, cents (null: no such model). */
  usedBidUnitCents(model: string): number | null;
  /** Built-in bots only. */
  readonly privileged?: Privileged;
}

/** A strategy: a built-in bot, or a module of one's own exporting `decide` (and optionally `name`). */
export interface Strategy {
  readonly name?: string;
  /**
   * Today's commands for `me` (a list; [] to do nothing). Called every day the company is solvent, in
   * seat order, all on the same state; keep it deterministic (no Math.random, no clock) for replays.
   */
  decide(view: StrategyView, me: string): readonly Command[];
}
