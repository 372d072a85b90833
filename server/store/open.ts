/**
 * Opening the store at start-up, so that nothing stored is lost and nobody is locked out:
 * - one server per database: a second process on the same file refuses to start (StoreLockedError);
 * - a damaged file (the header or pages: `pragma quick_check`) is moved aside and what can be read is
 *   recovered into a new one (salvage.ts), with a report of what was lost;
 * - a database that cannot be written (read-only file or folder, full disk) still opens, so restored
 *   games can be seen; the store reports writable=false with the reason until writes land.
 */
import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { createClient, type Client } from "@libsql/client";
import { libsqlKysely } from "./file.ts";
import { codeOf, messageOf } from "./health.ts";
import { migrate } from "./migrations/index.ts";
import { filePath, SqlStore } from "./sql.ts";
import { PidLock, StoreLockedError } from "./lock.ts";
import { salvage } from "./salvage.ts";
import { storeSettingsFromEnv, type StoreSettings } from "./settings.ts";

export interface OpenedStore {
  store: SqlStore;
  /** The file was damaged: it was moved aside and a new one made from what could be read. */
  recovered: boolean;
  /** What was found and done, a line each (already logged). */
  report: string[];
  /** Whether writes land now (see store.writable and its events for later changes). */
  writable: boolean;
  /** Why not, when not. */
  reason: string | null;
}

/** Damage `pragma quick_check` (or opening at all) finds, or null when the file reads as sound. */
async function damageOf(path: string): Promise<string | null> {
  const db = createClient({ url: `file:${path}`, concurrency: 1 });
  try {
    const rows = (await db.execute("pragma quick_check")).rows.map((r) => String(Object.values(r)[0]));
    return rows.length === 1 && rows[0] === "ok" ? null : rows.slice(0, 3).join("; ");
  } catch (e) {
    const code = codeOf(e);
    // Locked by another program, or not openable (a read-only folder): not damage; the store says why.
    return code === "SQLITE_CORRUPT" || code === "SQLITE_NOTADB" ? messageOf(e) : null;
  } finally {
    db.close();
  }
}

/**
 * Opens the store for `url` with the start-up checks (a `file:` URL; PostgreSQL and other libsql URLs
 * open as they are: their server guards its own files). Throws StoreLockedError when another live
 * process holds the database file.
 */
export async function openStore(
  url: string,
  settings: StoreSettings = storeSettingsFromEnv(),
): Promise<OpenedStore> {
  if (!url.startsWith("file:")) return finish(SqlStore.open(url, settings), false, []);
  const path = resolve(filePath(url));
  const report: string[] = [];
  mkdirSync(dirname(path), { recursive: true });
  const lock = new PidLock(`${path}.lock`, path);
  let locked = false;
  try {
    lock.acquire();
    locked = true;
  } catch (e) {
    if (e instanceof StoreLockedError) throw e;
    // A read-only folder: nobody can write there, so two servers cannot spoil each other's writes.
    report.push(`no lock file could be made beside the database (${messageOf(e)})`);
  }
  try {
    let recovered = false;
    const damage = existsSync(path) ? await damageOf(path) : null;
    if (damage) {
      recovered = true;
      // Even a recovery that stops half-way (the disk full, say) must not keep the server down.
      report.push(
        ...(await salvage(path, damage, migrateFile).catch((e: unknown) => [
          `the recovery stopped (${messageOf(e)}): the new database holds what was copied before that`,
        ])),
      );
    }
    return await finish(
      SqlStore.open(`file:${path}`, settings, locked ? lock : undefined),
      recovered,
      report,
    );
  } catch (e) {
    lock.release();
    throw e;
  }
}

/** The tables of a new file (what salvage copies into), by the same migrations as ever. */
async function migrateFile(client: Client): Promise<void> {
  await migrate(
    libsqlKysely((stmt) => client.execute(stmt)),
    "sqlite",
  );
}

async function finish(store: SqlStore, recovered: boolean, report: string[]): Promise<OpenedStore> {
  await store.ready();
  if (!store.writable)
    report.push(
      `the database cannot be written: ${store.unavailableReason}; games can be seen, and commands are ` +
        `refused until it can (the server keeps trying)`,
    );
  for (const line of report) console.error(`store: ${line}`);
  return { store, recovered, report, writable: store.writable, reason: store.unavailableReason };
}
