/**
 * Backup and restore (npm run db:backup / db:restore, server/store/backup.ts) on both databases: a
 * store is backed up while its server runs a game; the restore refuses the live database (SQLite: its
 * lock; PostgreSQL: a database that already holds the tables) and goes into a fresh one; a server
 * started on that finds the game by its join code with every command stored before the backup.
 * PostgreSQL runs as `nobody`: run with `unshare -n sh -c 'ip link set lo up; npx vitest run …'`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import { backup, restore } from "../../server/store/backup.ts";
import { StoreLockedError } from "../../server/store/lock.ts";
import { storedRatios } from "../helpers/exports.ts";
import { Postgres, postgresUnavailable } from "../helpers/postgres.ts";
import { until, welcome, type AnyRoom } from "../helpers/rooms.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

const SECRET = "backup-secret-0123456789";
const PG_PORT = 3010;
const servers: TestServer[] = [];
const folders: string[] = [];
let pgServer: Postgres | null = null;

afterAll(async () => {
  for (const s of servers) await s.stop("SIGKILL").catch(() => undefined);
  await pgServer?.destroy();
  for (const dir of [...folders, ...servers.map((s) => s.dir)]) rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), "atlas-backup-"));
  folders.push(dir);
  return dir;
}

async function start(port: number, env: Record<string, string>, dir = folder()): Promise<TestServer> {
  const server = await startTestServer(port, dir, env);
  servers.push(server);
  return server;
}

async function gameWithCommands(
  server: TestServer,
  ratios: number[],
): Promise<{ roomId: string; code: string }> {
  const host = await new Client(server.ws).create("game", {
    ...{
      scenario: "halving-2020",
      seats: 2,
      pace: 4,
      visibility: "private",
      hostSecret: SECRET,
      name: "Lab",
    },
  });
  const { code } = await welcome(host);
  const player = await new Client(server.ws).joinById(host.roomId, { name: "Kai" });
  await welcome(player);
  host.send("host", { action: { type: "start" } });
  await until(() => player.state.phase === "running");
  for (const ratioBps of ratios) await command(player, ratioBps);
  // Acknowledged means committed: the export reads them back from the database.
  expect(await storedRatios(server, host.roomId, SECRET)).toEqual(expect.arrayContaining(ratios));
  return { roomId: host.roomId, code };
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

/** Waits until `server` answers the join code with the room, and returns what it stored for it. */
async function foundAgain(server: TestServer, game: { roomId: string; code: string }): Promise<number[]> {
  for (let tries = 0; ; tries++) {
    const r = await fetch(`${server.url}/api/code/${game.code}`);
    const found = r.ok ? ((await r.json()) as { roomId?: string }) : {};
    if (found.roomId === game.roomId) return storedRatios(server, game.roomId, SECRET);
    if (tries > 600) throw new Error(`the restored server never found ${game.code}:\n${server.output()}`);
    // Polling the server: it restores (or takes over, on PostgreSQL) the game after starting.
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("backup and restore, SQLite", () => {
  it("backs up a running game, refuses to restore over the live file, restores into a fresh one", async () => {
    const first = await start(3000, {});
    const game = await gameWithCommands(first, [1111, 2222]);
    const backups = folder();
    const { file, bytes } = await backup(`file:${join(first.dir, "atlas.db")}`, backups);
    expect(file).toMatch(/atlas-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.db$/);
    expect(bytes).toBeGreaterThan(0);

    await expect(restore(`file:${join(first.dir, "atlas.db")}`, file)).rejects.toBeInstanceOf(
      StoreLockedError,
    );
    const fresh = folder();
    await restore(`file:${join(fresh, "atlas.db")}`, file);
    await first.stop("SIGKILL");

    const second = await start(3001, {}, fresh);
    expect((await foundAgain(second, game)).sort()).toEqual([1111, 2222]);
  }, 90_000);
});

describe.skipIf(postgresUnavailable)("backup and restore, PostgreSQL", () => {
  it("dumps a running game with pg_dump and restores it into an empty database only", async () => {
    pgServer = new Postgres(PG_PORT);
    await pgServer.start();
    const source = await pgServer.createDatabase("source");
    const env = { DATABASE_URL: source, GAME_LEASE_MS: "2000" };
    const first = await start(3002, env);
    const game = await gameWithCommands(first, [4444, 5555]);
    const { file } = await backup(source, folder());
    expect(file).toMatch(/source-.*Z\.dump$/);

    await expect(restore(source, file)).rejects.toThrow(/already holds the store's tables/);
    const copy = await pgServer.createDatabase("copy");
    await restore(copy, file);
    await first.stop("SIGKILL");

    // The copy names the killed process as the game's owner: the new server takes it over once its lease ends.
    const second = await start(3003, { DATABASE_URL: copy, GAME_LEASE_MS: "2000" });
    expect((await foundAgain(second, game)).sort()).toEqual([4444, 5555]);
  }, 120_000);
});
