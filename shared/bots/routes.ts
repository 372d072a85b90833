/**
 * Which shipping modes can carry goods from a place to each region. That is geometry (distance, landmass,
 * railway countries) and the scenario's mode limits only, so it never changes during a game: a pure cache
 * per scenario (in the bots' caches), kept so that route choice asks the engine for quotes only of modes that can run (a quote
 * of a mode that cannot would be refused for NO_ROUTE by the same check, modeRejection).
 */
import { modeRejection } from "../engine/logistics/quote.ts";
import { pointOf } from "../engine/logistics/geo.ts";
import type { EngineCaches } from "../engine/caches.ts";
import type { GameState } from "../engine/state.ts";
import type { Place } from "../engine/tradeState.ts";
import { SHIPPING_MODES } from "../scenario/types.ts";
import { botScenarioIndex, type BotCaches } from "./caches.ts";

/**
 * Bit `i` set when SHIPPING_MODES[i] can carry goods from `from` to region `r`. Kept per scenario in the
 * bots' caches: place key → per region index, a bit per mode.
 */
export function modeMask(state: GameState, from: Place, r: number, bots: BotCaches): number {
  const byPlace = botScenarioIndex(state.scenario, bots).modeMasks;
  const key = from.kind === "hub" ? `h:${from.hub}` : `r:${from.region}`;
  let row = byPlace.get(key);
  if (!row) byPlace.set(key, (row = placeMasks(state, from, bots.engine)));
  return row[r] ?? 0;
}

function placeMasks(state: GameState, from: Place, caches: EngineCaches): number[] {
  const a = pointOf(state, from, caches);
  return state.scenario.regions.map((spec) => {
    const b = pointOf(state, { kind: "region", region: spec.id }, caches);
    if (!a || !b) return 0;
    let mask = 0;
    SHIPPING_MODES.forEach((mode, i) => {
      if (modeRejection(state, a, b, mode) === null) mask |= 1 << i;
    });
    return mask;
  });
}
