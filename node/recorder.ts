/**
 * Records a game day by day into plain rows: chain, market and where the hashrate runs. Independent of
 * any CLI so that the server or a debrief screen can record a live game the same way the simulate tool
 * does: create a recording from the initial state, then feed it each day's state and step report.
 */
import { difficultyFromBits, EngineCaches, step, type GameState, type StepReport } from "../shared/index.ts";
import { formatIsoDate } from "../shared/math/calendar.ts";

/** Pseudo-country under which the players' hashrate is counted (players' lots could be anywhere). */
export const PLAYERS = "PLAYERS";

export interface DayRow {
  date: string;
  height: number;
  /** Compact target in force for the next block at the end of the day, "0x…" hex. */
  bits: string;
  difficulty: number;
  networkEhs: number;
  playerEhs: number;
  priceUsd: number;
  hashpriceUsdPerThDay: number;
  /** Share of the day's network hashrate by ISO2 country (and PLAYERS), 0..1, summing to 1. */
  sharesByCountry: Record<string, number>;
}

export interface RetargetRow {
  height: number;
  date: string;
  oldBits: string;
  newBits: string;
  /** Change in difficulty, percent (signed). */
  changePct: number;
}

export interface HalvingRow {
  height: number;
  date: string;
}

export interface Recording {
  scenario: string;
  scenarioName: string;
  scenarioHash: string;
  seed: number;
  engineVersion: string;
  players: number;
  /** Share keys in a stable order (scenario region order, then PLAYERS): CSV columns follow it. */
  countries: string[];
  countryNames: Record<string, string>;
  days: DayRow[];
  retargets: RetargetRow[];
  halvings: HalvingRow[];
}

export function hexBits(bits: number): string {
  return `0x${bits.toString(16).padStart(8, "0")}`;
}

const THS_PER_EHS = 1e6;

/** An empty recording for a freshly created game. */
export function createRecording(state: GameState): Recording {
  const countries: string[] = [];
  const countryNames: Record<string, string> = {};
  for (const region of state.scenario.regions) {
    if (countryNames[region.country] !== undefined) continue;
    countries.push(region.country);
    countryNames[region.country] = region.countryName.en;
  }
  // Only games with companies get a PLAYERS column: headless runs would carry a column of zeros.
  if (state.companies.length > 0) {
    countries.push(PLAYERS);
    countryNames[PLAYERS] = "Players";
  }
  return {
    scenario: state.scenario.id,
    scenarioName: state.scenario.name.en,
    scenarioHash: state.scenarioHash,
    seed: state.seed,
    engineVersion: state.engineVersion,
    players: state.companies.length,
    countries,
    countryNames,
    days: [],
    retargets: [],
    halvings: [],
  };
}

/** Appends one day: `state` is the state right after `step` returned `report`. */
export function recordDay(recording: Recording, state: GameState, report: StepReport): DayRow {
  const row: DayRow = {
    date: report.date,
    height: report.height,
    bits: hexBits(state.chain.bits),
    difficulty: difficultyFromBits(state.chain.bits),
    networkEhs: report.networkThs / THS_PER_EHS,
    playerEhs: report.playerThs / THS_PER_EHS,
    priceUsd: state.market.priceCents / 100,
    hashpriceUsdPerThDay: state.market.hashpriceMicroUsd / 1e6,
    sharesByCountry: countryShares(recording, state, report),
  };
  recording.days.push(row);
  for (const r of report.retargets) {
    recording.retargets.push({
      height: r.height,
      date: formatIsoDate(r.day),
      oldBits: hexBits(r.oldBits),
      newBits: hexBits(r.newBits),
      changePct: r.changePpm / 1e4,
    });
  }
  for (const height of report.halvings) recording.halvings.push({ height, date: report.date });
  return row;
}

/**
 * Shares are divided by the sum of the very parts they are made of (not by report.networkThs) so that
 * they add up to 1 up to rounding whatever order the engine summed them in.
 */
function countryShares(recording: Recording, state: GameState, report: StepReport): Record<string, number> {
  const ths: Record<string, number> = {};
  for (const key of recording.countries) ths[key] = 0;
  report.restOfWorldThsByRegion.forEach((value, i) => {
    const country = state.scenario.regions[i]?.country;
    if (country !== undefined) ths[country] = (ths[country] ?? 0) + value;
  });
  if (recording.countries.includes(PLAYERS)) ths[PLAYERS] = report.playerThs;
  const total = Object.values(ths).reduce((s, x) => s + x, 0);
  const shares: Record<string, number> = {};
  for (const [key, value] of Object.entries(ths)) shares[key] = total > 0 ? value / total : 0;
  return shares;
}

/** Steps a game to its end, recording every day; `onDay` sees each row as it is recorded (progress bars). */
export function recordGame(state: GameState, onDay?: (row: DayRow, dayIndex: number) => void): Recording {
  const recording = createRecording(state);
  const caches = new EngineCaches();
  while (!state.finished) {
    const row = recordDay(recording, state, step(state, caches));
    onDay?.(row, recording.days.length - 1);
  }
  return recording;
}
