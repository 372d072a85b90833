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
import pg from "pg";
import { storedRatios } from "../helpers/exports.ts";
import { Postgres, postgresUnavailable } from "../helpers/postgres.ts";
import { until, welcome, type AnyRoom } from "../helpers/rooms.ts";
import { hasRedis, startRedis, type TestRedis } from "../helpers/redis.ts";
import { cleanup, startTestServer, type TestServer } from "../helpers/server.ts";

const skip = !hasRedis ? "redis-server is not installed" : postgresUnavailable;
if (!hasRedis) console.warn("failover test skipped: redis-server is not installed");
const REDIS_PORT = 2944;
const PG_PORT = 2945;
const LEASE_MS = 2000;
const SECRET = "failover-secret-0123456789";
let redis: TestRedis | null = null;
let pgServer: Postgres | null = null;
let databaseUrl = "";
const servers: TestServer[] = [];
const killed = new Set<TestServer>();

async function start(port: number): Promise<TestServer> {
  const server = await startTestServer(port, undefined, {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis!.url,
    PUBLIC_ADDRESS: `127.0.0.1:${port}`,
    GAME_LEASE_MS: String(LEASE_MS),
  });
  servers.push(server);
  return server;
}

/** The server process whose pid the game's owner id names (`host:pid:random`, ownership.ts). */
async function ownerOf(roomId: string, servers: TestServer[]): Promise<TestServer> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const row = await client
    .query<{ owner: string }>(`select owner from sessions where room_id = $1`, [roomId])
    .finally(() => client.end());
  const pid = Number(row.rows[0]?.owner.split(":")[1]);
  const owner = servers.find((s) => s.pid === pid);
  if (!owner) throw new Error(`no server has pid ${pid}`);
  return owner;
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

describe.skipIf(skip !== null)("a server killed mid-game, with PostgreSQL and Redis shared", () => {
  beforeAll(async () => {
    redis = await startRedis(REDIS_PORT);
    pgServer = new Postgres(PG_PORT);
    await pgServer.start();
    databaseUrl = await pgServer.createDatabase("failover");
  }, 120_000);

  afterAll(async () => {
    for (const s of servers) await s.stop("SIGKILL").catch(() => undefined);
    for (const s of servers) cleanup(s);
    await pgServer?.destroy();
    redis?.stop();
  });

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

    const a = await ownerOf(host.roomId, both);
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
    await pgServer!.stop();
    await until(() => left, 30_000);
    expect(c.output()).toContain(`room ${host.roomId} could not renew its lease`);

    // Back: this process (its held renewal lands first) or the other live one (the lease had expired)
    // restores the game; either is right, as long as it is exactly one.
    await pgServer!.start();
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
