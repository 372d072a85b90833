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
 * scanned by every seat. Valid while no lot is created (the id counter moves), removed (the list changes
 * or shrinks) or handed to another company (an accepted offer notifies both parties, which renews the
 * memo); checked on every call, else rebuilt. Read only: the lists are shared.
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

function ownership(w: World): Ownership {
  const state = w.state;
  const from = w.ownedFrom;
  if (
    w.owned &&
    from.lots === state.lots &&
    from.length === state.lots.length &&
    from.nextId === state.nextId
  )
    return w.owned;
  const n = state.companies.length;
  const all: Lot[][] = [];
  const settle: Lot[][] = [];
  const atRisk: Lot[][] = [];
  for (let i = 0; i < n; i++) {
    all.push([]);
    settle.push([]);
    atRisk.push([]);
  }
  const lots = state.lots;
  const table = lotTable(state, w.caches);
  for (let i = 0; i < lots.length; i++) {
    const lot = lots[i] as Lot;
    table.sync(i);
    const owner = table.owner[i] as number;
    if (owner < 0) continue;
    (all[owner] as Lot[]).push(lot);
    // A lot's status and place change only by its owner's commands (given after its own look today)
    // or when the day is stepped; a change of owner renews the memo (see above).
    if (lot.status !== "installed" || !(table.inRegion[i] as boolean)) {
      (settle[owner] as Lot[]).push(lot);
      (atRisk[owner] as Lot[]).push(lot);
    } else if (w.anyUnsafe && w.unsafe[table.region[i] as number]) (atRisk[owner] as Lot[]).push(lot);
  }
  w.ownedFrom = { lots, length: lots.length, nextId: state.nextId };
  return (w.owned = { all, unsettled: settle, atRisk });
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
