/**
 * Versioned migrations on SQLite: migration 1 is the schema the store made before it had migrations,
 * so a database made by that code (tests/fixtures/store/before-migrations.db, written by it: one
 * running game of 31 days with its snapshot, one ended game) is adopted with every row kept, its game
 * still restorable, and the migrations table saying what ran; a new database gets the same tables,
 * column for column; and a second start runs nothing again.
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createClient } from "@libsql/client";
import { ROOT } from "../../node/scenarios.ts";
import { libsqlKysely } from "../../server/store/file.ts";
import { migrate } from "../../server/store/migrations/index.ts";
import { openStore } from "../../server/store/open.ts";
import { startedSession } from "../helpers/sessions.ts";

const FIXTURE = join(ROOT, "tests/fixtures/store/before-migrations.db");
const TABLES = [
  "sessions",
  "roster",
  "actions",
  "snapshots",
  "company_days",
  "events",
  "progress",
  "log_headers",
  "store_meta",
  "predictions",
];

const ALL = ["0001_tables", "0002_ownership", "0003_ended_at", "0004_events_room"];
const dir = mkdtempSync(join(tmpdir(), "atlas-store-migrations-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function query(path: string, sql: string): Promise<Record<string, unknown>[]> {
  const db = createClient({ url: `file:${path}` });
  try {
    return (await db.execute(sql)).rows.map((r) => ({ ...r }));
  } finally {
    db.close();
  }
}

async function counts(path: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = Number((await query(path, `select count(*) as n from ${t}`))[0]?.n);
  return out;
}

/** Each table's columns with their declared types and primary-key positions. */
async function shape(path: string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of TABLES)
    out[t] = (await query(path, `pragma table_info(${t})`)).map(
      (c) => `${String(c.name)} ${String(c.type).toLowerCase()} pk${Number(c.pk)}`,
    );
  return out;
}

const migrationsRun = async (path: string) =>
  (await query(path, `select name from kysely_migration order by name`)).map((r) => r.name);

describe("migration 1 adopts a database made before migrations", () => {
  it("keeps every row, records the migration, and restores the running game from it", async () => {
    const path = join(dir, "adopted.db");
    copyFileSync(FIXTURE, path);
    const before = await counts(path);
    expect(before.actions).toBeGreaterThan(30);
    expect(before.snapshots).toBeGreaterThan(0);

    const { store } = await openStore(`file:${path}`, {});
    const games = await store.runningGames();
    expect(games.map((g) => g.roomId)).toEqual(["room-running"]);
    const game = games[0]!;
    expect(game.code).toBe("OLD234");
    expect(game.progress.tick).toBe(31);
    expect(game.snapshot?.tick).toBeGreaterThanOrEqual(30);
    const logged = await query(path, `select count(*) as n from actions where room_id = 'room-running'`);
    expect(game.actions).toHaveLength(Number(logged[0]?.n));
    expect(game.actions.length).toBeGreaterThan(30);
    expect((await store.session("room-ended"))?.status).toBe("ended");
    expect(await store.companyDays("room-ended")).toHaveLength(6);

    // New games are written beside the old ones.
    await store.saveSession("room-new", startedSession("NEW234", 5));
    await store.close();
    const after = await counts(path);
    expect(after.sessions).toBe(before.sessions! + 1);
    expect(after.log_headers).toBe(before.log_headers! + 1);
    for (const t of ["actions", "snapshots", "company_days", "events"]) expect(after[t]).toBe(before[t]);
    expect(await migrationsRun(path)).toEqual(ALL);
  });

  it("gives a new database the tables the old code made, column for column, then migration 2's", async () => {
    const fresh = join(dir, "fresh.db");
    const { store } = await openStore(`file:${fresh}`, {});
    await store.close();
    // Read from a copy: opening the fixture itself would leave its -wal and -shm beside it.
    const copy = join(dir, "fixture-copy.db");
    copyFileSync(FIXTURE, copy);
    const old = await shape(copy);
    const made = await shape(fresh);
    expect({ ...made, sessions: made.sessions?.slice(0, -3) }).toEqual(old);
    expect(made.sessions?.slice(-3)).toEqual([
      "owner text pk0",
      "lease_until integer pk0",
      "ended_at text pk0",
    ]);
    expect(await migrationsRun(fresh)).toEqual(ALL);
  });

  it("runs nothing again once a migration is recorded", async () => {
    const path = join(dir, "again.db");
    copyFileSync(FIXTURE, path);
    const db = createClient({ url: `file:${path}` });
    const kysely = libsqlKysely((stmt) => db.execute(stmt));
    expect(await migrate(kysely, "sqlite")).toEqual(ALL);
    expect(await migrate(kysely, "sqlite")).toEqual([]);
    db.close();
  });
});

describe("migration 4", () => {
  it("reads and deletes one game's events through an index, not a scan of every game's", async () => {
    const path = join(dir, "plan.db");
    copyFileSync(FIXTURE, path);
    const { store } = await openStore(`file:${path}`, {});
    await store.close();
    for (const statement of [
      "select * from events where room_id = 'r'",
      "delete from events where room_id = 'r'",
    ]) {
      const plan = (await query(path, `explain query plan ${statement}`)).map((r) => String(r.detail));
      expect(plan.join(" | ")).toMatch(/USING (COVERING )?INDEX events_room/);
    }
  });
});
