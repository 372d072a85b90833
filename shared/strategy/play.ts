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

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** What `label`'s strategy answers for `view.me` today, checked. */
export function askStrategy(strategy: Strategy, view: StrategyView, label: string): Answer {
  let raw: unknown;
  try {
    raw = strategy.decide(view, view.me);
  } catch (error) {
    return {
      commands: [],
      malformed: 0,
      failure: `strategy ${label} threw on day ${view.tick}: ${describe(error)}`,
    };
  }
  if (!Array.isArray(raw)) {
    const got = raw === null ? "null" : typeof raw;
    return {
      commands: [],
      malformed: 0,
      failure: `strategy ${label} answered garbage on day ${view.tick}: a list of commands expected, got ${got}`,
    };
  }
  const commands: Command[] = [];
  let malformed = 0;
  for (const entry of raw as unknown[]) {
    const parsed = parseCommand(entry);
    if (parsed.ok) commands.push(parsed.command);
    else malformed++;
  }
  return { commands, malformed, failure: null };
}
