/**
 * Which shipping modes can carry goods from a place to each region. That is geometry (distance, landmass,
 * railway countries) and the scenario's mode limits only, so it never changes during a game: a pure cache
 * per scenario, kept so that route choice asks the engine for quotes only of modes that can run (a quote
 * of a mode that cannot would be refused for NO_ROUTE by the same check, modeRejection).
 */
import { modeRejection } from "../engine/logistics/quote.ts";
import { pointOf } from "../engine/logistics/geo.ts";
import type { GameState } from "../engine/state.ts";
import type { Place } from "../engine/tradeState.ts";
import { SHIPPING_MODES, type Scenario } from "../scenario/types.ts";

/** Per scenario: place key → per region index, a bit per mode of SHIPPING_MODES that can run. */
const masks = new WeakMap<Scenario, Map<string, number[]>>();

/** Bit `i` set when SHIPPING_MODES[i] can carry goods from `from` to region `r`. */
export function modeMask(state: GameState, from: Place, r: number): number {
  let byPlace = masks.get(state.scenario);
  if (!byPlace) masks.set(state.scenario, (byPlace = new Map()));
  const key = from.kind === "hub" ? `h:${from.hub}` : `r:${from.region}`;
  let row = byPlace.get(key);
  if (!row) byPlace.set(key, (row = placeMasks(state, from)));
  return row[r] ?? 0;
}

function placeMasks(state: GameState, from: Place): number[] {
  const a = pointOf(state, from);
  return state.scenario.regions.map((spec) => {
    const b = pointOf(state, { kind: "region", region: spec.id });
    if (!a || !b) return 0;
    let mask = 0;
    SHIPPING_MODES.forEach((mode, i) => {
      if (modeRejection(state, a, b, mode) === null) mask |= 1 << i;
    });
    return mask;
  });
}
