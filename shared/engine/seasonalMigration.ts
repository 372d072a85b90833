/**
 * Seasonal hydro migration (issue #16): in the wet season (May-October) Sichuan's hydro power costs a
 * third of coal power in the north, and miners there truck their machines south; when the dry season
 * makes hydro dearer again they move back. Cambridge's map shows it: Sichuan went from 14.9% to 61.1% of
 * China's hashrate in the 2020 wet season, then 24% in November and 13% in December.
 *
 * The rule: a share of the thermal region's fleet (`mobileBps`) is mobile. A hydro station rents its
 * seasonal racks for the wet season only, so movers go south once hydro is cheaper today (and will still be
 * on arrival), and head home as soon as it would be dearer by the day they got back (`transitDays` ahead):
 * each day part of the mobile machines still in the thermal region leaves for the hydro one, or part of
 * those away comes back. (Judging the move south by the price on arrival, as a first version did, sent
 * Sichuan's share of China to 29/54/74% in April-June 2020 against Cambridge's 23/38/56%, and the north's
 * S9s into cheap hydro before the May 2020 halving, so that hardly any switched off: -3.5% against the real
 * -22.1%. Going once the price is in force puts their two weeks on the road just after the halving, as the
 * real dip was, and gives 27/40/68%.) The daily part grows with the price gap (full speed at
 * `fullSpeedGapBps` of the dearer price), and machines on the road (`transitDays`) mine nothing: that is
 * the hashrate dip of an exit (late October 2020) and of an arrival (May 2020). Movers take their space
 * along: their farm in the north stands empty for them while a hydro station's seasonal farm hosts them
 * (their kW of capacity moves with them and back), so new machines do not fill the north behind them, and
 * players see Sichuan's wet-season room. Nobody leaves while the subsidy would halve before they could be
 * back on: the days on the road would cost them the last days of the old subsidy, so they run those out
 * in the north and go after the halving (in 2020, halving on 11 May, wet-season price from 1 May: the
 * moves started on the halving's day, CCAF's Sichuan + Yunnan share of China ran 38/56/67% in May-July
 * against the game's 34/61/74%, 42/68/77% when they left on 1 May, and the dip at the halving came to
 * -17.6% against the real -22.1%, -13.3% before).
 */
import type { SeasonalMigrationSpec } from "../scenario/seasonalSpec.ts";
import { daysToNextHalving } from "../bitcoin/index.ts";
import type { EpochDay } from "../math/calendar.ts";
import type { EngineCaches } from "./caches.ts";
import { addToTier, powerPriceOn, regionIndex, restOfWorldInstalledThs } from "./regions.ts";
import type { GameState, RegionState, SeasonalBatch } from "./state.ts";
import { noteSeason } from "./seasonalNews.ts";

export function advanceSeasonalMigration(state: GameState, caches: EngineCaches): void {
  const spec = state.scenario.seasonalMigration;
  if (!spec) return;
  const h = regionIndex(state, spec.hydroRegion, caches);
  const t = regionIndex(state, spec.thermalRegion, caches);
  if (h < 0 || t < 0) return;
  const hydro = state.world.regions[h] as RegionState;
  const thermal = state.world.regions[t] as RegionState;
  const moving = (state.world.seasonal ??= { awayThs: 0, awayKw: 0, transit: [] });
  land(state, moving.transit, hydro, thermal);
  // A ban ends the migration: what was away is now part of the hydro region's fleet, ban and all.
  moving.awayThs = Math.min(moving.awayThs, restOfWorldInstalledThs(hydro));
  if (hydro.policy === "banned" || thermal.policy === "banned") return;
  // Hydro stations rent their seasonal racks for the wet season only: movers go south once its price is
  // in force (and still will be when they arrive), and head home in time to be back before it ends.
  const arrival = state.day + spec.transitDays;
  const today = seasonGap(state, h, t, state.day);
  const ahead = seasonGap(state, h, t, arrival);
  if (today > 0 && ahead > 0) {
    // The road costs the revenue the machines would have mined: while the subsidy halves before they
    // could be back on, they run out the old subsidy where they are and leave after it.
    if (halvingWithin(state, spec.transitDays)) return;
    noteSeason(state, spec, h, t, true);
    goSouth(state, spec, moveShare(spec, Math.min(today, ahead)), hydro, thermal);
  } else if (today < 0 || ahead < 0) {
    noteSeason(state, spec, h, t, false);
    goNorth(state, spec, moveShare(spec, -Math.min(today, ahead)), hydro, thermal);
  }
}

/** Whether the block subsidy halves within `days` at the protocol's pace of blocks. */
function halvingWithin(state: GameState, days: number): boolean {
  return daysToNextHalving(state.chain.height) < days;
}

/** How much cheaper the hydro region's power is than the thermal one's on `day`, as a share of the dearer (negative: dearer). */
function seasonGap(state: GameState, h: number, t: number, day: EpochDay): number {
  const ph = powerPriceOn(state, h, day);
  const pt = powerPriceOn(state, t, day);
  const dearer = Math.max(ph, pt);
  return dearer > 0 ? (pt - ph) / dearer : 0;
}

/** Share of the movable fleet that leaves today for a relative price gap `gap` (0..1). */
function moveShare(spec: SeasonalMigrationSpec, gap: number): number {
  return (spec.maxMoveBpsPerDay / 10_000) * Math.min(1, (gap * 10_000) / spec.fullSpeedGapBps);
}

/** Batches whose road is over rejoin the fleet where they were going. */
function land(state: GameState, transit: SeasonalBatch[], hydro: RegionState, thermal: RegionState): void {
  const moving = state.world.seasonal;
  if (!moving || transit.length === 0) return;
  const stay: SeasonalBatch[] = [];
  for (const b of transit) {
    const to = b.toHydro ? hydro : thermal;
    if (b.readyDay > state.day) stay.push(b);
    // Banned on arrival: they go abroad with the region's emigrants (world.ts settles them where there is room).
    else if (to.policy === "banned")
      state.world.migration.push({ fromRegion: to.id, jPerTh: b.jPerTh, ths: b.ths, readyDay: state.day });
    else {
      addToTier(to, b.jPerTh, b.ths);
      if (b.toHydro) moving.awayThs += b.ths;
    }
  }
  moving.transit = stay;
}

function transitThs(state: GameState, toHydro: boolean): number {
  let ths = 0;
  for (const b of state.world.seasonal?.transit ?? []) if (b.toHydro === toHydro) ths += b.ths;
  return ths;
}

function goSouth(
  state: GameState,
  spec: SeasonalMigrationSpec,
  speed: number,
  hydro: RegionState,
  thermal: RegionState,
): void {
  const moving = state.world.seasonal as NonNullable<GameState["world"]["seasonal"]>;
  const south = transitThs(state, true);
  const home = restOfWorldInstalledThs(thermal);
  const mobile = ((home + moving.awayThs + south) * spec.mobileBps) / 10_000;
  const movable = Math.min(home, mobile - moving.awayThs - south);
  const ths = movable * speed;
  if (ths <= 1e-6) return;
  moving.awayKw += moveRacks(thermal, hydro, depart(state, spec, thermal, ths, true));
}

/** Moves `kw` of capacity with its machines, never more than `from` has (moving creates no racks). */
function moveRacks(from: RegionState, to: RegionState, kw: number): number {
  const moved = Math.min(kw, from.capacityKw);
  from.capacityKw -= moved;
  to.capacityKw += moved;
  return moved;
}

function goNorth(
  state: GameState,
  spec: SeasonalMigrationSpec,
  speed: number,
  hydro: RegionState,
  thermal: RegionState,
): void {
  const moving = state.world.seasonal as NonNullable<GameState["world"]["seasonal"]>;
  const ths = moving.awayThs * speed;
  if (ths <= 1e-6) return;
  // awayKw holds the racks of the landed movers and of those still on the road south: share it over both.
  const kw = (moving.awayKw * ths) / (moving.awayThs + transitThs(state, true));
  moving.awayThs -= ths;
  moving.awayKw -= kw;
  depart(state, spec, hydro, ths, false);
  moveRacks(hydro, thermal, kw);
}

/** Takes `ths` from `from`'s tiers in proportion and puts it on the road for `transitDays`; returns their kW. */
function depart(
  state: GameState,
  spec: SeasonalMigrationSpec,
  from: RegionState,
  ths: number,
  toHydro: boolean,
): number {
  const installed = restOfWorldInstalledThs(from);
  if (installed <= 0) return 0;
  let kw = 0;
  const transit = (state.world.seasonal as NonNullable<GameState["world"]["seasonal"]>).transit;
  const readyDay = state.day + spec.transitDays;
  for (const tier of from.rowTiers) {
    const part = (tier.installedThs / installed) * ths;
    tier.installedThs -= part;
    kw += (part * tier.jPerTh) / 1000;
    const same = transit.find(
      (b) => b.readyDay === readyDay && b.jPerTh === tier.jPerTh && b.toHydro === toHydro,
    );
    if (same) same.ths += part;
    else transit.push({ toHydro, jPerTh: tier.jPerTh, ths: part, readyDay });
  }
  from.rowTiers = from.rowTiers.filter((x) => x.installedThs > 1e-9);
  return kw;
}
