/**
 * Acknowledged means durable: each store write returns a promise that resolves once its statements
 * are committed, commands arriving together share one commit (group commit), writes land in the order
 * they were made, a failed batch is retried whole, and a write that can never be stored is refused
 * alone without leaving a hole in a game's action log. A real SQLite file in a temporary folder.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createClient, LibsqlBatchError, LibsqlError } from "@libsql/client";
import { FileDatabase, type StoreDatabase } from "../../server/store/file.ts";
import { SqlStore } from "../../server/store/sql.ts";
import type { Statement } from "../../server/store/writer.ts";
import { StoreUnavailableError } from "../../server/store/store.ts";
import { ratioActor, startedSession } from "../helpers/sessions.ts";

const dir = mkdtempSync(join(tmpdir(), "atlas-store-writer-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

const newGame = () => startedSession("WRT234", 7);
const act = ratioActor();

/** The file database, with a hook in front of each commit (to count, hold or fail it). */
function hooked(path: string, before: (statements: Statement[]) => Promise<void> | void): StoreDatabase {
  const file = new FileDatabase(path);
  return {
    watched: false,
    singleProcess: true,
    dialect: file.dialect,
    kysely: file.kysely,
    missingTable: (e) => file.missingTable(e),
    prepare: () => file.prepare(),
    reset: () => file.reset(),
    explain: (e) => file.explain(e),
    checkpoint: () => file.checkpoint(),
    close: () => file.close(),
    async commit(statements) {
      await before(statements);
      await file.commit(statements);
    },
  };
}

/** Action indexes as another connection sees them (what is really in the file). */
async function storedActions(path: string, roomId: string): Promise<number[]> {
  const other = createClient({ url: `file:${path}` });
  try {
    const rows = (
      await other.execute({ sql: `select idx from actions where room_id = ? order by idx`, args: [roomId] })
    ).rows;
    return rows.map((r) => Number(r.idx));
  } finally {
    other.close();
  }
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe("group commit", () => {
  it("resolves each write once committed, and 100 commands arriving together share one commit", async () => {
    const path = join(dir, `w${files++}.db`);
    const sizes: number[] = [];
    const store = new SqlStore(hooked(path, (s) => void sizes.push(s.length)));
    await store.ready();
    const session = newGame();
    await store.saveSession("room", session);
    sizes.length = 0;

    const settledAt: number[] = [];
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 100; i++) {
      act(session);
      const write = store.saveProgress("room", session);
      expect(write).toBeInstanceOf(Promise);
      writes.push(write.then(() => void settledAt.push(sizes.length)));
    }
    await Promise.all(writes);
    // One transaction for all 100 (each its action and its progress row), every promise after it.
    expect(sizes).toEqual([200]);
    expect(settledAt.every((n) => n === 1)).toBe(true);
    expect(await storedActions(path, "room")).toEqual(range(100));
    await store.close();
  });

  it("puts writes made while a batch commits into the next batch, in order", async () => {
    const path = join(dir, `w${files++}.db`);
    let release: () => void = () => {};
    let hold = false;
    const held = () => new Promise<void>((r) => (release = r));
    const sizes: number[] = [];
    const store = new SqlStore(
      hooked(path, async (s) => {
        sizes.push(s.length);
        if (hold) await held();
      }),
    );
    await store.ready();
    const session = newGame();
    await store.saveSession("room", session);
    sizes.length = 0;
    hold = true;

    const order: string[] = [];
    act(session);
    const first = store.saveProgress("room", session).then(() => void order.push("first"));
    await until(() => sizes.length === 1); // the first batch is in flight, held
    const later = ["second", "third"].map((name) => {
      act(session);
      return store.saveProgress("room", session).then(() => void order.push(name));
    });
    hold = false;
    release();
    await Promise.all([first, ...later]);
    expect(sizes).toEqual([2, 4]);
    expect(order).toEqual(["first", "second", "third"]);
    expect(await storedActions(path, "room")).toEqual(range(3));
    await store.close();
  });
});

describe("failures", () => {
  it("retries a failed batch whole, in order, and says the store was unavailable meanwhile", async () => {
    const path = join(dir, `w${files++}.db`);
    let failures = 0;
    const store = new SqlStore(
      hooked(path, () => {
        if (failures > 0) {
          failures--;
          throw new LibsqlError("SQLITE_BUSY: database is locked", "SQLITE_BUSY");
        }
      }),
      { backoff: { firstMs: 1, maxMs: 4 } },
    );
    await store.ready();
    const session = newGame();
    await store.saveSession("room", session);
    const reasons: string[] = [];
    let ups = 0;
    store.onUnavailable((r) => reasons.push(r));
    store.onAvailable(() => ups++);

    failures = 3;
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 5; i++) {
      act(session);
      writes.push(store.saveProgress("room", session));
    }
    await until(() => !store.writable);
    for (let i = 0; i < 5; i++) {
      act(session); // more commands while the first batch is retried: the next batch, after it
      writes.push(store.saveProgress("room", session));
    }
    await Promise.all(writes);
    expect(reasons).toEqual(["the database is locked by another program"]);
    expect(ups).toBe(1);
    expect(store.writable).toBe(true);
    expect(await storedActions(path, "room")).toEqual(range(10));
    await store.close();
  });

  it("refuses alone a write that can never be stored; its actions go with the next write", async () => {
    const path = join(dir, `w${files++}.db`);
    // Once, the statement that stores action 1 fails on its own (as a constraint would).
    let armed = false;
    const store = new SqlStore(
      hooked(path, (s) => {
        if (!armed) return;
        const index = s.findIndex(
          (x) => x.sql.includes('into "actions"') && Array.isArray(x.args) && x.args[1] === 1,
        );
        armed = false;
        if (index >= 0) throw new LibsqlBatchError("CHECK constraint failed", index, "SQLITE_CONSTRAINT");
      }),
    );
    await store.ready();
    const session = newGame();
    await store.saveSession("room", session);
    armed = true;
    const outcomes: string[] = [];
    const writes = range(3).map((i) => {
      act(session);
      return store.saveProgress("room", session).then(
        () => void outcomes.push(`${i} stored`),
        (e: unknown) => void outcomes.push(`${i} refused: ${e instanceof StoreUnavailableError}`),
      );
    });
    await Promise.all(writes);
    expect(outcomes.sort()).toEqual(["0 stored", "1 refused: true", "2 stored"]);
    expect(store.writable).toBe(true);
    expect(await storedActions(path, "room")).toEqual([0, 2]);
    // The refused write's action is sent again with the next one: the log has no hole.
    act(session);
    await store.saveProgress("room", session);
    expect(await storedActions(path, "room")).toEqual(range(4));
    await store.close();
  });
});

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 5));
}
