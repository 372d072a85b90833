/**
 * SQL run directly on a store's database, beside the store, as an operator would: a `file:` URL through
 * libsql, a `postgres:` URL through pg. Placeholders are written `?` for both (numbered for PostgreSQL).
 * One connection per call: tests use it to look at or tamper with what the store wrote.
 */
import { createClient } from "@libsql/client";
import pg from "pg";

export async function sqlOn(
  url: string,
  sql: string,
  args: (string | number)[] = [],
): Promise<Record<string, unknown>[]> {
  if (url.startsWith("file:")) {
    const db = createClient({ url });
    try {
      return (await db.execute({ sql, args })).rows as unknown as Record<string, unknown>[];
    } finally {
      db.close();
    }
  }
  let n = 0;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (
      await client.query(
        sql.replace(/\?/g, () => `$${++n}`),
        args,
      )
    ).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}
