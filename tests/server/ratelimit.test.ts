/**
 * Shared HTTP limits (issue #15 §3): join-code look-ups, matchmaking, exports and debriefs are counted
 * per address; past the limit, 429 with Retry-After and a refusal saying what was limited. With Redis,
 * two processes share one count. Real servers on loopback; Redis started here and stopped by PID.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import { hasRedis, startRedis, type TestRedis } from "../helpers/redis.ts";
import { cleanup, startTestServer, type TestServer } from "../helpers/server.ts";
import { welcome } from "../helpers/rooms.ts";
import { createHttpLimits, spend } from "../../server/limits/httpLimits.ts";

const SECRET = "ratelimit-secret-0123456789";
const LONG_WINDOW = { HTTP_LIMIT_PER_MINUTE: "2", HTTP_LIMIT_WINDOW_SECONDS: "3600" };

async function newGame(
  server: TestServer,
): Promise<{ roomId: string; code: string; leave: () => Promise<unknown> }> {
  const host = await new Client(server.ws).create("game", {
    scenario: "halving-2020",
    seats: 2,
    hostSecret: SECRET,
    name: "Limited",
    visibility: "private",
  });
  const { code } = await welcome(host);
  return { roomId: host.roomId, code, leave: () => host.leave() };
}

/** The statuses of `n` requests made one after another (one client, one address). */
async function statuses(n: number, request: () => Promise<Response>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = await request();
    await r.arrayBuffer();
    out.push(r.status);
  }
  return out;
}

const count = (list: number[], status: number) => list.filter((s) => s === status).length;

describe("one server, limits in memory", () => {
  let server: TestServer;
  beforeAll(async () => {
    // Two a minute over an hour's window: the same 120 look-ups (60 exports), and no window can end
    // while a test spends its allowance, however slow the machine.
    server = await startTestServer(2986, undefined, LONG_WINDOW);
  });
  afterAll(async () => {
    await server?.stop();
    if (server) cleanup(server);
  });

  it("answers 300 look-ups of a real code from one address: 120 found, then 429 with Retry-After", async () => {
    const game = await newGame(server);
    const found = await statuses(300, () => fetch(`${server.url}/api/code/${game.code}`));
    expect(count(found, 200)).toBe(120); // 2 a minute over 60 minutes
    expect(count(found, 429)).toBe(180);
    expect(found.indexOf(429)).toBe(120); // every one after the allowance
    const refused = await fetch(`${server.url}/api/code/${game.code}`);
    expect(refused.status).toBe(429);
    const wait = Number(refused.headers.get("retry-after"));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(3600);
    const body = (await refused.json()) as { code: string; error: string; zh: string };
    expect(body.code).toBe("RATE_LIMITED");
    expect(body.error).toBe(
      `Too many join-code look-ups from your network address. Please wait ${wait} s and try again.`,
    );
    expect(body.zh).toContain("查询加入码");
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toContain('atlas_http_rate_limited_total{kind="code"} 181');
    await game.leave();
  }, 60_000);

  it("limits exports and debriefs to half as many, each counted apart", async () => {
    const exports = await statuses(61, () => fetch(`${server.url}/api/export/nope/events.csv`));
    expect(count(exports, 403)).toBe(60);
    expect(exports.at(-1)).toBe(429);
    const debriefs = await statuses(61, () => fetch(`${server.url}/api/debrief/nope`));
    expect(count(debriefs, 429)).toBe(1);
    expect(debriefs.at(-1)).toBe(429);
  }, 60_000);

  it("limits matchmaking, a 429 that keeps the CORS headers", async () => {
    // One creation so far (the first test's): 119 more requests in the window, then only 429s.
    const join = () => fetch(`${server.url}/matchmake/joinById/NoSuchRoom`, { method: "POST", body: "{}" });
    const joins = await statuses(125, join);
    const allowed = joins.indexOf(429);
    expect(allowed).toBe(119);
    expect(joins.slice(0, allowed).every((s) => s === 200)).toBe(true); // Colyseus: 200 { code, error }
    expect(joins.slice(allowed).every((s) => s === 429)).toBe(true);
    const refused = await join();
    expect(refused.headers.get("access-control-allow-origin")).not.toBeNull();
    expect(((await refused.json()) as { error: string }).error).toMatch(/join and create requests/);
  }, 60_000);
});

describe("while Redis is away", () => {
  it("each process counts in memory (the insurance limiter) instead of refusing or waving everyone through", async () => {
    const limits = createHttpLimits("redis://127.0.0.1:2999", 3); // nothing listens on 2999
    try {
      const waits = [];
      for (let i = 0; i < 5; i++) waits.push(await spend("code", "10.0.0.7", limits));
      expect(waits.slice(0, 3)).toEqual([0, 0, 0]);
      expect(waits[3]).toBeGreaterThan(0);
      expect(await spend("code", "10.0.0.8", limits)).toBe(0); // another address has its own count
    } finally {
      limits.close();
    }
  });
});

const REDIS_PORT = 2990;

describe.skipIf(!hasRedis)("two servers on one Redis", () => {
  let redis: TestRedis | null = null;
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    redis = await startRedis(REDIS_PORT);
    const env = (port: number) => ({
      REDIS_URL: redis!.url,
      PUBLIC_ADDRESS: `127.0.0.1:${port}`,
      // One a minute over a 20-minute window: 20, and no window ends while the test spends them.
      HTTP_LIMIT_PER_MINUTE: "1",
      HTTP_LIMIT_WINDOW_SECONDS: "1200",
    });
    [a, b] = await Promise.all([
      startTestServer(2991, undefined, env(2991)),
      startTestServer(2992, undefined, env(2992)),
    ]);
  }, 90_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    if (a) cleanup(a);
    if (b) cleanup(b);
    redis?.stop();
  });

  it("share one count: look-ups through either process spend one allowance", async () => {
    const game = await newGame(a);
    const throughA = await statuses(15, () => fetch(`${a.url}/api/code/${game.code}`));
    expect(count(throughA, 200)).toBe(15);
    // B alone would allow 20; the address has 5 left of the 20 they share.
    const throughB = await statuses(15, () => fetch(`${b.url}/api/code/${game.code}`));
    expect(throughB.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(count(throughB, 429)).toBe(10);
    expect((await fetch(`${a.url}/api/code/${game.code}`)).status).toBe(429);
    await game.leave();
  }, 60_000);
  it("stop cleanly with Redis configured: SIGTERM closes the store too (its lock file goes)", async () => {
    // Colyseus keeps one onShutdown callback: closing Redis connections must not replace store.close.
    const lock = join(b.dir, "atlas.db.lock");
    expect(existsSync(lock)).toBe(true);
    await b.stop("SIGTERM");
    expect(existsSync(lock)).toBe(false);
  }, 60_000);
});
