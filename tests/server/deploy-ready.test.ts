/**
 * /health (alive) and /ready (database, Redis when shared, recovery finished): the checks alone with
 * stand-ins, then a real server over a real Redis that goes away and comes back.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  configureReadiness,
  databaseCheck,
  markRecovered,
  readiness,
  type Check,
} from "../../server/http/readiness.ts";
import type { GameStore } from "../../server/store/store.ts";
import { cleanup, startTestServer, type TestServer } from "../helpers/server.ts";

const ok: Check = { name: "database", run: async () => null };

/** A store whose query answers (or throws) and whose writes land (or are held). */
function fakeStore(query: () => Promise<null>, writable = true): GameStore {
  return {
    session: query,
    writable,
    unavailableReason: writable ? null : "the disk is full",
  } as unknown as GameStore;
}

describe("readiness", () => {
  it("is not ready until recovery has finished, then ready when every check passes", async () => {
    configureReadiness([ok]);
    expect((await readiness()).checks.recovery).toEqual({
      ok: false,
      ms: 0,
      reason: "restoring running games",
    });
    expect((await readiness()).ready).toBe(false);
    markRecovered();
    const answer = await readiness();
    expect(answer.ready).toBe(true);
    expect(answer.checks.database?.ok).toBe(true);
  });

  it("names the failing check and why: a query that throws, writes held, a hung answer", async () => {
    configureReadiness([
      databaseCheck(fakeStore(() => Promise.reject(new Error("SQLITE_CANTOPEN: unable to open")))),
      { name: "redis", run: () => new Promise(() => undefined) }, // never answers
    ]);
    markRecovered();
    const answer = await readiness(200);
    expect(answer.ready).toBe(false);
    expect(answer.checks.database).toMatchObject({ ok: false, reason: "SQLITE_CANTOPEN: unable to open" });
    expect(answer.checks.redis).toMatchObject({ ok: false, reason: "no answer within 200 ms" });
    configureReadiness([databaseCheck(fakeStore(async () => null, false))]);
    markRecovered();
    expect((await readiness()).checks.database?.reason).toBe("writes are held: the disk is full");
  });
});

const hasRedis = spawnSync("redis-server", ["--version"]).status === 0;
const REDIS_PORT = 2965;
const PORT = 2966;

function startRedis(): ChildProcess {
  return spawn(
    "redis-server",
    ["--port", String(REDIS_PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: "ignore" },
  );
}

/** Redis answers PING on its port (a raw RESP exchange: no client library's reconnection in the way). */
function pong(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(REDIS_PORT, "127.0.0.1", () => socket.write("PING\r\n"));
    socket.once("data", (d) => {
      resolve(d.toString().startsWith("+PONG"));
      socket.destroy();
    });
    socket.once("error", () => resolve(false));
  });
}

async function redisUp(): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await pong())) {
    if (Date.now() > deadline) throw new Error("redis-server did not answer in 10 s");
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function ready(server: TestServer): Promise<{
  status: number;
  body: { ready: boolean; checks: Record<string, { ok: boolean; reason?: string }> };
}> {
  const r = await fetch(`${server.url}/ready`);
  return { status: r.status, body: (await r.json()) as never };
}

describe.skipIf(!hasRedis)("a real server's /health and /ready over Redis", () => {
  let redis: ChildProcess | null = null;
  let server: TestServer | null = null;
  beforeAll(async () => {
    redis = startRedis();
    await redisUp();
    server = await startTestServer(PORT, undefined, {
      REDIS_URL: `redis://127.0.0.1:${REDIS_PORT}`,
      PUBLIC_ADDRESS: `127.0.0.1:${PORT}`,
    });
  });
  afterAll(async () => {
    await server?.stop();
    if (server) cleanup(server);
    if (redis?.pid && redis.exitCode === null) process.kill(redis.pid, "SIGKILL");
  });

  it("is ready with the database, Redis and recovery checked", async () => {
    const { status, body } = await ready(server!);
    expect(status).toBe(200);
    expect(Object.keys(body.checks).sort()).toEqual(["database", "recovery", "redis"]);
    expect(body.ready).toBe(true);
  });

  it("answers 503 naming Redis while Redis is down, stays alive, and is ready again once it is back", async () => {
    const exited = new Promise((r) => redis?.once("exit", r));
    process.kill(redis!.pid!, "SIGKILL");
    await exited;
    await expect.poll(async () => (await ready(server!)).status, { timeout: 15_000 }).toBe(503);
    const down = await ready(server!);
    expect(down.body.checks.redis?.ok).toBe(false);
    expect(down.body.checks.database?.ok).toBe(true);
    expect((await fetch(`${server!.url}/health`)).status).toBe(200);
    redis = startRedis();
    await redisUp();
    await expect.poll(async () => (await ready(server!)).status, { timeout: 30_000 }).toBe(200);
  });
});
