/**
 * Failover with a shared database: Redis, PostgreSQL and two server processes on loopback (all
 * started here and stopped by PID). The process running a game is killed with SIGKILL mid-game; the
 * other takes the game over once the dead one's lease has expired (GAME_LEASE_MS, 2 s here), under
 * the same room id and join code; the player comes back by code and seat token and finds every
 * acknowledged command there. The time it took is printed (the failover time).
 * Skipped, saying why, without redis-server or PostgreSQL's binaries.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import { storedRatios } from "../helpers/exports.ts";
import { until, welcome, type AnyRoom } from "../helpers/rooms.ts";
import { clusterUnavailable, TestCluster } from "../helpers/cluster.ts";
import type { TestServer } from "../helpers/server.ts";

const skip = clusterUnavailable;
if (skip) console.warn(`failover test skipped: ${skip}`);
const REDIS_PORT = 2944;
const PG_PORT = 2945;
const LEASE_MS = 2000;
const SECRET = "failover-secret-0123456789";
const cluster = new TestCluster({ redis: REDIS_PORT, postgres: PG_PORT }, LEASE_MS);
const servers = cluster.servers;
const start = (port: number) => cluster.start(port);
const killed = new Set<TestServer>();

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

describe.skipIf(skip !== null)("a server killed mid-game, with PostgreSQL and Redis shared", () => {
  beforeAll(async () => {
    await cluster.up("failover");
  }, 120_000);

  afterAll(() => cluster.down());

  it("is taken over by the other, same room and code; the player rejoins and finds every command", async () => {
    const both = [await start(2946), await start(2947)];
    // Matchmaking over Redis may put the room on either process: the one that owns it is killed.
    const host = await new Client(both[0]!.ws).create("game", {
      scenario: "halving-2020",
      seats: 2,
      pace: 4,
      visibility: "private",
      hostSecret: SECRET,
      name: "Failover",
    });
    const { code } = await welcome(host);
    const player = await new Client(both[0]!.ws).joinById(host.roomId, { name: "Kai" });
    const joined = await welcome(player);
    host.send("host", { action: { type: "start" } });
    await until(() => player.state.phase === "running");
    for (const ratio of [1100, 2200, 3300]) await command(player, ratio);

    const a = await cluster.ownerOf(host.roomId);
    const b = both.find((s) => s !== a)!;
    await a.stop("SIGKILL");
    killed.add(a);
    const killedAt = performance.now();
    await until(() => b.output().includes(`recovery: room ${host.roomId}`), 30_000).catch((e: unknown) => {
      console.error(`the survivor printed:\n${b.output()}`);
      throw e;
    });
    const failoverMs = Math.round(performance.now() - killedAt);
    console.log(`failover: ${host.roomId} running again on the other process ${failoverMs} ms after SIGKILL`);
    expect(failoverMs).toBeLessThan(LEASE_MS * 4);

    const found = (await (await fetch(`${b.url}/api/code/${code}`)).json()) as { roomId: string };
    expect(found.roomId).toBe(host.roomId);
    const back = await new Client(b.ws).joinById(found.roomId, {
      name: "Kai",
      seatToken: joined.seatToken ?? "",
    });
    expect(await welcome(back)).toMatchObject({ role: "player", seat: "p1", code });
    expect(await storedRatios(b, host.roomId, SECRET)).toEqual([1100, 2200, 3300]);
    await command(back, 4400); // the game goes on, on the survivor
    expect(await storedRatios(b, host.roomId, SECRET)).toEqual([1100, 2200, 3300, 4400]);
    await back.leave();
  }, 120_000);

  it("closes its own games when it cannot renew their leases, and brings them back when it can", async () => {
    const c = await start(2948);
    const host = await new Client(c.ws).create("game", {
      scenario: "halving-2020",
      seats: 2,
      pace: 4,
      visibility: "private",
      hostSecret: SECRET,
      name: "Fenced",
    });
    const { code } = await welcome(host);
    const player = await new Client(c.ws).joinById(host.roomId, { name: "Kai" });
    const joined = await welcome(player);
    host.send("host", { action: { type: "start" } });
    await until(() => player.state.phase === "running");
    await command(player, 5500);

    // The database goes away: before the lease can expire (and another process take the game), this
    // process closes its copy; the closing does not end the game.
    let left = false;
    player.onLeave(() => (left = true));
    await cluster.postgres!.stop();
    await until(() => left, 30_000);
    expect(c.output()).toContain(`room ${host.roomId} could not renew its lease`);

    // Back: this process (its held renewal lands first) or the other live one (the lease had expired)
    // restores the game; either is right, as long as it is exactly one.
    await cluster.postgres!.start();
    const restored = `recovery: room ${host.roomId}`;
    const live = servers.filter((s) => !killed.has(s));
    await until(() => live.some((s) => s.output().includes(restored)), 30_000).catch((e: unknown) => {
      for (const s of live) console.error(`server ${s.port} printed:\n${s.output().slice(-4000)}`);
      throw e;
    });
    const restorers = live.filter((s) => s.output().includes(restored));
    expect(restorers).toHaveLength(1);
    const by = restorers[0]!;
    const back = await new Client(by.ws).joinById(host.roomId, {
      name: "Kai",
      seatToken: joined.seatToken ?? "",
    });
    expect(await welcome(back)).toMatchObject({ role: "player", seat: "p1", code });
    expect(await storedRatios(by, host.roomId, SECRET)).toEqual([5500]);
    await back.leave();
  }, 120_000);
});
