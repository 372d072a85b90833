/**
 * What clients decode equals what the server holds: after a stretch of play with commands, and again for
 * a client that reconnects (schema 3 once had decode bugs on exactly these paths). Also the realtime
 * lobby: the LobbyRoom announces a new public room.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import { next, until, welcome } from "../helpers/rooms.ts";
import { cleanup, startTestServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
const ADMIN = "sync-admin-secret-0123456789";
const SECRET = "sync-host-secret-0123456789";

beforeAll(async () => {
  server = await startTestServer(2587, undefined, { ADMIN_SECRET: ADMIN });
});
afterAll(async () => {
  await server.stop();
  cleanup(server);
});

async function serverState(roomId: string): Promise<unknown> {
  const res = await fetch(`${server.url}/api/debug/state/${roomId}`, {
    headers: { "x-admin-secret": ADMIN },
  });
  expect(res.status).toBe(200);
  return res.json();
}

describe("state sync", () => {
  it("the host's decoded state equals the server's, after play and after a reconnect", async () => {
    const host = await new Client(server.ws).create("game", {
      scenario: "exodus-2021",
      seats: 3,
      pace: 16,
      hostSecret: SECRET,
      name: "Sync",
    });
    await welcome(host);
    const player = await new Client(server.ws).joinById(host.roomId, { name: "Pat" });
    await welcome(player);
    host.send("host", { action: { type: "start" } });
    await until(() => host.state.tick >= 3);
    for (const [i, command] of [
      { type: "orderMachines", model: "s19-pro", quantity: 20 },
      { type: "setSellRatio", ratioBps: 2_500 },
      { type: "orderMachines", model: "s19", quantity: 7 },
    ].entries()) {
      player.send("command", { ref: `c${i}`, command });
      await next(player, "ack");
    }
    await until(() => host.state.tick >= 40, 20_000);
    host.send("host", { ref: "p", action: { type: "pause" } });
    await next(host, "ack");
    await new Promise((r) => setTimeout(r, 400)); // let the last patch land
    expect(host.state.toJSON()).toEqual(await serverState(host.roomId));

    // The host's page reloads: a new connection with the host secret decodes the full state afresh.
    host.connection.close();
    const again = await new Client(server.ws).joinById(host.roomId, { name: "Sync", hostSecret: SECRET });
    await welcome(again);
    await new Promise((r) => setTimeout(r, 400));
    expect(again.state.toJSON()).toEqual(await serverState(again.roomId));
    await Promise.all([again.leave(), player.leave()]);
  });

  it("announces a new public room to clients in the lobby", async () => {
    const watcher = await new Client(server.ws).joinOrCreate("lobby");
    const seen: string[] = [];
    watcher.onMessage("+", ([roomId]: [string, unknown]) => seen.push(roomId));
    watcher.onMessage("rooms", () => undefined);
    const host = await new Client(server.ws).create("game", {
      scenario: "sandbox",
      hostSecret: SECRET,
      name: "Open",
    });
    await until(() => seen.includes(host.roomId), 5_000);
    await Promise.all([host.leave(), watcher.leave()]);
  });
});
