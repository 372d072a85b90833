/**
 * What the bots know about the world on one day, worked out once and shared by every seat: which regions
 * are closed or unsafe, what a site costs today and in the long run, duty shares, licence waits, the
 * hashprices they plan with, factory and used prices, the models on sale. (Duty shares are kept longer:
 * see duties.ts.)
 *
 * A pure cache, kept in the bots' caches (BotCaches) with the state object, tick and notices it was made
 * for. Most of what it holds no company's command changes (bans, power prices, taxes, list prices and the
 * hashprice move only when the day is stepped); a shock injected by the host mid-day changes them, but
 * every shock posts notices, and a notice posted since the memo was made invalidates it. What a command
 * does change is kept beside what it was worked out from and worked out again when that moves: factory
 * prices with the order book (followOrderBook), site costs with a region's leased kW (siteOf), regional
 * used asks with the tier's stock and buyers' pressure, the lists of lots with the lots. So a cached
 * figure is always the figure the uncached function would return now; the memo changes how fast the
 * bots think, never what they decide.
 */
import { openFactories } from "../engine/commands/orderMachines.ts";
import { demandMultiplierBps } from "../engine/factoryPrice.ts";
import { modelOf } from "../engine/fleet.ts";
import { factoryUnitPriceCents, usedAskUnitCents, usedTierOf } from "../engine/market.ts";
import { quoteUsedLot, referenceStocksThs, usedUnitFloorCents } from "../engine/usedMarket.ts";
import type { GameState, Lot, RegionState } from "../engine/state.ts";
import { usedQuoteBoundCents } from "../engine/usedQuoteBound.ts";
import type { Shipment } from "../engine/tradeState.ts";
import type { EngineCaches } from "../engine/caches.ts";
import type { AsicModel } from "../scenario/types.ts";
import type { BotCaches } from "./caches.ts";
import { roundHalfAway } from "../math/money.ts";
import { lineupOf, type Lineup } from "./lineup.ts";
import type { Duties } from "./duties.ts";
import type { Ownership } from "./owned.ts";
import {
  licenceDays,
  planningHashprice,
  prefersRenewable,
  regionUnsafe,
  siteCosts,
  type SiteTerms,
  type SiteCosts,
} from "./econ.ts";

export interface Factory {
  hub: string;
  country: string;
  multiplierBps: number;
}

export interface World {
  state: GameState;
  /** The bots' caches this memo is kept in, and the engine's, which the figures are read through. */
  bots: BotCaches;
  caches: EngineCaches;
  tick: number;
  notices: GameState["notices"];
  noticeCount: number;
  /** Per region index: a ban in force or announced. */
  unsafe: boolean[];
  anyUnsafe: boolean;
  /** Per region index: banned, a ban announced, or under a moratorium (regionClosed). */
  closed: boolean[];
  /** Per region index: days an import licence costs on average (0: none); see licenceOf. */
  licence: (number | undefined)[];
  /** siteCosts(state, r, { renewable, longRun: false }), at 2r + (renewable ? 1 : 0); filled as needed. */
  now: (SiteCosts | undefined)[];
  /** siteCosts(state, r, { renewable, longRun: true }), indexed as `now`. */
  longRun: (SiteCosts | undefined)[];
  /**
   * Per region index: its leased kW when its sites were worked out. A lease taken or released today moves
   * the region's use, and so a new lease's price in siteCosts: the region's sites are worked out again.
   */
  siteLeasedKw: (number | undefined)[];
  prefersRenewable: (boolean | undefined)[];
  /** Duty and VAT shares (duties.ts): carried from day to day while the customs rules stay the same. */
  duties: Duties | null;
  planningHashprice: number;
  /** Today's hashprice or the month's average, whichever is lower. */
  runningHashprice: number;
  listCents: Map<string, number>;
  /** Per model: the unit price at each open factory (catalog order), cents. */
  factoryUnits: Map<string, number[]>;
  /**
   * Per open factory (catalog order): its demand multiplier (demandMultiplierBps), the same for every
   * model; with the order book it was worked out from (see demandOf).
   */
  demand: (number | undefined)[];
  demandFrom: { orders: GameState["factoryOrders"]; length: number };
  usedAskCents: Map<string, number>;
  /**
   * By lot size, then model id, then region index: the used unit ask there (regionalUsedAskOf), with the
   * market it was quoted in. Nested rather than one string key: it is read for every model and region a
   * review prices.
   */
  regionalUsedAsk: Map<number, Map<string, (RegionalAsk | undefined)[]>>;
  /** Lower bounds on those asks (regionalUsedBoundOf), kept the same way (`ask`: the bound). */
  regionalUsedBound: Map<number, Map<string, (RegionalAsk | undefined)[]>>;
  /**
   * By model id, then region index: the least unit price a used quote there can give (usedFloorOf).
   * Unlike the ask it depends on no stock, only on the day's prices, the machines' age and the duty.
   */
  usedFloor: Map<string, (number | undefined)[]>;
  /**
   * Per region index: each used tier's reference stock (referenceStocksThs), read by every used quote
   * there; it moves with the rest of the world's fleet, only when the day is stepped (or the world is
   * sized, at tick 0: see worldOf).
   */
  usedReference: (number[] | undefined)[];
  /** The class-sized world the memo was made in (sizeWorld resizes the world before the first day). */
  classWorld: GameState["classWorld"];
  /** What is on sale, worked out on the first review of the day (see catalogOf). */
  catalog: Catalog | null;
  /** Companies not bankrupt. */
  active: number;
  /** Shipments held by customs, made when first needed (see heldShipmentsOf). */
  held: Shipment[] | null;
  /** Each company's lots in the state's order (see lotsOf), and what the index was built from. */
  owned: Ownership | null;
  ownedFrom: { lots: Lot[]; length: number; nextId: number };
  /** Each company's TH/s per used tier (holdingsByTier), for quoteOwnSale, and what it was built from. */
  holdings: Float64Array | null;
  holdingsFrom: { lots: Lot[]; length: number; nextId: number };
}

export interface Catalog extends Lineup {
  factories: Factory[];
}

export { atRiskLotsOf, lotsOf, unsettledLotsOf, watchedLotsOf } from "./owned.ts";

function build(state: GameState, bots: BotCaches): World {
  const caches = bots.engine;
  const n = state.scenario.regions.length;
  const unsafe: boolean[] = [];
  const closed: boolean[] = [];
  let anyUnsafe = false;
  for (let r = 0; r < n; r++) {
    const region = state.world.regions[r] as RegionState;
    const u = regionUnsafe(region);
    unsafe.push(u);
    anyUnsafe ||= u;
    closed.push(u || region.moratoriumUntil > state.day);
  }
  const m = state.market;
  let active = 0;
  const companies = state.companies;
  for (let i = 0; i < companies.length; i++)
    if (!(companies[i] as GameState["companies"][number]).bankrupt) active++;
  return {
    state,
    bots,
    caches,
    tick: state.tick,
    notices: state.notices,
    noticeCount: state.notices.length,
    unsafe,
    anyUnsafe,
    closed,
    licence: [],
    now: [],
    longRun: [],
    siteLeasedKw: [],
    prefersRenewable: [],
    duties: null,
    planningHashprice: planningHashprice(state),
    runningHashprice: Math.min(m.hashpriceMicroUsd, m.hashpriceAvgMicroUsd || m.hashpriceMicroUsd),
    listCents: new Map(),
    factoryUnits: new Map(),
    demand: [],
    demandFrom: { orders: state.factoryOrders, length: state.factoryOrders.length },
    usedAskCents: new Map(),
    regionalUsedAsk: new Map(),
    regionalUsedBound: new Map(),
    usedFloor: new Map(),
    usedReference: [],
    classWorld: state.classWorld,
    catalog: null,
    active,
    held: null,
    owned: null,
    ownedFrom: { lots: state.lots, length: 0, nextId: -1 },
    holdings: null,
    holdingsFrom: { lots: state.lots, length: 0, nextId: -1 },
  };
}

/** Models on sale new and used, the used tiers' leaders and the open factories today. */
export function catalogOf(w: World): Catalog {
  if (w.catalog) return w.catalog;
  const state = w.state;
  const lineup = lineupOf(state.scenario, state.day, w.bots);
  return (w.catalog = {
    newModels: lineup.newModels,
    usedModels: lineup.usedModels,
    tierLeaders: lineup.tierLeaders,
    mostEfficient: lineup.mostEfficient,
    oneByEfficiency: lineup.oneByEfficiency,
    factories: openFactories(state).map((hub) => ({
      hub: hub.id,
      country: hub.country,
      multiplierBps: state.factories.find((f) => f.hub === hub.id)?.priceMultiplierBps ?? 10_000,
    })),
  });
}

/**
 * Shipments held by customs when the memo was made. Customs holds a shipment only while a day is stepped,
 * and says so in a notice, which renews the memo; a held shipment can be released or re-exported since,
 * so readers check each one's status again.
 */
export function heldShipmentsOf(w: World): readonly Shipment[] {
  return (w.held ??= w.state.shipments.filter((s) => s.status === "held"));
}

/** Days an import licence costs on average in region `r` (licenceDays, cached). */
export function licenceOf(w: World, r: number): number {
  let d = w.licence[r];
  if (d === undefined) d = w.licence[r] = licenceDays(w.state, r);
  return d;
}

/** Today's facts about the world (see the file's comment for why caching them is safe). */
export function worldOf(state: GameState, bots: BotCaches): World {
  const w = bots.world;
  if (
    w &&
    w.state === state &&
    w.tick === state.tick &&
    w.notices === state.notices &&
    w.noticeCount === state.notices.length &&
    w.classWorld === state.classWorld
  )
    return w;
  return (bots.world = build(state, bots));
}

/** What a site costs today (longRun false) or over the year (true): siteCosts, cached. */
export function siteOf(w: World, r: number, terms: SiteTerms): SiteCosts {
  const cache = terms.longRun ? w.longRun : w.now;
  const i = 2 * r + (terms.renewable ? 1 : 0);
  const kw = (w.state.world.regions[r] as RegionState).leasedKw;
  if (w.siteLeasedKw[r] !== kw) {
    w.siteLeasedKw[r] = kw;
    w.now[2 * r] = w.now[2 * r + 1] = w.longRun[2 * r] = w.longRun[2 * r + 1] = undefined;
  }
  let site = cache[i];
  if (!site) site = cache[i] = siteCosts(w.state, r, terms, w.caches);
  return site;
}

export function prefersRenewableAt(w: World, r: number): boolean {
  let p = w.prefersRenewable[r];
  if (p === undefined) p = w.prefersRenewable[r] = prefersRenewable(w.state, r, w.caches);
  return p;
}

/** Factory list price of one unit today, cents (the market's factoryUnitPriceCents, cached). */
export function listCentsOf(w: World, model: AsicModel): number {
  let c = w.listCents.get(model.id);
  if (c === undefined) w.listCents.set(model.id, (c = factoryUnitPriceCents(w.state, model, w.caches)));
  return c;
}

/** What one unit of `model` costs at each open factory, cents (quoteOrder's unit price), in catalog order. */
export function factoryUnitsOf(w: World, model: AsicModel): number[] {
  followOrderBook(w);
  let units = w.factoryUnits.get(model.id);
  if (!units) {
    const list = listCentsOf(w, model);
    // The demand multiplier of each factory's queue (factoryPrice.ts), as quoteOrder applies it.
    units = catalogOf(w).factories.map((f, i) =>
      roundHalfAway((roundHalfAway((list * f.multiplierBps) / 10_000) * demandOf(w, i)) / 10_000),
    );
    w.factoryUnits.set(model.id, units);
  }
  return units;
}

/**
 * The demand multiplier of the catalog's factory `i` (demandMultiplierBps), once per factory rather
 * than once per model. It moves with the order book: within a day only an order (which adds to the
 * book) or a cancellation (which makes a new book) changes the schedules, so the figures are kept
 * while the book is the same array of the same length, and worked out afresh otherwise.
 */
function demandOf(w: World, i: number): number {
  followOrderBook(w);
  let bps = w.demand[i];
  if (bps === undefined) {
    const hub = (catalogOf(w).factories[i] as Factory).hub;
    bps = w.demand[i] = demandMultiplierBps(w.state, hub, w.caches);
  }
  return bps;
}

/**
 * Forgets the demand multipliers and the unit prices made from them once the order book has changed
 * (an order added, or a cancellation that made a new book): the day's facts are shared by every seat,
 * and a seat reviewing after another's order must see the dearer price the engine will charge it.
 */
function followOrderBook(w: World): void {
  const orders = w.state.factoryOrders;
  if (w.demandFrom.orders === orders && w.demandFrom.length === orders.length) return;
  w.demand = [];
  w.factoryUnits.clear();
  w.demandFrom = { orders, length: orders.length };
}

/** A regional used ask and the tier's stock and buyers' pressure it was quoted at. */
interface RegionalAsk {
  stock: number;
  pressure: number;
  ask: number | null;
}

/** The kept answers for `units` of `model` in `memo`, by region index (the list made when first asked for). */
function keptAsk(
  memo: Map<number, Map<string, (RegionalAsk | undefined)[]>>,
  model: AsicModel,
  units: number,
): (RegionalAsk | undefined)[] {
  let bySize = memo.get(units);
  if (!bySize) memo.set(units, (bySize = new Map()));
  let byRegion = bySize.get(model.id);
  if (!byRegion) bySize.set(model.id, (byRegion = []));
  return byRegion;
}

/**
 * A lower bound on regionalUsedAskOf(w, r, model, units) (usedQuoteBoundCents: one power rather than
 * one per slice), or null exactly where the ask is null; the ask itself when it is known already. Kept
 * like the ask, with the stock and pressure it was worked out at. For a buyer skipping markets that
 * cannot beat the best it has found (usedGradient.ts).
 */
export function regionalUsedBoundOf(w: World, r: number, model: AsicModel, units: number): number | null {
  const market = w.state.usedMarkets.regions[r];
  if (!market) return null;
  const tier = usedTierOf(model.efficiencyJPerTh);
  const stock = market.stockThs[tier] as number;
  const pressure = market.pressureThs[tier] as number;
  const ask = keptAsk(w.regionalUsedAsk, model, units)[r];
  if (ask && ask.stock === stock && ask.pressure === pressure) return ask.ask;
  const byRegion = keptAsk(w.regionalUsedBound, model, units);
  const kept = byRegion[r];
  if (kept && kept.stock === stock && kept.pressure === pressure) return kept.ask;
  const reference = usedReferenceOf(w, r, tier);
  const bound = usedQuoteBoundCents(w.state, r, model, units, reference);
  byRegion[r] = { stock, pressure, ask: bound };
  return bound;
}

/**
 * The unit ask of a lot of `units` used `model` in region `r`'s own market, cents (quoteUsedLot: the
 * average up the curve), or null where it holds fewer. Unlike
 * the memo's other figures a company's purchase moves it (the tier's stock and pressure), so each answer is
 * kept with the stock and pressure it was quoted at and quoted afresh when either has moved since.
 */
export function regionalUsedAskOf(w: World, r: number, model: AsicModel, units = 1): number | null {
  const market = w.state.usedMarkets.regions[r];
  if (!market) return null;
  const tier = usedTierOf(model.efficiencyJPerTh);
  const stock = market.stockThs[tier] as number;
  const pressure = market.pressureThs[tier] as number;
  const byRegion = keptAsk(w.regionalUsedAsk, model, units);
  const kept = byRegion[r];
  if (kept && kept.stock === stock && kept.pressure === pressure) return kept.ask;
  const reference = usedReferenceOf(w, r, tier);
  const ask = quoteUsedLot(w.state, r, model, units, reference)?.unitCents ?? null;
  byRegion[r] = { stock, pressure, ask };
  return ask;
}

/** Used tier `tier`'s reference stock in region `r` today (referenceStockThs), worked out once a day. */
export function usedReferenceOf(w: World, r: number, tier: number): number {
  return (w.usedReference[r] ??= referenceStocksThs(w.state, r))[tier] as number;
}

/**
 * The least unit price any used quote of `model` in region `r` can give today, cents (usedUnitFloorCents):
 * the fair price, the machines' age and the duty move only when the day is stepped (or with a notice),
 * and it reads no stock, so a purchase leaves it alone.
 */
export function usedFloorOf(w: World, r: number, model: AsicModel): number {
  let byRegion = w.usedFloor.get(model.id);
  if (!byRegion) w.usedFloor.set(model.id, (byRegion = []));
  let floor = byRegion[r];
  if (floor === undefined) floor = byRegion[r] = usedUnitFloorCents(w.state, r, model);
  return floor;
}

/**
 * The world's used ask for one unit, cents (usedAskUnitCents; it moves only at the day's mark). A purchase
 * pays its region's own market price instead (usedMarket.ts quoteUsedLot).
 */
export function usedAskOf(w: World, modelId: string): number | null {
  let c = w.usedAskCents.get(modelId);
  if (c === undefined) {
    const model = modelOf(w.state, modelId, w.caches);
    if (!model) return null;
    w.usedAskCents.set(modelId, (c = usedAskUnitCents(w.state, model)));
  }
  return c;
}
