/**
 * Grey mining (issue #13 §4; Cambridge's data on covert mining in China after the 2021 ban): machines
 * left powered where mining is banned risk seizure, and the risk grows with how much power a company
 * draws there (a large farm is easier to find) and how long the ban has lasted (enforcement tightens).
 * A banned region's `seizureBpsPerDay` (set by the ban) is the odds for a small site on the ban's first
 * day; each `referenceKw` of the company's powered machines there adds that much again, and so does each
 * `doublingDays` under the ban, up to `maxBpsPerDay`. The daily step seizes by it (shocks/advance.ts);
 * the powerLot quote states it before a player switches machines on.
 */
import type { GreyQuote } from "../protocol/preview.ts";
import type { Quoter } from "./commands/quote.ts";
import { ownedLot } from "./commands/quote.ts";
import type { EngineCaches } from "./caches.ts";
import { lotKw, lotModel } from "./fleet.ts";
import type { GameState, RegionState } from "./state.ts";

/** Each day: remember when each region's ban began (null while mining is allowed there). */
export function trackBans(state: GameState): void {
  for (const r of state.world.regions) {
    if (r.policy !== "banned") r.bannedSinceDay = null;
    else if (r.bannedSinceDay === null) r.bannedSinceDay = state.day;
  }
}

export function daysUnderBan(state: GameState, region: RegionState): number {
  return region.policy === "banned" && region.bannedSinceDay !== null ? state.day - region.bannedSinceDay : 0;
}

/** Daily seizure odds, basis points, for a company drawing `kw` from machines powered in `region`. */
export function seizureBps(state: GameState, region: RegionState, kw: number): number {
  if (region.policy !== "banned" || region.seizureBpsPerDay <= 0) return 0;
  const g = state.scenario.logistics.trade.grey;
  const size = 1 + kw / g.referenceKw;
  const time = 1 + daysUnderBan(state, region) / g.doublingDays;
  return Math.min(g.maxBpsPerDay, Math.round(region.seizureBpsPerDay * size * time));
}

/** kW each company draws from powered machines per region index: key `${owner}|${region}`. */
export function poweredKwByOwner(state: GameState, caches: EngineCaches): Map<string, number> {
  const out = new Map<string, number>();
  for (const lot of state.lots) {
    if (lot.status !== "installed" || !lot.powered || lot.location.kind !== "region") continue;
    const key = `${lot.owner}|${lot.location.region}`;
    out.set(key, (out.get(key) ?? 0) + lotKw(lotModel(state, lot, caches), lot.quantity));
  }
  return out;
}

/** Switching a lot on or off: where it is banned, the odds of seizure the company would face a day. */
export const previewPower: Quoter<"powerLot"> = (q, cmd) => {
  const lot = ownedLot(q, cmd.lot);
  if (!lot || lot.location.kind !== "region") return undefined;
  const id = lot.location.region;
  const region = q.state.world.regions.find((r) => r.id === id);
  if (!region) return undefined;
  const others = poweredKwByOwner(q.state, q.caches).get(`${lot.owner}|${id}`) ?? 0;
  const own = lotKw(lotModel(q.state, lot, q.caches), lot.quantity);
  const kw = lot.powered ? (cmd.on ? others : others - own) : cmd.on ? others + own : others;
  const quote: GreyQuote = {
    kind: "grey",
    region: id,
    banned: region.policy === "banned",
    kw,
    daysUnderBan: daysUnderBan(q.state, region),
    seizureBpsPerDay: seizureBps(q.state, region, kw),
  };
  return quote;
};
