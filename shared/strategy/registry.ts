/**
 * The built-in bots as Strategy objects (api.ts), by name: the same interface a strategy of one's own
 * implements. An adapter: shared/bots still decides from the engine state, which each built-in reads
 * through the view's `privileged` field (only built-ins are given it); the level comes from the view.
 */
import { decide, STRATEGIES } from "../bots/index.ts";
import type { Command } from "../engine/commands/schema.ts";
import type { Strategy, StrategyView } from "./api.ts";
import { botDecideName, formatStrategyName } from "./names.ts";

/** The baseline every build has: give no commands. */
export const IDLE = "idle";

function builtin(name: string): Strategy {
  return Object.freeze({
    name,
    decide(view: StrategyView, me: string): Command[] {
      const p = view.privileged;
      if (!p) return [];
      return decide(
        p.state,
        me,
        botDecideName(formatStrategyName({ level: view.level, strategy: name })),
        p.bots,
      );
    },
  });
}

const idle: Strategy = Object.freeze({ name: IDLE, decide: (): Command[] => [] });

const BUILTINS: ReadonlyMap<string, Strategy> = new Map<string, Strategy>([
  ...STRATEGIES.map((name) => [name, builtin(name)] as const),
  [IDLE, idle],
]);

/** Names of the built-in strategies, idle last. */
export const BUILTIN_STRATEGIES: readonly string[] = Object.freeze([...BUILTINS.keys()]);

/** A built-in strategy by its bare name (no level prefix), or undefined. */
export function builtinStrategy(name: string): Strategy | undefined {
  return BUILTINS.get(name);
}
