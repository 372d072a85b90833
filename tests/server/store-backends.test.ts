/**
 * One suite for both databases the store runs on: the embedded SQLite (a file) and PostgreSQL (a real
 * server started on loopback for this file, port 2942; see helpers/postgres.ts, which says why when
 * it must skip). The same store, the same writes and reads: a game stored and brought back to the
 * same state hash, its rows and events in order, ended and abandoned games left alone; a write whose
 * statement can never be stored refused alone, without a hole in the log; writes held while the
 * database cannot be reached, and landing in order once it can.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "@libsql/client";
import pg from "pg";
import { stateHash } from "../../shared/engine/hash.ts";
import type { GameSession } from "../../server/game/session.ts";
import { rebuild } from "../../server/recovery.ts";
import { openStore } from "../../server/store/open.ts";
import type { SqlStore } from "../../server/store/sql.ts";
import { scenario } from "../helpers/game.ts";
import { Postgres, postgresUnavailable } from "../helpers/postgres.ts";
import { startedSession } from "../helpers/sessions.ts";
import { sqlOn } from "../helpers/sqlOn.ts";

const PORT = 2942;
const FAST = { backoff: { firstMs: 5, maxMs: 50 } };
const dir = mkdtempSync(join(tmpdir(), "atlas-store-backends-"));
let server: Postgres | null = null;
let databases = 0;

beforeAll(async () => {
  if (postgresUnavailable) return;
  server = new Postgres(PORT);
  await server.start();
}, 120_000);
afterAll(async () => {
  await server?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

/** What differs between the two: where a new database is, how to run SQL beside the store, how to block it. */
interface Backend {
  name: string;
  skip: string | null;
  /** A new, empty database. */
  url(): Promise<string>;
  /** Makes the database unable to take writes; resolves to what lifts that. */
  block(url: string): Promise<() => Promise<void>>;
  blockedReason: RegExp;
  /** A trigger that refuses to store an action whose command mentions 4321 (a statement's own fault). */
  refuse4321: string[];
  unrefuse: string;
}

const sqlite: Backend = {
  name: "SQLite",
  skip: null,
  url: () => Promise.resolve(`file:${join(dir, `db${databases++}.db`)}`),
  async block(url) {
    // Another program holds the write lock (BEGIN IMMEDIATE), as an operator's sqlite3 shell could.
    const other = createClient({ url });
    const tx = await other.transaction("write");
    await tx.execute(`insert into store_meta values ('operator', 'was here')`);
    return async () => {
      await tx.commit();
      other.close();
    };
  },
  blockedReason: /locked by another program/,
  refuse4321: [
    `create trigger refuse_4321 before insert on actions when new.command like '%4321%'
       begin select raise(abort, 'refused by the test'); end`,
  ],
  unrefuse: `drop trigger refuse_4321`,
};

const postgres: Backend = {
  name: "PostgreSQL",
  skip: postgresUnavailable,
  url: () => server!.createDatabase(`t${databases++}`),
  async block() {
    // The database server goes away (stopped by its PID), and comes back on the same port and data.
    await server!.stop();
    return () => server!.start();
  },
  blockedReason: /the database server cannot be reached/,
  refuse4321: [
    `create function refuse_4321() returns trigger language plpgsql as $$ begin
       if new.command like '%4321%' then raise exception 'refused by the test' using errcode = 'check_violation'; end if;
       return new; end $$`,
    `create trigger refuse_4321 before insert on actions for each row execute function refuse_4321()`,
  ],
  unrefuse: `drop trigger refuse_4321 on actions`,
};

async function open(url: string): Promise<SqlStore> {
  const { store, writable } = await openStore(url, FAST);
  expect(writable).toBe(true);
  return store;
}

/** Plays `days` days with a command each, every write awaited; returns the events' English, in order. */
async function play(store: SqlStore, roomId: string, s: GameSession, days: number): Promise<string[]> {
  const events: string[] = [];
  for (let day = 0; day < days; day++) {
    expect(s.command("s1", { type: "setSellRatio", ratioBps: ((day + 1) * 100) % 10_000 }).ok).toBe(true);
    await store.saveProgress(roomId, s);
    const report = s.tick();
    events.push(...report.notices.map((n) => n.text.en));
    await store.recordDay(roomId, s, report);
  }
  return events;
}

const ratios = async (store: SqlStore, roomId: string) =>
  (await store.commands(roomId)).map((c) => (JSON.parse(c.command) as { ratioBps?: number }).ratioBps);

describe.each([sqlite, postgres])("the store on $name", (backend) => {
  const test = it.skipIf(backend.skip !== null);

  test("stores a game and brings it back to the same state, with its rows in order", async () => {
    const store = await open(await backend.url());
    const game = startedSession("BCK234", 21);
    await store.saveSession("room-a", game);
    const events = await play(store, "room-a", game, 35);
    const ended = startedSession("BCK567", 22);
    await store.saveSession("room-b", ended);
    await play(store, "room-b", ended, 2);
    await store.saveResult("room-b", ended);
    const gone = startedSession("BCK789", 23);
    await store.saveSession("room-c", gone);
    await store.markAbandoned("room-c", "everyone left");

    const running = await store.runningGames();
    expect(running.map((g) => g.roomId)).toEqual(["room-a"]);
    const back = rebuild(running[0]!, scenario("halving-2020"));
    expect(back.snapshotMatches).toBe(true);
    expect(stateHash(back.session.state)).toBe(stateHash(game.state));
    expect(running[0]!.code).toBe("BCK234");

    const record = await store.session("room-a");
    expect(record).toMatchObject({ code: "BCK234", seed: 21, status: "running", scoreBy: "equity" });
    expect((await store.session("room-b"))?.status).toBe("ended");
    expect((await store.session("room-c"))?.status).toBe("abandoned");
    expect(await ratios(store, "room-a")).toEqual(
      game.log.actions.map((a) => (a.command as { ratioBps?: number }).ratioBps),
    );
    const days = await store.companyDays("room-a");
    expect(days).toHaveLength(35 * game.state.companies.length);
    expect(days.map((d) => d.tick)).toEqual([...days.map((d) => d.tick)].sort((a, b) => a - b));
    expect((await store.events("room-a")).map((e) => e.en)).toEqual(events);
    expect((await store.archive("room-b"))?.progress.tick).toBe(ended.state.tick);
    expect(await store.predictions("room-a")).toEqual([]);
    await store.close();
  }, 60_000);

  test("refuses alone a write its database can never store; the next write fills the gap", async () => {
    const url = await backend.url();
    const store = await open(url);
    const game = startedSession("REF234", 4);
    await store.saveSession("room", game);
    for (const sql of backend.refuse4321) await sqlOn(url, sql);
    const outcomes = await Promise.all(
      [100, 4321, 200].map((ratioBps) => {
        expect(game.command("s1", { type: "setSellRatio", ratioBps }).ok).toBe(true);
        return store.saveProgress("room", game).then(
          () => `${ratioBps} stored`,
          () => `${ratioBps} refused`,
        );
      }),
    );
    expect(outcomes).toEqual(["100 stored", "4321 refused", "200 stored"]);
    expect(store.writable).toBe(true);
    await sqlOn(url, backend.unrefuse);
    expect(game.command("s1", { type: "setSellRatio", ratioBps: 300 }).ok).toBe(true);
    await store.saveProgress("room", game);
    expect((await ratios(store, "room")).slice(-4)).toEqual([100, 4321, 200, 300]);
    await store.close();
  }, 60_000);

  test("holds writes while the database cannot take them, and lands them in order after", async () => {
    const url = await backend.url();
    const store = await open(url);
    const game = startedSession("HLD234", 5);
    await store.saveSession("room", game);
    const reasons: string[] = [];
    store.onUnavailable((r) => reasons.push(r));

    const lift = await backend.block(url);
    const landed: number[] = [];
    const writes = [1000, 2000, 3000].map((ratioBps) => {
      expect(game.command("s1", { type: "setSellRatio", ratioBps }).ok).toBe(true);
      return store.saveProgress("room", game).then(() => void landed.push(ratioBps));
    });
    await until(() => !store.writable);
    expect(store.unavailableReason).toMatch(backend.blockedReason);
    expect(landed).toEqual([]);

    await lift();
    await Promise.all(writes);
    expect(landed).toEqual([1000, 2000, 3000]);
    expect(store.writable).toBe(true);
    expect(reasons).toHaveLength(1);
    expect((await ratios(store, "room")).slice(-3)).toEqual([1000, 2000, 3000]);
    await store.close();
  }, 60_000);
});

describe.skipIf(postgresUnavailable !== null)("several servers on one PostgreSQL", () => {
  it("migrate it once when they start together, and each sees what the others stored", async () => {
    const url = await postgres.url();
    const stores = await Promise.all([open(url), open(url), open(url)]);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const ran = await client.query<{ name: string }>(`select name from kysely_migration`);
    const index = await client.query<{ indexdef: string }>(
      `select indexdef from pg_indexes where indexname = 'events_room'`,
    );
    await client.end();
    expect(ran.rows.map((r) => r.name).sort()).toEqual([
      "0001_tables",
      "0002_ownership",
      "0003_ended_at",
      "0004_events_room",
    ]);
    // One game's events, in the order written, without a scan or a sort (migration 4).
    expect(index.rows.map((r) => r.indexdef)).toEqual([expect.stringMatching(/\(room_id, seq\)$/)]);

    const game = startedSession("SHR234", 6);
    await stores[0]!.saveSession("room", game);
    await play(stores[0]!, "room", game, 3);
    // Exports and debriefs work from any process: another store reads the same game.
    expect((await stores[1]!.session("room"))?.code).toBe("SHR234");
    expect(await ratios(stores[2]!, "room")).toEqual(await ratios(stores[0]!, "room"));
    await Promise.all(stores.map((s) => s.close()));
  }, 60_000);
});

async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 10));
  }
}
