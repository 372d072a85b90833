/** Machine lots: look-ups and the figures derived from them. */
import type { AsicModel } from "../scenario/types.ts";
import { post } from "./ledger.ts";
import type { EngineCaches } from "./caches.ts";
import { modelInScenario } from "./lookup.ts";
import type { Company, GameState, Lot } from "./state.ts";

export function modelOf(state: GameState, id: string, caches: EngineCaches): AsicModel | undefined {
  return modelInScenario(state.scenario, id, caches);
}

export function lotModel(state: GameState, lot: Lot, caches: EngineCaches): AsicModel {
  const model = modelOf(state, lot.model, caches);
  if (!model) throw new Error(`lot ${lot.id} has unknown model ${lot.model}`);
  return model;
}

/** Nameplate hashrate of a lot, TH/s. */
export function lotThs(model: AsicModel, quantity: number): number {
  return (model.hashrateGhs * quantity) / 1000;
}

/** Nameplate power of a lot, kW (what a lease must hold). */
export function lotKw(model: AsicModel, quantity: number): number {
  return (model.powerW * quantity) / 1000;
}

/**
 * kW of a company's lease in a region taken by its installed lots. `lots`: the state's lots, or any list
 * holding all the company's lots in the state's order (a bot's own list: fewer lots to pass over, the
 * same sum in the same order).
 */
export function usedLeaseKw(
  state: GameState,
  companyId: string,
  region: string,
  caches: EngineCaches,
  lots: readonly Lot[] = state.lots,
): number {
  let kw = 0;
  for (const lot of lots) {
    if (lot.owner !== companyId || lot.status !== "installed") continue;
    if (lot.location.kind !== "region" || lot.location.region !== region) continue;
    kw += lotKw(lotModel(state, lot, caches), lot.quantity);
  }
  return kw;
}

export function leasedKw(state: GameState, companyId: string, region: string): number {
  const company = state.companies.find((c) => c.id === companyId);
  return company?.leases.find((l) => l.region === region)?.kw ?? 0;
}

/** A purchase of new or used machines: pays for them and creates their lot; returns it. */
export function purchaseLot(
  state: GameState,
  company: Company,
  lot: Pick<Lot, "model" | "quantity" | "status" | "location" | "readyDay" | "origin" | "costCents">,
): Lot {
  const id = `lot-${state.nextId++}`;
  post(company, state.day, "machinePurchase", -lot.costCents, 0, id);
  const created: Lot = { id, owner: company.id, powered: false, ...lot };
  state.lots.push(created);
  return created;
}
