/** Test helpers: load a shipped scenario once, start games, step to a date. */
import { applyCommand, createGame, step, type StepReport } from "../../shared/index.ts";
import type { GameState } from "../../shared/engine/state.ts";
import { parseIsoDate } from "../../shared/math/calendar.ts";
import type { Scenario } from "../../shared/scenario/types.ts";
import { loadScenario } from "../../node/scenarios.ts";

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

export const player = (n: number) => ({ kind: "company" as const, companyId: `p${n}` });

/** Ships a whole lot to a region and steps until customs releases it; throws if it is lost or held. */
export function shipAndWait(
  state: GameState,
  who: number,
  lot: string,
  region: string,
  mode: "air" | "sea" | "rail" | "truck" = "air",
): void {
  const result = applyCommand(state, player(who), { type: "shipLot", lot, to: region, mode, insured: true });
  if (!result.ok) throw new Error(`shipLot ${lot} → ${region}: ${result.error.message.en}`);
  const shipment = state.shipments.at(-1);
  while (shipment && (shipment.status === "inTransit" || shipment.status === "atCustoms") && !state.finished)
    step(state);
  if (shipment?.status !== "released") throw new Error(`shipment of ${lot} ended ${shipment?.status}`);
}
