/**
 * The caretaker: what a stand-in does for a person who has been away past the grace period the host
 * set. It keeps the company safe and decides nothing else: it only switches machines off, never on,
 * and never spends, sells, ships, leases, trades or changes the company's BTC policy. Two cases:
 * - a lot running in a region that has banned mining (machines left running there risk seizure);
 * - a lot whose revenue does not pay for its power and carbon tax, today and over the month's average
 *   hashprice alike (a one-day dip does not count): every day it runs it loses money.
 * The person, back, finds what was switched off in the "while you were away" summary and can switch
 * it on again. Pure and deterministic, like every bot: a function of the state.
 */
import type { Command } from "../engine/commands/schema.ts";
import { lotModel } from "../engine/fleet.ts";
import { regionIndex } from "../engine/regions.ts";
import type { Company, GameState, Lot, RegionState } from "../engine/state.ts";
import { EngineCaches } from "../engine/caches.ts";
import { siteCosts, thDay } from "./econ.ts";

/** Does this running lot lose money on power, at today's hashprice and at the month's average? */
function losesOnPower(
  state: GameState,
  company: Company,
  lot: Lot,
  r: number,
  caches: EngineCaches,
): boolean {
  const region = state.scenario.regions[r];
  if (!region) return false;
  const renewable = company.leases.some((l) => l.region === region.id && l.renewable);
  const site = siteCosts(state, r, { renewable, longRun: false }, caches);
  const jPerTh = lotModel(state, lot, caches).efficiencyJPerTh;
  const m = state.market;
  const today = thDay(state, site, jPerTh, m.hashpriceMicroUsd);
  const month = thDay(state, site, jPerTh, m.hashpriceAvgMicroUsd || m.hashpriceMicroUsd);
  return today.revenue < today.energy && month.revenue < month.energy;
}

/** The commands a caretaker gives today for `companyId`: only `powerLot … on: false`. */
export function caretake(state: GameState, companyId: string, caches = new EngineCaches()): Command[] {
  const company = state.companies.find((c) => c.id === companyId);
  if (!company || company.bankrupt || state.finished) return [];
  const out: Command[] = [];
  for (const lot of state.lots) {
    if (lot.owner !== companyId || lot.status !== "installed" || !lot.powered) continue;
    if (lot.location.kind !== "region") continue;
    const r = regionIndex(state, lot.location.region, caches);
    const region = state.world.regions[r] as RegionState | undefined;
    if (!region) continue;
    if (region.policy === "banned" || losesOnPower(state, company, lot, r, caches))
      out.push({ type: "powerLot", lot: lot.id, on: false });
  }
  return out;
}
