/** Test helpers: load a shipped scenario once, start games, step to a date. */
import { createGame, step, type StepReport } from "../../shared/index.ts";
import type { GameState } from "../../shared/engine/state.ts";
import { parseIsoDate } from "../../shared/math/calendar.ts";
import type { Scenario } from "../../shared/scenario/types.ts";
import { loadScenario } from "../../tools/lib/scenarios.ts";

const cache = new Map<string, Scenario>();
export function scenario(id: string): Scenario {
  let s = cache.get(id);
  if (!s) {
    s = loadScenario(id);
    cache.set(id, s);
  }
  return s;
}

export function seats(n: number): { id: string; name: string }[] {
  return Array.from({ length: n }, (_, i) => ({ id: `p${i + 1}`, name: `Player ${i + 1}` }));
}

export function newGame(id: string, seed = 1, players = 0): GameState {
  return createGame(scenario(id), seed, seats(players));
}

/** Steps until the game's day is `date` (the report of each day goes to `onDay`). */
export function stepUntil(state: GameState, date: string, onDay?: (r: StepReport) => void): void {
  const target = parseIsoDate(date);
  while (state.day < target && !state.finished) {
    const report = step(state);
    onDay?.(report);
  }
}

export function runToEnd(state: GameState, onDay?: (r: StepReport) => void): void {
  while (!state.finished) {
    const report = step(state);
    onDay?.(report);
  }
}

export const player = (n: number) => ({ kind: "company" as const, companyId: `p${n}` });
