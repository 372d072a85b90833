/**
 * Migration 3: when a game ended or was abandoned (ISO time, set with its status), so that retention
 * (GAME_RETENTION_DAYS, retention.ts) counts days from the end, not from the start: a two-week class
 * game is not deleted the day it ends. Games that ended before this have none; retention uses their
 * creation time instead.
 */
import type { Migration } from "kysely";
import type { AnyDb } from "./0001_tables.ts";

export function endedAt(): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema.alterTable("sessions").addColumn("ended_at", "text").execute();
    },
  };
}
