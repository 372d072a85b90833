/**
 * Migration 2: game ownership, for several server processes on one database (PostgreSQL). Each
 * running game names its owner process and the time (the database's clock, in ms) until which that
 * owner's lease holds; a process may take over a game whose lease has expired (ownership.ts). Join
 * codes of running games become unique across processes (a partial unique index); a database that
 * already holds two running games with one code (two processes on one file, before this) keeps the
 * newest of them running and marks the others abandoned, saying why, so that the index can be made.
 */
import { sql } from "kysely";
import type { Migration } from "kysely";
import type { Dialect } from "../tables.ts";
import type { AnyDb } from "./0001_tables.ts";

export function ownership(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema.alterTable("sessions").addColumn("owner", "text").execute();
      const int = dialect === "postgres" ? "bigint" : "integer";
      await db.schema.alterTable("sessions").addColumn("lease_until", int).execute();
      await sql`update sessions set status = 'abandoned', result = ${JSON.stringify({ abandoned: "duplicate join code" })}
        where status = 'running' and exists (select 1 from sessions o where o.status = 'running'
          and o.code = sessions.code and (o.created_at > sessions.created_at
            or (o.created_at = sessions.created_at and o.room_id > sessions.room_id)))`.execute(db);
      await db.schema
        .createIndex("sessions_running_code")
        .on("sessions")
        .column("code")
        .unique()
        .where(sql.ref("status"), "=", "running")
        .execute();
    },
  };
}
