/**
 * The embedded store: SQLite through @libsql/client (prebuilt binaries inside the npm package, so a
 * clean `npm ci` works offline). One file, no server to start; DATABASE_URL picks another file.
 */
import { createClient, type Client, type InStatement } from "@libsql/client";
import type { StepReport } from "../../shared/index.ts";
import { formatIsoDate } from "../../shared/math/calendar.ts";
import type { GameSession } from "../game/session.ts";
import { loadArchive, loadRunningGames } from "./running.ts";
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

const SCHEMA = [
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
];

/** Snapshot every this many days: recovery replays at most this many days of actions. */
const SNAPSHOT_EVERY = 30;

export class LibsqlStore implements GameStore {
  private queue: Promise<unknown>;
  private logged = new Map<string, number>();

  constructor(private readonly db: Client) {
    // WAL with NORMAL sync: a write no longer waits for the disk twice, which under load held the event
    // loop (the load test's profile showed SQLite as most of the server's time). Durable at commit.
    this.queue = db
      .execute("pragma journal_mode = wal")
      .then(() => db.execute("pragma synchronous = normal"))
      .catch(() => undefined) // not every libsql URL is a local file
      .then(() => db.batch(SCHEMA, "write"));
  }

  static open(url: string): LibsqlStore {
    return new LibsqlStore(createClient({ url }));
  }

  private write(statements: InStatement[]): void {
    if (statements.length === 0) return;
    this.queue = this.queue
      .then(() => this.db.batch(statements, "write"))
      .catch((e: unknown) => {
        console.error(`store: write failed: ${e instanceof Error ? e.message : String(e)}`);
      });
  }

  saveSession(roomId: string, s: GameSession): void {
    const { actions: _actions, finalTick: _tick, finalHash: _hash, ...header } = s.log;
    this.write([
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

  saveProgress(roomId: string, s: GameSession): void {
    this.write([...this.newActions(roomId, s), ...this.progress(roomId, s)]);
  }

  /** Actions logged since the last write: each accepted command lands promptly, not at the next tick. */
  private newActions(roomId: string, s: GameSession): InStatement[] {
    const from = this.logged.get(roomId) ?? 0;
    this.logged.set(roomId, s.log.actions.length);
    return s.log.actions.slice(from).map((a, i) => ({
      sql: `insert or replace into actions values (?, ?, ?, ?, ?)`,
      args: [roomId, from + i, a.tick, JSON.stringify(a.actor), JSON.stringify(a.command)],
    }));
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

  recordDay(roomId: string, s: GameSession, report: StepReport): void {
    // One batch (one transaction) per day: the day's actions, rows and tick land together or not at all.
    const statements: InStatement[] = [...this.newActions(roomId, s), ...this.progress(roomId, s)];
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
    this.write(statements);
  }

  saveResult(roomId: string, s: GameSession): void {
    const result = s.state.companies.map((c) => ({
      id: c.id,
      name: c.name,
      cashCents: c.cashCents,
      btcSats: c.btcSats,
    }));
    this.write([
      {
        sql: `update sessions set status = 'ended', result = ? where room_id = ?`,
        args: [JSON.stringify(result), roomId],
      },
    ]);
  }

  markAbandoned(roomId: string, reason: string): void {
    this.write([
      {
        sql: `update sessions set status = 'abandoned', result = ? where room_id = ? and status = 'running'`,
        args: [JSON.stringify({ abandoned: reason }), roomId],
      },
    ]);
  }

  async runningGames(): Promise<RunningGame[]> {
    await this.flush();
    const { games, incomplete } = await loadRunningGames(this.db);
    // Sessions written before recovery data existed cannot be rebuilt: say so once, not at every start.
    for (const roomId of incomplete) this.markAbandoned(roomId, "no recovery data");
    for (const g of games) this.logged.set(g.roomId, g.actions.length);
    return games;
  }

  async flush(): Promise<void> {
    await this.queue;
  }

  async session(roomId: string): Promise<SessionRecord | null> {
    await this.flush();
    const r = (await this.db.execute({ sql: `select * from sessions where room_id = ?`, args: [roomId] }))
      .rows[0];
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
    };
  }

  async companyDays(roomId: string): Promise<CompanyDayRow[]> {
    await this.flush();
    const rows = (
      await this.db.execute({
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
    await this.flush();
    const rows = (
      await this.db.execute({ sql: `select * from events where room_id = ? order by rowid`, args: [roomId] })
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
    await this.flush();
    const rows = (
      await this.db.execute({ sql: `select * from actions where room_id = ? order by idx`, args: [roomId] })
    ).rows;
    return rows.map((r) => ({ tick: Number(r.tick), actor: String(r.actor), command: String(r.command) }));
  }

  async archive(roomId: string): Promise<ArchivedGame | null> {
    await this.flush();
    return loadArchive(this.db, roomId);
  }

  async close(): Promise<void> {
    await this.flush();
    if (!this.db.closed) this.db.close();
  }
}
