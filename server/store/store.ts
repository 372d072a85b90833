/**
 * What the server keeps, behind a small interface so that a server database can replace the embedded
 * one: sessions and rosters, action logs, periodic snapshots, daily company rows, events, results.
 * Writes are fire-and-forget from the room's point of view (queued in order); reads are async.
 */
import type { StepReport } from "../../shared/index.ts";
import type { CreateOptions } from "../../shared/protocol/index.ts";
import type { LoggedAction, ReplayLog } from "../../shared/replay/index.ts";
import type { Phase } from "../game/authorize.ts";
import type { GameSession } from "../game/session.ts";

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
}

/** A game's action log and where it stood, whatever its status: what the debrief replays. */
export interface ArchivedGame {
  header: Omit<ReplayLog, "actions" | "finalTick" | "finalHash">;
  actions: LoggedAction[];
  progress: Progress;
}

export interface GameStore {
  saveSession(roomId: string, session: GameSession): void;
  /** New actions and the session's phase, pace, seats and tick: call after anything that changes them. */
  saveProgress(roomId: string, session: GameSession): void;
  recordDay(roomId: string, session: GameSession, report: StepReport): void;
  saveResult(roomId: string, session: GameSession): void;
  /** The room closed before the game ended: it is not restored on the next start. */
  markAbandoned(roomId: string, reason: string): void;
  /** Sessions still 'running', with their logs: what a restart restores. */
  runningGames(): Promise<RunningGame[]>;
  /** Resolves when every queued write has landed. */
  flush(): Promise<void>;
  session(roomId: string): Promise<SessionRecord | null>;
  companyDays(roomId: string): Promise<CompanyDayRow[]>;
  events(roomId: string): Promise<EventRow[]>;
  commands(roomId: string): Promise<CommandRow[]>;
  /** The log and progress of any game (running, ended or abandoned); null when either is missing. */
  archive(roomId: string): Promise<ArchivedGame | null>;
  close(): Promise<void>;
}
