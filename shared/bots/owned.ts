/**
 * Each company's lots, for the bots: the state's lots grouped by owner once a day (in the day's memo,
 * see world.ts) rather than scanned by every seat, every day. A pure cache, checked on every call.
 */
import { quoteSale } from "../engine/commands/lots.ts";
import { lotModel } from "../engine/fleet.ts";
import { lotTable, ownerPosition } from "../engine/lotFacts.ts";
import { USED_TIERS, usedTierOf } from "../engine/market.ts";
import { holdingsByTier, saleCentsHolding } from "../engine/score.ts";
import { regionIndex } from "../engine/regions.ts";
import type { Lot } from "../engine/state.ts";
import type { World } from "./world.ts";

/** Lists by the owner's position in state.companies (lots of an owner that is no company are not listed). */
export interface Ownership {
  all: Lot[][];
  unsettled: Lot[][];
  /** The unsettled lots and those installed where a region is unsafe (see atRiskLotsOf). */
  atRisk: Lot[][];
}

/**
 * The company's lots, in the state's order: the state's lots grouped by owner once a day rather than
 * scanned by every seat. Valid while no lot is removed (the list changes) or handed to another company
 * (an accepted offer notifies both parties, which renews the memo); a lot created since is added (the
 * list grew in place); checked on every call, else rebuilt. Read only: the lists are shared.
 */
export function lotsOf(w: World, id: string): readonly Lot[] {
  return listOf(w, id, ownership(w).all, () => true);
}

/** The company's lots other than those installed in a region (the ones a daily look may act on). */
export function unsettledLotsOf(w: World, id: string): readonly Lot[] {
  return listOf(w, id, ownership(w).unsettled, unsettled);
}

/**
 * The company's lots a daily look must check when some region is unsafe: those not installed in a
 * region, and those installed in an unsafe one. An installed lot in a safe region can give no reason
 * to act that day; a lot's place changes only as described above, and a region's safety only with a
 * notice (which renews the memo).
 */
export function atRiskLotsOf(w: World, id: string): readonly Lot[] {
  return listOf(w, id, ownership(w).atRisk, (lot) => unsettled(lot) || inUnsafeRegion(w, lot));
}

/** The lots a daily look must check: atRiskLotsOf where some region is unsafe, else unsettledLotsOf. */
export function watchedLotsOf(w: World, id: string): readonly Lot[] {
  return w.anyUnsafe ? atRiskLotsOf(w, id) : unsettledLotsOf(w, id);
}

function ownership(w: World): Ownership {
  const state = w.state;
  const from = w.ownedFrom;
  const lots = state.lots;
  if (w.owned && from.lots === lots && from.length <= lots.length) {
    // The same list: lots are only ever appended to it in place (every removal makes a new list, as
    // lotFacts.ts's table relies on too), so only the lots past the old length are new. (The id counter
    // also moves for shipments, leases and offers, which leave the lists as they are.)
    if (from.length < lots.length) {
      classify(w, w.owned, from.length, true);
      w.ownedFrom = { lots, length: lots.length, nextId: state.nextId };
    }
    return w.owned;
  }
  const n = state.companies.length;
  const owned: Ownership = { all: [], unsettled: [], atRisk: [] };
  for (let i = 0; i < n; i++) {
    owned.all.push([]);
    owned.unsettled.push([]);
    owned.atRisk.push([]);
  }
  classify(w, owned, 0, false);
  w.ownedFrom = { lots, length: lots.length, nextId: state.nextId };
  return (w.owned = owned);
}

/**
 * Adds the state's lots from position `start` on to their owners' lists in `owned`, in order. `renew`:
 * an owner's lists are copied before its first addition (lists handed out are snapshots: makeCtx).
 */
function classify(w: World, owned: Ownership, start: number, renew: boolean): void {
  const state = w.state;
  const lots = state.lots;
  const table = lotTable(state, w.caches);
  const renewed: boolean[] = [];
  for (let i = start; i < lots.length; i++) {
    const lot = lots[i] as Lot;
    table.sync(i);
    const owner = table.owner[i] as number;
    if (owner < 0) continue;
    if (renew && !renewed[owner]) {
      renewed[owner] = true;
      owned.all[owner] = [...(owned.all[owner] as Lot[])];
      owned.unsettled[owner] = [...(owned.unsettled[owner] as Lot[])];
      owned.atRisk[owner] = [...(owned.atRisk[owner] as Lot[])];
    }
    (owned.all[owner] as Lot[]).push(lot);
    // A lot's status and place change only by its owner's commands (given after its own look today)
    // or when the day is stepped; a change of owner renews the memo (see above).
    if (lot.status !== "installed" || !(table.inRegion[i] as boolean)) {
      (owned.unsettled[owner] as Lot[]).push(lot);
      (owned.atRisk[owner] as Lot[]).push(lot);
    } else if (w.anyUnsafe && w.unsafe[table.region[i] as number]) (owned.atRisk[owner] as Lot[]).push(lot);
  }
}

function unsettled(lot: Lot): boolean {
  return lot.status !== "installed" || lot.location.kind !== "region";
}

function inUnsafeRegion(w: World, lot: Lot): boolean {
  return (
    lot.location.kind === "region" && w.unsafe[regionIndex(w.state, lot.location.region, w.caches)] === true
  );
}

/** A company's list, or (for an id that is no company: never for a bot) the same list found by a search. */
function listOf(w: World, id: string, lists: Lot[][], keep: (lot: Lot) => boolean): readonly Lot[] {
  const i = ownerPosition(w.state.companies, id);
  if (i >= 0) return lists[i] ?? NONE;
  return w.state.lots.filter((lot) => lot.owner === id && keep(lot));
}

const NONE: readonly Lot[] = [];

/**
 * What selling `quantity` units of the deciding company's own `lot` pays (the engine's quoteSale), with
 * the company's holdings in the lot's tier read from the day's memo (holdingsByTier, every company in
 * one pass) instead of a pass over every lot per quote. The holdings change only as the ownership lists
 * do (a lot created, removed or handed over: checked as for them) or by the company's own commands,
 * which are applied after its look; so the same figure as quoteSale gives now.
 */
export function quoteOwnSale(w: World, lot: Lot, quantity: number): number {
  const state = w.state;
  const i = ownerPosition(state.companies, lot.owner);
  if (i < 0) return quoteSale(state, lot, quantity, w.caches);
  const from = w.holdingsFrom;
  let holdings = w.holdings;
  if (
    !holdings ||
    from.lots !== state.lots ||
    from.length !== state.lots.length ||
    from.nextId !== state.nextId
  ) {
    holdings = w.holdings = holdingsByTier(state, w.caches);
    w.holdingsFrom = { lots: state.lots, length: state.lots.length, nextId: state.nextId };
  }
  const model = lotModel(state, lot, w.caches);
  const held = holdings[i * USED_TIERS.length + usedTierOf(model.efficiencyJPerTh)] as number;
  return saleCentsHolding(state, model, quantity, held);
}
