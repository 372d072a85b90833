/**
 * Bot levels in seats (issue #14 §1): the host hands a seat to a bot at a level, over a real server on
 * loopback with colyseus.js clients; the roster shows the seat's strategy with its level, the bot plays
 * under that name, and changing only the level keeps the strategy. The seat keeps the full name, which
 * is what the store saves.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import { createOptionsSchema } from "../../shared/protocol/index.ts";
import { GameSession } from "../../server/game/session.ts";
import { scenario } from "../helpers/game.ts";
import { until, welcome, type AnyRoom } from "../helpers/rooms.ts";
import { cleanup, startTestServer, type TestServer } from "../helpers/server.ts";

const SECRET = "bot-levels-secret-0123456789";
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(2931);
});
afterAll(async () => {
  await server.stop();
  cleanup(server);
});

interface Roster {
  seats: { seat: string; kind: string; strategy?: string }[];
}

/** The host's next roster in which seat p1's strategy is `want`. */
function rosterWith(host: AnyRoom, want: string): Promise<Roster> {
  return new Promise((resolve) => {
    const off = host.onMessage("roster", (r: Roster) => {
      if (r.seats.find((s) => s.seat === "p1")?.strategy === want) {
        off();
        resolve(r);
      }
    });
  });
}

/** How many commands seat p1's bot gave (the host's JSON export of the stored log). */
async function p1Commands(roomId: string): Promise<number> {
  const r = await fetch(`${server.url}/api/export/${roomId}/commands.json`, {
    headers: { "x-host-secret": SECRET },
  });
  const rows = ((await r.json()) as { rows: { actor: string }[] }).rows;
  return rows.filter((row) => (JSON.parse(row.actor) as { companyId?: string }).companyId === "p1").length;
}

describe("bot levels in seats (loopback)", () => {
  it("the host picks a bot's strategy and level per seat; the roster shows them; the bot plays", async () => {
    const host = await new Client(server.ws).create("game", {
      scenario: "sandbox",
      seats: 2,
      pace: 16,
      hostSecret: SECRET,
      name: "Levels",
    });
    await welcome(host);
    host.send("host", { action: { type: "start" } });
    await until(() => host.state.phase === "running");
    const hard = rosterWith(host, "hard:cheap-power");
    host.send("host", { action: { type: "botSeat", seat: "p1", strategy: "cheap-power", level: "hard" } });
    expect((await hard).seats[0]).toMatchObject({ seat: "p1", kind: "bot", strategy: "hard:cheap-power" });
    // Only the level changes: the strategy stays.
    const easy = rosterWith(host, "easy:cheap-power");
    host.send("host", { action: { type: "botSeat", seat: "p1", level: "easy" } });
    await easy;
    // The bot plays under its prefixed name: its commands are stored (counted, not timed).
    // (The seat was a bot's from the start: more commands after the change show the prefixed bot acts.)
    const before = await p1Commands(host.roomId);
    const deadline = Date.now() + 60_000;
    let given = before;
    while (given === before && Date.now() < deadline) given = await p1Commands(host.roomId);
    expect(given).toBeGreaterThan(before);
    // Back to normal: stored without a prefix.
    const normal = rosterWith(host, "cheap-power");
    host.send("host", { action: { type: "botSeat", seat: "p1", level: "normal" } });
    await normal;
    await host.leave();
  }, 90_000);
});

describe("a seat's strategy name", () => {
  const options = createOptionsSchema.parse({
    scenario: "sandbox",
    seats: 2,
    hostSecret: SECRET,
    name: "Lab",
  });

  it("keeps the level with the strategy; a strategy's own prefix counts unless a level is named", () => {
    const s = GameSession.create(scenario("sandbox"), options, "ABC234", 7);
    s.host({ type: "botSeat", seat: "p1", strategy: "hard:trader" });
    expect(s.seats[0]?.strategy).toBe("hard:trader");
    s.host({ type: "botSeat", seat: "p1", strategy: "efficiency", level: "easy" });
    expect(s.seats[0]?.strategy).toBe("easy:efficiency");
    // An unknown strategy keeps the seat's; the level named still applies.
    s.host({ type: "botSeat", seat: "p1", strategy: "./mine.ts", level: "hard" });
    expect(s.seats[0]?.strategy).toBe("hard:efficiency");
  });
});
