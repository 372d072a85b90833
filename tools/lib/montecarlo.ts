/**
 * Monte-Carlo balancing: one game per seed with one company per bot, each bot deciding every day, played
 * to the end (or a number of days); what each run ends with comes back as plain data. The bots are
 * shared/bots' pure strategy functions, the same ones that stand in for players in a room.
 */
import { countShipment } from "./modeShares.ts";
import { countDecision, emptyFifths } from "./decisionPhases.ts";
import { countCommand, isSampleDay, sampleWeek, type WeekSample } from "./mc-sampler.ts";
import { seatsOfRun } from "./seats.ts";
import {
  applyTrustedCommand,
  createGame,
  equityCents,
  type Command,
  type EngineCaches,
  type GameState,
  type PlayerSeat,
  type Scenario,
} from "../../shared/index.ts";
import { createHash } from "node:crypto";
import { hashScenario, stateHashWith } from "../../shared/engine/hash.ts";
import { stepNetwork, type NetworkDayReport } from "../../shared/engine/step.ts";
import { lotModel, lotThs } from "../../shared/engine/fleet.ts";
import { regionIndex, uptimeToday } from "../../shared/engine/regions.ts";
import { finishLog, logAction, startLog, type ReplayLog } from "../../shared/replay/index.ts";
import { actingOrder, BotCaches } from "../../shared/bots/index.ts";
import { BUILTIN_STRATEGIES, builtinStrategy, Lens, parseStrategyName } from "../../shared/index.ts";
import { GuestSeats, isGuestEntry, type Guests } from "./mc-guests.ts";
import { internString } from "./mc-intern.ts";

/**
 * A bot: the commands `companyId` gives today, following `strategy`. Pure: it reads the state only (and
 * may keep what it works out in `caches`, the bots' speed caches of the game).
 */
export type BotDecide = (
  state: GameState,
  companyId: string,
  strategy: string,
  caches: BotCaches,
) => Command[];

/** The strategy every build has: give no commands (a baseline to measure the others against). */
export const IDLE = "idle";

export interface Bots {
  /** Where the bots come from (named in the reports). */
  source: "shared/bots";
  /** Strategies the bots module offers. */
  strategies: readonly string[];
  decide: BotDecide;
}

/**
 * The built-in strategies (shared/strategy/registry.ts: shared/bots' bots and "idle"), asked through
 * the strategy API with their privileged view; a name may carry a level (`hard:trader`). Imported
 * statically, so that the Monte-Carlo worker can be bundled in one piece (mc-bundle.ts).
 */
export const BOTS: Bots = {
  source: "shared/bots",
  strategies: BUILTIN_STRATEGIES,
  decide: (state, companyId, name, caches) => {
    const { level, strategy } = parseStrategyName(name);
    const builtin = builtinStrategy(strategy);
    if (!builtin) return [];
    const view = lensOf(state, caches.engine).viewFor(companyId, level, caches);
    return [...builtin.decide(view, companyId)];
  },
};

/**
 * One Lens per game (and engine caches) for the built-in bots, rather than one per seat and day: they read
 * only the view's level and privileged part, and a Lens that is never told the day's news hands every
 * seat the same view a fresh one would (its projection, made only if read, is renewed each tick).
 */
const lenses = new WeakMap<GameState, { lens: Lens; engine: EngineCaches }>();

function lensOf(state: GameState, engine: EngineCaches): Lens {
  const kept = lenses.get(state);
  if (kept && kept.engine === engine) return kept.lens;
  const lens = new Lens(state, [], engine);
  lenses.set(state, { lens, engine });
  return lens;
}

/**
 * The --bots entries that are neither a strategy `bots` offers (with or without a level prefix) nor a
 * strategy file's path.
 */
export function unknownStrategies(bots: Bots, entries: readonly string[]): string[] {
  const known = availableStrategies(bots);
  return [
    ...new Set(entries.filter((e) => !isGuestEntry(e) && !known.includes(parseStrategyName(e).strategy))),
  ];
}

/** Strategy names one may seat: the module's, plus idle. */
export function availableStrategies(bots: Bots): string[] {
  return bots.strategies.includes(IDLE) ? [...bots.strategies] : [...bots.strategies, IDLE];
}

export interface McConfig {
  scenario: string;
  /** One company per entry, seated as p1, p2, … in this order. */
  bots: string[];
  /** Seed of run 0; run i plays seed + i. */
  seed: number;
  runs: number;
  /** Stop each game after this many days (null: play to the scenario's end). */
  days: number | null;
  /** Time one call of a strategy from a file may take before the watchdog stops it, ms (mc-watchdog.ts). */
  strategyTimeoutMs?: number;
  /**
   * Sample equity and the chain weekly (mc-sampler.ts) for the designer's report. Off unless a report
   * is written: valuing every company's books each week costs a few percent of a bot game.
   */
  sampleWeekly?: boolean;
  /**
   * Turn the strategies through the seats run by run (run i: seats.ts rotation i mod n), so that none
   * always holds the same seat (its review slot and acting order are drawn for the seat from the seed).
   * On for simulate; the tournament turns them itself.
   */
  turnSeats?: boolean;
}

/** A run's config from the command line's choices, for one scenario (simulate and its sweeps alike). */
export function mcConfigOf(
  scenarioId: string,
  o: { bots: string[]; seed: number; runs: number; days: number | null },
  sampleWeekly: boolean,
): McConfig {
  return {
    scenario: scenarioId,
    bots: o.bots,
    seed: o.seed,
    runs: o.runs,
    days: o.days,
    sampleWeekly,
    turnSeats: true,
  };
}

export interface CompanyResult {
  id: string;
  name: string;
  strategy: string;
  equityUsd: number;
  bankrupt: boolean;
  accepted: number;
  rejected: number;
  /** Rejections by code (why the bot's commands failed; MALFORMED: not a command at all). */
  rejectedByCode: Record<string, number>;
  /** Why its strategy (from a file) was stopped: it threw, answered garbage or timed out. */
  failure?: string;
  /** Accepted shipments by mode, and how many took a premium broker (modeShares.ts). */
  shipModes?: Record<string, number>;
  /** Accepted commands by type (mc-sampler.ts), for the designer's report. */
  commands?: Record<string, number>;
  /**
   * Accepted decisions (commands but housekeeping) by fifth of the match, days 0–20%, 20–40%, …
   * (decisionPhases.ts): does the company still decide late in the game (issue #13 §5)?
   */
  decisionFifths?: number[];
}

export interface MonthSample {
  /** The day sampled: the 1st of a month, "YYYY-MM-DD". */
  date: string;
  /** Share of the network's running hashrate by ISO country (players' machines where they run), 0..1. */
  shares: Record<string, number>;
}

export interface RunResult {
  run: number;
  seed: number;
  days: number;
  companies: CompanyResult[];
  /** Company id with the highest final equity (the first seat on a tie); null with no companies. */
  winner: string | null;
  monthly: MonthSample[];
  /** Weekly equity and chain figures (mc-sampler.ts), for the designer's report. */
  weekly?: WeekSample[];
  finalHash: string;
}

/** Seats: p1…pN, named after their strategy (numbered when a strategy is seated more than once). */
export function seatsFor(bots: readonly string[]): PlayerSeat[] {
  const seen = new Map<string, number>();
  return bots.map((strategy, i) => {
    const n = (seen.get(strategy) ?? 0) + 1;
    seen.set(strategy, n);
    const repeated = bots.filter((b) => b === strategy).length > 1;
    // Internalized, as the scenario's ids are in a run (mc-intern.ts): owners compare faster.
    return { id: internString(`p${i + 1}`), name: repeated ? `${strategy} ${n}` : strategy };
  });
}

/** Six decimals: shares are compared to CCAF's two-decimal percents, and the JSON stays small. */
const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/** Network hashrate share by country at the end of a day (`report` is that day's step report). */
export function countryShares(
  state: GameState,
  report: Pick<NetworkDayReport, "restOfWorldThsByRegion" | "playerThs">,
  caches: EngineCaches,
): Record<string, number> {
  const ths: Record<string, number> = {};
  const regions = state.scenario.regions;
  report.restOfWorldThsByRegion.forEach((value, i) => {
    const country = regions[i]?.country;
    if (country !== undefined) ths[country] = (ths[country] ?? 0) + value;
  });
  // Players' machines counted where they run: nameplate × uptime by region, scaled to the day's total.
  const byRegion = new Map<number, number>();
  let nameplate = 0;
  for (const lot of state.lots) {
    if (lot.status !== "installed" || !lot.powered || lot.location.kind !== "region") continue;
    const r = regionIndex(state, lot.location.region, caches);
    if (r < 0 || state.world.regions[r]?.policy === "banned") continue;
    const value = lotThs(lotModel(state, lot, caches), lot.quantity) * uptimeToday(state, r, caches);
    byRegion.set(r, (byRegion.get(r) ?? 0) + value);
    nameplate += value;
  }
  if (nameplate > 0) {
    for (const [r, value] of byRegion) {
      const country = regions[r]?.country as string;
      ths[country] = (ths[country] ?? 0) + (value / nameplate) * report.playerThs;
    }
  }
  const total = Object.values(ths).reduce((s, x) => s + x, 0);
  const shares: Record<string, number> = {};
  for (const [country, value] of Object.entries(ths)) {
    if (total > 0 && value > 0) shares[country] = round6(value / total);
  }
  return shares;
}

/** SHA-256 of a text as hex, by Node (stateHash's own is portable JavaScript, for the browser too). */
const nativeSha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

/** Each scenario's hash, worked out once for all the runs that play it (the tools never change one). */
const scenarioHashes = new WeakMap<Scenario, string>();

function scenarioHashOf(scenario: Scenario): string {
  let hash = scenarioHashes.get(scenario);
  if (hash === undefined) scenarioHashes.set(scenario, (hash = hashScenario(scenario)));
  return hash;
}

/** Applies one seat's commands for the day, tallied on `tally`; the accepted ones logged for a replay. */
function applyTallied(
  state: GameState,
  engine: EngineCaches,
  tally: CompanyResult,
  commands: readonly Command[],
  days: number,
  replay: ReplayLog | null,
): void {
  const actor = { kind: "company", companyId: tally.id } as const;
  for (const command of commands) {
    const result = applyTrustedCommand(state, actor, command, engine);
    if (result.ok) {
      tally.accepted++;
      countShipment(tally, command);
      countCommand((tally.commands ??= {}), command);
      countDecision(tally, command, state.tick, days);
      if (replay) logAction(replay, state, actor, command);
    } else {
      tally.rejected++;
      tally.rejectedByCode[result.error.code] = (tally.rejectedByCode[result.error.code] ?? 0) + 1;
    }
  }
}

/**
 * Plays run `run` (seed config.seed + run), the strategies seated by seatsOfRun: every day each solvent
 * company's bot decides and its commands are applied (rejections counted, not fatal), one seat after
 * another in the day's acting order (shared/bots/order.ts, as a room's stand-ins act), then the day is
 * stepped. With `log`, the accepted commands are logged for a replay. `caches`: the bots' and the
 * engine's speed caches, best kept for all the runs one thread plays one after another (what they hold
 * for the scenario carries over); a fresh set gives the same run, only slower.
 */
export function playRun(
  scenario: Scenario,
  bots: Bots,
  config: McConfig,
  run: number,
  log = false,
  caches: BotCaches = new BotCaches(),
  guests: Guests | null = null,
): { result: RunResult; log: ReplayLog | null } {
  const engine = caches.engine;
  const seed = config.seed + run;
  const seated = seatsOfRun(config, run);
  const seats = seatsFor(seated);
  const state = createGame(scenario, seed, seats, scenarioHashOf(scenario));
  const replay = log ? startLog(state, seats) : null;
  const companies: CompanyResult[] = seats.map((seat, i) => ({
    id: seat.id,
    name: seat.name,
    strategy: seated[i] as string,
    equityUsd: 0,
    bankrupt: false,
    accepted: 0,
    rejected: 0,
    rejectedByCode: {},
    commands: {},
    decisionFifths: emptyFifths(),
  }));
  const monthly: MonthSample[] = [];
  // Seats playing a strategy from a file, asked through the public API (null: none in this run).
  const files = guests && seated.some(isGuestEntry) ? new GuestSeats(seated, guests, state, engine) : null;
  const weekly: WeekSample[] = [];
  const days = Math.min(config.days ?? scenario.days, scenario.days);
  while (!state.finished && state.tick < days) {
    // Each seat decides on the state the seats before it left today (shared/bots/order.ts).
    for (const i of actingOrder(state.seed, state.tick, state.companies.length)) {
      const c = state.companies[i];
      const tally = companies[i];
      if (!c || !tally || c.bankrupt) continue;
      const commands = files?.has(i)
        ? files.ask(i, c.id, state.tick, tally)
        : bots.decide(state, c.id, tally.strategy, caches);
      if (commands.length === 0) continue;
      applyTallied(state, engine, tally, commands, days, replay);
      files?.changed();
    }
    // The network's figures are all a run reads from the day (the books are read once, at the end).
    const report = stepNetwork(state, engine);
    files?.dayDone();
    if (report.date.endsWith("-01"))
      monthly.push({ date: report.date, shares: countryShares(state, report, engine) });
    if (config.sampleWeekly && isSampleDay(state.tick, days)) weekly.push(sampleWeek(state, report, engine));
  }
  let winner: string | null = null;
  let best = -Infinity;
  state.companies.forEach((c, i) => {
    const cents = equityCents(state, c, engine);
    const tally = companies[i] as CompanyResult;
    tally.equityUsd = cents / 100;
    tally.bankrupt = c.bankrupt;
    if (cents > best) {
      best = cents;
      winner = c.id;
    }
  });
  return {
    result: {
      run,
      seed,
      days: state.tick,
      companies,
      winner,
      monthly,
      weekly,
      finalHash: stateHashWith(state, nativeSha256),
    },
    log: replay ? finishLog(replay, state) : null,
  };
}
