/**
 * The efficiency of the machines the rest of the world installs: a little behind the best on sale (the
 * flagship ships first to a few; most of a year's machines are the models just below it). One rule for
 * the world's placements (world.ts), its industry output (worldSupply.ts) and the derived starting
 * fleets (node/fleetMix.ts).
 */
import type { AsicModel } from "../scenario/types.ts";

/** How far the installed fleet runs behind the best model on sale, as a multiple of its J/TH. */
export const NEW_FLEET_BEHIND_BEST = 1.15;

/** J/TH of the new fleet when no model of the catalog is on sale yet. */
const NO_MODEL_J_PER_TH = 60;

/** Efficiency of the best model released by `day`, J/TH (Infinity: none yet). */
export function bestReleasedJPerTh(asics: readonly AsicModel[], day: number): number {
  let best = Infinity;
  for (const m of asics) if (m.releaseDay <= day && m.efficiencyJPerTh < best) best = m.efficiencyJPerTh;
  return best;
}

/** The new fleet's J/TH when the best model on sale runs at `bestJPerTh` (Infinity: none on sale). */
export function newFleetJPerTh(bestJPerTh: number): number {
  return Number.isFinite(bestJPerTh) ? bestJPerTh * NEW_FLEET_BEHIND_BEST : NO_MODEL_J_PER_TH;
}
