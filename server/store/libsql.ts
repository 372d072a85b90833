/**
 * The embedded store: SQLite through @libsql/client (prebuilt binaries inside the npm package, so a
 * clean `npm ci` works offline). One file, no server to start; DATABASE_URL picks another file.
 * Writes go through the group-commit writer (writer.ts): each resolves once committed. Start-up
 * checks (the lock, a damaged file, a read-only one) are open.ts's: use openStore() in the server.
 */
import { createClient, type InStatement } from "@libsql/client";
import type { StepReport } from "../../shared/index.ts";
import { formatIsoDate } from "../../shared/math/calendar.ts";
import type { GameSession } from "../game/session.ts";
import { ClientDatabase, FileDatabase, type StoreDatabase } from "./file.ts";
import { codeOf, Health, messageOf } from "./health.ts";
import type { PidLock } from "./lock.ts";
import { loadArchive, loadQuestions, loadRunningGames } from "./running.ts";
import type { Question } from "../game/predictions.ts";
import { DEFAULTS, type StoreSettings } from "./settings.ts";
import { GroupWriter } from "./writer.ts";
import { SCORE_MEASURES, type ScoreMeasure } from "../../shared/engine/scoreMeasure.ts";
import type {
  ArchivedGame,
  CommandRow,
  CompanyDayRow,
  EventRow,
  GameStore,
  RunningGame,
  SessionRecord,
  StoredSeat,
} from "./store.ts";

export const SCHEMA = [
  `create table if not exists sessions (room_id text primary key, code text, scenario text, scenario_hash text,
     seed integer, engine_version text, options text, host_hash text, created_at text, status text, result text)`,
  `create table if not exists roster (room_id text, seat text, name text, kind text, primary key (room_id, seat))`,
  `create table if not exists actions (room_id text, idx integer, tick integer, actor text, command text, primary key (room_id, idx))`,
  `create table if not exists snapshots (room_id text primary key, tick integer, state text)`,
  `create table if not exists company_days (room_id text, tick integer, date text, company text, name text,
     cash_usd real, btc real, equity_usd real, ths real, kwh real, carbon_kg real, primary key (room_id, tick, company))`,
  `create table if not exists events (room_id text, tick integer, date text, kind text, company text, en text, zh text, targets text)`,
  // Recovery: where each game stands (rewritten as it changes) and its action log's header.
  `create table if not exists progress (room_id text primary key, phase text, pace real, hide_names integer,
     tick integer, seats text)`,
  `create table if not exists log_headers (room_id text primary key, header text)`,
  // The store's own notes: the first write at each start proves the database takes writes.
  `create table if not exists store_meta (key text primary key, value text)`,
  // Prediction questions and the class's answers (server/game/predictions.ts), one row per question.
  `create table if not exists predictions (room_id text, id integer, question text, primary key (room_id, id))`,
];

/** The file a `file:` URL names (`file:data/x.db`, `file:/abs/x.db`, `file:///abs/x.db`). */
export function filePath(url: string): string {
  const rest = url.slice("file:".length).replace(/[?#].*$/, "");
  return rest.startsWith("//") ? rest.slice(rest.indexOf("/", 2)) : rest;
}

/** Snapshot every this many days: recovery replays at most this many days of actions. */
const SNAPSHOT_EVERY = 30;

export class LibsqlStore implements GameStore {
  private readonly health = new Health();
  private readonly writer: GroupWriter;
  /** Per room, how many of its actions have been handed to the writer: the next write sends the rest. */
  private queued = new Map<string, number>();
  /** Per room, the prediction book's revision last handed to the writer. */
  private questionsQueued = new Map<string, number>();
  private readonly watch: ReturnType<typeof setInterval> | null = null;
  private readonly opened: Promise<void>;

  constructor(
    private readonly db: StoreDatabase,
    private readonly settings: StoreSettings = {},
    private readonly lock?: PidLock,
  ) {
    this.writer = new GroupWriter(db, this.health, settings.backoff);
    if (db.watched) {
      this.watch = setInterval(() => this.writer.maintain(), settings.watchMs ?? DEFAULTS.watchMs);
      this.watch.unref();
    }
    // A real write at once: a database that cannot take writes says so now, not at the first command.
    this.opened = this.writer.write([
      { sql: `insert or replace into store_meta values ('opened', ?)`, args: [new Date().toISOString()] },
    ]);
  }

  /** Opens a store on any libsql URL (no start-up checks: see openStore in open.ts). */
  static open(url: string, settings: StoreSettings = {}, lock?: PidLock): LibsqlStore {
    const db = url.startsWith("file:")
      ? new FileDatabase(filePath(url), SCHEMA, settings, lock)
      : new ClientDatabase(createClient({ url }), SCHEMA);
    return new LibsqlStore(db, settings, lock);
  }

  /** Resolves once the first write has landed, or as soon as the store finds it cannot write. */
  async ready(): Promise<void> {
    if (!this.health.writable) return;
    let off = () => {};
    const down = new Promise<void>((resolve) => (off = this.health.onUnavailable(() => resolve())));
    await Promise.race([this.opened.catch(() => undefined), down]);
    off();
  }

  get writable(): boolean {
    return this.health.writable;
  }

  get unavailableReason(): string | null {
    return this.health.reason;
  }

  get pendingWrites(): number {
    return this.writer.held;
  }

  onUnavailable(listener: (reason: string) => void): () => void {
    return this.health.onUnavailable(listener);
  }

  onAvailable(listener: () => void): () => void {
    return this.health.onAvailable(listener);
  }

  private write(statements: InStatement[], onRefused?: () => void): Promise<void> {
    return this.writer.write(statements, onRefused);
  }

  saveSession(roomId: string, s: GameSession): Promise<void> {
    const { actions: _actions, finalTick: _tick, finalHash: _hash, ...header } = s.log;
    return this.write([
      {
        sql: `insert or replace into sessions values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'running', null)`,
        args: [
          roomId,
          s.code,
          s.options.scenario,
          s.state.scenarioHash,
          s.state.seed,
          s.state.engineVersion,
          JSON.stringify(s.options),
          s.hostHash,
          new Date().toISOString(),
        ],
      },
      { sql: `insert or replace into log_headers values (?, ?)`, args: [roomId, JSON.stringify(header)] },
      ...this.roster(roomId, s),
      ...this.progress(roomId, s),
    ]);
  }

  saveProgress(roomId: string, s: GameSession): Promise<void> {
    const actions = this.newActions(roomId, s);
    const asked = this.questionRows(roomId, s);
    return this.write([...actions.statements, ...this.progress(roomId, s), ...asked.statements], () => {
      actions.onRefused();
      asked.onRefused();
    });
  }

  /** Questions changed since the last write (each row holds a whole question with its answers). */
  private questionRows(roomId: string, s: GameSession): { statements: InStatement[]; onRefused: () => void } {
    const from = this.questionsQueued.get(roomId) ?? 0;
    this.questionsQueued.set(roomId, s.predictions.revision);
    const statements = s.predictions.questions
      .filter((q) => q.rev > from)
      .map((q) => ({
        sql: `insert or replace into predictions values (?, ?, ?)`,
        args: [roomId, q.id, JSON.stringify(q)],
      }));
    return { statements, onRefused: () => this.questionsQueued.set(roomId, from) };
  }

  async predictions(roomId: string): Promise<Question[]> {
    return loadQuestions(await this.reader(), roomId);
  }

  /**
   * Actions logged since the last write: each accepted command lands promptly, not at the next tick.
   * Writes land in order and a failed batch is retried whole, so each index is written exactly once;
   * if a write is refused for good, the next one sends its actions again (the log has no holes).
   */
  private newActions(roomId: string, s: GameSession): { statements: InStatement[]; onRefused: () => void } {
    const from = this.queued.get(roomId) ?? 0;
    this.queued.set(roomId, s.log.actions.length);
    const statements = s.log.actions.slice(from).map((a, i) => ({
      sql: `insert or replace into actions values (?, ?, ?, ?, ?)`,
      // Who gave it, when not the seat's holder, rides in the actor's column (no new column to migrate).
      args: [
        roomId,
        from + i,
        a.tick,
        JSON.stringify(a.by ? { ...a.actor, by: a.by } : a.actor),
        JSON.stringify(a.command),
      ],
    }));
    const onRefused = () => {
      if ((this.queued.get(roomId) ?? 0) > from) this.queued.set(roomId, from);
    };
    return { statements, onRefused };
  }

  private progress(roomId: string, s: GameSession): InStatement[] {
    const seats: StoredSeat[] = s.seats.map((seat) => ({
      id: seat.id,
      name: seat.name,
      kind: seat.kind,
      strategy: seat.strategy,
      tokenHash: s.tokenHash(seat),
    }));
    return [
      {
        sql: `insert or replace into progress values (?, ?, ?, ?, ?, ?)`,
        args: [roomId, s.phase, s.pace, s.hideNames ? 1 : 0, s.state.tick, JSON.stringify(seats)],
      },
    ];
  }

  private roster(roomId: string, s: GameSession): InStatement[] {
    return s.seats.map((seat) => ({
      sql: `insert or replace into roster values (?, ?, ?, ?)`,
      args: [roomId, seat.id, seat.name, seat.kind],
    }));
  }

  recordDay(roomId: string, s: GameSession, report: StepReport): Promise<void> {
    // One write per day: the day's actions, rows and tick land together (one transaction) or not at all.
    const actions = this.newActions(roomId, s);
    const asked = this.questionRows(roomId, s);
    const statements: InStatement[] = [
      ...actions.statements,
      ...this.progress(roomId, s),
      ...asked.statements,
    ];
    const date = formatIsoDate(report.day);
    for (const c of report.ledgers) {
      const seat = s.seats.find((x) => x.id === c.company);
      statements.push({
        sql: `insert or replace into company_days values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        args: [
          roomId,
          report.tick,
          date,
          c.company,
          seat?.name ?? c.company,
          c.cashCents / 100,
          c.btcSats / 1e8,
          c.equityCents / 100,
          c.ths,
          c.kwh,
          c.carbonKg,
        ],
      });
    }
    for (const n of report.notices) {
      statements.push({
        sql: `insert into events values (?, ?, ?, ?, ?, ?, ?, ?)`,
        args: [roomId, report.tick, date, n.kind, n.company, n.text.en, n.text.zh, n.targets.join(" ")],
      });
    }
    if (report.tick % SNAPSHOT_EVERY === 0) {
      const { scenario: _scenario, ...plain } = s.state;
      statements.push({
        sql: `insert or replace into snapshots values (?, ?, ?)`,
        args: [roomId, s.state.tick, JSON.stringify(plain)],
      });
      statements.push(...this.roster(roomId, s));
    }
    return this.write(statements, () => {
      actions.onRefused();
      asked.onRefused();
    });
  }

  saveResult(roomId: string, s: GameSession): Promise<void> {
    const result = s.state.companies.map((c) => ({
      id: c.id,
      name: c.name,
      cashCents: c.cashCents,
      btcSats: c.btcSats,
    }));
    return this.write([
      {
        sql: `update sessions set status = 'ended', result = ? where room_id = ?`,
        args: [JSON.stringify(result), roomId],
      },
    ]);
  }

  markAbandoned(roomId: string, reason: string): Promise<void> {
    return this.write([
      {
        sql: `update sessions set status = 'abandoned', result = ? where room_id = ? and status = 'running'`,
        args: [JSON.stringify({ abandoned: reason }), roomId],
      },
    ]);
  }

  async runningGames(): Promise<RunningGame[]> {
    await this.writer.settled();
    let found: Awaited<ReturnType<typeof loadRunningGames>>;
    try {
      found = await loadRunningGames(this.db.reader);
    } catch (e) {
      // A new database that could not be written has no tables yet: nothing to restore.
      if (codeOf(e) === "SQLITE_ERROR" && messageOf(e).includes("no such table")) return [];
      throw e;
    }
    // Sessions written before recovery data existed cannot be rebuilt: say so once, not at every start.
    for (const roomId of found.incomplete) void this.markAbandoned(roomId, "no recovery data");
    for (const g of found.games) this.queued.set(g.roomId, g.actions.length);
    // Restored questions are written again only when they change (restoredBook bumps an open one).
    for (const g of found.games)
      this.questionsQueued.set(g.roomId, Math.max(0, ...g.predictions.map((q) => q.rev)));
    return found.games;
  }

  async flush(): Promise<void> {
    await this.writer.drained();
  }

  /** Reads wait for queued writes (a reader sees its own writes), except while those are held. */
  private async reader() {
    await this.writer.settled();
    return this.db.reader;
  }

  async session(roomId: string): Promise<SessionRecord | null> {
    const r = (
      await (await this.reader()).execute({ sql: `select * from sessions where room_id = ?`, args: [roomId] })
    ).rows[0];
    if (!r) return null;
    return {
      roomId,
      code: String(r.code),
      scenario: String(r.scenario),
      scenarioHash: String(r.scenario_hash),
      seed: Number(r.seed),
      engineVersion: String(r.engine_version),
      status: r.status === "ended" || r.status === "abandoned" ? r.status : "running",
      createdAt: String(r.created_at),
      hostHash: String(r.host_hash),
      scoreBy: scoreByOf(r.options),
    };
  }

  async companyDays(roomId: string): Promise<CompanyDayRow[]> {
    const rows = (
      await (
        await this.reader()
      ).execute({
        sql: `select * from company_days where room_id = ? order by tick, company`,
        args: [roomId],
      })
    ).rows;
    return rows.map((r) => ({
      tick: Number(r.tick),
      date: String(r.date),
      company: String(r.company),
      name: String(r.name),
      cashUsd: Number(r.cash_usd),
      btc: Number(r.btc),
      equityUsd: Number(r.equity_usd),
      ths: Number(r.ths),
      kwh: Number(r.kwh),
      carbonKg: Number(r.carbon_kg),
    }));
  }

  async events(roomId: string): Promise<EventRow[]> {
    const rows = (
      await (
        await this.reader()
      ).execute({ sql: `select * from events where room_id = ? order by rowid`, args: [roomId] })
    ).rows;
    return rows.map((r) => ({
      tick: Number(r.tick),
      date: String(r.date),
      kind: String(r.kind),
      company: r.company === null ? null : String(r.company),
      en: String(r.en),
      zh: String(r.zh),
      targets: String(r.targets),
    }));
  }

  async commands(roomId: string): Promise<CommandRow[]> {
    const rows = (
      await (
        await this.reader()
      ).execute({ sql: `select * from actions where room_id = ? order by idx`, args: [roomId] })
    ).rows;
    return rows.map((r) => ({ tick: Number(r.tick), actor: String(r.actor), command: String(r.command) }));
  }

  async archive(roomId: string): Promise<ArchivedGame | null> {
    return loadArchive(await this.reader(), roomId);
  }

  async close(): Promise<void> {
    if (this.watch) clearInterval(this.watch);
    await this.writer.close(this.settings.closeGiveUpMs ?? DEFAULTS.closeGiveUpMs);
    await this.db.checkpoint();
    this.db.close();
    this.lock?.release();
  }
}

/** The create options' `scoreBy`, from the stored JSON (equity when absent or unreadable). */
function scoreByOf(options: unknown): ScoreMeasure {
  if (typeof options !== "string") return "equity";
  try {
    const by = (JSON.parse(options) as { scoreBy?: unknown }).scoreBy;
    return (SCORE_MEASURES as readonly unknown[]).includes(by) ? (by as ScoreMeasure) : "equity";
  } catch {
    return "equity";
  }
}
