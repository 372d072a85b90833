/**
 * One address cannot fill a server with rooms. One client once created 10,019 rooms in 43 s, and a
 * hundred bot games started by one client slowed an honest game from 16 to 9.7 game days a second.
 * Besides the creation rate (http-limits.test.ts), an address holds at most MAX_ROOMS_PER_ADDRESS live
 * rooms, and a room its creator never joins closes after two minutes (on the server's clock, sped up
 * by the test preload), which frees the address's place again.
 */
import { afterAll, describe, expect, it } from "vitest";
import { until } from "../helpers/rooms.ts";
import { cleanup, startTestServer, TIME_WARP, type TestServer } from "../helpers/server.ts";

let server: TestServer | undefined;
afterAll(async () => {
  await server?.stop();
  if (server) cleanup(server);
});

async function createRaw(
  s: TestServer,
  i: number,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const r = await fetch(`${s.url}/matchmake/create/game`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ scenario: "sandbox", hostSecret: "flood-secret-0123456789", name: `Flood ${i}` }),
  });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

describe("a room-creation flood", () => {
  it("stops at the address's share of live rooms, and rooms nobody joins close and free it", async () => {
    server = await startTestServer(
      2751,
      undefined,
      { MAX_ROOMS_PER_ADDRESS: "3", ROOM_CREATE_BURST: "1000", ATLAS_TIME_WARP: "30:180000:signal" },
      [TIME_WARP],
    );
    const s = server;
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await createRaw(s, i));
    expect(answers.slice(0, 3).every((a) => a.status === 200 && a.body.room !== undefined)).toBe(true);
    for (const a of answers.slice(3)) {
      expect(a.status).toBe(429);
      expect(a.body).toMatchObject({ code: "TOO_MANY_GAMES" });
      expect(String(a.body.zh)).toContain("局游戏");
    }
    // Nobody joins them: after two minutes on the server's clock they close, and the address may again.
    // The clock speeds up only now: had it run from start-up, a slow start could have used up the span.
    process.kill(s.pid, "SIGWINCH");
    await until(() => s.output().includes("time warp: started"), 60_000);
    await until(() => (s.output().match(/closed: its creator never joined it/g) ?? []).length === 3, 60_000);
    expect((await createRaw(s, 7)).status).toBe(200);
  }, 90_000);
});
