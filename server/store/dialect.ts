/**
 * Kysely over our own @libsql/client: a small Driver and Connection (Kysely documents how to write a
 * dialect; the SQL itself is Kysely's SQLite compiler, adapter and introspector).
 *
 * Why not @libsql/kysely-libsql: its 0.4.1 depends on @libsql/client ^0.8 (we run 0.18), so a second,
 * older copy of the client and its native binaries would be installed beside ours; and it opens its
 * own client from a URL, while the store needs its queries on the connections it manages itself (the
 * writer, reopened after a failure or after the file is written back; the reader, or the read-only
 * copy: see file.ts). Here the dialect runs on whatever `execute` it is given.
 *
 * No transactions through Kysely: the store's writes are batches committed by the group writer
 * (writer.ts) in one transaction each; reads need none, and SQLite's migrations run without one
 * (Kysely's SQLite adapter does not support transactional DDL).
 */
import type { InStatement, InValue, ResultSet } from "@libsql/client";
import {
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from "kysely";

/** Runs one statement on the current connection. */
export type Execute = (stmt: InStatement) => Promise<ResultSet>;

class LibsqlConnection implements DatabaseConnection {
  constructor(private readonly execute: Execute) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.execute({ sql: query.sql, args: query.parameters as InValue[] });
    // Plain objects, column by name (libsql's rows also answer by index).
    const rows = result.rows.map((row) => {
      const out: Record<string, unknown> = {};
      result.columns.forEach((column, i) => (out[column] = row[i]));
      return out as R;
    });
    const affected = BigInt(result.rowsAffected);
    const insertId = result.lastInsertRowid;
    return { rows, numAffectedRows: affected, ...(insertId === undefined ? {} : { insertId }) };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    await Promise.resolve();
    throw new Error("the store does not stream queries");
  }
}

const noTransactions = () =>
  Promise.reject(new Error("the store commits its writes through its group writer, not Kysely transactions"));

class LibsqlDriver implements Driver {
  private readonly connection: LibsqlConnection;

  constructor(execute: Execute) {
    this.connection = new LibsqlConnection(execute);
  }

  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return Promise.resolve(this.connection);
  }
  beginTransaction = noTransactions;
  commitTransaction = noTransactions;
  rollbackTransaction = noTransactions;
  async releaseConnection(): Promise<void> {}
  // The connections belong to their owner (file.ts), which closes them.
  async destroy(): Promise<void> {}
}

export class LibsqlDialect implements Dialect {
  constructor(private readonly execute: Execute) {}

  createDriver(): Driver {
    return new LibsqlDriver(this.execute);
  }
  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }
  createAdapter() {
    return new SqliteAdapter();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new SqliteIntrospector(db);
  }
}
