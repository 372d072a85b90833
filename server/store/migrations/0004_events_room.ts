/**
 * Migration 4: an index on events by game. Migration 1 gave events no key but the insertion order, so
 * reading one game's events (the debrief, the CSV export) and deleting them (retention) scanned every
 * game's events: a server that has run a term of classes holds hundreds of thousands of rows. The
 * events are read in the order they were written: SQLite's rowid comes with any index, PostgreSQL's
 * identity column (seq) is indexed with the game so that the read needs no sort.
 */
import type { Migration } from "kysely";
import type { Dialect } from "../tables.ts";
import type { AnyDb } from "./0001_tables.ts";

export function eventsByRoom(dialect: Dialect): Migration {
  const columns = dialect === "postgres" ? ["room_id", "seq"] : ["room_id"];
  return {
    async up(db: AnyDb) {
      await db.schema.createIndex("events_room").ifNotExists().on("events").columns(columns).execute();
    },
  };
}
