/**
 * Hostile messages are answered, never amplified, never stored. Unknown types were answered without
 * limit with the sender's type name echoed in two languages; accepted commands kept unknown fields
 * (8 KB of junk stored with each); frames that did not decode, or were deeply nested, closed the
 * sender's socket (4002) instead of an answer.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import { next, until, welcome, type AnyRoom } from "../helpers/rooms.ts";
import { cleanup, startTestServer, type TestServer } from "../helpers/server.ts";

const SECRET = "hostile-secret-0123456789";
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(2747);
});
afterAll(async () => {
  await server.stop();
  cleanup(server);
});

interface Game {
  host: AnyRoom;
  player: AnyRoom;
  errors: { ref?: string; code: string; message: { en: string; zh: string } }[];
  closed: number | null;
}

async function game(): Promise<Game> {
  const host = await new Client(server.ws).create("game", {
    scenario: "halving-2020",
    seats: 2,
    pace: 1,
    hostSecret: SECRET,
    name: "Lab",
  });
  await welcome(host);
  const player = await new Client(server.ws).joinById(host.roomId, { name: "Kai" });
  await welcome(player);
  host.send("host", { action: { type: "start" } });
  await until(() => player.state.phase === "running");
  const g: Game = { host, player, errors: [], closed: null };
  player.onMessage("error", (m: Game["errors"][number]) => g.errors.push(m));
  player.onLeave((code) => (g.closed = code));
  return g;
}

/** A ROOM_DATA frame (code 13) of type "command" whose body is `body`, as raw bytes. */
function frame(body: number[]): Uint8Array {
  const type = [...Buffer.from("command")];
  return Uint8Array.from([13, 0xa0 | type.length, ...type, ...body]);
}

describe("hostile messages", () => {
  it("counts unknown types against the rate limit and answers without echoing them", async () => {
    const g = await game();
    const junk = "<script>x</script>".repeat(3);
    for (let i = 0; i < 60; i++) g.player.send(`${junk}${i}`, { a: 1 });
    await until(() => g.errors.length === 60);
    const codes = new Set(g.errors.map((e) => e.code));
    expect([...codes].sort()).toEqual(["RATE_LIMITED", "UNKNOWN_MESSAGE"]);
    expect(g.errors.filter((e) => e.code === "UNKNOWN_MESSAGE").length).toBeLessThanOrEqual(40);
    for (const e of g.errors) expect(JSON.stringify(e)).not.toContain("script");
    expect(g.closed).toBeNull();
    await Promise.all([g.player.leave(), g.host.leave()]);
  });

  it("stores an accepted command without the fields it does not know", async () => {
    const g = await game();
    const acked = next<{ ref: string }>(g.player, "ack");
    g.player.send("command", {
      ref: "junk",
      command: { type: "setSellRatio", ratioBps: 2500, junk: "x".repeat(4000), nested: { deeper: [1, 2] } },
    });
    expect((await acked).ref).toBe("junk");
    const rows = (await (
      await fetch(`${server.url}/api/export/${g.host.roomId}/commands.json`, {
        headers: { "x-host-secret": SECRET },
      })
    ).json()) as { rows: { command: string }[] };
    const stored = rows.rows.map((r) => JSON.parse(r.command) as Record<string, unknown>);
    expect(stored).toContainEqual({ type: "setSellRatio", ratioBps: 2500 });
    expect(JSON.stringify(stored)).not.toContain("junk");
    await Promise.all([g.player.leave(), g.host.leave()]);
  });

  it("answers too-large and undecodable frames instead of closing the socket; over 64 KB the transport closes", async () => {
    const g = await game();
    g.player.send("command", { ref: "big9", command: { type: "setSellRatio", pad: "x".repeat(9 * 1024) } });
    g.player.send("command", { ref: "big60", command: { type: "setSellRatio", pad: "x".repeat(60 * 1024) } });
    g.player.connection.send(frame([0xc1])); // 0xc1 is never used in msgpack: cannot decode
    g.player.connection.send(frame([0x92, 0x01])); // an array of two with one element: truncated
    g.player.connection.send(frame(Array.from({ length: 8000 }, () => 0x91).concat([0xc0]))); // 8,000 deep
    await until(() => g.errors.length === 5);
    expect(g.errors.map((e) => e.code)).toEqual([
      "TOO_LARGE",
      "TOO_LARGE",
      "MALFORMED",
      "MALFORMED",
      expect.stringMatching(/MALFORMED|TOO_LARGE/),
    ]);
    expect(g.closed).toBeNull();
    // Still a working connection.
    const acked = next<{ ref: string }>(g.player, "ack");
    g.player.send("command", { ref: "fine", command: { type: "setSellRatio", ratioBps: 7500 } });
    expect((await acked).ref).toBe("fine");
    // Past the transport's limit the WebSocket itself closes (1009), as docs/protocol.md says.
    g.player.send("command", { ref: "huge", command: { pad: "x".repeat(1024 * 1024) } });
    await until(() => g.closed !== null);
    expect(g.closed).toBe(1009);
    await g.host.leave();
  });
});
