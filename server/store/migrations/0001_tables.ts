/**
 * Migration 1: the tables as the store made them before it had migrations (`create table if not
 * exists`, the same columns, types and keys). Created only where missing, so a database made by the
 * old code is adopted as it is, every row kept; from then on the migrations table says what ran.
 * PostgreSQL gets its own types where SQLite's would not do: bigint for integers (a seed reaches 2^32),
 * double precision for reals, and an identity column on events (SQLite orders them by rowid).
 */
import type { Kysely } from "kysely";
import type { Migration } from "kysely";
import type { Dialect } from "../tables.ts";

/** Kysely<any>: a migration sees the database as it was then, not as the Tables type says today. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDb = Kysely<any>;

export function tables(dialect: Dialect): Migration {
  const int = dialect === "postgres" ? "bigint" : "integer";
  const real = dialect === "postgres" ? "double precision" : "real";
  return {
    async up(db: AnyDb) {
      const table = (name: string) => db.schema.createTable(name).ifNotExists();
      await table("sessions")
        .addColumn("room_id", "text", (c) => c.primaryKey())
        .addColumn("code", "text")
        .addColumn("scenario", "text")
        .addColumn("scenario_hash", "text")
        .addColumn("seed", int)
        .addColumn("engine_version", "text")
        .addColumn("options", "text")
        .addColumn("host_hash", "text")
        .addColumn("created_at", "text")
        .addColumn("status", "text")
        .addColumn("result", "text")
        .execute();
      await table("roster")
        .addColumn("room_id", "text")
        .addColumn("seat", "text")
        .addColumn("name", "text")
        .addColumn("kind", "text")
        .addPrimaryKeyConstraint("roster_pk", ["room_id", "seat"])
        .execute();
      await table("actions")
        .addColumn("room_id", "text")
        .addColumn("idx", int)
        .addColumn("tick", int)
        .addColumn("actor", "text")
        .addColumn("command", "text")
        .addPrimaryKeyConstraint("actions_pk", ["room_id", "idx"])
        .execute();
      await table("snapshots")
        .addColumn("room_id", "text", (c) => c.primaryKey())
        .addColumn("tick", int)
        .addColumn("state", "text")
        .execute();
      let days = table("company_days")
        .addColumn("room_id", "text")
        .addColumn("tick", int)
        .addColumn("date", "text")
        .addColumn("company", "text")
        .addColumn("name", "text");
      for (const c of ["cash_usd", "btc", "equity_usd", "ths", "kwh", "carbon_kg"])
        days = days.addColumn(c, real);
      await days.addPrimaryKeyConstraint("company_days_pk", ["room_id", "tick", "company"]).execute();
      let events = table("events");
      if (dialect === "postgres")
        events = events.addColumn("seq", "bigint", (c) => c.generatedByDefaultAsIdentity().primaryKey());
      for (const c of ["room_id", "tick", "date", "kind", "company", "en", "zh", "targets"])
        events = events.addColumn(c, c === "tick" ? int : "text");
      await events.execute();
      // Recovery: where each game stands (rewritten as it changes) and its action log's header.
      await table("progress")
        .addColumn("room_id", "text", (c) => c.primaryKey())
        .addColumn("phase", "text")
        .addColumn("pace", real)
        .addColumn("hide_names", int)
        .addColumn("tick", int)
        .addColumn("seats", "text")
        .execute();
      await table("log_headers")
        .addColumn("room_id", "text", (c) => c.primaryKey())
        .addColumn("header", "text")
        .execute();
      // The store's own notes: the first write at each start proves the database takes writes.
      await table("store_meta")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("value", "text")
        .execute();
      // Prediction questions and the class's answers (server/game/predictions.ts), one row per question.
      await table("predictions")
        .addColumn("room_id", "text")
        .addColumn("id", int)
        .addColumn("question", "text")
        .addPrimaryKeyConstraint("predictions_pk", ["room_id", "id"])
        .execute();
    },
  };
}
