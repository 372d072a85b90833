/**
 * What the server keeps, behind a small interface so that a server database can replace the embedded
 * one: sessions and rosters, action logs, periodic snapshots, daily company rows, events, results.
 * Writes are fire-and-forget from the room's point of view (queued in order); reads are async.
 */
import type { StepReport } from "../../shared/index.ts";
import type { GameSession } from "../game/session.ts";

export interface SessionRecord {
  roomId: string;
  code: string;
  scenario: string;
  scenarioHash: string;
  seed: number;
  engineVersion: string;
  status: "running" | "ended";
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

export interface GameStore {
  saveSession(roomId: string, session: GameSession): void;
  recordDay(roomId: string, session: GameSession, report: StepReport): void;
  saveResult(roomId: string, session: GameSession): void;
  /** Resolves when every queued write has landed. */
  flush(): Promise<void>;
  session(roomId: string): Promise<SessionRecord | null>;
  companyDays(roomId: string): Promise<CompanyDayRow[]>;
  events(roomId: string): Promise<EventRow[]>;
  commands(roomId: string): Promise<CommandRow[]>;
  close(): Promise<void>;
}
