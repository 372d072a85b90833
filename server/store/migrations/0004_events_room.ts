/**
 * Migration 4: an index on events by game. Migration 1 gave events no key but the insertion order, so
 * reading one game's events (the debrief, the CSV export) and deleting them (retention) scanned every
 * game's events: a server that has run a term of classes holds hundreds of thousands of rows.
 */
import type { Migration } from "kysely";
import type { AnyDb } from "./0001_tables.ts";

export function eventsByRoom(): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema.createIndex("events_room").ifNotExists().on("events").column("room_id").execute();
    },
  };
}
