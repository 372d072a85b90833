/**
 * One server per database file: `<db>.lock` beside it, created exclusively (a hard link, which fails if the name exists), holds the owner's pid
 * (and, on Linux, its start time, so a recycled pid is not mistaken for the owner). A lock whose
 * process is gone (killed with -9, the machine restarted) is stale and taken over.
 *
 * Not SQLite's exclusive locking mode: that would also shut out backups and an operator's sqlite3
 * shell, which must be able to read (and briefly lock) the file while the server runs.
 */
import { closeSync, linkSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";

export class StoreLockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StoreLockedError";
    // What a person needs is the sentence; a stack trace under it would only bury it.
    this.stack = `${this.name}: ${message}`;
  }
}

interface Owner {
  pid: number;
  started: string | null;
}

/** The process's start time in clock ticks since boot (Linux), or null elsewhere. */
function startTimeOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 22; the command name (field 2) may hold spaces, so count from its closing parenthesis.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function alive(owner: Owner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    if ((e as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const started = startTimeOf(owner.pid);
  return owner.started === null || started === null || started === owner.started;
}

function readOwner(path: string): Owner | null {
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as Partial<Owner>;
    return typeof parsed.pid === "number" ? { pid: parsed.pid, started: parsed.started ?? null } : null;
  } catch {
    return null;
  }
}

export class PidLock {
  private held = false;
  private readonly me: Owner = { pid: process.pid, started: startTimeOf(process.pid) };
  private readonly onExit = () => this.release();

  constructor(
    readonly path: string,
    private readonly database: string,
  ) {}

  /** Takes the lock or throws StoreLockedError naming the live owner. Other errors (EROFS...) pass through. */
  acquire(): void {
    for (let attempt = 0; attempt < 3; attempt++) {
      if (this.create()) {
        this.held = true;
        process.once("exit", this.onExit);
        return;
      }
      const owner = readOwner(this.path);
      if (owner && owner.pid === this.me.pid) {
        this.held = true;
        return;
      }
      if (owner && alive(owner))
        throw new StoreLockedError(
          `Another server (pid ${owner.pid}) is using the database ${this.database}: stop it first, or give ` +
            `this one its own DATABASE_URL. (The lock is ${this.path}.)`,
        );
      // Stale: its process is gone (or the file is unreadable). Check it is unchanged, then take it.
      const again = readOwner(this.path);
      if (again?.pid !== owner?.pid) continue;
      console.error(
        `store: ${this.path} was left by process ${owner?.pid ?? "?"}, which is gone; taking the database over`,
      );
      rmSync(this.path, { force: true });
    }
    throw new StoreLockedError(`Could not take the lock ${this.path}: other processes keep taking it.`);
  }

  /** Recreates the lock file if it was deleted with its folder (the database is written back there). */
  ensure(): void {
    if (!this.held) return;
    const owner = readOwner(this.path);
    if (owner?.pid === this.me.pid) return;
    try {
      this.create();
    } catch {
      // Still not writable: the writer says so; the next write-back tries again.
    }
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    process.removeListener("exit", this.onExit);
    if (readOwner(this.path)?.pid === this.me.pid) rmSync(this.path, { force: true });
  }

  /**
   * True when created; false when a lock file is already there. Written beside it, then linked into
   * place (link fails if the name exists, like O_EXCL), so nobody ever reads a half-written lock.
   */
  private create(): boolean {
    const draft = `${this.path}.${process.pid}`;
    const fd = openSync(draft, "w", 0o644);
    try {
      writeSync(fd, JSON.stringify(this.me));
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(draft, this.path);
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw e;
    } finally {
      rmSync(draft, { force: true });
    }
  }
}
