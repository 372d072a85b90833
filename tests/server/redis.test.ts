/**
 * Scale-out: two server processes share presence and matchmaking through Redis (all on loopback,
 * started here and stopped by PID). A room created on one is listed and joined through the other.
 * Needs Debian's redis-server (.ci/run installs it); skipped, saying so, where it is absent.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import { cleanup, startTestServer, type TestServer } from "../helpers/server.ts";

const hasRedis = spawnSync("redis-server", ["--version"]).status === 0;
const REDIS_PORT = 6391;
let redis: ChildProcess | null = null;
let a: TestServer;
let b: TestServer;

describe.skipIf(!hasRedis)("two processes over Redis", () => {
  beforeAll(async () => {
    redis = spawn(
      "redis-server",
      ["--port", String(REDIS_PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      {
        stdio: "ignore",
      },
    );
    await new Promise((r) => setTimeout(r, 500));
    const env = (port: number) => ({
      REDIS_URL: `redis://127.0.0.1:${REDIS_PORT}`,
      PUBLIC_ADDRESS: `127.0.0.1:${port}`,
    });
    a = await startTestServer(2585, undefined, env(2585));
    b = await startTestServer(2586, undefined, env(2586));
  });

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    if (a) cleanup(a);
    if (b) cleanup(b);
    if (redis?.pid) process.kill(redis.pid, "SIGKILL");
  });

  it("resolves the join code and joins, through one process, a private room that lives in the other", async () => {
    const host = await new Client(a.ws).create("game", {
      scenario: "halving-2020",
      seats: 2,
      hostSecret: "redis-test-secret-0123456789",
      name: "Shared",
      visibility: "private",
    });
    await new Promise((r) => setTimeout(r, 300));
    const listed = (await (await fetch(`${b.url}/api/rooms`)).json()) as { roomId: string }[];
    expect(listed.map((r) => r.roomId)).not.toContain(host.roomId); // private: found by code only
    const code = host.state.code as string;
    const found = (await (await fetch(`${b.url}/api/code/${code}`)).json()) as { roomId: string };
    expect(found.roomId).toBe(host.roomId);
    const guest = await new Client(b.ws).joinById(found.roomId, { name: "Remote" });
    await new Promise((r) => setTimeout(r, 300));
    expect(guest.state.scenario).toBe("halving-2020");
    expect(host.state.companies.get("p1")?.connected).toBe(true);
    await Promise.all([guest.leave(), host.leave()]);
  });
});
