/**
 * Whether writes land, in words a person can act on. A failed write is either the environment's
 * (locked, full, read-only, the disk failing: it will succeed once that changes, so it is retried and
 * the store says it is unavailable) or one statement's own (a constraint, a malformed value: retrying
 * can never help, so only that write is refused).
 */
import { LibsqlBatchError, LibsqlError } from "@libsql/client";

export type Failure =
  | { kind: "unavailable"; reason: string }
  /** One statement can never be stored; `statement` is its index in the batch. */
  | { kind: "statement"; statement: number; message: string };

/** Anything else is treated as the environment's: retried, never dropped. */
const STATEMENT_ERRORS = new Set(["SQLITE_CONSTRAINT", "SQLITE_MISMATCH", "SQLITE_TOOBIG", "SQLITE_RANGE"]);

/** SQLite's and Node's error codes, as sentences (what the room shows, what the log says). */
const REASONS: Record<string, string> = {
  SQLITE_BUSY: "the database is locked by another program",
  SQLITE_LOCKED: "the database is locked by another program",
  SQLITE_READONLY: "the database is read-only",
  SQLITE_PERM: "the database is read-only",
  SQLITE_IOERR: "the disk reported an input/output error",
  SQLITE_CORRUPT: "the database file is damaged (restart the server to recover what can be read)",
  SQLITE_NOTADB: "the database file is damaged (restart the server to recover what can be read)",
  SQLITE_CANTOPEN: "the database file cannot be opened",
  SQLITE_NOMEM: "the server is out of memory",
  SQLITE_FULL: "the disk is full",
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is exhausted",
  EROFS: "the database folder is on a read-only file system",
  EACCES: "the database folder is not writable",
  EPERM: "the database folder is not writable",
  EIO: "the disk reported an input/output error",
};

export function codeOf(e: unknown): string {
  if (e instanceof LibsqlError) return e.code;
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "";
}

export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function describeFailure(e: unknown): Failure {
  const code = codeOf(e);
  if (e instanceof LibsqlBatchError && STATEMENT_ERRORS.has(code))
    return { kind: "statement", statement: e.statementIndex, message: e.message };
  const known = REASONS[code];
  return { kind: "unavailable", reason: known ?? `the database refused the write (${messageOf(e)})` };
}

type Listener<T extends unknown[]> = (...args: T) => void;

/** writable, its reason, and listeners told on each change (a listener that throws is logged, not fatal). */
export class Health {
  writable = true;
  reason: string | null = null;
  private readonly down = new Set<Listener<[string]>>();
  private readonly up = new Set<Listener<[]>>();

  onUnavailable(listener: (reason: string) => void): () => void {
    this.down.add(listener);
    return () => this.down.delete(listener);
  }

  onAvailable(listener: () => void): () => void {
    this.up.add(listener);
    return () => this.up.delete(listener);
  }

  /** Fired on the change to unavailable, and again if the reason changes (say, locked, then full). */
  unavailable(reason: string, held: number): void {
    if (!this.writable && this.reason === reason) return;
    this.writable = false;
    this.reason = reason;
    console.error(`store: writes cannot be stored: ${reason}; ${held} held, retrying until they land`);
    for (const l of this.down) call(() => l(reason));
  }

  available(): void {
    if (this.writable) return;
    console.log("store: writes are stored again; the held ones land in the order they were made");
    this.writable = true;
    this.reason = null;
    for (const l of this.up) call(() => l());
  }
}

function call(f: () => void): void {
  try {
    f();
  } catch (e) {
    console.error(`store: a health listener failed: ${e instanceof Error ? e.stack : String(e)}`);
  }
}
