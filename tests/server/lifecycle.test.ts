/**
 * A game waits for its players. Colyseus closed a room a few seconds after its last client left (or
 * 15 s after a restart when nobody came back): a teacher who restarted the server and took a minute to
 * return lost the lesson, and so did a bots-only game whose host reloaded. Now a room lives until its
 * host ends it or nobody has come back for a long, configurable time; an empty running game waits
 * paused. The ten-minute wait runs on the server's own clock, sped up by a test preload (timeWarp.ts):
 * the test waits for the server to say the time has passed, never for a duration.
 */
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import { until, welcome, type AnyRoom } from "../helpers/rooms.ts";
import { cleanup, startTestServer, TIME_WARP, type TestServer } from "../helpers/server.ts";

const SECRET = "lifecycle-secret-0123456789";
const PORT = 2740;
const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers) await s.stop("SIGKILL").catch(() => undefined);
});
afterAll(() => servers.forEach(cleanup));

async function start(dir?: string, env: Record<string, string> = {}, preload: string[] = []) {
  const server = await startTestServer(PORT, dir, env, preload);
  servers.push(server);
  return server;
}

async function create(server: TestServer, options: Record<string, unknown> = {}): Promise<AnyRoom> {
  return new Client(server.ws).create("game", {
    scenario: "halving-2020",
    seats: 2,
    pace: 16,
    visibility: "private",
    classroom: true,
    hostSecret: SECRET,
    name: "Ms Li",
    ...options,
  });
}

async function codeAnswers(server: TestServer, code: string): Promise<string | null> {
  const r = await fetch(`${server.url}/api/code/${code}`);
  return r.ok ? ((await r.json()) as { roomId: string }).roomId : null;
}

/** A running game with one seated player, then the server killed: what the restart must bring back. */
async function gameThenCrash() {
  const first = await start();
  const host = await create(first);
  const hostWelcome = await welcome(host);
  const player = await new Client(first.ws).joinById(host.roomId, { name: "Kai" });
  const w = await welcome(player);
  host.send("host", { action: { type: "start" } });
  await until(() => player.state.phase === "running" && player.state.tick > 2);
  await first.stop("SIGKILL");
  return { dir: first.dir, roomId: host.roomId, code: hostWelcome.code, token: w.seatToken ?? "" };
}

async function warpedRestart(dir: string, env: Record<string, string> = {}) {
  const server = await start(dir, { ATLAS_TIME_WARP: "60:600000", ...env }, [TIME_WARP]);
  await until(() => server.output().includes("time warp: done"), 60_000);
  return server;
}

describe("a restored game waits for its players", () => {
  it("is still there ten minutes after a restart with nobody connected; the seat token still works", async () => {
    const game = await gameThenCrash();
    const second = await warpedRestart(game.dir);
    expect(await codeAnswers(second, game.code)).toBe(game.roomId);
    const player = await new Client(second.ws).joinById(game.roomId, { name: "Kai", seatToken: game.token });
    expect(await welcome(player)).toMatchObject({ role: "player", seat: "p1" });
    expect(player.state.phase).toBe("paused");
    await player.leave();
  }, 120_000);

  it("closes after the configured idle time (the same wait, a shorter limit): the clock really moved", async () => {
    const game = await gameThenCrash();
    const second = await warpedRestart(game.dir, { ROOM_IDLE_HOURS: "0.1" }); // six minutes
    await until(() => second.output().includes(`room ${game.roomId} closed: nobody came back`), 30_000);
    expect(await codeAnswers(second, game.code)).toBeNull();
  }, 120_000);
});

describe("an empty room waits, paused", () => {
  it("keeps a bots-only game whose host reloads, and the host's return resumes it", async () => {
    const server = await start();
    const host = await create(server, { seats: 2, visibility: "public", classroom: false });
    const code = (await welcome(host)).code;
    host.send("host", { action: { type: "start" } });
    await until(() => host.state.phase === "running" && host.state.tick > 3);
    host.connection.close(); // a reload: the socket drops without a goodbye
    const listed = async () =>
      ((await (await fetch(`${server.url}/api/rooms`)).json()) as { code: string; phase: string }[]).find(
        (r) => r.code === code,
      );
    await untilAsync(async () => (await listed())?.phase === "paused");
    const back = await new Client(server.ws).joinById(host.roomId, { name: "Ms Li", hostSecret: SECRET });
    expect((await welcome(back)).role).toBe("host");
    const tick = back.state.tick as number;
    await until(() => back.state.phase === "running" && (back.state.tick as number) > tick + 2);
    await back.leave();
  }, 60_000);

  it("keeps a classroom in the lobby whose teacher reloads before any student joins", async () => {
    const server = await start();
    const host = await create(server);
    const code = (await welcome(host)).code;
    await host.leave(true); // even a goodbye: the lobby waits for the teacher
    expect(await codeAnswers(server, code)).toBe(host.roomId);
    const back = await new Client(server.ws).joinById(host.roomId, { name: "Ms Li", hostSecret: SECRET });
    expect((await welcome(back)).role).toBe("host");
    const student = await new Client(server.ws).joinById(host.roomId, { name: "Kai" });
    expect((await welcome(student)).seat).toBe("p1");
    await Promise.all([student.leave(), back.leave()]);
  }, 60_000);
});

async function untilAsync(check: () => Promise<boolean>, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}
