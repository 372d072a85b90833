/**
 * Crash recovery: a game survives its server being killed (SIGKILL, no goodbye) or stopped (SIGTERM).
 * The restarted server brings the room back with its id and join code, paused; the host and the player
 * take their places back (the player's seat token still works), nothing is lost beyond the day in
 * progress, and the game goes on. In-process, a rebuilt game hashes the same as the one that was played.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { Client, type Room } from "colyseus.js";
import { stateHash } from "../../shared/engine/hash.ts";
import { createOptionsSchema } from "../../shared/protocol/index.ts";
import { GameSession } from "../../server/game/session.ts";
import { rebuild } from "../../server/recovery.ts";
import { SqlStore } from "../../server/store/sql.ts";
import { scenario } from "../helpers/game.ts";
import { cleanup, startTestServer, type TestServer } from "../helpers/server.ts";

type AnyRoom = Room<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const SECRET = "recovery-secret-0123456789";
const PORT = 2581; // each test file its own port: files run in parallel
const servers: TestServer[] = [];
afterAll(async () => {
  await stopAll();
  for (const s of servers) cleanup(s);
});

interface Welcome {
  role: string;
  seat: string | null;
  seatToken: string | null;
  code: string;
}

function welcome(room: AnyRoom): Promise<Welcome> {
  return new Promise((resolve) => {
    const off = room.onMessage("welcome", (m: Welcome) => {
      off();
      resolve(m);
    });
  });
}

async function until(check: () => boolean, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}

interface Seen {
  cash: number;
  lots: string[];
}

function mine(room: AnyRoom, seat: string): Seen | undefined {
  const priv = room.state.companies?.get(seat)?.priv;
  return priv ? { cash: (priv.cashCents as number) / 100, lots: [...priv.lots.keys()].sort() } : undefined;
}

/** What the player's client saw on each tick: its own cash and lots. */
function watch(room: AnyRoom, seat: string): Map<number, Seen> {
  const seen = new Map<number, Seen>();
  room.onStateChange((state) => {
    const view = mine(room, seat);
    if (view) seen.set(state.tick as number, view);
  });
  return seen;
}

async function stopAll(): Promise<void> {
  // stop() on a process already gone (killed by the test) throws ESRCH: nothing left to stop then.
  for (const s of servers) await s.stop("SIGKILL").catch(() => undefined);
}

async function crashAndRestart(
  signal: NodeJS.Signals,
  pace: number,
  days: number,
): Promise<{ lastSeen: number; restoredTick: number }> {
  const first = await startTestServer(PORT);
  servers.push(first);
  const host = await new Client(first.ws).create("game", {
    scenario: "halving-2020",
    seats: 2,
    pace,
    visibility: "private",
    classroom: true,
    hostSecret: SECRET,
    name: "Ms Li",
  });
  const hostWelcome = await welcome(host);
  const player = await new Client(first.ws).joinById(host.roomId, { name: "Kai" });
  const w = await welcome(player);
  expect(w.seat).toBe("p1");
  const seen = watch(player, "p1");
  host.send("host", { action: { type: "start" } });
  await until(() => player.state.phase === "running" && player.state.tick > 2);

  // A few commands between ticks; each is acknowledged, so it must survive the crash.
  const acks: string[] = [];
  player.onMessage("ack", (m: { ref: string }) => acks.push(m.ref));
  player.send("command", { ref: "c1", command: { type: "orderMachines", model: "s17-pro", quantity: 10 } });
  player.send("command", { ref: "c2", command: { type: "setSellRatio", ratioBps: 5000 } });
  player.send("command", { ref: "c3", command: { type: "orderMachines", model: "s17-plus", quantity: 20 } });
  await until(() => acks.length === 3);
  const ordered = player.state.tick as number;
  await until(() => player.state.tick >= ordered + days);
  const lastSeen = player.state.tick as number;

  await first.stop(signal);
  const second = await startTestServer(PORT, first.dir);
  servers.push(second);

  const found = (await (await fetch(`${second.url}/api/code/${hostWelcome.code}`)).json()) as {
    roomId: string;
  };
  expect(found.roomId).toBe(host.roomId);
  const host2 = await new Client(second.ws).joinById(found.roomId, { name: "Ms Li", hostSecret: SECRET });
  expect((await welcome(host2)).role).toBe("host");
  const player2 = await new Client(second.ws).joinById(found.roomId, {
    name: "Kai",
    seatToken: w.seatToken ?? "",
  });
  const w2 = await welcome(player2);
  expect(w2).toMatchObject({ role: "player", seat: "p1", seatToken: w.seatToken, code: hostWelcome.code });
  await until(() => mine(player2, "p1") !== undefined && host2.state.companies.get("p1")?.connected === true);

  // Back paused: the host decides when play resumes. Nothing lost beyond the day in progress.
  expect(host2.state.phase).toBe("paused");
  const restoredTick = player2.state.tick as number;
  expect(restoredTick).toBeGreaterThanOrEqual(lastSeen - 1);
  const now = mine(player2, "p1");
  expect(now?.lots.length).toBe(2);
  const before = seen.get(restoredTick);
  if (before) expect(now).toEqual(before);
  else {
    // The server had stepped a day the client had not been sent yet: check it against the store.
    const rows = (await (
      await fetch(`${second.url}/api/export/${found.roomId}/company-days.json`, {
        headers: { "x-host-secret": SECRET },
      })
    ).json()) as { rows: { tick: number; company: string; cashUsd: number }[] };
    const row = rows.rows.find((r) => r.tick === restoredTick && r.company === "p1");
    expect(row?.cashUsd).toBe(now?.cash);
  }
  expect(host2.state.companies.get("p1")?.bot).toBe(false);

  // The game goes on.
  host2.send("host", { action: { type: "resume" } });
  await until(() => player2.state.phase === "running" && player2.state.tick >= restoredTick + 5);
  const acked = new Promise<void>((resolve) => player2.onMessage("ack", () => resolve()));
  player2.send("command", { ref: "after", command: { type: "setSellRatio", ratioBps: 2500 } });
  await acked;
  await Promise.all([player2.leave(), host2.leave()]);
  await second.stop();
  return { lastSeen, restoredTick };
}

describe("crash recovery", () => {
  // A failed run must not leave a server on the port for the next one.
  afterEach(stopAll);

  it("brings a game killed with SIGKILL back to its last day, seats and join code intact", async () => {
    const { lastSeen, restoredTick } = await crashAndRestart("SIGKILL", 16, 25);
    expect(restoredTick).toBeLessThanOrEqual(lastSeen + 2);
  }, 60_000);

  it("loses nothing on SIGTERM (Ctrl-C): the store is flushed before the process exits", async () => {
    // The shutdown writes everything: the game comes back at least where the clients last saw it.
    const { lastSeen, restoredTick } = await crashAndRestart("SIGTERM", 4, 12);
    expect(restoredTick).toBeGreaterThanOrEqual(lastSeen);
  }, 90_000);
});

describe("rebuilding from the store", () => {
  const dir = mkdtempSync(join(tmpdir(), "atlas-recovery-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("replays the stored log (bots' commands included, bots not asked again) to the same state hash", async () => {
    const url = `file:${join(dir, "atlas.db")}`;
    const store = SqlStore.open(url);
    const options = createOptionsSchema.parse({
      scenario: "halving-2020",
      seats: 4,
      hostSecret: SECRET,
      name: "Lab",
    });
    const session = GameSession.create(scenario("halving-2020"), options, "ABC234", 99);
    // Not awaited one by one: the writes queue in order and close() lands them all.
    void store.saveSession("room1", session);
    const joined = session.join("s1", { name: "Kai", role: "player" }, 0);
    if ("code" in joined) throw new Error(joined.message.en);
    session.host({ type: "start" });
    for (let day = 0; day < 100; day++) {
      if (day === 10) {
        session.command("s1", { type: "orderMachines", model: "s17-pro", quantity: 10 });
        void store.saveProgress("room1", session);
      }
      void store.recordDay("room1", session, session.tick());
    }
    session.command("s1", { type: "setSellRatio", ratioBps: 5000 }); // between ticks
    void store.saveProgress("room1", session);
    await store.close();

    const [game] = await SqlStore.open(url).runningGames();
    expect(game?.actions.length).toBe(session.log.actions.length);
    const rebuilt = rebuild(game!, scenario("halving-2020"));
    expect(rebuilt.snapshotMatches).toBe(true);
    expect(rebuilt.rejected).toBe(0);
    expect(stateHash(rebuilt.session.state)).toBe(stateHash(session.state));
    expect(rebuilt.session.phase).toBe("paused");

    // Only the token's hash was stored: the right token takes the seat back, a wrong one does not.
    const back = GameSession.restore(rebuilt.session, 1000);
    expect(back.join("s8", { name: "x", role: "player", seatToken: "wrong" }, 1000)).toMatchObject({
      role: "spectator",
      seat: null,
    });
    const token = joined.seatToken ?? "";
    expect(back.join("s9", { name: "x", role: "player", seatToken: token }, 1000)).toMatchObject({
      role: "player",
      seat: "p1",
      seatToken: token,
    });
  });
});
