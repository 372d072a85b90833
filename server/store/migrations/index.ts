/**
 * Versioned migrations, written in code (no files read at run time, so a bundled server has them):
 * Kysely's Migrator runs the ones not yet recorded in its table (kysely_migration), in order, at each
 * start. On PostgreSQL it holds an advisory lock and runs them in a transaction, so two servers
 * starting together migrate once; on SQLite one server owns the file (lock.ts).
 *
 * Adding one: a new file `000N_what.ts` exporting a Migration, one line in `migrationsFor`. Never
 * change a migration that has shipped: a database that already ran it would not run it again.
 */
import { Migrator, type Migration, type MigrationProvider } from "kysely";
import type { Dialect } from "../tables.ts";
import { tables, type AnyDb } from "./0001_tables.ts";
import { ownership } from "./0002_ownership.ts";
import { endedAt } from "./0003_ended_at.ts";
import { eventsByRoom } from "./0004_events_room.ts";

export function migrationsFor(dialect: Dialect): Record<string, Migration> {
  return {
    "0001_tables": tables(dialect),
    "0002_ownership": ownership(dialect),
    "0003_ended_at": endedAt(),
    "0004_events_room": eventsByRoom(dialect),
  };
}

/** Runs the migrations still pending; throws the first failure (the store then reports it). */
export async function migrate(db: AnyDb, dialect: Dialect): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrationsFor(dialect)) };
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw error;
  return (results ?? []).map((r) => r.migrationName);
}
