/**
 * Duty and VAT shares for the bots, kept from one day to the next while the customs rules stay the same.
 *
 * A share (econ's dutyShare) reads only each country's tariffs and VAT and the region's country, and a
 * factory's row adds the open factories' countries. Those change a few times a game, with a law or a
 * factory opening; the day's memo (world.ts), made afresh every day, used to work every share out again
 * each day, a large part of what a review cost. Here the shares live in the bots' caches, for one state,
 * under a key that spells out everything they read; a day whose key differs (or another state) starts a
 * new table. So a share served from here is always the share dutyShare would give now: a cache of speed,
 * never of state.
 */
import type { GameState } from "../engine/state.ts";
import type { RegionSpec } from "../scenario/types.ts";
import { dutyShare } from "./econ.ts";
import { catalogOf, type World } from "./world.ts";

export interface Duties {
  /** The game the shares are for. */
  state: GameState;
  /** What the shares were worked out from (see dutyKey). */
  key: string;
  /** dutyShare(state, r, origin) per origin country, per region index. */
  byRegion: Map<string, (number | undefined)[]>;
  /** The same share per origin and destination country: many regions share a country. */
  byCountry: Map<string, Map<string, number>>;
  /** Per region index: the share on goods from each open factory (catalog order). */
  factories: (number[] | undefined)[];
}

/** Everything the shares depend on: the open factories' countries, each country's VAT and tariffs. */
function dutyKey(w: World): string {
  let key = "";
  for (const f of catalogOf(w).factories) key += `${f.country},`;
  for (const c of w.state.countries) {
    key += `|${c.country}:${c.vatBps}`;
    for (const origin in c.tariffBps) key += `,${origin}=${c.tariffBps[origin]}`;
  }
  return key;
}

/** Today's table: yesterday's if the key is unchanged, else a new one. */
function dutiesOf(w: World): Duties {
  if (w.duties) return w.duties;
  const key = dutyKey(w);
  let table = w.bots.duties;
  if (!table || table.state !== w.state || table.key !== key) {
    table = { state: w.state, key, byRegion: new Map(), byCountry: new Map(), factories: [] };
    w.bots.duties = table;
  }
  return (w.duties = table);
}

/** Duty and VAT share on goods made in `origin` entering region `r` today (econ's dutyShare). */
export function dutyOf(w: World, r: number, origin: string): number {
  const table = dutiesOf(w);
  let row = table.byRegion.get(origin);
  if (!row) table.byRegion.set(origin, (row = []));
  let d = row[r];
  if (d === undefined) {
    let byCountry = table.byCountry.get(origin);
    if (!byCountry) table.byCountry.set(origin, (byCountry = new Map()));
    const country = (w.state.scenario.regions[r] as RegionSpec).country;
    d = byCountry.get(country);
    if (d === undefined) byCountry.set(country, (d = dutyShare(w.state, r, origin)));
    row[r] = d;
  }
  return d;
}

/** The duty and VAT share on goods from each open factory (catalog order) entering region `r`. */
export function factoryDutiesOf(w: World, r: number): number[] {
  const table = dutiesOf(w);
  let duties = table.factories[r];
  if (!duties) {
    duties = table.factories[r] = catalogOf(w).factories.map((f) => dutyOf(w, r, f.country));
  }
  return duties;
}
