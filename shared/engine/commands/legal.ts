/**
 * The commands a company could give now, each checked by `validate`. Bots choose among these; the
 * client lists them. Quantities are representative (one unit, a lot's size, a lease that fits a lot).
 */
import { isReleased } from "../market.ts";
import { lotKw, lotModel, leasedKw, usedLeaseKw } from "../fleet.ts";
import type { GameState } from "../state.ts";
import { validate } from "./index.ts";
import type { Actor, Command } from "./schema.ts";

export function candidateCommands(state: GameState, actor: Actor): Command[] {
  if (actor.kind !== "company") return [];
  const company = state.companies.find((c) => c.id === actor.companyId);
  if (!company) return [];
  const out: Command[] = [];
  for (const model of state.scenario.asics) {
    if (isReleased(model, state.day)) out.push({ type: "orderMachines", model: model.id, quantity: 1 });
  }
  for (const lot of state.lots) {
    if (lot.owner !== company.id) continue;
    const kw = Math.ceil(lotKw(lotModel(state, lot), lot.quantity));
    for (const region of state.scenario.regions) {
      out.push({ type: "installLot", lot: lot.id, region: region.id });
      const room = leasedKw(state, company.id, region.id) - usedLeaseKw(state, company.id, region.id);
      if (room < kw) out.push({ type: "leaseCapacity", region: region.id, kw: kw - Math.floor(room) });
    }
    out.push({ type: "powerLot", lot: lot.id, on: !lot.powered });
    out.push({ type: "sellMachines", lot: lot.id, quantity: lot.quantity });
  }
  for (const lease of company.leases)
    out.push({ type: "releaseCapacity", region: lease.region, kw: lease.kw });
  for (const ratio of [0, 5_000, 10_000]) out.push({ type: "setSellRatio", ratioBps: ratio });
  out.push({ type: "setPayout", payout: company.payout === "pool" ? "solo" : "pool" });
  return out;
}

/** The legal subset of the candidates. */
export function legalCommands(state: GameState, actor: Actor): Command[] {
  return candidateCommands(state, actor).filter((c) => validate(state, actor, c) === null);
}
