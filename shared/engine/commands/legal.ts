/**
 * The commands a company could give now, each checked by `validate`. The client lists them and random
 * tests explore with them; quantities are representative (one unit, a lot's size, a lease that fits a lot).
 * `caches`: the game's EngineCaches (a fresh set when omitted: the same list, only slower).
 */
import { isReleased, madeNew, usedValueUnitCents } from "../market.ts";
import { USED_MARKET_DELAY_DAYS } from "./usedMachines.ts";
import { lotKw, lotModel, leasedKw, usedLeaseKw } from "../fleet.ts";
import type { GameState } from "../state.ts";
import { validate } from "./index.ts";
import type { Actor, Command } from "./schema.ts";
import { SHIPPING_MODES } from "../../scenario/types.ts";
import { EngineCaches } from "../caches.ts";
import { NEW_MODEL_DAYS, PREORDER_BID_LEVELS } from "../factoryQueue.ts";
import { deepestUsedMarket } from "../usedMarket.ts";
import { financeCandidates } from "./loansLegal.ts";
import { machineLeaseCandidates } from "../machineLease.ts";
import { hostingCandidates } from "../hostingLegal.ts";

export function candidateCommands(
  state: GameState,
  actor: Actor,
  caches: EngineCaches = new EngineCaches(),
): Command[] {
  if (actor.kind !== "company") return [];
  const company = state.companies.find((c) => c.id === actor.companyId);
  if (!company) return [];
  const out: Command[] = [];
  // Used machines are offered where the company already leases, else in the first open regions.
  const usedRegions =
    company.leases.length > 0
      ? company.leases.map((l) => l.region)
      : state.world.regions
          .filter((r) => r.policy !== "banned")
          .slice(0, 3)
          .map((r) => r.id);
  for (const model of state.scenario.asics) {
    if (!isReleased(model, state.day)) continue;
    // Orders only while factories still make the model (its used market stays open after).
    if (madeNew(state, model, state.day)) {
      out.push({ type: "orderMachines", model: model.id, quantity: 1 });
      // Pre-orders of a new model with a bid at each level the bots use (issue #13 §3).
      if (state.day - model.releaseDay <= NEW_MODEL_DAYS)
        for (const premiumBps of PREORDER_BID_LEVELS)
          out.push({ type: "orderMachines", model: model.id, quantity: 1, premiumBps });
    }
    if (model.releaseDay + USED_MARKET_DELAY_DAYS <= state.day) {
      for (const region of usedRegions) out.push({ type: "buyUsed", model: model.id, quantity: 1, region });
      // Used machines are bought where they stand: also the open market holding most of the model.
      const deepest = deepestUsedMarket(state, model);
      if (deepest && !usedRegions.includes(deepest))
        out.push({ type: "buyUsed", model: model.id, quantity: 1, region: deepest });
    }
  }
  for (const lot of state.lots) {
    if (lot.owner !== company.id) continue;
    const kw = Math.ceil(lotKw(lotModel(state, lot, caches), lot.quantity));
    for (const region of state.scenario.regions) {
      if (lot.location.kind === "region" && lot.location.region === region.id) {
        out.push({ type: "installLot", lot: lot.id, region: region.id });
        const room =
          leasedKw(state, company.id, region.id) - usedLeaseKw(state, company.id, region.id, caches);
        if (room < kw) out.push({ type: "leaseCapacity", region: region.id, kw: kw - Math.floor(room) });
      } else {
        for (const mode of SHIPPING_MODES)
          out.push({ type: "shipLot", lot: lot.id, to: region.id, mode, insured: true });
        // The customs broker is a choice too (one representative: sea, where holds weigh most).
        out.push({
          type: "shipLot",
          lot: lot.id,
          to: region.id,
          mode: "sea",
          insured: true,
          broker: "premium",
        });
      }
    }
    out.push({ type: "powerLot", lot: lot.id, on: !lot.powered });
    for (const other of state.companies) {
      if (other.id === company.id || other.bankrupt) continue;
      const price = usedValueUnitCents(state, lotModel(state, lot, caches)) * lot.quantity;
      out.push({
        type: "offerLot",
        lot: lot.id,
        quantity: lot.quantity,
        to: other.id,
        priceCents: price,
        days: 7,
      });
    }
    out.push({ type: "sellMachines", lot: lot.id, quantity: lot.quantity });
  }
  for (const lease of company.leases)
    out.push({ type: "releaseCapacity", region: lease.region, kw: lease.kw });
  for (const offer of state.offers) {
    if (offer.status !== "open") continue;
    if (offer.to === company.id) {
      out.push(
        { type: "respondOffer", offer: offer.id, accept: true },
        { type: "respondOffer", offer: offer.id, accept: false },
      );
    }
    if (offer.from === company.id) out.push({ type: "cancelOffer", offer: offer.id });
  }
  for (const order of state.factoryOrders)
    if (order.owner === company.id) out.push({ type: "cancelPreorder", order: order.id });
  for (const ratio of [0, 5_000, 10_000]) out.push({ type: "setSellRatio", ratioBps: ratio });
  out.push({ type: "setPayout", payout: company.payout === "pool" ? "solo" : "pool" });
  out.push(...financeCandidates(state, company, caches));
  out.push(...machineLeaseCandidates(state, company.id, caches));
  out.push(...hostingCandidates(state, company, caches));
  return out;
}

/** The legal subset of the candidates. */
export function legalCommands(
  state: GameState,
  actor: Actor,
  caches: EngineCaches = new EngineCaches(),
): Command[] {
  return candidateCommands(state, actor, caches).filter((c) => validate(state, actor, c, caches) === null);
}
