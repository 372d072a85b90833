/**
 * The database file and its two connections: a writer, used only by the group-commit writer (so that
 * its per-connection settings hold and it can be dropped and reopened after a failure without
 * disturbing anyone), and a reader for everything else. In WAL mode a reader never blocks the writer.
 *
 * Before each batch (and every few seconds when idle) the file at the path must still be the one that
 * was opened: deleted or replaced while the server runs, the open connection still has every row, so
 * its content is written back to the path (VACUUM INTO) and both connections are reopened there.
 */
import {
  accessSync,
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  statfsSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createClient, type Client, type InStatement, type InValue } from "@libsql/client";
import { Kysely } from "kysely";
import { LibsqlDialect, type Execute } from "./dialect.ts";
import { codeOf, describeFailure, type Failure } from "./health.ts";
import type { PidLock } from "./lock.ts";
import { migrate } from "./migrations/index.ts";
import { DEFAULTS, type StoreSettings } from "./settings.ts";
import type { Dialect, Tables } from "./tables.ts";
import type { Statement, WriteTarget } from "./writer.ts";

/** A database the store can write and read. */
export interface StoreDatabase extends WriteTarget {
  /** Reads, and the compiler of every statement the store writes (in this database's SQL). */
  readonly kysely: Kysely<Tables>;
  readonly dialect: Dialect;
  /** One process per database (a SQLite file, held by its lock): no other can own its games. */
  readonly singleProcess: boolean;
  /** A read failed because the tables are not there yet (a new database that could not be written). */
  missingTable(e: unknown): boolean;
  /** The file to watch between batches, when there is one. */
  readonly watched: boolean;
  /** At a clean shutdown: everything into the main file (a backup then needs only that file). */
  checkpoint(): Promise<void>;
  close(): void | Promise<void>;
}

interface Identity {
  dev: number;
  ino: number;
  size: number;
}

function identityOf(path: string): Identity | null {
  try {
    const s = statSync(path);
    return { dev: s.dev, ino: s.ino, size: s.size };
  } catch {
    return null;
  }
}

/** A time for file names: ISO, without the colons some file systems refuse. */
export function fileStamp(date = new Date()): string {
  return date.toISOString().replace(/:/g, "-");
}

const MIB = 1024 * 1024;

function folderWritable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The statements as libsql takes them. */
export function libsqlStatements(statements: Statement[]): InStatement[] {
  return statements.map((s) => ({ sql: s.sql, args: s.args as InValue[] }));
}

/** A libsql database that has no tables yet. */
export function libsqlMissingTable(e: unknown): boolean {
  return codeOf(e) === "SQLITE_ERROR" && e instanceof Error && e.message.includes("no such table");
}

/** Kysely over an `execute` (the migrations run on the writer, the store's reads on the reader). */
export const libsqlKysely = (execute: Execute) => new Kysely<Tables>({ dialect: new LibsqlDialect(execute) });

export class FileDatabase implements StoreDatabase {
  readonly watched = true;
  readonly singleProcess = true;
  readonly dialect = "sqlite";
  private writerClient: Client | null = null;
  private readerClient: Client | null = null;
  private identity: Identity | null = null;
  private configured = false;
  /** A written-back copy waiting to be moved into place (a failed try resumes from it). */
  private restoring: string | null = null;
  /**
   * In a folder that cannot be written, SQLite cannot open a WAL database at all (it needs its -shm):
   * reads then go to a copy in the temporary folder until the writer can open the real file.
   */
  private copyDir: string | null = null;

  readonly kysely = libsqlKysely((stmt) => this.read(stmt));
  readonly missingTable = libsqlMissingTable;

  constructor(
    readonly path: string,
    private readonly settings: StoreSettings = {},
    private readonly lock?: PidLock,
  ) {}

  private connect(): Client {
    // One connection per client: per-connection pragmas (synchronous, busy_timeout, max_page_count)
    // then hold for every statement.
    return createClient({ url: `file:${this.path}`, concurrency: 1 });
  }

  private writer(): Client {
    this.writerClient ??= this.connect();
    return this.writerClient;
  }

  private async configure(): Promise<void> {
    const db = this.writer();
    const busy = this.settings.busyTimeoutMs ?? DEFAULTS.busyTimeoutMs;
    await db.execute(`pragma busy_timeout = ${busy}`);
    await db.execute("pragma journal_mode = wal");
    await db.execute(`pragma synchronous = ${this.settings.synchronous ?? DEFAULTS.synchronous}`);
    if (this.settings.maxMb !== undefined) {
      const pageSize = Number((await db.execute("pragma page_size")).rows[0]?.page_size ?? 4096);
      const pages = Math.max(1, Math.floor((this.settings.maxMb * MIB) / pageSize));
      await db.execute(`pragma max_page_count = ${pages}`);
    }
    // On every (re)connection (say, after a write-back): the migrations not yet run, if any.
    await migrate(
      libsqlKysely((stmt) => db.execute(stmt)),
      "sqlite",
    );
    this.identity = identityOf(this.path);
    this.configured = true;
  }

  async prepare(): Promise<void> {
    if (this.restoring) await this.moveIntoPlace(this.restoring);
    if (this.fileChanged()) await this.writeBack(identityOf(this.path));
    if (!this.configured) await this.configure();
  }

  /** The path no longer names the file the connections opened. */
  private fileChanged(): boolean {
    const was = this.identity;
    const now = identityOf(this.path);
    return was !== null && (now === null || now.dev !== was.dev || now.ino !== was.ino);
  }

  async commit(statements: Statement[]): Promise<void> {
    await this.writer().batch(libsqlStatements(statements), "write");
  }

  async reset(): Promise<void> {
    // The file is gone: the open connection holds the only copy, kept for the write-back.
    if (this.fileChanged()) return;
    // A statement that failed inside the driver can keep a stale read snapshot on its connection, and
    // every later try would fail on it (SQLITE_BUSY forever): start again on a fresh connection.
    this.writerClient?.close();
    this.writerClient = null;
    this.configured = false;
    await Promise.resolve();
  }

  async explain(e: unknown): Promise<Failure> {
    const failure = describeFailure(e);
    const dir = dirname(this.path);
    if (["SQLITE_CANTOPEN", "SQLITE_READONLY", "SQLITE_IOERR"].includes(codeOf(e)) && !folderWritable(dir))
      return { kind: "unavailable", reason: `the database folder ${dir} is read-only` };
    if (codeOf(e) !== "SQLITE_FULL" || this.settings.maxMb === undefined) return failure;
    // SQLITE_FULL is either the disk or the DATABASE_MAX_MB ceiling: the disk has room, it is the ceiling.
    const fs = statfsSync(dirname(this.path));
    if (fs.bavail * fs.bsize < 64 * MIB) return failure;
    return Promise.resolve({
      kind: "unavailable",
      reason: `the database reached its size limit (DATABASE_MAX_MB=${this.settings.maxMb})`,
    });
  }

  /**
   * The file at the path is gone (or another file took its place): copy the open connection's content
   * to a new file beside it and move that into place. What took the place is kept aside, not lost.
   */
  private async writeBack(now: Identity | null): Promise<void> {
    mkdirSync(dirname(this.path), { recursive: true });
    const copy = `${this.path}.restore-${process.pid}`;
    rmSync(copy, { force: true });
    const open = this.writerClient ?? this.readerClient;
    if (!open) {
      // Nothing holds the old file open any more (cannot happen while the store runs: a connection is
      // closed only while the file is in place). Start afresh rather than stop writing.
      console.error(
        `store: the database file ${this.path} is gone and no connection holds it: starting anew`,
      );
      this.identity = null;
      return;
    }
    await open.execute({ sql: "vacuum into ?", args: [copy] });
    if (now !== null && now.size > 0) {
      const aside = `${this.path}.replaced-${fileStamp()}`;
      renameSync(this.path, aside);
      console.error(`store: another file took the place of ${this.path}; it was moved to ${aside}`);
    }
    await this.moveIntoPlace(copy);
    console.error(
      `store: the database file ${this.path} was ${now ? "replaced" : "deleted"} while the server ran; ` +
        `its content was written back there from the open connection, and nothing was lost`,
    );
  }

  private async moveIntoPlace(copy: string): Promise<void> {
    this.restoring = copy;
    this.closeClients();
    // The old file's -wal and -shm would be taken for the new file's: they go (their frames are in
    // the copy already).
    for (const suffix of ["-wal", "-shm"]) rmSync(`${this.path}${suffix}`, { force: true });
    renameSync(copy, this.path);
    this.restoring = null;
    this.identity = null; // the file now at the path is ours: configure() records it
    this.lock?.ensure();
    await this.configure();
  }

  private closeClients(): void {
    this.writerClient?.close();
    this.readerClient?.close();
    this.writerClient = null;
    this.readerClient = null;
    this.configured = false;
  }

  /** A read; after a failure, once more on a fresh connection (see reset). */
  private async read(stmt: InStatement) {
    for (let attempt = 0; ; attempt++) {
      try {
        // The writer opened the real file: the folder can be written again, the copy is done with.
        if (this.copyDir && this.configured) this.dropCopy();
        if (!this.readerClient) {
          this.readerClient = this.openReader();
          const busy = this.settings.busyTimeoutMs ?? DEFAULTS.busyTimeoutMs;
          await this.readerClient.execute(`pragma busy_timeout = ${busy}`);
        }
        return await this.readerClient.execute(stmt);
      } catch (e) {
        if (attempt > 0 || this.fileChanged()) throw e;
        this.readerClient?.close();
        this.readerClient = null;
        const dir = dirname(this.path);
        if (codeOf(e) === "SQLITE_CANTOPEN" && !this.copyDir && existsSync(this.path) && !folderWritable(dir))
          this.copyForReading();
      }
    }
  }

  private openReader(): Client {
    return this.copyDir
      ? createClient({ url: `file:${join(this.copyDir, "copy.db")}`, concurrency: 1 })
      : this.connect();
  }

  private copyForReading(): void {
    this.copyDir = mkdtempSync(join(tmpdir(), "atlas-readonly-"));
    const copy = join(this.copyDir, "copy.db");
    copyFileSync(this.path, copy);
    if (existsSync(`${this.path}-wal`)) copyFileSync(`${this.path}-wal`, `${copy}-wal`);
    console.error(
      `store: the folder ${dirname(this.path)} cannot be written, so the database cannot be opened there; ` +
        `games are read from a copy (${copy}) and writes are held until the folder can be written`,
    );
  }

  private dropCopy(): void {
    this.readerClient?.close();
    this.readerClient = null;
    if (this.copyDir) rmSync(this.copyDir, { recursive: true, force: true });
    this.copyDir = null;
  }

  async checkpoint(): Promise<void> {
    if (this.fileChanged() || !this.writerClient) return;
    // The reader first: a read in progress would stop the checkpoint short.
    this.readerClient?.close();
    this.readerClient = null;
    await this.writerClient.execute("pragma wal_checkpoint(truncate)").catch(() => undefined);
  }

  close(): void {
    this.closeClients();
    this.dropCopy();
  }
}

/** Any other libsql URL (a server): one client, nothing to watch. */
export class ClientDatabase implements StoreDatabase {
  readonly watched = false;
  readonly singleProcess = false;
  readonly dialect = "sqlite";
  readonly kysely: Kysely<Tables>;
  readonly missingTable = libsqlMissingTable;

  private configured = false;

  constructor(private readonly db: Client) {
    this.kysely = libsqlKysely((stmt) => db.execute(stmt));
  }

  async prepare(): Promise<void> {
    if (this.configured) return;
    await migrate(this.kysely, "sqlite");
    this.configured = true;
  }

  async commit(statements: Statement[]): Promise<void> {
    await this.db.batch(libsqlStatements(statements), "write");
  }

  async reset(): Promise<void> {}

  async checkpoint(): Promise<void> {}

  close(): void {
    if (!this.db.closed) this.db.close();
  }
}
