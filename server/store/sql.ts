/**
 * The store over SQL, one class for both databases: the embedded SQLite through @libsql/client
 * (prebuilt binaries inside the npm package, so a clean `npm ci` works offline; one file, no server
 * to start) and PostgreSQL (`DATABASE_URL=postgres://…`, for several server processes). The queries
 * are Kysely's (statements.ts, running.ts), the tables come from versioned migrations (migrations/).
 * Writes go through the group-commit writer (writer.ts): each resolves once committed. Start-up
 * checks (the lock, a damaged file, a read-only one) are open.ts's: use openStore() in the server.
 */
import { createClient } from "@libsql/client";
import { sql } from "kysely";
import type { StepReport } from "../../shared/index.ts";
import { formatIsoDate } from "../../shared/math/calendar.ts";
import type { GameSession } from "../game/session.ts";
import { ClientDatabase, FileDatabase, type StoreDatabase } from "./file.ts";
import { Health } from "./health.ts";
import type { PidLock } from "./lock.ts";
import { loadArchive, loadQuestions, loadRunningGames } from "./running.ts";
import type { Question } from "../game/predictions.ts";
import { DEFAULTS, type StoreSettings } from "./settings.ts";
import { Ownership } from "./ownership.ts";
import { PgDatabase } from "./postgres.ts";
import { insert, setStatus, upsert } from "./statements.ts";
import { prune, startSweep } from "./retention.ts";
import { GroupWriter, type Statement } from "./writer.ts";
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

/** The file a `file:` URL names (`file:data/x.db`, `file:/abs/x.db`, `file:///abs/x.db`). */
export function filePath(url: string): string {
  const rest = url.slice("file:".length).replace(/[?#].*$/, "");
  return rest.startsWith("//") ? rest.slice(rest.indexOf("/", 2)) : rest;
}

/** Snapshot every this many days: recovery replays at most this many days of actions. */
const SNAPSHOT_EVERY = 30;

export class SqlStore implements GameStore {
  private readonly health = new Health();
  private readonly writer: GroupWriter;
  /** Per room, how many of its actions have been handed to the writer: the next write sends the rest. */
  private queued = new Map<string, number>();
  /** Per room, the prediction book's revision last handed to the writer. */
  private questionsQueued = new Map<string, number>();
  private readonly watch: ReturnType<typeof setInterval> | null = null;
  /** The hourly retention sweep (GAME_RETENTION_DAYS), when set. */
  private readonly sweep: ReturnType<typeof setInterval> | null = null;
  private readonly opened: Promise<void>;
  readonly ownership: Ownership;

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
    this.ownership = new Ownership(
      {
        db: db.kysely,
        dialect: db.dialect,
        singleProcess: db.singleProcess,
        write: (statements) => this.writer.write(statements),
        reader: () => this.reader(),
      },
      settings.leaseMs ?? DEFAULTS.leaseMs,
    );
    if (settings.retentionDays !== undefined)
      this.sweep = startSweep(settings.retentionDays, (d) => this.prune(d));
    // A real write at once: a database that cannot take writes says so now, not at the first command.
    this.opened = this.writer.write([
      upsert(db.kysely, "store_meta", ["key"], { key: "opened", value: new Date().toISOString() }),
    ]);
  }

  /**
   * Opens a store on a `postgres://` URL or any libsql one (no start-up checks: see openStore in
   * open.ts).
   */
  static open(url: string, settings: StoreSettings = {}, lock?: PidLock): SqlStore {
    const db = isPostgresUrl(url)
      ? new PgDatabase(url)
      : url.startsWith("file:")
        ? new FileDatabase(filePath(url), settings, lock)
        : new ClientDatabase(createClient({ url }));
    return new SqlStore(db, settings, lock);
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

  private write(statements: Statement[], onRefused?: () => void): Promise<void> {
    return this.writer.write(statements, onRefused);
  }

  /** A game another process owns now: this process's copy writes nothing more (see ownership.ts). */
  private fenced(roomId: string): boolean {
    return this.ownership.isDisowned(roomId);
  }

  saveSession(roomId: string, s: GameSession): Promise<void> {
    if (this.fenced(roomId)) return Promise.resolve();
    const { actions: _actions, finalTick: _tick, finalHash: _hash, ...header } = s.log;
    const k = this.db.kysely;
    return this.write([
      upsert(
        k,
        "sessions",
        ["room_id"],
        {
          room_id: roomId,
          code: s.code,
          scenario: s.options.scenario,
          scenario_hash: s.state.scenarioHash,
          seed: s.state.seed,
          engine_version: s.state.engineVersion,
          options: JSON.stringify(s.options),
          host_hash: s.hostHash,
          created_at: new Date().toISOString(),
          status: "running",
          result: null,
          owner: this.ownership.owner,
          lease_until: null,
        },
        // Saved again mid-game (rounds, the world's size): who owns it, since when and whether it still
        // runs are the ownership's and the result's to change, not a stale copy's to take back.
        ["owner", "lease_until", "created_at", "status", "result"],
      ),
      this.ownership.claimStatement([roomId]), // the lease, by the database's clock
      upsert(k, "log_headers", ["room_id"], { room_id: roomId, header: JSON.stringify(header) }),
      ...this.roster(roomId, s),
      ...this.progress(roomId, s),
    ]);
  }

  saveProgress(roomId: string, s: GameSession): Promise<void> {
    if (this.fenced(roomId)) return Promise.resolve();
    const actions = this.newActions(roomId, s);
    const asked = this.questionRows(roomId, s);
    return this.write([...actions.statements, ...this.progress(roomId, s), ...asked.statements], () => {
      actions.onRefused();
      asked.onRefused();
    });
  }

  /** Questions changed since the last write (each row holds a whole question with its answers). */
  private questionRows(roomId: string, s: GameSession): { statements: Statement[]; onRefused: () => void } {
    const from = this.questionsQueued.get(roomId) ?? 0;
    this.questionsQueued.set(roomId, s.predictions.revision);
    const statements = s.predictions.questions
      .filter((q) => q.rev > from)
      .map((q) =>
        upsert(this.db.kysely, "predictions", ["room_id", "id"], {
          room_id: roomId,
          id: q.id,
          question: JSON.stringify(q),
        }),
      );
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
  private newActions(roomId: string, s: GameSession): { statements: Statement[]; onRefused: () => void } {
    const from = this.queued.get(roomId) ?? 0;
    this.queued.set(roomId, s.log.actions.length);
    const statements = s.log.actions.slice(from).map((a, i) =>
      upsert(this.db.kysely, "actions", ["room_id", "idx"], {
        room_id: roomId,
        idx: from + i,
        tick: a.tick,
        // Who gave it, when not the seat's holder, rides in the actor's column (no new column to migrate).
        actor: JSON.stringify(a.by ? { ...a.actor, by: a.by } : a.actor),
        command: JSON.stringify(a.command),
      }),
    );
    const onRefused = () => {
      if ((this.queued.get(roomId) ?? 0) > from) this.queued.set(roomId, from);
    };
    return { statements, onRefused };
  }

  private progress(roomId: string, s: GameSession): Statement[] {
    const seats: StoredSeat[] = s.seats.map((seat) => ({
      id: seat.id,
      name: seat.name,
      kind: seat.kind,
      strategy: seat.strategy,
      tokenHash: s.tokenHash(seat),
    }));
    return [
      upsert(this.db.kysely, "progress", ["room_id"], {
        room_id: roomId,
        phase: s.phase,
        pace: s.pace,
        hide_names: s.hideNames ? 1 : 0,
        tick: s.state.tick,
        seats: JSON.stringify(seats),
      }),
    ];
  }

  private roster(roomId: string, s: GameSession): Statement[] {
    return s.seats.map((seat) =>
      upsert(this.db.kysely, "roster", ["room_id", "seat"], {
        room_id: roomId,
        seat: seat.id,
        name: seat.name,
        kind: seat.kind,
      }),
    );
  }

  recordDay(roomId: string, s: GameSession, report: StepReport): Promise<void> {
    if (this.fenced(roomId)) return Promise.resolve();
    // One write per day: the day's actions, rows and tick land together (one transaction) or not at all.
    const actions = this.newActions(roomId, s);
    const asked = this.questionRows(roomId, s);
    const statements: Statement[] = [...actions.statements, ...this.progress(roomId, s), ...asked.statements];
    statements.push(...this.dayRows(roomId, s, report));
    if (report.tick % SNAPSHOT_EVERY === 0) {
      const { scenario: _scenario, ...plain } = s.state;
      statements.push(
        upsert(this.db.kysely, "snapshots", ["room_id"], {
          room_id: roomId,
          tick: s.state.tick,
          state: JSON.stringify(plain),
        }),
      );
      statements.push(...this.roster(roomId, s));
    }
    return this.write(statements, () => {
      actions.onRefused();
      asked.onRefused();
    });
  }

  /** The day's row per company, and its events. */
  private dayRows(roomId: string, s: GameSession, report: StepReport): Statement[] {
    const k = this.db.kysely;
    const date = formatIsoDate(report.day);
    const days = report.ledgers.map((c) =>
      upsert(k, "company_days", ["room_id", "tick", "company"], {
        room_id: roomId,
        tick: report.tick,
        date,
        company: c.company,
        name: s.seats.find((x) => x.id === c.company)?.name ?? c.company,
        cash_usd: c.cashCents / 100,
        btc: c.btcSats / 1e8,
        equity_usd: c.equityCents / 100,
        ths: c.ths,
        kwh: c.kwh,
        carbon_kg: c.carbonKg,
      }),
    );
    const events = report.notices.map((n) =>
      insert(k, "events", {
        room_id: roomId,
        tick: report.tick,
        date,
        kind: n.kind,
        company: n.company,
        en: n.text.en,
        zh: n.text.zh,
        targets: n.targets.join(" "),
      }),
    );
    return [...days, ...events];
  }

  saveResult(roomId: string, s: GameSession): Promise<void> {
    if (this.fenced(roomId)) return Promise.resolve();
    const result = s.state.companies.map((c) => ({
      id: c.id,
      name: c.name,
      cashCents: c.cashCents,
      btcSats: c.btcSats,
    }));
    const only = { running: false, owner: this.ownership.owner };
    return this.write([setStatus(this.db.kysely, roomId, "ended", JSON.stringify(result), only)]);
  }

  markAbandoned(roomId: string, reason: string): Promise<void> {
    if (this.fenced(roomId)) return Promise.resolve();
    const result = JSON.stringify({ abandoned: reason });
    const only = { running: true, owner: this.ownership.owner };
    return this.write([setStatus(this.db.kysely, roomId, "abandoned", result, only)]);
  }

  async runningGames(roomIds?: string[]): Promise<RunningGame[]> {
    // Ours first (those nobody holds), then read back: of two processes, one gets each game.
    void this.write([this.ownership.claimStatement(roomIds)]);
    await this.writer.settled();
    let found: Awaited<ReturnType<typeof loadRunningGames>>;
    try {
      // On a SQLite file every running game is ours (even if the claim is held: a read-only file).
      const owner = this.db.singleProcess ? undefined : this.ownership.owner;
      found = await loadRunningGames(this.db.kysely, owner, roomIds);
    } catch (e) {
      // A new database that could not be written has no tables yet: nothing to restore.
      if (this.db.missingTable(e)) return [];
      throw e;
    }
    // Sessions written before recovery data existed cannot be rebuilt: say so once, not at every start.
    for (const roomId of found.incomplete) void this.markAbandoned(roomId, "no recovery data");
    for (const g of found.games) this.queued.set(g.roomId, g.actions.length);
    for (const g of found.games) this.ownership.reown(g.roomId);
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
    return this.db.kysely;
  }

  async session(roomId: string): Promise<SessionRecord | null> {
    const db = await this.reader();
    const r = await db.selectFrom("sessions").selectAll().where("room_id", "=", roomId).executeTakeFirst();
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
    const db = await this.reader();
    const rows = await db
      .selectFrom("company_days")
      .selectAll()
      .where("room_id", "=", roomId)
      .orderBy("tick")
      .orderBy("company")
      .execute();
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
    const db = await this.reader();
    // The order they were written: SQLite's rowid, PostgreSQL's identity column (migration 1).
    const order = sql.ref(this.db.dialect === "postgres" ? "seq" : "rowid");
    const rows = await db
      .selectFrom("events")
      .select(["tick", "date", "kind", "company", "en", "zh", "targets"])
      .where("room_id", "=", roomId)
      .orderBy(order)
      .execute();
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
    const db = await this.reader();
    const rows = await db
      .selectFrom("actions")
      .select(["tick", "actor", "command"])
      .where("room_id", "=", roomId)
      .orderBy("idx")
      .execute();
    return rows.map((r) => ({ tick: Number(r.tick), actor: String(r.actor), command: String(r.command) }));
  }

  async archive(roomId: string): Promise<ArchivedGame | null> {
    return loadArchive(await this.reader(), roomId);
  }

  /** Deletes games that ended more than `days` ago, with their rows (retention.ts); their room ids. */
  prune(days: number, now = Date.now()): Promise<string[]> {
    return prune({ reader: () => this.reader(), write: (s) => this.write(s) }, days, now);
  }

  async close(): Promise<void> {
    if (this.watch) clearInterval(this.watch);
    if (this.sweep) clearInterval(this.sweep);
    // Our games go back to nobody: another process takes them over at once, not after the lease.
    void this.write([this.ownership.releaseStatement()]);
    await this.writer.close(this.settings.closeGiveUpMs ?? DEFAULTS.closeGiveUpMs);
    await this.db.checkpoint();
    await this.db.close();
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

/** PostgreSQL's URLs (`postgres://` and `postgresql://`, as libpq accepts). */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}
