/**
 * What the bots know about the world on one day, worked out once and shared by every seat: which regions
 * are closed or unsafe, what a site costs today and in the long run, duty shares, licence waits, the
 * hashprices they plan with, factory and used prices, the models on sale.
 *
 * A pure cache: the memo is keyed by the state object, its tick and today's notices. Nothing it holds is
 * changed by a company's command (bans, power prices, taxes, prices and the hashprice move only when the
 * day is stepped); a shock injected by the host mid-day changes them, but every shock posts notices, and
 * a notice posted since the memo was made invalidates it. So a cached figure is always the figure the
 * uncached function would return now; the memo changes how fast the bots think, never what they decide.
 */
import { openFactories } from "../engine/commands/orderMachines.ts";
import { USED_MARKET_DELAY_DAYS } from "../engine/commands/trade.ts";
import { modelOf } from "../engine/fleet.ts";
import { bestEfficiency, isReleased, usedAskUnitCents, usedTierOf } from "../engine/market.ts";
import { detPow } from "../math/detmath.ts";
import type { GameState, Lot, RegionState } from "../engine/state.ts";
import type { AsicModel, RegionSpec, Scenario } from "../scenario/types.ts";
import type { CountryState } from "../engine/tradeState.ts";
import { roundHalfAway } from "../math/money.ts";
import { planningHashprice, prefersRenewable, regionUnsafe, siteCosts, type SiteCosts } from "./econ.ts";

export interface Factory {
  hub: string;
  country: string;
  multiplierBps: number;
}

export interface World {
  state: GameState;
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
  /** siteCosts(state, r, renewable, false), at 2r + (renewable ? 1 : 0); filled as needed. */
  now: (SiteCosts | undefined)[];
  /** siteCosts(state, r, renewable, true), indexed as `now`. */
  longRun: (SiteCosts | undefined)[];
  prefersRenewable: (boolean | undefined)[];
  /** dutyShare(state, r, origin) per origin country, per region index. */
  duty: Map<string, (number | undefined)[]>;
  planningHashprice: number;
  /** Today's hashprice or the month's average, whichever is lower. */
  runningHashprice: number;
  listCents: Map<string, number>;
  /** Per model: the unit price at each open factory (catalog order), cents. */
  factoryUnits: Map<string, number[]>;
  /** Per region index: the duty and VAT share on goods from each open factory (catalog order). */
  factoryDuties: (number[] | undefined)[];
  usedAskCents: Map<string, number>;
  /** What is on sale, worked out on the first review of the day (see catalogOf). */
  catalog: Catalog | null;
  /** Companies not bankrupt. */
  active: number;
  /** The best efficiency on sale today, J/TH (bestEfficiency), once needed. */
  bestJPerTh: number | null;
  /** state.countries by ISO code (the first of each, as a search finds it), built when first needed. */
  countries: Map<string, CountryState> | null;
  /** Each company's lots in the state's order (see lotsOf), and what the index was built from. */
  owned: Ownership | null;
  ownedFrom: { lots: Lot[]; length: number; nextId: number };
}

interface Ownership {
  all: Map<string, Lot[]>;
  unsettled: Map<string, Lot[]>;
}

export interface Catalog {
  newModels: AsicModel[];
  usedModels: AsicModel[];
  /** The most efficient model of each used tier whose used market is open. */
  tierLeaders: AsicModel[];
  factories: Factory[];
}

const memo = new WeakMap<GameState, World>();

function build(state: GameState): World {
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
    tick: state.tick,
    notices: state.notices,
    noticeCount: state.notices.length,
    unsafe,
    anyUnsafe,
    closed,
    licence: [],
    now: [],
    longRun: [],
    prefersRenewable: [],
    duty: new Map(),
    planningHashprice: planningHashprice(state),
    runningHashprice: Math.min(m.hashpriceMicroUsd, m.hashpriceAvgMicroUsd || m.hashpriceMicroUsd),
    listCents: new Map(),
    factoryUnits: new Map(),
    factoryDuties: [],
    usedAskCents: new Map(),
    catalog: null,
    active,
    countries: null,
    bestJPerTh: null,
    owned: null,
    ownedFrom: { lots: state.lots, length: 0, nextId: -1 },
  };
}

/**
 * The company's lots, in the state's order: the state's lots grouped by owner once a day rather than
 * scanned by every seat. Valid while no lot is created (the id counter moves), removed (the list changes
 * or shrinks) or handed to another company (an accepted offer notifies both parties, which renews the
 * memo); checked on every call, else rebuilt. Read only: the lists are shared.
 */
export function lotsOf(w: World, id: string): readonly Lot[] {
  return ownership(w).all.get(id) ?? NONE;
}

/** The company's lots other than those installed in a region (the ones a daily look may act on). */
export function unsettledLotsOf(w: World, id: string): readonly Lot[] {
  return ownership(w).unsettled.get(id) ?? NONE;
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
  const all = new Map<string, Lot[]>();
  const unsettled = new Map<string, Lot[]>();
  const lots = state.lots;
  for (let i = 0; i < lots.length; i++) {
    const lot = lots[i] as Lot;
    add(all, lot);
    // A lot's status and place change only by its owner's commands (given after its own look today)
    // or when the day is stepped; a change of owner renews the memo (see above).
    if (lot.status !== "installed" || lot.location.kind !== "region") add(unsettled, lot);
  }
  w.ownedFrom = { lots, length: lots.length, nextId: state.nextId };
  return (w.owned = { all, unsettled });
}

function add(map: Map<string, Lot[]>, lot: Lot): void {
  const mine = map.get(lot.owner);
  if (mine) mine.push(lot);
  else map.set(lot.owner, [lot]);
}

const NONE: readonly Lot[] = [];

/** Models on sale new and used, the used tiers' leaders and the open factories today. */
export function catalogOf(w: World): Catalog {
  if (w.catalog) return w.catalog;
  const state = w.state;
  const day = state.day;
  const newModels = state.scenario.asics.filter((a) => isReleased(a, day));
  const usedModels = newModels.filter((a) => a.releaseDay + USED_MARKET_DELAY_DAYS <= day);
  const best = new Map<number, AsicModel>();
  for (const a of usedModels) {
    const tier = usedTierOf(a.efficiencyJPerTh);
    const cur = best.get(tier);
    if (!cur || a.efficiencyJPerTh < cur.efficiencyJPerTh) best.set(tier, a);
  }
  return (w.catalog = {
    newModels,
    usedModels,
    tierLeaders: [...best.values()],
    factories: openFactories(state).map((hub) => ({
      hub: hub.id,
      country: hub.country,
      multiplierBps: state.factories.find((f) => f.hub === hub.id)?.priceMultiplierBps ?? 10_000,
    })),
  });
}

/** Days an import licence costs on average in region `r` (licenceDays, cached). */
export function licenceOf(w: World, r: number): number {
  let d = w.licence[r];
  if (d === undefined)
    d = w.licence[r] =
      countryOf(w, (w.state.scenario.regions[r] as RegionSpec).country)?.licenceMeanDays ?? 0;
  return d;
}

/** Today's facts about the world (see the file's comment for why caching them is safe). */
export function worldOf(state: GameState): World {
  const w = memo.get(state);
  if (w && w.tick === state.tick && w.notices === state.notices && w.noticeCount === state.notices.length)
    return w;
  const fresh = build(state);
  memo.set(state, fresh);
  return fresh;
}

/** What a site costs today (longRun false) or over the year (true): siteCosts, cached. */
export function siteOf(w: World, r: number, renewable: boolean, longRun: boolean): SiteCosts {
  const cache = longRun ? w.longRun : w.now;
  const i = 2 * r + (renewable ? 1 : 0);
  let site = cache[i];
  if (!site) site = cache[i] = siteCosts(w.state, r, renewable, longRun);
  return site;
}

export function prefersRenewableAt(w: World, r: number): boolean {
  let p = w.prefersRenewable[r];
  if (p === undefined) p = w.prefersRenewable[r] = prefersRenewable(w.state, r);
  return p;
}

/**
 * Duty and VAT share on goods made in `origin` entering region `r`: econ's dutyShare, with the country
 * found in the day's index rather than by a search per call (the same rules as customs' tariffBps and
 * vatBps: nothing at home, else the country's duty for the origin or its default, and its VAT; a test
 * checks the two agree).
 */
export function dutyOf(w: World, r: number, origin: string): number {
  let row = w.duty.get(origin);
  if (!row) w.duty.set(origin, (row = []));
  let d = row[r];
  if (d === undefined) {
    const dest = (w.state.scenario.regions[r] as RegionSpec).country;
    const c = dest === origin ? undefined : countryOf(w, dest);
    const duty = (c ? (c.tariffBps[origin] ?? c.tariffBps["*"] ?? 0) : 0) / 10_000;
    const vat = (c ? c.vatBps : 0) / 10_000;
    d = row[r] = duty + (1 + duty) * vat;
  }
  return d;
}

/** A country's state today, by ISO code. */
function countryOf(w: World, iso: string): CountryState | undefined {
  if (!w.countries) {
    w.countries = new Map();
    for (const c of w.state.countries) if (!w.countries.has(c.country)) w.countries.set(c.country, c);
  }
  return w.countries.get(iso);
}

/**
 * Factory list price of one unit, cents: the market's factoryUnitPriceCents, with the efficiency
 * discount (a deterministic power, slow to compute) kept per scenario and best efficiency, which change
 * only when a model is released. A test checks it against the engine's function day by day.
 */
export function listCentsOf(w: World, model: AsicModel): number {
  let c = w.listCents.get(model.id);
  if (c === undefined) {
    const state = w.state;
    const f = state.scenario.factory;
    const perTh = Math.max(f.floorCentsPerTh, state.market.factoryCentsPerTh * discountOf(w, model));
    const ask = usedAskOf(w, model.id) ?? 0;
    c = Math.max(roundHalfAway((perTh * model.hashrateGhs) / 1000), ask);
    w.listCents.set(model.id, c);
  }
  return c;
}

/** Per scenario: best efficiency on sale → model id → detPow(best / model's efficiency, exponent). */
const discounts = new WeakMap<Scenario, Map<number, Map<string, number>>>();

function discountOf(w: World, model: AsicModel): number {
  const scenario = w.state.scenario;
  if (w.bestJPerTh === null) w.bestJPerTh = bestEfficiency(scenario, w.state.day);
  let byBest = discounts.get(scenario);
  if (!byBest) discounts.set(scenario, (byBest = new Map()));
  let byModel = byBest.get(w.bestJPerTh);
  if (!byModel) byBest.set(w.bestJPerTh, (byModel = new Map()));
  let d = byModel.get(model.id);
  if (d === undefined) {
    const best = w.bestJPerTh;
    const ratio = Number.isFinite(best) ? best / model.efficiencyJPerTh : 1;
    byModel.set(model.id, (d = detPow(ratio, scenario.factory.efficiencyExponent)));
  }
  return d;
}

/** What one unit of `model` costs at each open factory, cents (quoteOrder's unit price), in catalog order. */
export function factoryUnitsOf(w: World, model: AsicModel): number[] {
  let units = w.factoryUnits.get(model.id);
  if (!units) {
    const list = listCentsOf(w, model);
    units = catalogOf(w).factories.map((f) => roundHalfAway((list * f.multiplierBps) / 10_000));
    w.factoryUnits.set(model.id, units);
  }
  return units;
}

/** The duty and VAT share on goods from each open factory (catalog order) entering region `r`. */
export function factoryDutiesOf(w: World, r: number): number[] {
  let duties = w.factoryDuties[r];
  if (!duties) duties = w.factoryDuties[r] = catalogOf(w).factories.map((f) => dutyOf(w, r, f.country));
  return duties;
}

/** The used market's ask for one unit, cents (quoteBuyUsed's unit price; it moves only at the day's mark). */
export function usedAskOf(w: World, modelId: string): number | null {
  let c = w.usedAskCents.get(modelId);
  if (c === undefined) {
    const model = modelOf(w.state, modelId);
    if (!model) return null;
    w.usedAskCents.set(modelId, (c = usedAskUnitCents(w.state, model)));
  }
  return c;
}
