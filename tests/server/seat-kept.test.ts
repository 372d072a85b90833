/**
 * The reload-and-click-Join trap: a student holding a seat reloads, and instead of "Resume" clicks the
 * game's Join button (or types its code). With the browser's stored seat token the client's façade takes
 * the seat back; before, it joined as a newcomer, became a spectator and overwrote the token for good.
 * Real server on loopback, the client's own GameServer and SeatStore in Node.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import { GameServer } from "../../client/src/net/Server.ts";
import { SeatStore } from "../../client/src/net/storage.ts";
import { memoryStorage } from "../helpers/storage.ts";
import { until, welcome } from "../helpers/rooms.ts";
import { cleanup, startTestServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(2761);
});
afterAll(async () => {
  await server.stop();
  cleanup(server);
});

describe("a student who reloads and clicks Join", () => {
  it("gets the same seat back, not a spectator's place", async () => {
    const host = await new Client(server.ws).create("game", {
      scenario: "halving-2020",
      seats: 2,
      pace: 0.25,
      hostSecret: "seat-kept-secret-0123456789",
      name: "Class",
    });
    await welcome(host);
    const kv = memoryStorage();
    const first = new GameServer(new SeatStore(kv), server.url);
    await first.joinRoom(host.roomId, "Mei");
    await until(() => first.welcome?.seat === "p1");
    host.send("host", { action: { type: "start" } });
    await until(() => host.state.phase === "running");

    // The tab closes without leaving (a reload), and a new page clicks the listed game's Join.
    (first as unknown as { room: { connection: { close(): void } } }).room.connection.close();
    const second = new GameServer(new SeatStore(kv), server.url);
    await second.joinRoom(host.roomId, "Mei");
    await until(() => second.welcome !== null);
    expect(second.welcome?.seat).toBe("p1");
    expect(second.welcome?.role).toBe("player");
    expect(new SeatStore(kv).last()?.seatToken).toBeTruthy();
    await second.leave();
    await host.leave();
  }, 60_000);
});
