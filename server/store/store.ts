/**
 * What the server keeps, behind a small interface so that a server database can replace the embedded
 * one: sessions and rosters, action logs, periodic snapshots, daily company rows, events, results.
 * Each write returns a promise that resolves once it is committed (writes land in the order they were
 * made; see writer.ts): acknowledge a command after it. While the database cannot be written (locked,
 * full, read-only), writes are held and retried and the store says so (`writable`, the events).
 */
import type { StepReport } from "../../shared/index.ts";
import type { CreateOptions } from "../../shared/protocol/index.ts";
import type { LoggedAction, ReplayLog } from "../../shared/replay/index.ts";
import type { Phase } from "../game/authorize.ts";
import type { GameSession } from "../game/session.ts";
import type { Question } from "../game/predictions.ts";
import type { ScoreMeasure } from "../../shared/engine/scoreMeasure.ts";
import type { Ownership } from "./ownership.ts";

export interface SessionRecord {
  roomId: string;
  code: string;
  scenario: string;
  scenarioHash: string;
  seed: number;
  engineVersion: string;
  /** "abandoned": the room closed (everyone left, or it could not be restored) before the game ended. */
  status: "running" | "ended" | "abandoned";
  createdAt: string;
  /** The host secret's hash: exports are checked against it. */
  hostHash: string;
  /** What wins (the create option; absent in records made before it existed: equity). */
  scoreBy?: ScoreMeasure;
}

export interface CompanyDayRow {
  tick: number;
  date: string;
  company: string;
  name: string;
  cashUsd: number;
  btc: number;
  equityUsd: number;
  ths: number;
  kwh: number;
  carbonKg: number;
}

export interface EventRow {
  tick: number;
  date: string;
  kind: string;
  company: string | null;
  en: string;
  zh: string;
  targets: string;
}

export interface CommandRow {
  tick: number;
  actor: string;
  command: string;
}

/** A seat as recovery needs it: the token only as its hash (a stolen database cannot take seats). */
export interface StoredSeat {
  id: string;
  name: string;
  kind: "human" | "bot" | "open";
  strategy: string;
  tokenHash: string | null;
}

/** Where a game stood when last written: enough, with the action log, to rebuild its room. */
export interface Progress {
  phase: Phase;
  pace: number;
  hideNames: boolean;
  /** The engine's tick: the replay steps to it, then applies the actions logged on it. */
  tick: number;
  seats: StoredSeat[];
}

/** Everything stored about a game whose session is still 'running': what recovery rebuilds it from. */
export interface RunningGame {
  roomId: string;
  code: string;
  options: Omit<CreateOptions, "hostSecret">;
  hostHash: string;
  header: Omit<ReplayLog, "actions" | "finalTick" | "finalHash">;
  actions: LoggedAction[];
  progress: Progress;
  /** The latest snapshot (plain state, without the scenario), to check the replay against. */
  snapshot: { tick: number; state: unknown } | null;
  /** Prediction questions asked so far, with their answers. */
  predictions: Question[];
}

/** A game's action log and where it stood, whatever its status: what the debrief replays. */
export interface ArchivedGame {
  header: Omit<ReplayLog, "actions" | "finalTick" | "finalHash">;
  actions: LoggedAction[];
  progress: Progress;
}

/**
 * A write that will never be stored: the store closed while the database was still unavailable, or
 * one of its statements can never succeed. `reason` is the store's sentence (e.g. "the disk is full").
 */
export class StoreUnavailableError extends Error {
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
    this.name = "StoreUnavailableError";
  }
}

/** Whether writes land now. The events fire on each change (and again if the reason changes). */
export interface StoreHealth {
  /** False while writes are held: they are retried and land, in order, once the cause is gone. */
  readonly writable: boolean;
  /** Why writes are held, in English (e.g. "the database is locked by another program"); null when writable. */
  readonly unavailableReason: string | null;
  /** Writes queued or being retried. */
  readonly pendingWrites: number;
  /** Returns a function that removes the listener. */
  onUnavailable(listener: (reason: string) => void): () => void;
  onAvailable(listener: () => void): () => void;
}

/**
 * Every write resolves when committed and rejects (StoreUnavailableError) only if it never can be.
 * The promises may be dropped (`void`): a refusal is logged by the store, never an unhandled rejection.
 */
export interface GameStore extends StoreHealth {
  saveSession(roomId: string, session: GameSession): Promise<void>;
  /** New actions and the session's phase, pace, seats and tick: call after anything that changes them. */
  saveProgress(roomId: string, session: GameSession): Promise<void>;
  recordDay(roomId: string, session: GameSession, report: StepReport): Promise<void>;
  saveResult(roomId: string, session: GameSession): Promise<void>;
  /** The room closed before the game ended: it is not restored on the next start. */
  markAbandoned(roomId: string, reason: string): Promise<void>;
  /**
   * Sessions still 'running' that this process now owns (it takes those nobody holds: see
   * ownership.ts), with their logs: what a restart or a takeover restores. `roomIds`: only those.
   */
  runningGames(roomIds?: string[]): Promise<RunningGame[]>;
  /** Which games this process runs, when several share the database (leases, takeovers). */
  readonly ownership: Ownership;
  /** Resolves when every queued write has landed (while unavailable: when they finally do). */
  flush(): Promise<void>;
  session(roomId: string): Promise<SessionRecord | null>;
  companyDays(roomId: string): Promise<CompanyDayRow[]>;
  events(roomId: string): Promise<EventRow[]>;
  commands(roomId: string): Promise<CommandRow[]>;
  /** Prediction questions asked in the game, with every answer, in the order asked. */
  predictions(roomId: string): Promise<Question[]>;
  /** The log and progress of any game (running, ended or abandoned); null when either is missing. */
  archive(roomId: string): Promise<ArchivedGame | null>;
  /** Lands what is queued (giving up after a while if the database stays unavailable), then closes. */
  close(): Promise<void>;
}
