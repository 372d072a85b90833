/**
 * Offers between players: whether an offer can still be honoured, how its units change hands, the
 * notices the parties get, and the daily pass that expires (or withdraws) offers. The commands that make
 * and answer offers live in commands/usedMachines.ts; the rules they share are here, so that accepting an offer
 * and the daily pass judge it the same way.
 */
import { roundHalfAway } from "../math/money.ts";
import { refuse } from "../protocol/refusals/index.ts";
import type { Rejection } from "./commands/errors.ts";
import { lotById } from "./lotFacts.ts";
import type { GameState, Lot } from "./state.ts";
import type { Offer } from "./tradeState.ts";
import type { EngineCaches } from "./caches.ts";

/** Units of a lot already promised in open offers: they are reserved. */
export function reservedUnits(state: GameState, lotId: string): number {
  let units = 0;
  for (const o of state.offers) if (o.status === "open" && o.lot === lotId) units += o.quantity;
  return units;
}

/**
 * Why an open offer can no longer be honoured for good (lot gone or shrunk, a party bankrupt), or null.
 * Lots never grow back, so such an offer is dead and the daily pass withdraws it.
 */
export function offerBroken(state: GameState, offer: Offer, caches: EngineCaches): Rejection | null {
  const lot = lotById(state, offer.lot, caches);
  if (!lot || lot.owner !== offer.from) {
    return refuse("OFFER_LOT_GONE", { offer: offer.id, lot: offer.lot });
  }
  if (lot.quantity < offer.quantity) {
    return refuse("OFFER_LOT_SHRUNK", {
      offer: offer.id,
      promised: offer.quantity,
      lot: lot.id,
      holds: lot.quantity,
    });
  }
  for (const party of [offer.from, offer.to]) {
    const company = state.companies.find((c) => c.id === party);
    if (!company || company.bankrupt) {
      return refuse("PARTY_BANKRUPT", { company: company?.name ?? party });
    }
  }
  return null;
}

/** Why an offer cannot be accepted right now (closed, broken, or its lot busy in transit), or null. */
export function offerUnavailable(state: GameState, offer: Offer, caches: EngineCaches): Rejection | null {
  if (offer.status !== "open" || state.day > offer.expiresDay) return offerClosed(offer);
  const broken = offerBroken(state, offer, caches);
  if (broken) return broken;
  const lot = lotById(state, offer.lot, caches) as Lot;
  if (lot.status === "inTransit" || lot.status === "onOrder") {
    return refuse("LOT_NOT_TRADABLE", { lot: lot.id, status: lot.status });
  }
  return null;
}

/** The rejection for an offer that is no longer open. */
export function offerClosed(offer: Offer): Rejection {
  return refuse("OFFER_CLOSED", { offer: offer.id, status: offer.status });
}

/** Map targets of a lot: where it stands, so the client can point at it. */
function placeOf(lot: Lot | undefined): string[] {
  if (!lot) return [];
  if (lot.location.kind === "region") return [lot.location.region];
  if (lot.location.kind === "factory") return [lot.location.hub];
  return [];
}

/** Tells one party about an offer. */
export function tellParty(
  state: GameState,
  company: string,
  offer: Offer,
  kind: string,
  en: string,
  zh: string,
): void {
  const lot = state.lots.find((l) => l.id === offer.lot);
  state.notices.push({ day: state.day, company, kind, text: { en, zh }, targets: placeOf(lot) });
}

/**
 * Moves an accepted offer's units from the seller to the buyer. The whole lot changes owner; part of
 * one becomes a new lot. The buyer's lot costs what the buyer paid (the books' meaning of costCents);
 * the seller's remaining lot keeps its proportional share of the original cost. An installed lot
 * comes out of the rack: the buyer has no lease there, and its space belongs to the seller's lease.
 */
export function transferUnits(state: GameState, offer: Offer): Lot {
  const lot = state.lots.find((l) => l.id === offer.lot);
  if (!lot) throw new Error(`offer ${offer.id} accepted without its lot`);
  let moved: Lot;
  if (offer.quantity === lot.quantity) {
    moved = lot;
    moved.owner = offer.to;
  } else {
    const share = roundHalfAway((lot.costCents * offer.quantity) / lot.quantity);
    lot.quantity -= offer.quantity;
    lot.costCents -= share;
    moved = { ...lot, id: `lot-${state.nextId++}`, owner: offer.to, quantity: offer.quantity };
    moved.location = { ...lot.location };
    state.lots.push(moved);
  }
  moved.costCents = offer.priceCents;
  if (moved.status === "installed") moved.status = "stored";
  moved.powered = false;
  return moved;
}

/**
 * The day's pass over offers: those whose last day (expiresDay) has ended expire, and those that can
 * no longer be honoured are withdrawn, each with a notice to both parties.
 */
export function advanceOffers(state: GameState, caches: EngineCaches): void {
  for (const offer of state.offers) {
    if (offer.status !== "open") continue;
    const broken = offerBroken(state, offer, caches);
    if (broken) {
      offer.status = "cancelled";
      for (const party of [offer.from, offer.to]) {
        tellParty(
          state,
          party,
          offer,
          "offerWithdrawn",
          `Offer ${offer.id} is withdrawn. ${broken.message.en}`,
          `报价 ${offer.id} 已撤销。${broken.message.zh}`,
        );
      }
    } else if (state.day >= offer.expiresDay) {
      // Commands of day `expiresDay` were given before this step: the offer had its last day.
      offer.status = "expired";
      for (const party of [offer.from, offer.to]) {
        tellParty(
          state,
          party,
          offer,
          "offerExpired",
          `Offer ${offer.id} (${offer.quantity} machines of lot ${offer.lot}) expired unanswered.`,
          `报价 ${offer.id}（批次 ${offer.lot} 的 ${offer.quantity} 台矿机）已过期，未获答复。`,
        );
      }
    }
  }
  // Closed offers are history: keep the state from growing without bound over a long game.
  state.offers = state.offers.filter((o) => o.status === "open" || o.madeDay >= state.day - 30);
}
