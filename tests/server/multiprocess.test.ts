/**
 * Issue #15 §4 with two server processes on one Redis and one PostgreSQL (all on loopback, started
 * here, stopped by PID): the host's exports and debrief answer from the process that does not run the
 * game, the same as from the one that does (real HTTP); and once the process running a public game is
 * killed and the other has taken the game over, the survivor lists the room once (no dead copy) and
 * answers its code with it. The takeover itself, with a player rejoining, is store-failover.test.ts's.
 * Run with `unshare -n sh -c 'ip link set lo up; npx vitest run tests/server/multiprocess'`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import { until, welcome, type AnyRoom } from "../helpers/rooms.ts";
import { clusterUnavailable, TestCluster } from "../helpers/cluster.ts";
import type { TestServer } from "../helpers/server.ts";

const skip = clusterUnavailable;
const REDIS_PORT = 3012;
const PG_PORT = 3013;
const SECRET = "multiprocess-secret-0123456789";
const cluster = new TestCluster({ redis: REDIS_PORT, postgres: PG_PORT }, 2000);
const servers = cluster.servers;
const start = (port: number) => cluster.start(port);

/** The two servers: the one that owns the room, the other. */
async function ownerAndOther(roomId: string): Promise<[TestServer, TestServer]> {
  const owner = await cluster.ownerOf(roomId);
  return [owner, servers.find((s) => s !== owner)!];
}

function command(player: AnyRoom, ratioBps: number): Promise<void> {
  return new Promise((resolve) => {
    const off = player.onMessage("ack", (m: { ref: string }) => {
      if (m.ref !== `r${ratioBps}`) return;
      off();
      resolve();
    });
    player.send("command", { ref: `r${ratioBps}`, command: { type: "setSellRatio", ratioBps } });
  });
}

/** What a host's browser gets: status and body, by real HTTP with the host secret. */
async function asHost(server: TestServer, path: string): Promise<{ status: number; body: string }> {
  const r = await fetch(`${server.url}${path}`, { headers: { "x-host-secret": SECRET } });
  return { status: r.status, body: await r.text() };
}

describe.skipIf(skip !== null)("two processes on one Redis and one PostgreSQL", () => {
  beforeAll(async () => {
    await cluster.up("multiprocess");
  }, 120_000);

  afterAll(() => cluster.down());

  it("makes a new room on the process the request reached (a burst of creations is spread, not piled up)", async () => {
    await start(3004);
    await start(3005);
    const rooms = [];
    for (const server of [servers[0]!, servers[1]!, servers[1]!, servers[0]!]) {
      const host = await new Client(server.ws).create("game", {
        ...{ scenario: "halving-2020", seats: 2, visibility: "private", hostSecret: SECRET },
        name: "Placed",
      });
      await welcome(host); // stored (the welcome follows the session's first write)
      rooms.push({ host, through: server });
    }
    for (const { host, through } of rooms) {
      const [owner] = await ownerAndOther(host.roomId);
      expect(owner.pid).toBe(through.pid);
      await host.leave();
    }
  }, 120_000);

  it("answers exports and the debrief from either process; lists a taken-over room once", async () => {
    const host = await new Client(servers[0]!.ws).create("game", {
      ...{ scenario: "halving-2020", seats: 2, pace: 4, visibility: "public", hostSecret: SECRET },
      name: "Two processes",
    });
    const { code } = await welcome(host);
    const player = await new Client(servers[0]!.ws).joinById(host.roomId, { name: "Kai" });
    await welcome(player);
    host.send("host", { action: { type: "start" } });
    await until(() => player.state.phase === "running");
    for (const ratio of [1200, 2300]) await command(player, ratio);
    const [owner, other] = await ownerAndOther(host.roomId);

    for (const path of [
      `/api/export/${host.roomId}/commands.json`,
      `/api/export/${host.roomId}/company-days.csv`,
      `/api/export/${host.roomId}/events.json`,
      `/api/debrief/${host.roomId}`,
    ]) {
      const [here, there] = [await asHost(owner, path), await asHost(other, path)];
      expect(here.status, path).toBe(200);
      expect(there, path).toEqual(here);
    }
    expect((await asHost(other, `/api/export/${host.roomId}/commands.json`)).body).toContain("2300");

    await owner.stop("SIGKILL");
    await until(() => other.output().includes(`recovery: room ${host.roomId}`), 30_000);
    const listed = (await (await fetch(`${other.url}/api/rooms`)).json()) as { roomId: string }[];
    expect(listed.filter((r) => r.roomId === host.roomId)).toHaveLength(1);
    const found = (await (await fetch(`${other.url}/api/code/${code}`)).json()) as { roomId: string };
    expect(found.roomId).toBe(host.roomId);
    // Answered by the survivor's own room now: a join through it succeeds at once.
    const late = await new Client(other.ws).joinById(found.roomId, { name: "Mei" });
    expect((await welcome(late)).code).toBe(code);
    await late.leave();
  }, 120_000);
});
