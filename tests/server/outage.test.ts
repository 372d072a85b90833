/**
 * When the database cannot be written, the game says so and waits. Before, a locked or full database
 * only logged failures while players kept being acknowledged (60 acks after the disk filled; 110 writes
 * lost after a 300 ms lock). Now a running game pauses, commands are refused with STORE_UNAVAILABLE,
 * everyone is told why, and when writing works again the held writes land, the game goes on by itself,
 * and every acknowledged command is in the log.
 */
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createClient, type Client as SqlClient, type Transaction } from "@libsql/client";
import { Client } from "colyseus.js";
import { storedRatios } from "../helpers/exports.ts";
import { next, until, welcome, type AnyRoom } from "../helpers/rooms.ts";
import { cleanup, startTestServer, type TestServer } from "../helpers/server.ts";

const SECRET = "outage-secret-0123456789";
const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) {
    await s.stop().catch(() => undefined);
    cleanup(s);
  }
});

interface Table {
  host: AnyRoom;
  player: AnyRoom;
  acked: number[];
  refused: string[];
  notices: string[];
}

async function table(server: TestServer, seats = 2): Promise<Table> {
  const host = await new Client(server.ws).create("game", {
    scenario: "sandbox", // three years: long enough to fill a small database before it ends
    seats,
    pace: 16,
    hostSecret: SECRET,
    name: "Lab",
  });
  await welcome(host);
  const player = await new Client(server.ws).joinById(host.roomId, { name: "Kai" });
  await welcome(player);
  const t: Table = { host, player, acked: [], refused: [], notices: [] };
  player.onMessage("ack", (m: { ref: string }) => t.acked.push(Number(m.ref)));
  player.onMessage("error", (m: { code: string }) => t.refused.push(m.code));
  player.onMessage("notice", (m: { kind: string; text: { en: string } }) => {
    if (m.kind === "server") t.notices.push(m.text.en);
  });
  host.send("host", { action: { type: "start" } });
  await until(() => player.state.phase === "running" && player.state.tick > 2);
  return t;
}

let ratio = 100;
function command(t: Table): void {
  ratio += 1;
  t.player.send("command", { ref: String(ratio), command: { type: "setSellRatio", ratioBps: ratio } });
}

/** While the store is down: the game pauses, commands are refused, and the player is told why. */
async function expectHeld(t: Table, why: RegExp): Promise<void> {
  await until(() => t.player.state.phase === "paused" && t.notices.length > 0, 120_000);
  expect(t.notices.at(-1)).toMatch(why);
  const refusal = next<{ code: string }>(t.player, "error");
  command(t);
  expect((await refusal).code).toBe("STORE_UNAVAILABLE");
}

/** Writing works again: the game goes on by itself and every acknowledged command is stored. */
async function expectRecovered(server: TestServer, t: Table): Promise<void> {
  await until(() => t.player.state.phase === "running", 30_000);
  expect(t.notices.at(-1)).toMatch(/Saving works again/);
  const acked = next<{ ref: string }>(t.player, "ack");
  command(t);
  await acked;
  const stored = new Set(await storedRatios(server, t.host.roomId, SECRET));
  expect(t.acked.filter((r) => !stored.has(r))).toEqual([]);
  await Promise.all([t.player.leave(), t.host.leave()]);
}

/**
 * Takes the database's write lock from another program. The server commits every day, so the lock may
 * be held at that moment: SQLite waits for it (busy_timeout on the connection the transaction takes
 * over) instead of failing at once.
 */
async function writeLock(other: SqlClient): Promise<Transaction> {
  await other.execute("PRAGMA busy_timeout = 30000");
  return other.transaction("write");
}

describe("a database that cannot be written", () => {
  it("pauses the game while another program holds the write lock, then goes on and loses nothing acknowledged", async () => {
    const server = await startTestServer(2749);
    servers.push(server);
    const t = await table(server);
    for (let i = 0; i < 5; i++) command(t);
    await until(() => t.acked.length === 5);

    const other = createClient({ url: `file:${join(server.dir, "atlas.db")}` });
    const lock = await writeLock(other); // BEGIN IMMEDIATE: holds the write lock
    await lock.execute("create table if not exists held (x integer)");
    command(t); // accepted before the store notices; acknowledged only once it is stored
    await expectHeld(t, /locked/);
    await lock.commit();
    other.close();
    await expectRecovered(server, t);
  }, 90_000);

  it("pauses the game when the database is full, and goes on once space is freed", async () => {
    const server = await startTestServer(2750, undefined, { DATABASE_MAX_MB: "0.25" });
    servers.push(server);
    // Eight companies (seven bots) at sixteen days a second fill a quarter of a megabyte in well under the game's three years.
    const t = await table(server, 8);
    await expectHeld(t, /size limit|full/);

    // The operator frees space (here: the oldest daily rows, from another connection).
    // The server retries its held writes meanwhile, so it may hold the lock for a moment: wait for it.
    const other = createClient({ url: `file:${join(server.dir, "atlas.db")}` });
    await other.execute("PRAGMA busy_timeout = 30000");
    await other.execute("delete from company_days where tick < (select max(tick) - 5 from company_days)");
    await other.execute("delete from events");
    other.close();
    await expectRecovered(server, t);
  }, 180_000);
});
