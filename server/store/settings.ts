/**
 * The store's settings: DATABASE_MAX_MB from the environment (an operator's ceiling on the database's
 * size), the rest fixed here with the reasons, and overridable by tests and the benchmark.
 */
import { configErrorOf, configSchema } from "../config.ts";
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
  /**
   * How long a process's hold on its games lasts without renewal (GAME_LEASE_MS; several processes on
   * PostgreSQL): a killed process's games are taken over by another within about this long.
   */
  leaseMs?: number;
  /** GAME_RETENTION_DAYS: ended games older than this many days are swept away (retention.ts); unset: kept. */
  retentionDays?: number;
}

export const DEFAULTS = {
  synchronous: "full",
  busyTimeoutMs: 50,
  watchMs: 2000,
  closeGiveUpMs: 10_000,
  // 15 s: renewed every 5 s (a third), so two missed renewals in a row still hold; a classroom waits
  // at most about 20 s for a dead server's games to come back on another.
  leaseMs: 15_000,
} as const;

/** The store's part of the configuration, validated by the same schema as the rest (config.ts). */
const storeEnv = configSchema.pick({ DATABASE_MAX_MB: true, GAME_LEASE_MS: true, GAME_RETENTION_DAYS: true });

/**
 * DATABASE_MAX_MB, GAME_LEASE_MS and GAME_RETENTION_DAYS as settings; throws ConfigError naming the
 * variable and its value when one is malformed (start-up has already refused such a value).
 */
export function storeSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): StoreSettings {
  const parsed = storeEnv.safeParse(env);
  if (!parsed.success) throw configErrorOf(parsed.error, env);
  const { DATABASE_MAX_MB: maxMb, GAME_LEASE_MS: leaseMs, GAME_RETENTION_DAYS: retentionDays } = parsed.data;
  return {
    ...(leaseMs === undefined ? {} : { leaseMs }),
    ...(maxMb === undefined ? {} : { maxMb }),
    ...(retentionDays === undefined ? {} : { retentionDays }),
  };
}
