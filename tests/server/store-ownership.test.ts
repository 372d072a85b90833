/**
 * Game ownership with several processes on one PostgreSQL (two stores stand for two processes; a real
 * server on loopback, port 2943): a game has one owner; of two processes racing for a game nobody
 * holds, exactly one gets it; a game whose owner stopped renewing is taken over once the lease has
 * expired, with every accepted command, and the old owner's copy can no longer end it; a clean stop
 * hands its games over at once; join codes of running games are unique across processes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../server/store/open.ts";
import type { SqlStore } from "../../server/store/sql.ts";
import { StoreUnavailableError } from "../../server/store/store.ts";
import { Postgres, postgresUnavailable } from "../helpers/postgres.ts";
import { ratioActor, startedSession } from "../helpers/sessions.ts";

const PORT = 2943;
const LEASE_MS = 1000;
let server: Postgres | null = null;
let databases = 0;
const opened: SqlStore[] = [];

beforeAll(async () => {
  if (postgresUnavailable) return;
  server = new Postgres(PORT);
  await server.start();
}, 120_000);
afterAll(async () => {
  for (const s of opened) await s.close().catch(() => undefined);
  await server?.destroy();
});

/** Processes' stores on one new database. */
async function processes(n: number): Promise<SqlStore[]> {
  const url = await server!.createDatabase(`own${databases++}`);
  const open = async () => {
    const { store } = await openStore(url, { leaseMs: LEASE_MS, backoff: { firstMs: 5, maxMs: 50 } });
    opened.push(store);
    return store;
  };
  return Promise.all(Array.from({ length: n }, open));
}

async function twoProcesses(): Promise<[SqlStore, SqlStore]> {
  const [a, b] = await processes(2);
  return [a!, b!];
}

async function until(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.skipIf(postgresUnavailable !== null)("game ownership across processes", () => {
  it("gives a game to its creator only, and one of two racing processes takes a free game", async () => {
    const [a, b, c] = (await processes(3)) as [SqlStore, SqlStore, SqlStore];
    await a.saveSession("room", startedSession("OWN234", 1));
    await a.ownership.renew();
    expect(await a.ownership.owned()).toEqual(["room"]);
    expect(await b.runningGames()).toEqual([]);
    expect(await b.ownership.orphaned()).toEqual([]);

    await a.close(); // a clean stop hands its games back at once
    expect(await b.ownership.orphaned()).toEqual(["room"]);
    const [toB, toC] = await Promise.all([b.runningGames(["room"]), c.runningGames(["room"])]);
    expect([...toB, ...toC].map((g) => g.roomId)).toEqual(["room"]);
  }, 60_000);

  it("takes over a game whose owner stopped renewing, with every command; the old copy cannot end it", async () => {
    const [a, b] = await twoProcesses();
    const game = startedSession("OWN567", 2);
    const act = ratioActor();
    await a.saveSession("room", game);
    for (let i = 0; i < 5; i++) {
      act(game);
      await a.saveProgress("room", game);
    }
    // `a` stops renewing (killed, or cut off): after the lease, `b` finds the game orphaned and takes it.
    await until(async () => (await b.ownership.orphaned()).includes("room"));
    const taken = await b.runningGames(["room"]);
    expect(taken.map((g) => g.roomId)).toEqual(["room"]);
    expect(taken[0]!.actions).toHaveLength(game.log.actions.length);
    expect(taken[0]!.code).toBe("OWN567");

    // The old owner learns it lost the game at its next renewal; its room's close ends nothing.
    await a.ownership.renew();
    expect(await a.ownership.owned()).toEqual([]);
    await a.markAbandoned("room", "closed");
    expect((await b.session("room"))?.status).toBe("running");
    // Nor does a save of the whole session (a round, the world's size) from the stale copy take it back.
    await a.saveSession("room", game);
    await b.ownership.renew();
    expect(await b.ownership.owned()).toEqual(["room"]);
    expect(await b.ownership.heldByOthers(["room"])).toEqual([]);
    expect(await a.ownership.heldByOthers(["room"])).toEqual(["room"]);
    a.ownership.disown("room");
    act(game);
    await a.saveProgress("room", game); // fenced: not written
    expect(await b.commands("room")).toHaveLength(taken[0]!.actions.length);
    await b.ownership.renew();
    expect(await b.ownership.owned()).toEqual(["room"]);
  }, 60_000);

  it("keeps join codes of running games unique across processes", async () => {
    const [a, b] = await twoProcesses();
    await a.saveSession("room-a", startedSession("DUP234", 3));
    const refused = await b.saveSession("room-b", startedSession("DUP234", 4)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(StoreUnavailableError);
    expect(b.writable).toBe(true);
    expect(await b.session("room-b")).toBeNull();
    // Once that game has ended, its code may serve again.
    const ended = startedSession("DUP234", 3);
    await a.saveResult("room-a", ended);
    await b.saveSession("room-b", startedSession("DUP234", 4));
    expect((await b.session("room-b"))?.code).toBe("DUP234");
  }, 60_000);
});
