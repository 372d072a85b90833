/**
 * Reconnection: a dropped player's seat is kept for the window, visibly, with nobody acting in it; a
 * reload with the stored seat token takes the same seat back; after the window a bot takes the seat.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import { until, welcome } from "../helpers/rooms.ts";
import { cleanup, startTestServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(2572);
});
afterAll(async () => {
  await server.stop();
  cleanup(server);
});

const SECRET = "reconnect-secret-0123456789";

describe("reconnection", () => {
  it("keeps the seat for a reload within the window, and after it (no bot takes it)", async () => {
    const host = await new Client(server.ws).create("game", {
      scenario: "halving-2020",
      seats: 2,
      pace: 8,
      reconnectSeconds: 5,
      hostSecret: SECRET,
      name: "Host",
    });
    const first = await new Client(server.ws).joinById(host.roomId, { name: "Kai" });
    const w1 = await welcome(first);
    expect(w1.seat).toBe("p1");
    host.send("host", { action: { type: "start" } });
    await until(() => host.state.phase === "running");
    await until(() => host.state.companies.get("p1")?.connected === true);

    // The page reloads: the socket drops without saying goodbye; the seat is kept, nobody acts in it.
    first.connection.close();
    await until(() => host.state.companies.get("p1")?.connected === false);
    expect(host.state.companies.get("p1")?.bot).toBe(false);
    expect(host.state.companies.get("p1")?.away).toBe(true); // shown as away, not as a bot's seat

    const again = await new Client(server.ws).joinById(host.roomId, {
      name: "Kai",
      seatToken: w1.seatToken ?? "",
    });
    const w2 = await welcome(again);
    expect(w2.seat).toBe("p1");
    expect(w2.seatToken).toBe(w1.seatToken);
    await until(() => host.state.companies.get("p1")?.connected === true);
    expect(host.state.companies.get("p1")?.bot).toBe(false);
    expect(host.state.companies.get("p1")?.away).toBe(false);

    // Away for longer than the window: the seat is still Kai's (kept for good) and nobody plays it; his
    // token takes it back. More than 5 s have passed once 48 days have (ticks never outrun 8 a second).
    again.connection.close();
    await until(() => host.state.companies.get("p1")?.connected === false);
    const day = host.state.tick as number;
    await until(() => (host.state.tick as number) >= day + 48, 30_000);
    expect(host.state.companies.get("p1")?.away).toBe(true);
    expect(host.state.companies.get("p1")?.bot).toBe(false);
    const late = await new Client(server.ws).joinById(host.roomId, {
      name: "Kai",
      seatToken: w1.seatToken ?? "",
    });
    const w3 = await welcome(late);
    expect(w3.seat).toBe("p1");
    expect(host.state.companies.get("p1")?.bot).toBe(false);
    await Promise.all([late.leave(), host.leave()]);
  });

  it("gives a host who also plays their host powers back on a quick reconnect, and the empty game resumes", async () => {
    const host = await new Client(server.ws).create("game", {
      scenario: "halving-2020",
      seats: 2,
      pace: 8,
      hostPlays: true,
      hostSecret: SECRET,
      name: "Friends",
      nickname: "Ana",
    });
    const w = await welcome(host);
    expect(w).toMatchObject({ role: "host", seat: "p1" });
    host.send("host", { action: { type: "start" } });
    await until(() => host.state.phase === "running");
    const token = host.reconnectionToken;
    host.connection.close(); // the only person leaves: the game pauses and waits
    const back = await reconnectWhenReady(token);
    await until(() => back.state.phase === "running"); // the host's return resumes it
    const acked = new Promise<string>((resolve) =>
      back.onMessage("ack", (m: { ref: string }) => resolve(m.ref)),
    );
    back.send("host", { ref: "p", action: { type: "pause" } });
    expect(await acked).toBe("p"); // still the host
    await until(() => back.state.phase === "paused");
    await back.leave();
  });
});

/** As the real client does: retry until the server has seen the drop and holds the place (15 s at most). */
async function reconnectWhenReady(token: string) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      return await new Client(server.ws).reconnect(token);
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
