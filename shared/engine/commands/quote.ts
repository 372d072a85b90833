/**
 * A command's quote: what it would cost or bring, shown before the player sends it. Each command module
 * that has one exports it as a Quoter beside its validate and apply, from the same engine functions the
 * command charges by, so a quote and the charge that follows cannot disagree. engine/preview.ts asks
 * the right one.
 */
import type { PreviewQuote } from "../../protocol/preview.ts";
import type { EngineCaches } from "../caches.ts";
import type { GameState, Lot } from "../state.ts";
import type { Rejection } from "./errors.ts";
import type { Command, CommandOf } from "./schema.ts";

export interface QuoteContext {
  state: GameState;
  /** The company asking. */
  companyId: string;
  caches: EngineCaches;
  /** The engine's verdict on another command, for quotes that weigh alternatives (each shipping mode). */
  judge: (command: Command) => Rejection | null;
}

export type Quoter<K extends Command["type"]> = (
  q: QuoteContext,
  cmd: CommandOf<K>,
) => PreviewQuote | undefined;

/** The asking company's own lot, or undefined: nobody gets a quote on another company's machines. */
export function ownedLot(q: QuoteContext, id: string): Lot | undefined {
  const lot = q.state.lots.find((l) => l.id === id);
  return lot && lot.owner === q.companyId ? lot : undefined;
}
