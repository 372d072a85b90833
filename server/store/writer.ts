/**
 * Group commit: every write gets a promise that settles when its statements are committed. Writes
 * queued while a batch is being committed go together into the next batch (one transaction), so
 * waiting for the commit before acknowledging costs one commit per batch, not one per command.
 *
 * A batch that fails for the environment's reasons (locked, disk full, read-only, I/O error, the file
 * gone) is kept whole and retried, in order, with back-off (50 ms doubling to 2 s), for as long as the
 * process lives: nothing is dropped, skipped or reordered, and the store reports itself unavailable
 * until a try lands. Tries are separated by timers, never by waiting inside SQLite, so the event loop
 * keeps serving players. A write whose own statement can never be stored (a constraint) is refused
 * alone; the rest of its batch goes on.
 */
import { describeFailure, type Failure, type Health } from "./health.ts";
import { StoreUnavailableError } from "./store.ts";

/** One statement as the database's own SQL, with its parameters (Kysely's compiled query). */
export interface Statement {
  sql: string;
  args: readonly unknown[];
}

/** What the writer commits to: one database, whatever keeps it open. */
export interface WriteTarget {
  /** Before each try: the file is still the one opened (else it is written back). May throw. */
  prepare(): Promise<void>;
  /** The statements, in order, in one transaction. */
  commit(statements: Statement[]): Promise<void>;
  /** After a failed try: a fresh connection (a failed statement can leave a stale snapshot behind). */
  reset(): Promise<void>;
  /** Why a try failed, in words; defaults to describeFailure. */
  explain?(e: unknown): Promise<Failure>;
}

interface Entry {
  statements: Statement[];
  resolve(): void;
  reject(e: Error): void;
  /** Told when this write is refused for good (its actions must then be sent again). */
  onRefused: (() => void) | undefined;
}

export interface Backoff {
  firstMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { firstMs: 50, maxMs: 2000 };

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const nextTurn = () => new Promise<void>((r) => setImmediate(r));

export class GroupWriter {
  private pending: Entry[] = [];
  private current: Entry[] = [];
  private running = false;
  private drainedWaiters: (() => void)[] = [];
  /** Set by close(): after `giveUpMs` of being unavailable, held writes are refused, not kept. */
  private closing: { since: number; giveUpMs: number } | null = null;
  private closed = false;

  constructor(
    private readonly target: WriteTarget,
    readonly health: Health,
    private readonly backoff: Backoff = DEFAULT_BACKOFF,
  ) {}

  /** Writes queued or being committed. */
  get held(): number {
    return this.pending.length + this.current.length;
  }

  write(statements: Statement[], onRefused?: () => void): Promise<void> {
    if (this.closed) {
      console.error("store: a write came after the store closed and was not stored");
      return rejected(new StoreUnavailableError("the store is closed", this.health.reason ?? "closed"));
    }
    const done = new Promise<void>((resolve, reject) => {
      this.pending.push({ statements, resolve, reject, onRefused });
    });
    // A caller that does not wait (`void store.saveProgress(...)`) must not turn a refusal into an
    // unhandled rejection that ends the process: the writer logs refusals itself.
    done.catch(() => undefined);
    this.kick();
    return done;
  }

  /** Resolves when nothing is queued or being committed. */
  drained(): Promise<void> {
    if (this.held === 0 && !this.running) return Promise.resolve();
    return new Promise((r) => this.drainedWaiters.push(r));
  }

  /** Resolves when drained, or at once while unavailable (reads then see what was committed). */
  settled(): Promise<void> {
    return this.health.writable ? this.drained() : Promise.resolve();
  }

  /** Runs the target's check (the file still there?) while idle; a busy writer checks before each try. */
  maintain(): void {
    if (this.running || this.closed) return;
    this.running = true;
    void this.target
      .prepare()
      .catch(async (e: unknown) => this.unavailable(await this.explain(e)))
      .finally(() => {
        this.running = false;
        if (this.pending.length > 0) this.kick();
        else this.idle();
      });
  }

  /**
   * Lands what is queued; while unavailable, keeps trying for `giveUpMs`, then refuses the rest (a
   * shutdown cannot wait forever for a disk that stays full).
   */
  async close(giveUpMs: number): Promise<void> {
    this.closing = { since: Date.now(), giveUpMs };
    await this.drained();
    this.closed = true;
  }

  private kick(): void {
    if (this.running || this.pending.length === 0) return;
    this.running = true;
    // The first batch waits for the next turn of the event loop, so that commands arriving together
    // (messages read in the same turn) share it.
    setImmediate(() => void this.run());
  }

  private async run(): Promise<void> {
    while (this.pending.length > 0) {
      this.current = this.pending;
      this.pending = [];
      await this.commit(this.current);
      this.current = [];
      // Let the event loop read what arrived during the commit: it joins the next batch.
      if (this.pending.length > 0) await nextTurn();
    }
    this.running = false;
    this.idle();
  }

  private idle(): void {
    for (const w of this.drainedWaiters.splice(0)) w();
  }

  private async commit(batch: Entry[]): Promise<void> {
    let delay = this.backoff.firstMs;
    while (batch.length > 0) {
      try {
        await this.target.prepare();
        await this.target.commit(batch.flatMap((e) => e.statements));
        for (const e of batch) e.resolve();
        this.health.available();
        return;
      } catch (e) {
        const failure = await this.explain(e);
        if (failure.kind === "statement" && this.refuse(batch, failure)) {
          await this.target.reset().catch(() => undefined);
          continue;
        }
        if (failure.kind === "statement") this.unavailable({ kind: "unavailable", reason: failure.message });
        else this.unavailable(failure);
        if (this.givingUp()) return this.refuseAll(batch);
        await this.target.reset().catch(() => undefined);
        await sleep(delay);
        delay = Math.min(delay * 2, this.backoff.maxMs);
      }
    }
  }

  private async explain(e: unknown): Promise<Failure> {
    try {
      return this.target.explain ? await this.target.explain(e) : describeFailure(e);
    } catch {
      return describeFailure(e);
    }
  }

  private unavailable(failure: Failure): void {
    if (failure.kind === "unavailable") this.health.unavailable(failure.reason, this.held);
  }

  /** Drops the one write whose statement failed on its own; false when it cannot be told which. */
  private refuse(batch: Entry[], failure: Extract<Failure, { kind: "statement" }>): boolean {
    let first = 0;
    const index = batch.findIndex((e) => {
      const hit = failure.statement >= first && failure.statement < first + e.statements.length;
      first += e.statements.length;
      return hit;
    });
    const [entry] = index >= 0 ? batch.splice(index, 1) : [];
    if (!entry) return false;
    console.error(`store: a write was refused and will not be stored: ${failure.message}`);
    entry.onRefused?.();
    entry.reject(new StoreUnavailableError(`the write was refused: ${failure.message}`, failure.message));
    return true;
  }

  private givingUp(): boolean {
    return this.closing !== null && Date.now() - this.closing.since >= this.closing.giveUpMs;
  }

  private refuseAll(batch: Entry[]): void {
    const all = [...batch.splice(0), ...this.pending.splice(0)];
    const reason = this.health.reason ?? "the store closed";
    console.error(`store: closing with ${all.length} writes not stored: ${reason}`);
    for (const e of all) {
      e.onRefused?.();
      e.reject(new StoreUnavailableError(`the store closed before the write could land: ${reason}`, reason));
    }
  }
}

function rejected(e: Error): Promise<void> {
  const p = Promise.reject(e);
  p.catch(() => undefined);
  return p;
}
