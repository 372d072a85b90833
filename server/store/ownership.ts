/**
 * Who runs each game, when several server processes share one database. Every running game has one
 * owner (a process's id, `owner` below) holding a lease until a time by the database's clock (so the
 * machines' clocks need not agree). The owner renews its leases; another process takes over a game
 * whose lease has expired. Taking a game is one conditional UPDATE ("where nobody owns it, or its
 * lease has expired"), written through the store's writer like every write; the process then reads
 * the owner back: of two processes racing for a game, exactly one finds its own id there.
 *
 * Never two live copies: a process that cannot renew (the database unreachable, the process stalled)
 * stops its games itself before its leases can expire (see the sweep in server/recovery.ts), and one
 * that finds a game taken from it closes that room. Marking a game abandoned or ended is fenced by the
 * owner, so the room a process closes on losing it cannot end the game its new owner runs.
 */
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { sql, type Expression, type Kysely } from "kysely";
import type { Dialect, Tables } from "./tables.ts";
import { statementOf } from "./statements.ts";
import type { Statement } from "./writer.ts";

type Db = Kysely<Tables>;

/** This process's owner id: its host, its pid and a random part (a pid is reused after a restart). */
export function newOwnerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
}

/** The database's clock in ms since 1970 (SQLite: the one machine's; PostgreSQL: the server's). */
export function nowMs(dialect: Dialect): Expression<number> {
  return dialect === "postgres"
    ? sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`
    : sql<number>`cast((julianday('now') - 2440587.5) * 86400000 as integer)`;
}

function leaseEnd(dialect: Dialect, leaseMs: number): Expression<number> {
  return sql<number>`(${nowMs(dialect)} + ${leaseMs})`;
}

/**
 * Takes the running games nobody holds (no owner, or the lease expired) or that `owner` already
 * holds; `roomIds` limits it to those games; `anyOwner` takes them whoever holds them (a SQLite file,
 * where the lock already makes one process). One statement: a game goes to one process only.
 */
export function claim(
  db: Db,
  dialect: Dialect,
  owner: string,
  leaseMs: number,
  only: { roomIds?: string[]; anyOwner?: boolean } = {},
): Statement {
  let query = db
    .updateTable("sessions")
    .set({ owner, lease_until: leaseEnd(dialect, leaseMs) })
    .where("status", "=", "running");
  if (!only.anyOwner)
    query = query.where((eb) =>
      eb.or([eb("owner", "is", null), eb("owner", "=", owner), eb("lease_until", "<", nowMs(dialect))]),
    );
  const ids = only.roomIds;
  if (ids) query = query.where("room_id", "in", ids.length > 0 ? ids : [""]);
  return statementOf(query);
}

/** Extends the leases `owner` still holds (a game taken over meanwhile is not touched). */
export function renew(db: Db, dialect: Dialect, owner: string, leaseMs: number): Statement {
  return statementOf(
    db
      .updateTable("sessions")
      .set({ lease_until: leaseEnd(dialect, leaseMs) })
      .where("status", "=", "running")
      .where("owner", "=", owner),
  );
}

/** At a clean stop: the games go back to nobody, for another process to take at once. */
export function release(db: Db, owner: string): Statement {
  return statementOf(
    db
      .updateTable("sessions")
      .set({ owner: null, lease_until: null })
      .where("status", "=", "running")
      .where("owner", "=", owner),
  );
}

/** The running games `owner` holds now. */
export async function ownedBy(db: Db, owner: string): Promise<string[]> {
  const rows = await db
    .selectFrom("sessions")
    .select("room_id")
    .where("status", "=", "running")
    .where("owner", "=", owner)
    .execute();
  return rows.map((r) => r.room_id);
}

/** Running games whose owner is gone (no owner, or its lease expired): what a sweep takes over. */
export async function orphaned(db: Db, dialect: Dialect): Promise<string[]> {
  const rows = await db
    .selectFrom("sessions")
    .select("room_id")
    .where("status", "=", "running")
    .where((eb) => eb.or([eb("owner", "is", null), eb("lease_until", "<", nowMs(dialect))]))
    .execute();
  return rows.map((r) => r.room_id);
}

/** What the store needs to give its ownership: its database, its writer, its reads. */
export interface OwnershipHost {
  db: Db;
  dialect: Dialect;
  /** One process per database (a SQLite file, held by its lock): every running game is ours. */
  singleProcess: boolean;
  write(statements: Statement[]): Promise<void>;
  /** The database to read, once the writes queued before have landed. */
  reader(): Promise<Db>;
}

/** This process's side of game ownership (see the top of this file). */
export class Ownership {
  readonly owner = newOwnerId();
  private readonly disowned = new Set<string>();

  constructor(
    private readonly host: OwnershipHost,
    readonly leaseMs: number,
  ) {}

  /** Whether other processes may run games from this database: then leases and sweeps matter. */
  get shared(): boolean {
    return !this.host.singleProcess;
  }

  /** The statement that takes the games nobody holds (of `roomIds`, or all running ones). */
  claimStatement(roomIds?: string[]): Statement {
    // On a SQLite file the lock already says one process: a lease left by a killed one is not waited for.
    const only = { anyOwner: this.host.singleProcess, ...(roomIds ? { roomIds } : {}) };
    return claim(this.host.db, this.host.dialect, this.owner, this.leaseMs, only);
  }

  /** Extends the leases of the games that are still ours. */
  async renew(): Promise<void> {
    await this.host.write([renew(this.host.db, this.host.dialect, this.owner, this.leaseMs)]);
  }

  /** The running games we hold. */
  async owned(): Promise<string[]> {
    return ownedBy(await this.host.reader(), this.owner);
  }

  /** Of `roomIds`, the running games another process holds now (taken over from us). */
  async heldByOthers(roomIds: string[]): Promise<string[]> {
    if (roomIds.length === 0) return [];
    const rows = await (
      await this.host.reader()
    )
      .selectFrom("sessions")
      .select("room_id")
      .where("room_id", "in", roomIds)
      .where("status", "=", "running")
      .where("owner", "<>", this.owner)
      .execute();
    return rows.map((r) => r.room_id);
  }

  /** Running games whose owner's lease has expired (or that nobody owns). */
  async orphaned(): Promise<string[]> {
    return orphaned(await this.host.reader(), this.host.dialect);
  }

  /** Stops writing for this game: another process owns it now (or may, once our lease runs out). */
  disown(roomId: string): void {
    this.disowned.add(roomId);
  }

  isDisowned(roomId: string): boolean {
    return this.disowned.has(roomId);
  }

  /** Forgets a disowned game (it was taken back by this process, under a new claim). */
  reown(roomId: string): void {
    this.disowned.delete(roomId);
  }

  /** At a clean stop: our games go back to nobody, for another process to take over at once. */
  releaseStatement(): Statement {
    return release(this.host.db, this.owner);
  }
}
