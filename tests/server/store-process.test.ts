/**
 * The store across real server processes: a second server on the same database file refuses to start
 * (clear message, non-zero exit) while the first keeps working, and starts once the first is gone
 * (stopped, or killed with -9, leaving a stale lock); a database file deleted while a game runs is
 * written back from the open connection, so the game survives the next restart.
 */
import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readdirSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import { ROOT } from "../../node/scenarios.ts";
import { storedRatios } from "../helpers/exports.ts";
import { until, welcome, type AnyRoom } from "../helpers/rooms.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

const SECRET = "process-secret-0123456789";
const servers: TestServer[] = [];
const stopAll = async () => {
  for (const s of servers) await s.stop("SIGKILL").catch(() => undefined);
};
afterEach(stopAll);
afterAll(async () => {
  await stopAll();
  for (const dir of new Set(servers.map((s) => s.dir))) rmSync(dir, { recursive: true, force: true });
});

async function start(port: number, dir?: string): Promise<TestServer> {
  const server = await startTestServer(port, dir);
  servers.push(server);
  return server;
}

/** Runs a server that is expected to refuse to start: its exit code and what it printed. */
function refusedStart(port: number, dir: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "server/main.ts")], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: `file:${join(dir, "atlas.db")}`,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, output })));
}

async function newGame(server: TestServer): Promise<{ host: AnyRoom; player: AnyRoom; code: string }> {
  const host = await new Client(server.ws).create("game", {
    scenario: "halving-2020",
    seats: 2,
    pace: 4,
    visibility: "private",
    hostSecret: SECRET,
    name: "Lab",
  });
  const { code } = await welcome(host);
  const player = await new Client(server.ws).joinById(host.roomId, { name: "Kai" });
  await welcome(player);
  host.send("host", { action: { type: "start" } });
  await until(() => player.state.phase === "running");
  return { host, player, code };
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

async function untilStored(server: TestServer, roomId: string, ratios: number[]): Promise<void> {
  for (;;) {
    const stored = await storedRatios(server, roomId, SECRET);
    if (ratios.every((x) => stored.includes(x))) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("one server per database", () => {
  it("refuses a second server on the same file, and lets one start once the first is gone", async () => {
    const first = await start(2720);
    const lock = join(first.dir, "atlas.db.lock");
    expect(existsSync(lock)).toBe(true);

    const second = await refusedStart(2721, first.dir);
    expect(second.code).not.toBe(0);
    expect(second.output).toContain(`Another server (pid ${first.pid}) is using the database`);

    // The first one did not notice: it still plays and stores.
    const { host, player } = await newGame(first);
    await command(player, 1111);
    await untilStored(first, host.roomId, [1111]);
    await Promise.all([player.leave(), host.leave()]);

    // Stopped (Ctrl-C, SIGTERM): it removes its lock, and the next server starts.
    await first.stop("SIGTERM");
    expect(existsSync(lock)).toBe(false);
    const third = await start(2722, first.dir);
    // Killed with -9: the lock stays, but its process is gone, so the next server takes over.
    await third.stop("SIGKILL");
    expect(existsSync(lock)).toBe(true);
    const fourth = await start(2723, first.dir);
    expect(fourth.output()).toContain(
      `was left by process ${third.pid}, which is gone; taking the database over`,
    );
    expect((await fetch(`${fourth.url}/health`)).ok).toBe(true);
  }, 90_000);
});

describe("a database file deleted while a game runs", () => {
  it("is written back from the open connection, and the game comes back after a restart", async () => {
    const first = await start(2724);
    const { host, player, code } = await newGame(first);
    await command(player, 2222);
    await untilStored(first, host.roomId, [2222]);

    // Someone deletes the database (and its -wal and -shm) while the game goes on.
    const path = join(first.dir, "atlas.db");
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
    await until(() => first.output().includes("was deleted while the server ran"), 30_000);
    expect(existsSync(path)).toBe(true);
    await command(player, 3333);
    await untilStored(first, host.roomId, [2222, 3333]);

    // Killed with -9 (no chance to write anything more): the file at the path has the whole game.
    await first.stop("SIGKILL");
    const second = await start(2725, first.dir);
    const found = (await (await fetch(`${second.url}/api/code/${code}`)).json()) as { roomId: string };
    expect(found.roomId).toBe(host.roomId);
    expect(await storedRatios(second, host.roomId, SECRET)).toEqual(expect.arrayContaining([2222, 3333]));
    expect(second.output()).toContain(`recovery: room ${host.roomId}`);
  }, 90_000);
});

describe("a database damaged while the server was down", () => {
  it("lets the server start, sets the damaged file aside, says so, and brings the game back", async () => {
    const first = await start(2726);
    const { host, player, code } = await newGame(first);
    await command(player, 3333);
    await untilStored(first, host.roomId, [3333]);
    await first.stop("SIGTERM"); // a clean stop: the game waits in the file, all in the main file

    // The file's header is clobbered (a disk fault, a bad copy): SQLite no longer knows it.
    const path = join(first.dir, "atlas.db");
    const fd = openSync(path, "r+");
    writeSync(fd, Buffer.alloc(100, 0x42), 0, 100, 0);
    closeSync(fd);

    const second = await start(2727, first.dir);
    expect(second.output()).toMatch(/damaged/);
    expect(readdirSync(first.dir).some((f) => f.startsWith("atlas.db.damaged-"))).toBe(true);
    const found = (await (await fetch(`${second.url}/api/code/${code}`)).json()) as { roomId?: string };
    expect(found.roomId).toBe(host.roomId);
    expect(await storedRatios(second, host.roomId, SECRET)).toContain(3333);
  }, 60_000);
});
