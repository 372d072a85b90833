/**
 * Retention of ended games (GAME_RETENTION_DAYS; unset: kept forever): a game that ended or was
 * abandoned more than that many days ago is deleted with every row it has (log, snapshot, days,
 * events, predictions). Running games are never touched. The server sweeps hourly (SqlStore) and
 * `npm run db:backup -- --prune` sweeps once. The session row goes last, in a later batch than the
 * rest: a sweep cut short leaves the game findable, and the next sweep finishes it. Several processes
 * sweeping one PostgreSQL database at once only delete the same rows twice, which is harmless.
 */
import { sql, type Kysely } from "kysely";
import { statementOf } from "./statements.ts";
import type { Tables } from "./tables.ts";
import type { Statement } from "./writer.ts";

const DAY_MS = 86_400_000;
/** Every table with a game's rows, sessions last (see above). */
const ROWS = [
  "roster",
  "actions",
  "snapshots",
  "company_days",
  "events",
  "progress",
  "log_headers",
  "predictions",
] as const;
/** Games deleted per batch: keeps one write (and the lock it holds on SQLite) short. */
const BATCH = 200;

/** Games ended or abandoned before `now - days`, oldest first. */
async function expiredGames(db: Kysely<Tables>, days: number, now = Date.now()): Promise<string[]> {
  const cutoff = new Date(now - days * DAY_MS).toISOString();
  const rows = await db
    .selectFrom("sessions")
    .select("room_id")
    .where("status", "in", ["ended", "abandoned"])
    .where(sql<string>`coalesce(ended_at, created_at)`, "<", cutoff)
    .orderBy(sql`coalesce(ended_at, created_at)`)
    .execute();
  return rows.map((r) => r.room_id);
}

/** The statements deleting these games: one batch of their rows, then one of their sessions, per BATCH. */
function deleteGames(db: Kysely<Tables>, roomIds: string[]): Statement[][] {
  const batches: Statement[][] = [];
  for (let i = 0; i < roomIds.length; i += BATCH) {
    const ids = roomIds.slice(i, i + BATCH);
    batches.push(ROWS.map((t) => statementOf(db.deleteFrom(t).where("room_id", "in", ids))));
    batches.push([
      statementOf(db.deleteFrom("sessions").where("room_id", "in", ids).where("status", "!=", "running")),
    ]);
  }
  return batches;
}

interface Sweeper {
  reader(): Promise<Kysely<Tables>>;
  write(statements: Statement[]): Promise<void>;
}

/** One sweep: deletes the expired games, returns their room ids. */
export async function prune(store: Sweeper, days: number, now = Date.now()): Promise<string[]> {
  const db = await store.reader();
  const ids = await expiredGames(db, days, now);
  for (const batch of deleteGames(db, ids)) await store.write(batch);
  return ids;
}

/** How often the server sweeps: retention is counted in days, an hour late is nothing. */
const SWEEP_EVERY_MS = 3_600_000;

/** Sweeps now and then hourly (unref'd: it never keeps a process alive); a failed sweep is logged and retried. */
export function startSweep(
  days: number,
  sweep: (days: number) => Promise<unknown>,
): ReturnType<typeof setInterval> {
  const run = () =>
    void sweep(days).catch((e: unknown) => console.error(`store: retention sweep failed: ${String(e)}`));
  const timer = setInterval(run, SWEEP_EVERY_MS);
  timer.unref();
  setImmediate(run);
  return timer;
}
