/**
 * The store's settings: DATABASE_MAX_MB from the environment (an operator's ceiling on the database's
 * size), the rest fixed here with the reasons, and overridable by tests and the benchmark.
 */
import type { Backoff } from "./writer.ts";

export interface StoreSettings {
  /** The database may not grow beyond this many MiB (SQLite's max_page_count); unset: no ceiling. */
  maxMb?: number;
  /**
   * FULL (the default): a commit waits for the disk (fsync) before its writes are acknowledged, so an
   * acknowledged command survives a power cut, not only a killed process (NORMAL in WAL mode survives
   * kill -9, since the OS holds the written pages, but not the machine going down). With group commit
   * there is one fsync per batch, not per command. `npm run bench:store` on this machine: a command
   * alone lands in 0.40-0.49 ms with FULL against 0.14 ms with NORMAL (p50); 100 arriving together,
   * 3.0-3.15 ms each with either (the old fire-and-forget path: 0.09 ms alone, 5.0-5.2 ms for 100).
   * A quarter of a millisecond per batch buys surviving a power cut: FULL. NORMAL stays for the bench.
   */
  synchronous?: "full" | "normal";
  /**
   * How long one try waits inside SQLite for another program's lock. Small: the local driver waits
   * synchronously, holding the event loop; longer waits happen between tries, on timers.
   */
  busyTimeoutMs?: number;
  backoff?: Backoff;
  /** How often an idle store checks that its file is still there (a busy one checks before each batch). */
  watchMs?: number;
  /** At shutdown, how long to keep retrying held writes before giving them up (and saying so). */
  closeGiveUpMs?: number;
}

export const DEFAULTS = {
  synchronous: "full",
  busyTimeoutMs: 50,
  watchMs: 2000,
  closeGiveUpMs: 10_000,
} as const;

export function storeSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): StoreSettings {
  const raw = env.DATABASE_MAX_MB;
  if (raw === undefined || raw === "") return {};
  const maxMb = Number(raw);
  if (!Number.isFinite(maxMb) || maxMb <= 0)
    throw new Error(`DATABASE_MAX_MB must be a positive number of megabytes, got "${raw}"`);
  return { maxMb };
}
