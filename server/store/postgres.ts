/**
 * The store on PostgreSQL (`DATABASE_URL=postgres://…`), for more than one server process on one
 * database: a pg Pool, Kysely's PostgresDialect for reads and migrations, and the group writer's
 * batches committed in one transaction each on one pooled connection. The writer's semantics are the
 * same as on SQLite: a write resolves once committed (PostgreSQL's default synchronous_commit waits
 * for its log on disk); while the server cannot be reached, batches are held and retried in order and
 * the store says why; a statement that can never be stored (a constraint) is refused alone.
 */
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { StoreDatabase } from "./file.ts";
import { messageOf, type Failure } from "./health.ts";
import { migrate } from "./migrations/index.ts";
import type { Tables } from "./tables.ts";
import type { Statement } from "./writer.ts";

/** bigint (int8) as a JavaScript number, not pg's default string: every stored integer is far below 2^53. */
const parseInt8 = (text: string) => Number(text);
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === pg.types.builtins.INT8 && format !== "binary"
      ? parseInt8
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** A batch's failure, with the index of the statement that failed (-1: before or after them). */
class PgBatchError extends Error {
  constructor(
    override readonly cause: unknown,
    readonly statement: number,
  ) {
    super(messageOf(cause));
  }
}

const codeOf = (e: unknown) => String((e as { code?: unknown } | null)?.code ?? "");

/** SQLSTATE classes of a statement's own fault (bad data, a constraint): retrying cannot help. */
const STATEMENT_CLASSES = ["22", "23"];

/** Why the server cannot take writes, in words a person can act on. */
function reasonOf(e: unknown): string {
  const code = codeOf(e);
  const message = messageOf(e);
  if (code === "53100") return "the database server's disk is full";
  if (code === "53200") return "the database server is out of memory";
  if (code === "25006") return "the database is read-only";
  if (code === "42501") return "the database user may not write these tables";
  if (code === "28P01" || code === "28000") return `the database refused the login (${message})`;
  if (code === "3D000") return `the database does not exist (${message})`;
  const unreachable =
    ["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "ETIMEDOUT", "EHOSTUNREACH", "EPIPE"].includes(code) ||
    code.startsWith("08") ||
    code.startsWith("57P") ||
    /connection terminated|timeout exceeded when trying to connect|connection ended|query read timeout/i.test(
      message,
    );
  // One sentence whatever the socket said (refused, reset, shut down): the details go to the log.
  if (unreachable) return "the database server cannot be reached";
  return `the database refused the write (${message})`;
}

export class PgDatabase implements StoreDatabase {
  readonly watched = false;
  readonly singleProcess = false;
  readonly dialect = "postgres";
  readonly kysely: Kysely<Tables>;
  private readonly pool: pg.Pool;
  private migrated = false;
  /** The last failure's own words, logged once each time they change. */
  private lastDetail = "";

  constructor(url: string) {
    // Timeouts, so that a server that stops answering (a network cut with no reset) makes the store
    // unavailable and its writes held, instead of one batch waiting forever; keep-alive finds such cuts.
    this.pool = new pg.Pool({
      connectionString: url,
      types,
      connectionTimeoutMillis: 5000,
      query_timeout: 15_000,
      keepAlive: true,
    });
    // An idle connection whose server went away: the pool drops it and the next try connects anew.
    this.pool.on("error", (e) => console.error(`store: a database connection was lost: ${e.message}`));
    this.kysely = new Kysely<Tables>({ dialect: new PostgresDialect({ pool: this.pool }) });
  }

  async prepare(): Promise<void> {
    if (this.migrated) return;
    await migrate(this.kysely, "postgres");
    this.migrated = true;
  }

  async commit(statements: Statement[]): Promise<void> {
    const client = await this.pool.connect().catch((e: unknown) => {
      throw new PgBatchError(e, -1);
    });
    let index = -1;
    let broken: Error | undefined;
    try {
      await client.query("begin");
      for (index = 0; index < statements.length; index++) {
        const s = statements[index] as Statement;
        await client.query(s.sql, s.args as unknown[]);
      }
      index = -1;
      await client.query("commit");
      this.lastDetail = "";
    } catch (e) {
      await client.query("rollback").catch((r: unknown) => (broken = r as Error));
      throw new PgBatchError(e, index);
    } finally {
      // A connection that could not even roll back is dropped, not handed to the next batch.
      client.release(broken);
    }
  }

  async reset(): Promise<void> {}

  explain(e: unknown): Promise<Failure> {
    const cause = e instanceof PgBatchError ? e.cause : e;
    const detail = `${codeOf(cause)} ${messageOf(cause)}`.trim();
    if (detail !== this.lastDetail) console.error(`store: PostgreSQL said: ${detail}`);
    this.lastDetail = detail;
    const statement = e instanceof PgBatchError ? e.statement : -1;
    if (statement >= 0 && STATEMENT_CLASSES.includes(codeOf(cause).slice(0, 2)))
      return Promise.resolve({ kind: "statement", statement, message: messageOf(cause) });
    return Promise.resolve({ kind: "unavailable", reason: reasonOf(cause) });
  }

  missingTable(e: unknown): boolean {
    return codeOf(e) === "42P01";
  }

  async checkpoint(): Promise<void> {}

  /** Ends the pool (Kysely's destroy ends the pool it was given). */
  async close(): Promise<void> {
    await this.kysely.destroy();
  }
}
