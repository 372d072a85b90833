/**
 * What a player's screen is told about the connection (client/src/ui/veil.ts shows it over the game):
 * a student the host removes hears "removed" (before, the socket closed like a voluntary leave and the
 * screen froze); when the server stops and comes back, the page says "reconnecting", then "lost", and
 * takes its seat back by itself once the server returns. The client's own GameServer in Node against a
 * real server on loopback, restarted on the same database.
 */
import { afterAll, describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import { GameServer, type Connection } from "../../client/src/net/Server.ts";
import { SeatStore } from "../../client/src/net/storage.ts";
import { memoryStorage } from "../helpers/storage.ts";
import { veilFor } from "../../client/src/ui/veil.ts";
import { until, welcome } from "../helpers/rooms.ts";
import { cleanup, startTestServer, type TestServer } from "../helpers/server.ts";

const PORT = 2762;
let server: TestServer | null = null;
afterAll(async () => {
  if (server) {
    await server.stop();
    cleanup(server);
  }
});

async function classWithStudent(s: TestServer) {
  const host = await new Client(s.ws).create("game", {
    scenario: "halving-2020",
    seats: 2,
    pace: 0.25,
    classroom: true,
    hostSecret: "veil-secret-0123456789",
    name: "Class",
  });
  await welcome(host);
  const student = new GameServer(new SeatStore(memoryStorage()), s.url);
  const seen: Connection[] = [];
  student.events.on("connection", (c) => seen.push(c));
  await student.joinRoom(host.roomId, "Mei");
  await until(() => student.welcome?.seat === "p1");
  return { host, student, seen };
}

describe("the connection as the screen shows it", () => {
  it("tells a removed student so, instead of freezing", async () => {
    server = await startTestServer(PORT);
    const { host, student, seen } = await classWithStudent(server);
    host.send("host", { action: { type: "kick", seat: "p1" } });
    await until(() => seen.includes("removed"));
    expect(veilFor("removed")).toBe("removed");
    expect(seen).not.toContain("reconnecting");
    await host.leave();
    void student;
  }, 60_000);

  it("says the server is away, then comes back by itself when it returns", async () => {
    const s = server as TestServer;
    const { host, student, seen } = await classWithStudent(s);
    host.send("host", { action: { type: "start" } });
    await until(() => student.view?.phase === "running");
    await s.stop();
    await until(() => seen.includes("lost"), 60_000).catch((e) => {
      throw new Error(`${String(e)} seen: ${seen.join(",")}`);
    });
    expect(seen.slice(-2)).toEqual(["reconnecting", "lost"]);
    expect(veilFor("lost")).toBe("lost");
    server = { ...(await startTestServer(PORT, s.dir)), port: PORT, dir: s.dir };
    await until(() => seen.at(-1) === "reconnected", 60_000).catch((e) => {
      throw new Error(`${String(e)} seen: ${seen.join(",")}`);
    });
    expect(student.welcome?.seat).toBe("p1");
    expect(veilFor("reconnected")).toBeNull();
    await student.leave();
  }, 120_000);
});
