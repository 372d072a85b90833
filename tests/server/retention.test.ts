/**
 * Retention of ended games (GAME_RETENTION_DAYS, server/store/retention.ts) on both databases: a game
 * ended or abandoned more than the retention ago is deleted with every row in every table; one that
 * ended more recently, and a running game however old, are kept. The server's hourly sweep and
 * `db:backup --prune` both call the store's prune(). PostgreSQL on port 3011 (see backup.test.ts).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GameSession } from "../../server/game/session.ts";
import { pruneDatabase } from "../../server/store/backup.ts";
import { openStore } from "../../server/store/open.ts";
import type { SqlStore } from "../../server/store/sql.ts";
import { Postgres, postgresUnavailable } from "../helpers/postgres.ts";
import { startedSession } from "../helpers/sessions.ts";
import { sqlOn } from "../helpers/sqlOn.ts";

const DAY = 86_400_000;
const TABLES = [
  "sessions",
  "roster",
  "actions",
  "snapshots",
  "company_days",
  "events",
  "progress",
  "log_headers",
  "predictions",
];
const dir = mkdtempSync(join(tmpdir(), "atlas-retention-"));
let server: Postgres | null = null;
let databases = 0;

beforeAll(async () => {
  if (postgresUnavailable) return;
  server = new Postgres(3011);
  await server.start();
}, 120_000);
afterAll(async () => {
  await server?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

interface Backend {
  name: string;
  skip: string | null;
  url(): Promise<string>;
}

const sqlite: Backend = {
  name: "SQLite",
  skip: null,
  url: () => Promise.resolve(`file:${join(dir, `db${databases++}.db`)}`),
};

const postgres: Backend = {
  name: "PostgreSQL",
  skip: postgresUnavailable,
  url: () => server!.createDatabase(`r${databases++}`),
};

/** How many rows the tables hold for the room, read beside the store as an operator would. */
async function rowsOf(url: string, roomId: string): Promise<number> {
  let n = 0;
  for (const t of TABLES)
    n += Number((await sqlOn(url, `select count(*) as n from ${t} where room_id = ?`, [roomId]))[0]?.n);
  return n;
}

async function played(store: SqlStore, roomId: string, code: string, days: number): Promise<GameSession> {
  const s = startedSession(code, days);
  await store.saveSession(roomId, s);
  for (let day = 0; day < days; day++) {
    expect(s.command("s1", { type: "setSellRatio", ratioBps: (day + 1) * 100 }).ok).toBe(true);
    await store.saveProgress(roomId, s);
    await store.recordDay(roomId, s, s.tick());
  }
  return s;
}

describe.each([sqlite, postgres])("retention on $name", (backend) => {
  it.skipIf(backend.skip !== null)(
    "deletes games ended longer ago than the retention, every row of them",
    async () => {
      const url = await backend.url();
      const { store } = await openStore(url);
      const ended = await played(store, "ended", "RET234", 3);
      await store.saveResult("ended", ended);
      await played(store, "gone", "RET567", 2);
      await store.markAbandoned("gone", "everyone left");
      await played(store, "running", "RET789", 2);
      expect(await rowsOf(url, "ended")).toBeGreaterThan(5);

      // Ended today: kept under a 30-day retention.
      expect(await store.prune(30)).toEqual([]);
      // 31 days on: both ended games go, every row; the running one (created as long ago) stays.
      expect((await store.prune(30, Date.now() + 31 * DAY)).sort()).toEqual(["ended", "gone"]);
      for (const room of ["ended", "gone"]) expect(await rowsOf(url, room)).toBe(0);
      expect(await store.session("ended")).toBeNull();
      expect((await store.runningGames()).map((g) => g.roomId)).toEqual(["running"]);
      expect(await rowsOf(url, "running")).toBeGreaterThan(5);
      await store.close();
    },
    60_000,
  );

  it.skipIf(backend.skip !== null)(
    "is what db:backup --prune runs, with the database's store closed",
    async () => {
      const url = await backend.url();
      const { store } = await openStore(url);
      const ended = await played(store, "old", "RET345", 1);
      await store.saveResult("old", ended);
      await store.close();
      expect(await pruneDatabase(url, 1, Date.now() + 2 * DAY)).toEqual(["old"]);
      expect(await rowsOf(url, "old")).toBe(0);
    },
    60_000,
  );

  it.skipIf(backend.skip !== null)(
    "is swept by a store opened with GAME_RETENTION_DAYS set",
    async () => {
      const url = await backend.url();
      const { store } = await openStore(url);
      const ended = await played(store, "swept", "RET456", 1);
      await store.saveResult("swept", ended);
      await store.close();
      const old = new Date(Date.now() - 40 * DAY).toISOString();
      await sqlOn(url, `update sessions set ended_at = '${old}' where room_id = 'swept'`);
      const reopened = (await openStore(url, { retentionDays: 30 })).store;
      // The sweep runs once at opening, then hourly: wait for its result, not for time.
      for (let tries = 0; (await rowsOf(url, "swept")) > 0; tries++) {
        expect(tries).toBeLessThan(400);
        await new Promise((r) => setTimeout(r, 25));
      }
      await reopened.close();
    },
    60_000,
  );
});
