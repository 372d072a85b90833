/**
 * A company's fleet on day 0 (scenario `company.startingFleet`): some scenarios open with every company
 * already mining somewhere, as exodus-2021 opens with farms in China weeks before the crackdown. The
 * machines are given, not bought (no cash changes hands, the used market does not move): installed and
 * powered in their region on a lease at the region's base hosting price, their book cost the day's used
 * bid, their build date from the scenario's age. Doing nothing then is a decision with consequences.
 */
import { usedBidUnitCents } from "./market.ts";
import { addLeaseKw } from "./hosting.ts";
import { hostingFeeToday } from "./hostingFee.ts";
import type { Company, GameState, Lot, RegionState } from "./state.ts";
import type { AsicModel, StartingLot } from "../scenario/types.ts";

export function grantStartingFleets(state: GameState): void {
  const fleet = state.scenario.company.startingFleet;
  for (const company of state.companies) for (const lot of fleet) grantLot(state, company, lot);
}

function grantLot(state: GameState, company: Company, start: StartingLot): void {
  const model = state.scenario.asics.find((m) => m.id === start.model);
  const index = state.scenario.regions.findIndex((r) => r.id === start.region);
  // The linter refuses both; a scenario built in code without it gets a clear error here.
  if (!model) throw new Error(`startingFleet: unknown model "${start.model}"`);
  if (index < 0) throw new Error(`startingFleet: unknown region "${start.region}"`);
  const lot: Lot = {
    id: `lot-${state.nextId++}`,
    owner: company.id,
    model: model.id,
    quantity: start.quantity,
    status: "installed",
    location: { kind: "region", region: start.region },
    powered: true,
    readyDay: state.day,
    origin: model.origin,
    costCents: usedBidUnitCents(state, model) * start.quantity,
    builtDay: state.day - start.ageDays,
    given: true,
  };
  state.lots.push(lot);
  hostLot(state, company, index, model, start.quantity);
}

/** The lot's kW on the company's lease in the region, taken from the region's capacity like any lease. */
function hostLot(
  state: GameState,
  company: Company,
  index: number,
  model: AsicModel,
  quantity: number,
): void {
  const spec = state.scenario.regions[index];
  const region = state.world.regions[index] as RegionState;
  if (!spec) return;
  const kw = (model.powerW / 1000) * quantity;
  region.leasedKw += kw;
  const fee = hostingFeeToday(state, index);
  addLeaseKw(company, spec.id, false, kw, fee, fee);
}
