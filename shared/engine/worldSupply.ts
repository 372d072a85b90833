/**
 * The world's new machines from the industry's output (scenario `world.supply`, supplySpec.ts): factories
 * ship a steady amount of machine power a day, growing by a fixed share each year, and each kW of it is
 * as many TH/s as the machines on sale make it. So one rule explains a decade: hashrate grows faster when
 * a more efficient generation comes out (the same kW are more TH/s) and when mining pays (world.ts
 * deploymentFactor scales this pace by a new machine's margin, as it scales a deployments schedule).
 * A pure function of the scenario and the day: no state, nothing cached.
 */
import { detPow } from "../math/detmath.ts";
import type { Scenario } from "../scenario/types.ts";
import type { WorldSupply } from "../scenario/supplySpec.ts";

/** Days in the year the growth compounds over. */
const DAYS_PER_YEAR = 365;

/**
 * The world installs machines a little behind the best on sale (world.ts newFleetEfficiency uses the same
 * 1.15): a kW shipped is a kW of the new fleet's efficiency, not of the flagship's.
 */
const NEW_FLEET_BEHIND_BEST = 1.15;

/** J/TH of the new fleet when nothing is on sale yet (world.ts newFleetEfficiency's fallback). */
const NO_MODEL_J_PER_TH = 60;

/** Efficiency of the best model released by `day`, J/TH (Infinity: none yet). */
function bestReleased(scenario: Scenario, day: number): number {
  let best = Infinity;
  for (const m of scenario.asics)
    if (m.releaseDay <= day && m.efficiencyJPerTh < best) best = m.efficiencyJPerTh;
  return best;
}

/** The industry's output on `day`, kW of machines per day (before the margin factor). */
export function supplyKwPerDay(supply: WorldSupply, day: number): number {
  const years = (day - supply.startDay) / DAYS_PER_YEAR;
  return supply.startKwPerDay * detPow(1 + supply.growthBpsPerYear / 10_000, years);
}

/** New rest-of-world hashrate the industry's output makes on `day` at a normal margin, TH/s per day. */
export function supplyRateAt(scenario: Scenario, supply: WorldSupply, day: number): number {
  const best = bestReleased(scenario, day);
  const jPerTh = Number.isFinite(best) ? best * NEW_FLEET_BEHIND_BEST : NO_MODEL_J_PER_TH;
  // kW × 1000 = W; W / (J/TH) = TH/s.
  return (supplyKwPerDay(supply, day) * 1000) / jPerTh;
}
