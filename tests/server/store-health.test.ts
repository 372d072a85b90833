/**
 * Write failures are waited out, not lost: another program holding the write lock, and a database at
 * its DATABASE_MAX_MB ceiling (SQLITE_FULL for real). Meanwhile the store says it is unavailable, with
 * the reason; once the cause is gone, every held write lands, in order, and it says so again.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createClient } from "@libsql/client";
import { openStore } from "../../server/store/open.ts";
import { storeSettingsFromEnv } from "../../server/store/settings.ts";
import { ratioActor, startedSession } from "../helpers/sessions.ts";

const dir = mkdtempSync(join(tmpdir(), "atlas-store-health-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const newGame = () => startedSession("HLT234", 3);
const act = ratioActor();

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 10));
}

async function stored(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const other = createClient({ url });
  try {
    return (await other.execute(sql)).rows.map((r) => ({ ...r }));
  } finally {
    other.close();
  }
}

describe("another program holds the write lock", () => {
  it("holds the writes, says why, and lands them in order once the lock is released", async () => {
    const url = `file:${join(dir, "locked.db")}`;
    const { store } = await openStore(url, {});
    const session = newGame();
    await store.saveSession("room", session);
    const events: string[] = [];
    store.onUnavailable((reason) => events.push(`down: ${reason}`));
    store.onAvailable(() => events.push("up"));

    // A second connection, as an operator's sqlite3 shell or a backup tool would: BEGIN IMMEDIATE.
    const other = createClient({ url });
    const lock = await other.transaction("write");
    await lock.execute(`insert into store_meta values ('operator', 'was here')`);

    const landed: number[] = [];
    const writes = Array.from({ length: 6 }, (_, i) => {
      act(session);
      return store.saveProgress("room", session).then(() => void landed.push(i));
    });
    await until(() => !store.writable);
    expect(store.unavailableReason).toBe("the database is locked by another program");
    expect(events).toEqual(["down: the database is locked by another program"]);
    expect(store.pendingWrites).toBe(6);
    expect(landed).toEqual([]);

    await lock.commit();
    other.close();
    await Promise.all(writes);
    expect(landed).toEqual([0, 1, 2, 3, 4, 5]);
    expect(store.writable).toBe(true);
    expect(events).toEqual(["down: the database is locked by another program", "up"]);
    const actions = await stored(url, `select idx from actions where room_id = 'room' order by idx`);
    expect(actions.map((r) => Number(r.idx))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(await stored(url, `select value from store_meta where key = 'operator'`)).toEqual([
      { value: "was here" },
    ]);
    await store.close();
  });
});

describe("DATABASE_MAX_MB", () => {
  it("is read from the environment, and refused when it is not a size", () => {
    expect(storeSettingsFromEnv({ DATABASE_MAX_MB: "64" })).toEqual({ maxMb: 64 });
    expect(storeSettingsFromEnv({ GAME_RETENTION_DAYS: "30", GAME_LEASE_MS: "4000" })).toEqual({
      retentionDays: 30,
      leaseMs: 4000,
    });
    expect(storeSettingsFromEnv({})).toEqual({});
    expect(() => storeSettingsFromEnv({ DATABASE_MAX_MB: "lots" })).toThrow(/DATABASE_MAX_MB="lots"/);
    expect(() => storeSettingsFromEnv({ GAME_LEASE_MS: "500" })).toThrow(
      /GAME_LEASE_MS="500": expected 1000/,
    );
  });

  it("fills up for real (SQLITE_FULL): writes are held until an operator frees room", async () => {
    const url = `file:${join(dir, "full.db")}`;
    const { store } = await openStore(url, storeSettingsFromEnv({ DATABASE_MAX_MB: "1" }));
    const reasons: string[] = [];
    store.onUnavailable((reason) => reasons.push(reason));
    // Old games take all but a few pages of the megabyte (written by another connection, which has no
    // ceiling of its own, as an import would).
    const other = createClient({ url });
    const pages = async () => Number((await other.execute("pragma page_count")).rows[0]?.page_count);
    for (let i = 0; (await pages()) < 250; i++)
      await other.execute({
        sql: `insert into snapshots values (?, 1, ?)`,
        args: [`old-${i}`, "x".repeat(3000)],
      });

    const session = newGame();
    await store.saveSession("room", session);
    const held: Promise<void>[] = [];
    const full = new Promise<void>((resolve) => store.onUnavailable(() => resolve()));
    for (let day = 0; day < 2000 && store.writable; day++) {
      act(session);
      const write = store.recordDay("room", session, session.tick());
      held.push(write);
      await Promise.race([write, full]);
    }
    expect(store.writable).toBe(false);
    expect(reasons).toEqual(["the database reached its size limit (DATABASE_MAX_MB=1)"]);

    // The operator deletes the old games: their pages are free again, and the held writes land.
    await other.execute(`delete from snapshots where room_id like 'old-%'`);
    other.close();
    await Promise.all(held);
    expect(store.writable).toBe(true);
    const actions = await stored(url, `select count(*) as n from actions where room_id = 'room'`);
    expect(Number(actions[0]?.n)).toBe(session.log.actions.length);
    const progress = await stored(url, `select tick from progress where room_id = 'room'`);
    expect(Number(progress[0]?.tick)).toBe(session.state.tick);
    await store.close();
  });
});
