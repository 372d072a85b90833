/**
 * The lobby's class-sized world setting survives a restart: the host switches a full-sized game to a
 * class-sized world, the server stops (SIGTERM) and comes back from its store, and the game it brings
 * back still has the setting, which the start then applies.
 */
import { afterAll, describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import { next, until } from "../helpers/rooms.ts";
import { cleanup, startTestServer, type TestServer } from "../helpers/server.ts";

const SECRET = "classworld-restart-0123456789";
const PORT = 2893;
const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop("SIGKILL").catch(() => undefined);
  for (const s of servers) cleanup(s);
});

describe("the class-sized world setting across a restart", () => {
  it("is stored when the host changes it in the lobby, and applied at the start after the restart", async () => {
    const first = await startTestServer(PORT);
    servers.push(first);
    const host = await new Client(first.ws).create("game", {
      scenario: "halving-2020",
      seats: 1,
      pace: 16,
      visibility: "private",
      hostSecret: SECRET,
      name: "Restart",
    });
    const { code } = await next<{ code: string }>(host, "welcome");
    host.send("host", { action: { type: "worldSize", size: "class" } });
    await until(() => host.state.classWorld === true);
    await first.stop("SIGTERM");

    const second = await startTestServer(PORT, first.dir);
    servers.push(second);
    const found = (await (await fetch(`${second.url}/api/code/${code}`)).json()) as { roomId: string };
    const back = await new Client(second.ws).joinById(found.roomId, { name: "Host", hostSecret: SECRET });
    await next(back, "welcome");
    await until(() => back.state.tick === 0 && back.state.classWorld === true);
    back.send("host", { action: { type: "start" } });
    await until(() => (back.state.tick as number) >= 1);
    expect(back.state.classWorld).toBe(true);
    await back.leave();
  });
});
