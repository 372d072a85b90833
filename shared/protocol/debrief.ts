/**
 * The debrief of a game (GET /api/debrief/<roomId>): daily series replayed from the action log, beside
 * the real history over the same dates, each company's decisions and the news. Types only, shared so
 * that the server that builds it and the client that draws it cannot drift apart.
 *
 * Every daily series has one value per game day played, aligned with `dates` (day i is the i-th day the
 * engine stepped). Company series follow `companies`; country series follow `countries`.
 */
import type { ScoreMeasure } from "../engine/scoreMeasure.ts";

export const DEBRIEF_FORMAT = "hashrate-atlas/debrief@1";

export interface DebriefText {
  en: string;
  zh: string;
}

export type DebriefPolicy = "allowed" | "licensed" | "banned";

export interface DebriefCompany {
  id: string;
  /** "Company 3" for players when the host hides names; the host always sees the seat's name. */
  name: string;
  bot: boolean;
}

/** The regions of the map on one day, in `regionIds` order: what the replay slider shows. */
export interface DebriefFrame {
  /** Index into `dates` (the day just played). */
  day: number;
  date: string;
  sharePct: number[];
  rowEhs: number[];
  powerUsdPerKwh: number[];
  freeMw: number[];
  policy: DebriefPolicy[];
  banPending: boolean[];
  offline: boolean[];
}

export interface DebriefDecision {
  day: number;
  date: string;
  /** The company that gave it, or null for the host (shock injections). */
  seat: string | null;
  type: string;
  summary: DebriefText;
  /** Who gave it when not the seat's holder: the company's bot, a bot the host put in, or the caretaker. */
  by?: "bot" | "standIn" | "caretaker";
}

export interface DebriefEvent {
  day: number;
  date: string;
  kind: string;
  /** The company told, or null for news everyone saw. */
  company: string | null;
  text: DebriefText;
  targets: string[];
}

/** A prediction question the class answered (server/game/predictions.ts), as the debrief lists it. */
export interface DebriefPrediction {
  id: number;
  date: string;
  prompt: DebriefText;
  kind: "choice" | "number";
  choices: DebriefText[];
  /** Answers per choice, or every number answered, sorted. */
  tally: number[];
  /** Each company's answer (the host sees every company; a player only their own). */
  answers: { company: string; name: string; answer: number; points?: number | null }[];
  outcome: { text: DebriefText; value: number | null; choice: number | null } | null;
}

/** A company's forecast score: points over the measured questions (server/game/forecastScore.ts). */
export interface DebriefForecastScore {
  company: string;
  name: string;
  points: number;
  answered: number;
  asked: number;
}

export interface DebriefRetarget {
  date: string;
  height: number;
  simChangePct: number;
  realChangePct: number | null;
}

export interface DebriefPayload {
  format: typeof DEBRIEF_FORMAT;
  roomId: string;
  code: string;
  scenario: string;
  scenarioName: DebriefText;
  scenarioHash: string;
  seed: number;
  engineVersion: string;
  /** "running" until the game ends (the host may look at a game in progress). */
  status: "running" | "ended" | "abandoned";
  access: "host" | "player";
  /** The reader's own seat (players), else null. */
  seat: string | null;
  hideNames: boolean;
  /** Game days the scenario has in all. */
  totalDays: number;
  /**
   * The replay agrees with the game: every company's equity on every day matches, to the cent, the rows
   * the server stored as the game went, and an ended game's state hash matches its log's: true; a
   * difference: false; nothing to compare with: null.
   */
  verified: boolean | null;
  dates: string[];
  companies: DebriefCompany[];
  /**
   * Where each company stands now, as the room shows it (after the commands given since the last day):
   * the final standings of an ended game.
   */
  final: {
    equityUsd: number[];
    carbonT: number[];
    bankrupt: boolean[];
    /** Each company's rank (1 = first) by the game's measure (`scoreBy`), and its figure by it. */
    rank: number[];
    scoreValue: number[];
  };
  /** What won: the measure the host chose (equity unless another). */
  scoreBy: ScoreMeasure;
  /** Per company, per day. */
  equityUsd: number[][];
  /** Cumulative carbon, tonnes CO₂, per company, per day. */
  carbonT: number[][];
  /** Running hashrate, EH/s, per company, per day. */
  companyEhs: number[][];
  /** The class (the game's network) and the same days in real history (null where the data is silent). */
  network: {
    ehs: number[];
    playerEhs: number[];
    difficulty: number[];
    priceUsd: number[];
    hashpriceUsdPerThDay: number[];
    realEhs: (number | null)[];
    realDifficulty: (number | null)[];
    realPriceUsd: (number | null)[];
    /** Estimated from real price, fees, subsidy and hashrate (144 blocks a day). */
    realHashpriceUsdPerThDay: (number | null)[];
  };
  /** Hashrate by country (ISO code; "PLAYERS" for the companies), EH/s per day, and Cambridge's. */
  countries: {
    ids: string[];
    names: Record<string, DebriefText>;
    ehs: number[][];
    /** Cambridge's monthly share × the real 7-day hashrate; null outside its months or countries. */
    realEhs: (number | null)[][];
  };
  /** The fit to history, as the simulate tool reports it. */
  fit: {
    hashrateDays: number;
    hashrateRmsLogError: number | null;
    hashrateMeanLogError: number | null;
    retargetMeanAbsErrorPp: number | null;
    retargets: DebriefRetarget[];
  };
  regionIds: string[];
  /** Every 7th day, and the last. */
  frames: DebriefFrame[];
  decisions: DebriefDecision[];
  /** News for everyone and, for the host, each company's own notices (a player sees only theirs). */
  events: DebriefEvent[];
  /** The prediction questions asked, in order (absent from servers before predictions existed). */
  predictions?: DebriefPrediction[];
  /** Each company's forecast score (the host sees every company; a player their own). */
  forecastScores?: DebriefForecastScore[];
}

/** Why a debrief is refused: the code is stable, the message says what to do. */
export interface DebriefDenial {
  code: "NO_GAME" | "NO_CREDENTIALS" | "NOT_ENDED" | "FORBIDDEN" | "INTERNAL";
  error: string;
  message: DebriefText;
}
