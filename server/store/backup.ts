/**
 * Backups and restores of the store, for `npm run db:backup` / `npm run db:restore` (and the server,
 * which could call backup() on a timer):
 * - SQLite: `VACUUM INTO` a timestamped file. It reads one consistent snapshot through its own
 *   connection, so it is safe while the server runs and writes (WAL); the copy is compact and whole
 *   (no -wal beside it). Restore copies a backup back, only while no server holds the file's lock.
 * - PostgreSQL: `pg_dump` in its custom format (compressed, restorable table by table), restored with
 *   `pg_restore` into an empty database (refused when the store's tables are already there, so that a
 *   restore never mixes two histories).
 */
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { createClient } from "@libsql/client";
import pg from "pg";
import { PidLock } from "./lock.ts";
import { filePath, isPostgresUrl, SqlStore } from "./sql.ts";

const run = promisify(execFile);

export interface BackupResult {
  file: string;
  bytes: number;
}

/** 2026-12-06T11-30-05Z: sortable, and legal in a file name everywhere (no colons). */
function stamp(now: Date): string {
  return now
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/:/g, "-");
}

/** Where a program of PostgreSQL's client tools is: PG_BIN, the newest Debian install, or PATH. */
function pgTool(name: "pg_dump" | "pg_restore", env = process.env): string {
  if (env.PG_BIN) return join(env.PG_BIN, name);
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, "bin", name)))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) return join(root, versions[0], "bin", name);
  for (const dir of (env.PATH ?? "").split(":"))
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  throw new Error(
    `${name} was not found (PG_BIN, /usr/lib/postgresql/*/bin, PATH): install PostgreSQL's client tools ` +
      `(Debian: apt-get install postgresql-client), of the server's major version or newer`,
  );
}

/** Backs the store at `url` up into `folder` (made if missing); returns the new file. */
export async function backup(url: string, folder: string, now = new Date()): Promise<BackupResult> {
  mkdirSync(folder, { recursive: true });
  const file = isPostgresUrl(url) ? await dumpPostgres(url, folder, now) : await vacuumInto(url, folder, now);
  return { file, bytes: statSync(file).size };
}

function sqlitePath(url: string): string {
  if (!url.startsWith("file:"))
    throw new Error(`only file: and postgres:// databases can be backed up, not ${url}`);
  return resolve(filePath(url));
}

async function vacuumInto(url: string, folder: string, now: Date): Promise<string> {
  const path = sqlitePath(url);
  if (!existsSync(path)) throw new Error(`there is no database at ${path}`);
  const name = basename(path, extname(path));
  const file = resolve(folder, `${name}-${stamp(now)}.db`);
  const db = createClient({ url: `file:${path}`, concurrency: 1 });
  try {
    // The server's writes hold the file for a moment at a time: wait for them rather than fail.
    await db.execute("pragma busy_timeout = 10000");
    await db.execute({ sql: "vacuum into ?", args: [file] });
  } finally {
    db.close();
  }
  return file;
}

async function dumpPostgres(url: string, folder: string, now: Date): Promise<string> {
  const name = new URL(url).pathname.replace(/^\//, "") || "postgres";
  const file = resolve(folder, `${name}-${stamp(now)}.dump`);
  await run(pgTool("pg_dump"), ["--format=custom", "--no-owner", "--file", file, "--dbname", url]);
  return file;
}

/**
 * Restores `file` into the store at `url`. SQLite: refused while a server holds the database's lock;
 * a file already there is kept beside it (`.before-restore-<time>`), never overwritten. PostgreSQL:
 * refused unless the database holds none of the store's tables.
 */
export async function restore(url: string, file: string, now = new Date()): Promise<string> {
  if (!existsSync(file)) throw new Error(`there is no backup at ${file}`);
  return isPostgresUrl(url) ? restorePostgres(url, file) : restoreSqlite(url, file, now);
}

async function checkSqlite(file: string): Promise<void> {
  const db = createClient({ url: `file:${resolve(file)}`, concurrency: 1 });
  try {
    const rows = (await db.execute("pragma quick_check")).rows.map((r) => String(Object.values(r)[0]));
    if (rows.join() !== "ok") throw new Error(`${file} is damaged: ${rows.slice(0, 3).join("; ")}`);
    await db.execute("select count(*) from sessions");
  } catch (e) {
    throw new Error(`${file} is not a backup of the store (${(e as Error).message})`, { cause: e });
  } finally {
    db.close();
  }
}

async function restoreSqlite(url: string, file: string, now: Date): Promise<string> {
  const path = sqlitePath(url);
  await checkSqlite(file);
  mkdirSync(dirname(path), { recursive: true });
  // The server's own lock: a live server makes acquire() throw StoreLockedError, naming its pid.
  const lock = new PidLock(`${path}.lock`, path);
  lock.acquire();
  try {
    if (existsSync(path)) renameSync(path, `${path}.before-restore-${stamp(now)}`);
    // The old file's journal must not be replayed onto the restored one.
    for (const suffix of ["-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
    const draft = `${path}.restoring`;
    copyFileSync(file, draft);
    renameSync(draft, path);
  } finally {
    lock.release();
  }
  return path;
}

async function restorePostgres(url: string, file: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const found = await client.query<{ t: string | null }>(
      "select to_regclass('public.sessions')::text as t",
    );
    if (found.rows[0]?.t)
      throw new Error(
        "the database already holds the store's tables: restore into a new, empty database " +
          "(createdb …) and point DATABASE_URL at it",
      );
  } finally {
    await client.end();
  }
  await run(pgTool("pg_restore"), ["--no-owner", "--exit-on-error", "--dbname", url, file]);
  return url.replace(/\/\/[^@/]*@/, "//");
}

/** One retention sweep of the database at `url` (db:backup --prune); the room ids deleted. */
export async function pruneDatabase(url: string, days: number, now = Date.now()): Promise<string[]> {
  // Opening a store makes its database: a mistyped path must not become a new, empty one.
  if (!isPostgresUrl(url) && !existsSync(sqlitePath(url)))
    throw new Error(`there is no database at ${sqlitePath(url)}`);
  const store = SqlStore.open(url);
  try {
    await store.ready();
    return await store.prune(days, now);
  } finally {
    await store.close();
  }
}
