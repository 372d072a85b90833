/**
 * The game room with real colyseus.js clients over loopback: create and join (public and by code),
 * commands and state sync, private state kept private, host-only controls, malformed messages
 * answered without a disconnect, bots in empty seats, exports.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import { next, until, type AnyRoom } from "../helpers/rooms.ts";
import { cleanup, startTestServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
const SECRET = "teacher-secret-0123456789";

beforeAll(async () => {
  server = await startTestServer(2571);
});
afterAll(async () => {
  await server.stop();
  cleanup(server);
});

async function createPrivateGame(): Promise<{
  host: AnyRoom;
  welcome: { role: string; seat: string | null; code: string };
}> {
  const client = new Client(server.ws);
  const host = await client.create("game", {
    scenario: "halving-2020",
    seats: 3,
    pace: 16,
    visibility: "private",
    classroom: true,
    hostSecret: SECRET,
    name: "Ms Li",
  });
  const welcome = await next<{ role: string; seat: string | null; code: string }>(host, "welcome");
  return { host, welcome };
}

describe("rooms, seats and sync", () => {
  it("creates a private room with a join code; a student joins by code and gets a seat", async () => {
    const { host, welcome } = await createPrivateGame();
    expect(welcome.role).toBe("host");
    expect(welcome.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
    const listed = (await (await fetch(`${server.url}/api/rooms`)).json()) as { roomId: string }[];
    expect(listed.some((r) => r.roomId === host.roomId)).toBe(false); // private rooms are not listed
    const found = (await (await fetch(`${server.url}/api/code/${welcome.code}`)).json()) as {
      roomId: string;
    };
    expect(found.roomId).toBe(host.roomId);
    const student = await new Client(server.ws).joinById(found.roomId, { name: "Wei", role: "player" });
    const w = await next<{ role: string; seat: string; seatToken: string }>(student, "welcome");
    expect(w.role).toBe("player");
    expect(w.seat).toBe("p1");
    expect(w.seatToken.length).toBeGreaterThan(15);
    await student.leave();
    await host.leave();
  });

  it("syncs commands into state, keeps each company's private details private, refuses host powers to players", async () => {
    const { host } = await createPrivateGame();
    const a = await new Client(server.ws).joinById(host.roomId, { name: "Ana" });
    const b = await new Client(server.ws).joinById(host.roomId, { name: "Bo" });
    const denied = next<{ code: string; message: { en: string; zh: string } }>(a, "error");
    a.send("host", { ref: "x1", action: { type: "start" } });
    expect((await denied).code).toBe("NOT_HOST");
    const acked = next<{ ref: string }>(host, "ack");
    host.send("host", { ref: "go", action: { type: "start" } });
    expect((await acked).ref).toBe("go");
    await until(() => a.state.phase === "running" && a.state.tick > 0);
    // Ana orders machines; her cash moves, and Bo cannot see her cash at all.
    const cashBefore = () => a.state.companies.get("p1")?.priv?.cashCents as number;
    await until(() => typeof cashBefore() === "number");
    const start = cashBefore();
    a.send("command", { ref: "o1", command: { type: "orderMachines", model: "s17-pro", quantity: 10 } });
    await until(() => cashBefore() < start);
    expect(a.state.companies.get("p1").priv.lots.size).toBe(1);
    expect(b.state.companies.get("p1")?.priv).toBeUndefined();
    expect(b.state.companies.get("p2")?.priv?.cashCents).toBeGreaterThan(0);
    // The host sees everyone (its own copy gets the same patch, maybe a moment later: wait for it).
    await until(() => host.state.companies.get("p1")?.priv?.cashCents === cashBefore());
    expect(a.state.companies.get("p3")?.bot).toBe(true); // the empty seat went to a bot at start
    await Promise.all([a.leave(), b.leave(), host.leave()]);
  });

  it("answers malformed and illegal messages with a reason, and keeps the connection", async () => {
    const { host } = await createPrivateGame();
    const a = await new Client(server.ws).joinById(host.roomId, { name: "Eve" });
    const errors: { code: string }[] = [];
    a.onMessage("error", (m: { code: string }) => errors.push(m));
    a.send("command", "not an object");
    a.send("command", { ref: "r", command: { type: "orderMachines", model: "s19-pro", quantity: -3 } });
    a.send("nonsense", { x: 1 });
    a.send("host", { action: { type: "launch-missiles" } });
    a.send("command", { command: { type: "setSellRatio", ratioBps: 0 } }); // before start: not running
    await until(() => errors.length >= 5);
    expect(errors.map((e) => e.code)).toEqual([
      "MALFORMED",
      "NOT_RUNNING",
      "UNKNOWN_MESSAGE",
      "MALFORMED",
      "NOT_RUNNING",
    ]);
    expect(a.connection.isOpen).toBe(true);
    await Promise.all([a.leave(), host.leave()]);
  });
});

describe("exports", () => {
  it("gives the host CSV and JSON stamped with scenario hash, seed and version; others get 403", async () => {
    const { host } = await createPrivateGame();
    host.send("host", { action: { type: "start" } });
    await until(() => host.state.tick >= 5);
    host.send("host", { action: { type: "pause" } });
    await until(() => host.state.phase === "paused");
    await new Promise((r) => setTimeout(r, 300));
    const base = `${server.url}/api/export/${host.roomId}/company-days`;
    expect((await fetch(`${base}.csv`)).status).toBe(403);
    const csv = await (await fetch(`${base}.csv`, { headers: { "x-host-secret": SECRET } })).text();
    const [header, ...rows] = csv.trim().split("\n");
    expect(header).toContain("scenarioHash");
    expect(header).toContain("seed");
    expect(header).toContain("engineVersion");
    expect(rows.length).toBeGreaterThanOrEqual(3 * 4); // three companies, at least four days
    const body = (await (await fetch(`${base}.json?secret=${SECRET}`)).json()) as {
      rows: { scenarioHash: string }[];
    };
    expect(body.rows[0]?.scenarioHash).toMatch(/^[0-9a-f]{64}$/);
    await host.leave();
  });
});
