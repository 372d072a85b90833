/**
 * The debrief against a real server process and real colyseus.js clients: a short game at high pace
 * with a student and a bot, ended by the host; the debrief's series cover exactly the days played, its
 * final equities are the room's, its decisions are the commands sent, it reads the same from the store
 * once the room has closed, and anyone without the right credential is refused with a reason.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { Client } from "colyseus.js";
import type { DebriefDenial, DebriefPayload } from "../../shared/protocol/debrief.ts";
import { next, until, type AnyRoom } from "../helpers/rooms.ts";
import { cleanup, startTestServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
const SECRET = "debrief-host-secret-0123456789";

beforeAll(async () => {
  server = await startTestServer(2591);
});
afterAll(async () => {
  await server.stop();
  cleanup(server);
});

async function get(
  roomId: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: DebriefPayload & DebriefDenial }> {
  const res = await fetch(`${server.url}/api/debrief/${roomId}`, { headers });
  return { status: res.status, body: (await res.json()) as DebriefPayload & DebriefDenial };
}

/** The debrief arrives gzipped to a client that takes it (fetch does, and unpacks it). */
async function gzipped(roomId: string): Promise<string | null> {
  const res = await fetch(`${server.url}/api/debrief/${roomId}`, {
    headers: { "x-host-secret": SECRET, "accept-encoding": "gzip" },
  });
  await res.arrayBuffer();
  return res.headers.get("content-encoding");
}

/** Sends a command and waits for its ack (or fails on the error that answers it). */
async function send(room: AnyRoom, ref: string, command: object): Promise<void> {
  const acked = next<{ ref: string }>(room, "ack");
  const failed = next<{ ref?: string; code: string }>(room, "error").then((e) => {
    throw new Error(`${ref} refused: ${e.code}`);
  });
  room.send("command", { ref, command });
  await Promise.race([acked, failed]);
}

describe("debrief", () => {
  let host: AnyRoom;
  let student: AnyRoom;
  let token = "";
  const sent: string[] = [];
  let live: DebriefPayload;

  it("plays a short game: the host sees the debrief while it runs, the student only after the end", async () => {
    host = await new Client(server.ws).create("game", {
      scenario: "halving-2020",
      seats: 2,
      pace: 16,
      visibility: "private",
      classroom: true,
      hostSecret: SECRET,
      name: "Ms Li",
    });
    await next(host, "welcome");
    host.onMessage("ended", () => undefined);
    student = await new Client(server.ws).joinById(host.roomId, { name: "Wei", role: "player" });
    token = (await next<{ seatToken: string }>(student, "welcome")).seatToken;
    host.send("host", { action: { type: "start" } });
    await until(() => student.state.phase === "running" && student.state.tick >= 2);
    for (const [ref, command] of [
      ["c1", { type: "setSellRatio", ratioBps: 5000 }],
      ["c2", { type: "orderMachines", model: "s17-pro", quantity: 20 }],
      ["c3", { type: "leaseCapacity", region: "us-texas", kw: 200 }],
    ] as const) {
      await send(student, ref, command);
      sent.push(command.type);
    }
    await until(() => host.state.tick >= 12);

    const running = await get(host.roomId, { "x-host-secret": SECRET });
    expect(running.status).toBe(200);
    expect(running.body.status).toBe("running");
    expect(running.body.access).toBe("host");
    expect(running.body.dates.length).toBeGreaterThanOrEqual(12);

    const early = await get(host.roomId, { "x-seat-token": token });
    expect(early.status).toBe(403);
    expect(early.body.code).toBe("NOT_ENDED");
    expect(early.body.message.zh.length).toBeGreaterThan(0);

    host.send("host", { action: { type: "hideNames", hide: true } });
    await until(() => host.state.hideNames === true);
    const ended = next<{ reason: string }>(student, "ended");
    host.send("host", { action: { type: "end" } });
    expect((await ended).reason).toBe("host");
    await until(() => host.state.phase === "ended");
  });

  it("covers exactly the days played, ends on the room's equities, and lists the commands sent", async () => {
    const { status, body } = await get(host.roomId, { "x-host-secret": SECRET });
    expect(status).toBe(200);
    expect(await gzipped(host.roomId)).toBe("gzip");
    live = body;
    const days = host.state.tick as number;
    expect(body.status).toBe("ended");
    expect(body.verified).toBe(true);
    expect(body.dates.length).toBe(days);
    for (const series of [
      ...body.equityUsd,
      ...body.carbonT,
      ...body.companyEhs,
      ...body.countries.ehs,
      ...body.countries.realEhs,
      ...Object.values(body.network),
    ])
      expect(series.length).toBe(days);
    expect(body.frames.at(-1)?.day).toBe(days - 1);
    expect(body.frames[0]?.sharePct.length).toBe(body.regionIds.length);
    // The class against history: halving-2020 lies inside the shipped real data.
    expect(body.network.realEhs.filter((x) => x !== null).length).toBeGreaterThan(days / 2);
    expect(body.network.realDifficulty.every((x) => x !== null && x > 1e12)).toBe(true);

    body.companies.forEach((c, i) => {
      const room = host.state.companies.get(c.id) as { equityCents: number; name: string };
      expect(body.final.equityUsd[i]).toBe(room.equityCents / 100);
    });
    // The host sees names even when they are hidden from the class.
    expect(body.companies.map((c) => c.name)).toEqual(["Wei", "Granite Mining"]);
    expect(body.companies.map((c) => c.bot)).toEqual([false, true]);

    const mine = body.decisions.filter((d) => d.seat === "p1");
    expect(mine.map((d) => d.type)).toEqual(sent);
    expect(mine[1]?.summary.en).toMatch(/^Ordered 20 × /);
    expect(mine[1]?.summary.zh).toMatch(/^订购 20 × /);
    expect(mine[2]?.summary.zh).toContain("兆瓦");
    expect(body.decisions.every((d) => d.day >= 0 && d.day <= days && d.date.length === 10)).toBe(true);
  });

  it("gives the student the ended game's debrief with hidden names and only public or own notices", async () => {
    const { status, body } = await get(host.roomId, { "x-seat-token": token });
    expect(status).toBe(200);
    expect(body.access).toBe("player");
    expect(body.seat).toBe("p1");
    expect(body.companies.map((c) => c.name)).toEqual(["Company 1", "Company 2"]);
    expect(body.events.every((e) => e.company === null || e.company === "p1")).toBe(true);
    expect(body.equityUsd).toEqual(live.equityUsd);
  });

  it("refuses the unauthorised with a clear reason", async () => {
    const none = await get(host.roomId);
    expect(none.status).toBe(401);
    expect(none.body.code).toBe("NO_CREDENTIALS");
    expect(none.body.error).toMatch(/host secret/);
    const wrong = await get(host.roomId, { "x-host-secret": "not-the-secret-at-all-000" });
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe("FORBIDDEN");
    const badToken = await get(host.roomId, { "x-seat-token": "x".repeat(24) });
    expect(badToken.status).toBe(403);
    // An unknown room is refused exactly as a wrong secret, so that room ids cannot be probed.
    const missing = await get("no-such-room", { "x-host-secret": "not-the-secret-at-all-000" });
    expect(missing.status).toBe(403);
    expect(missing.body).toEqual(wrong.body);
    const missingBare = await get("no-such-room");
    expect(missingBare.status).toBe(401);
    expect(missingBare.body).toEqual(none.body);
  });

  it("replays the same debrief from the store after a restart, when the room is long gone", async () => {
    await Promise.all([student.leave(), host.leave()]);
    // A new process on the same database: nothing cached, no room; only the stored log and progress.
    await server.stop();
    server = { ...(await startTestServer(2591, server.dir)), port: 2591, dir: server.dir };
    const { status, body } = await get(`${host.roomId}?secret=${SECRET}`);
    expect(status).toBe(200);
    expect(body.dates).toEqual(live.dates);
    expect(body.equityUsd).toEqual(live.equityUsd);
    expect(body.final.equityUsd).toEqual(live.final.equityUsd);
    expect(body.decisions).toEqual(live.decisions);
    expect(body.verified).toBe(true);
    const asStudent = await get(host.roomId, { "x-seat-token": token });
    expect(asStudent.status).toBe(200);
    expect(asStudent.body.companies[0]?.name).toBe("Company 1");
  });

  it("answers 409 with the reason for a game recorded by another engine version", async () => {
    // As if the game had been played before an engine upgrade: its log says another version.
    await server.stop();
    const db = createClient({ url: `file:${join(server.dir, "atlas.db")}` });
    const row = await db.execute({
      sql: "select header from log_headers where room_id = ?",
      args: [host.roomId],
    });
    const header = JSON.parse(String(row.rows[0]?.header)) as { engineVersion: string };
    header.engineVersion = "0.9.0";
    await db.execute({
      sql: "update log_headers set header = ? where room_id = ?",
      args: [JSON.stringify(header), host.roomId],
    });
    db.close();
    server = { ...(await startTestServer(2591, server.dir)), port: 2591, dir: server.dir };
    const res = await fetch(`${server.url}/api/debrief/${host.roomId}?secret=${SECRET}`);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: string }).error).toMatch(/recorded by engine 0\.9\.0/);
  });
});
