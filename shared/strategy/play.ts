/**
 * Asking a strategy for its commands without trusting it: a strategy that throws or answers something
 * other than a list is stopped (its seat goes idle for the rest of the game) with a message naming it
 * and the day; entries that are not commands by the engine's schema are dropped and counted as
 * malformed (each a rejected command). A loop cannot be stopped from inside the same thread: the tools
 * run strategies from files on worker threads with a watchdog (tools/lib/mc-watchdog.ts).
 */
import { parseCommand } from "../engine/commands/index.ts";
import type { Command } from "../engine/commands/schema.ts";
import type { Strategy, StrategyView } from "./api.ts";

export interface Answer {
  /** The well-formed commands, in the order given. */
  commands: Command[];
  /** Entries that failed the command schema (dropped). */
  malformed: number;
  /** Why the strategy is stopped (it threw or answered garbage), or null. */
  failure: string | null;
}

/** An error's message, never throwing itself (a strategy may throw anything, even a hostile object). */
function describe(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return "(an error that cannot be described)";
  }
}

/** What a non-list answer was, for the message. */
function kindOf(raw: unknown): string {
  if (raw === null) return "null";
  if (typeof (raw as { then?: unknown } | undefined)?.then === "function")
    return "a Promise (decide must answer at once, not be async)";
  return typeof raw;
}

const stopped = (failure: string): Answer => ({ commands: [], malformed: 0, failure });

/** What `label`'s strategy answers for `view.me` today, checked. */
export function askStrategy(strategy: Strategy, view: StrategyView, label: string): Answer {
  const day = `on day ${view.tick}`;
  try {
    const raw: unknown = strategy.decide(view, view.me);
    if (!Array.isArray(raw))
      return stopped(
        `strategy ${label} answered garbage ${day}: a list of commands expected, got ${kindOf(raw)}`,
      );
    const commands: Command[] = [];
    let malformed = 0;
    // Reading the entries may throw too (a getter, a proxy): that is the strategy's failure as well.
    for (const entry of raw as unknown[]) {
      const parsed = parseCommand(entry);
      if (parsed.ok) commands.push(parsed.command);
      else malformed++;
    }
    return { commands, malformed, failure: null };
  } catch (error) {
    return stopped(`strategy ${label} threw ${day}: ${describe(error)}`);
  }
}
