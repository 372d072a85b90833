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
import { factoryUnitPriceCents, isReleased, usedAskUnitCents, usedTierOf } from "../engine/market.ts";
import type { GameState, RegionState } from "../engine/state.ts";
import type { AsicModel } from "../scenario/types.ts";
import {
  dutyShare,
  licenceDays,
  planningHashprice,
  prefersRenewable,
  regionUnsafe,
  siteCosts,
  type SiteCosts,
} from "./econ.ts";

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
  /** Per region index: days an import licence costs on average (0: none). */
  licence: number[];
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
  usedAskCents: Map<string, number>;
  newModels: AsicModel[];
  usedModels: AsicModel[];
  /** The most efficient model of each used tier whose used market is open. */
  tierLeaders: AsicModel[];
  factories: Factory[];
  /** Companies not bankrupt. */
  active: number;
}

const memo = new WeakMap<GameState, World>();

function build(state: GameState): World {
  const n = state.scenario.regions.length;
  const unsafe: boolean[] = [];
  const closed: boolean[] = [];
  const licence: number[] = [];
  let anyUnsafe = false;
  for (let r = 0; r < n; r++) {
    const region = state.world.regions[r] as RegionState;
    const u = regionUnsafe(region);
    unsafe.push(u);
    anyUnsafe ||= u;
    closed.push(u || region.moratoriumUntil > state.day);
    licence.push(licenceDays(state, r));
  }
  const m = state.market;
  const day = state.day;
  const newModels = state.scenario.asics.filter((a) => isReleased(a, day));
  const usedModels = newModels.filter((a) => a.releaseDay + USED_MARKET_DELAY_DAYS <= day);
  const best = new Map<number, AsicModel>();
  for (const a of usedModels) {
    const tier = usedTierOf(a.efficiencyJPerTh);
    const cur = best.get(tier);
    if (!cur || a.efficiencyJPerTh < cur.efficiencyJPerTh) best.set(tier, a);
  }
  let active = 0;
  for (const c of state.companies) if (!c.bankrupt) active++;
  return {
    state,
    tick: state.tick,
    notices: state.notices,
    noticeCount: state.notices.length,
    unsafe,
    anyUnsafe,
    closed,
    licence,
    now: [],
    longRun: [],
    prefersRenewable: [],
    duty: new Map(),
    planningHashprice: planningHashprice(state),
    runningHashprice: Math.min(m.hashpriceMicroUsd, m.hashpriceAvgMicroUsd || m.hashpriceMicroUsd),
    listCents: new Map(),
    usedAskCents: new Map(),
    newModels,
    usedModels,
    tierLeaders: [...best.values()],
    factories: openFactories(state).map((hub) => ({
      hub: hub.id,
      country: hub.country,
      multiplierBps: state.factories.find((f) => f.hub === hub.id)?.priceMultiplierBps ?? 10_000,
    })),
    active,
  };
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

/** Duty and VAT share on goods made in `origin` entering region `r`: dutyShare, cached. */
export function dutyOf(w: World, r: number, origin: string): number {
  let row = w.duty.get(origin);
  if (!row) w.duty.set(origin, (row = []));
  let d = row[r];
  if (d === undefined) d = row[r] = dutyShare(w.state, r, origin);
  return d;
}

/** Factory list price of one unit, cents (before the factory's multiplier). */
export function listCentsOf(w: World, model: AsicModel): number {
  let c = w.listCents.get(model.id);
  if (c === undefined) w.listCents.set(model.id, (c = factoryUnitPriceCents(w.state, model)));
  return c;
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
