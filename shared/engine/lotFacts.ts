/**
 * What a lot's ids point at — its model, its owner's seat, the region it stands in — remembered per
 * position in `state.lots`, beside the state rather than in it (in the caller's EngineCaches).
 *
 * The daily step and the bots walk every lot several times a day, and looking up three ids in maps for
 * each lot was a large share of the work. Here a lot's facts are found by its position, and every read
 * first checks that they still describe it: the same lot object at that position, the same model and
 * owner ids, and the same location object, as when they were looked up. (Locations are replaced, never
 * edited: LotLocation's fields are read only.) A stale slot is looked up again on the spot. So what this
 * gives is always what the look-ups would give now: a cache of speed, never of state, which stays plain
 * data. The facts sit in parallel lists rather than one object per lot, so that a pass over the lots
 * reads them in order.
 */
import type { AsicModel, Scenario } from "../scenario/types.ts";
import type { EngineCaches } from "./caches.ts";
import { scenarioIndex, type ScenarioIndex } from "./lookup.ts";
import type { Company, GameState, Lot, LotLocation } from "./state.ts";

/** One state's facts, by position in its list of lots: take it once, then read it lot by lot. */
export class LotTable {
  /** Per position, after `sync(n)`: the lot's model (undefined for an id the scenario lacks). */
  readonly model: (AsicModel | undefined)[] = [];
  /** Per position, after `sync(n)`: the owner's position in `state.companies`, or -1. */
  readonly owner: number[] = [];
  /** Per position, after `sync(n)`: the region the lot stands in (location kind "region"), else -1. */
  readonly region: number[] = [];
  /** Per position, after `sync(n)`: whether the lot's location is of kind "region" (known or not). */
  readonly inRegion: boolean[] = [];
  /** What each slot was looked up for. */
  private readonly slotLot: (Lot | null)[] = [];
  private readonly modelId: string[] = [];
  private readonly ownerId: string[] = [];
  private readonly location: (LotLocation | null)[] = [];
  private readonly models: Map<string, AsicModel>;
  private readonly regions: Map<string, number>;
  /** Position of each lot id in `lots` (the first, as a search finds it), for `byIdLength` lots. */
  private readonly byId = new Map<string, number>();
  private byIdLength = 0;
  /**
   * sortedPositionsOf's answers, by list of ids, with the length of `lots` they were found at and
   * whether every id was found.
   */
  private readonly idLists = new WeakMap<
    readonly string[],
    { length: number; at: number[]; ids: string[]; all: boolean }
  >();

  readonly scenario: Scenario;

  constructor(
    readonly lots: Lot[],
    readonly companies: Company[],
    index: ScenarioIndex,
  ) {
    this.scenario = index.scenario;
    this.models = index.models;
    this.regions = index.regions;
  }

  /** Brings the facts of the lot at `lots[n]` (which must exist) up to date; then read them at `n`. */
  sync(n: number): void {
    const lot = this.lots[n] as Lot;
    if (n >= this.slotLot.length) this.grow(n);
    if (this.slotLot[n] !== lot) {
      this.slotLot[n] = lot;
      this.modelId[n] = lot.model;
      this.model[n] = this.models.get(lot.model);
      this.ownerId[n] = lot.owner;
      this.owner[n] = ownerPosition(this.companies, lot.owner);
      this.setLocation(n, lot.location);
      return;
    }
    if (this.modelId[n] !== lot.model) {
      this.modelId[n] = lot.model;
      this.model[n] = this.models.get(lot.model);
    }
    if (this.ownerId[n] !== lot.owner) {
      this.ownerId[n] = lot.owner;
      this.owner[n] = ownerPosition(this.companies, lot.owner);
    }
    if (this.location[n] !== lot.location) this.setLocation(n, lot.location);
  }

  /**
   * The model of the lot at `lots[n]` (modelOf's answer), changing nothing: the slot's when it was looked
   * up for this lot and model id (the daily pass syncs every running lot), else a look-up by id.
   */
  modelAt(n: number): AsicModel | undefined {
    const lot = this.lots[n] as Lot;
    if (this.slotLot[n] === lot && this.modelId[n] === lot.model) return this.model[n];
    return this.models.get(lot.model);
  }

  /** Slots up to `n`. Kept dense, in order: writing past the end would make the lists slow dictionaries. */
  private grow(n: number): void {
    while (this.slotLot.length <= n) {
      this.slotLot.push(null);
      this.modelId.push("");
      this.model.push(undefined);
      this.ownerId.push("");
      this.owner.push(-1);
      this.location.push(null);
      this.region.push(-1);
      this.inRegion.push(false);
    }
  }

  private setLocation(n: number, location: LotLocation): void {
    this.location[n] = location;
    const inRegion = location.kind === "region";
    this.inRegion[n] = inRegion;
    this.region[n] = inRegion ? (this.regions.get(location.region) ?? -1) : -1;
  }

  /**
   * The lot with this id, as `lots.find((l) => l.id === id)` finds it. A lot's id never changes and a
   * list only grows in place (removals make a new list, hence a new table), so lots added since the
   * index was made are simply added to it; each hit is still checked against the list, and a miss
   * searches it, so an unforeseen change costs time, never a wrong answer.
   */
  byLotId(id: string): Lot | undefined {
    const i = this.positionOf(id);
    return i < 0 ? undefined : (this.lots[i] as Lot);
  }

  /**
   * The positions in `lots` of the lots with these ids, in ascending order, each once (ids not found
   * left out): kept per list of ids while the lots' list has the same length (a loan's pledged lots are
   * asked for every day; its list of ids is replaced, never edited), or has only grown and every id was
   * found (lots added at the end cannot come before them, and none is missing). Each kept position is
   * checked to still hold a lot of the list (ids never change, so it does); else they are all found again.
   */
  sortedPositionsOf(ids: readonly string[]): readonly number[] {
    const kept = this.idLists.get(ids);
    const n = this.lots.length;
    if (kept && (kept.length === n || (kept.all && kept.length < n)) && this.stillHeld(kept.at, kept.ids)) {
      kept.length = n;
      return kept.at;
    }
    const found: { i: number; id: string }[] = [];
    for (const id of ids) {
      const i = this.positionOf(id);
      if (i >= 0) found.push({ i, id });
    }
    found.sort((a, b) => a.i - b.i);
    const at: number[] = [];
    const atIds: string[] = [];
    for (const f of found)
      if (at.length === 0 || at[at.length - 1] !== f.i) {
        at.push(f.i);
        atIds.push(f.id);
      }
    this.idLists.set(ids, { length: n, at, ids: atIds, all: found.length === ids.length });
    return at;
  }

  /** Whether each position still holds the lot with its id. */
  private stillHeld(at: readonly number[], ids: readonly string[]): boolean {
    for (let k = 0; k < at.length; k++)
      if ((this.lots[at[k] as number] as Lot | undefined)?.id !== ids[k]) return false;
    return true;
  }

  /** Position in `lots` of the lot with this id (the first, as a search finds it), or -1. */
  positionOf(id: string): number {
    const lots = this.lots;
    if (this.byIdLength > lots.length) {
      this.byId.clear();
      this.byIdLength = 0;
    }
    for (let i = this.byIdLength; i < lots.length; i++) {
      const lotId = (lots[i] as Lot).id;
      // The first lot with an id is the one a search finds.
      if (!this.byId.has(lotId)) this.byId.set(lotId, i);
    }
    this.byIdLength = lots.length;
    const i = this.byId.get(id);
    if (i !== undefined && (lots[i] as Lot).id === id) return i;
    return lots.findIndex((l) => l.id === id);
  }
}

/**
 * The state's lot table, kept in the caches while the state's lists of lots and companies and its
 * scenario are the ones it was made for (the facts depend on nothing else).
 */
export function lotTable(state: GameState, caches: EngineCaches): LotTable {
  let table = caches.lots;
  if (
    !table ||
    table.lots !== state.lots ||
    table.companies !== state.companies ||
    table.scenario !== state.scenario
  ) {
    // A new list (lots removed), other companies, another scenario or another game: start afresh.
    table = caches.lots = new LotTable(state.lots, state.companies, scenarioIndex(state.scenario, caches));
  }
  return table;
}

/** The lot with this id in the state (as a search of `state.lots` finds it), or undefined. */
export function lotById(state: GameState, id: string, caches: EngineCaches): Lot | undefined {
  return lotTable(state, caches).byLotId(id);
}

/** Position of the company `id` in the list, or -1 (a handful of seats: a scan beats a map). */
export function ownerPosition(companies: readonly Company[], id: string): number {
  for (let i = 0; i < companies.length; i++) if ((companies[i] as Company).id === id) return i;
  return -1;
}
