/**
 * Every statement the store writes, built with Kysely and compiled to the database's own SQL (SQLite
 * or PostgreSQL): the group writer commits them in batches (writer.ts), so they are compiled here and
 * run there, not executed by Kysely. "insert or replace" became an upsert (insert ... on conflict do
 * update), which both databases speak.
 */
import { sql, type Insertable, type Kysely } from "kysely";
import type { Tables } from "./tables.ts";
import type { Statement } from "./writer.ts";

type Db = Kysely<Tables>;
type Table = keyof Tables & string;

export function statementOf(query: {
  compile(): { sql: string; parameters: readonly unknown[] };
}): Statement {
  const { sql: text, parameters } = query.compile();
  return { sql: text, args: parameters };
}

/** Insert the row, or overwrite the row with the same key (`keys`) with it. */
export function upsert<T extends Table>(
  db: Db,
  table: T,
  keys: readonly (keyof Tables[T] & string)[],
  row: Insertable<Tables[T]>,
  /** Columns an existing row keeps (written only by the insert). */
  keep: readonly (keyof Tables[T] & string)[] = [],
): Statement {
  const fixed: readonly string[] = [...keys, ...keep];
  const others = Object.keys(row).filter((c) => !fixed.includes(c));
  const set = Object.fromEntries(others.map((c) => [c, sql.ref(`excluded.${c}`)]));
  // The generic table makes Kysely's column types unknowable here; the signature above keeps callers typed.
  const query = db
    .insertInto(table)
    .values(row as never)
    .onConflict((oc) => oc.columns(keys as never).doUpdateSet(set as never));
  return statementOf(query);
}

export function insert<T extends Table>(db: Db, table: T, row: Insertable<Tables[T]>): Statement {
  return statementOf(db.insertInto(table).values(row as never));
}

/**
 * The session's status and result (ended, or abandoned while still running), unless another process
 * owns the game now (it was taken over: this process's copy is stale and must not end it).
 */
export function setStatus(
  db: Db,
  roomId: string,
  status: "ended" | "abandoned",
  result: string,
  only: { running: boolean; owner: string },
): Statement {
  let query = db
    .updateTable("sessions")
    .set({ status, result, owner: null, lease_until: null, ended_at: new Date().toISOString() })
    .where("room_id", "=", roomId)
    .where((eb) => eb.or([eb("owner", "is", null), eb("owner", "=", only.owner)]));
  if (only.running) query = query.where("status", "=", "running");
  return statementOf(query);
}
