/**
 * Stand-ins and seats over a real server on loopback, with colyseus.js clients (issue #12 §1): a reload
 * keeps everything as it was; a bot the host puts in is told to the student, refuses the student's own
 * commands, is logged as a stand-in's, and the student takes the seat back (unless locked) and reads what
 * it did; the host gives a seat to a connected spectator by name (the old token stops working).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import { next, until, welcome, type AnyRoom, type Welcome } from "../helpers/rooms.ts";
import { cleanup, startTestServer, type TestServer } from "../helpers/server.ts";

const SECRET = "stand-ins-secret-0123456789";
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(2771);
});
afterAll(async () => {
  await server.stop();
  cleanup(server);
});

interface Roster {
  seats: { seat: string; kind: string; holder: boolean; locked: boolean; kicked: boolean }[];
  people: { id: string; name: string; role: string; seat: string | null }[];
}

/** Seat p1's stored commands, with who gave them (the host's JSON export: the log as stored). */
async function p1Commands(roomId: string): Promise<(string | null)[]> {
  const r = await fetch(`${server.url}/api/export/${roomId}/commands.json`, {
    headers: { "x-host-secret": SECRET },
  });
  const rows = ((await r.json()) as { rows: { actor: string }[] }).rows;
  return rows
    .map((row) => JSON.parse(row.actor) as { companyId?: string; by?: string })
    .filter((a) => a.companyId === "p1")
    .map((a) => a.by ?? null);
}

async function game(): Promise<{ host: AnyRoom; student: AnyRoom; token: string }> {
  const host = await new Client(server.ws).create("game", {
    scenario: "sandbox",
    seats: 2,
    pace: 16,
    classroom: true,
    hostSecret: SECRET,
    name: "Class",
  });
  await welcome(host);
  const student = await new Client(server.ws).joinById(host.roomId, { name: "Ana" });
  const w = await welcome(student);
  expect(w.seat).toBe("p1");
  host.send("host", { action: { type: "start" } });
  await until(() => host.state.phase === "running");
  return { host, student, token: w.seatToken ?? "" };
}

describe("stand-ins and seats (loopback)", () => {
  it("a reload keeps the seat and nothing is done in the student's name", async () => {
    const { host, student, token } = await game();
    student.connection.close(); // a reload: the socket drops without leaving
    const back = await new Client(server.ws).joinById(host.roomId, { name: "Ana", seatToken: token });
    expect((await welcome(back)).seat).toBe("p1");
    const day = host.state.tick as number;
    await until(() => (host.state.tick as number) >= day + 30);
    expect(await p1Commands(host.roomId)).toEqual([]);
    await Promise.all([back.leave(), host.leave()]);
  }, 60_000);

  it("a bot the host puts in is told to the student, marked as a stand-in's, and taken back", async () => {
    const { host, student } = await game();
    const told = next<{ bot: boolean; locked: boolean }>(student, "seat");
    host.send("host", { ref: "b", action: { type: "botSeat", seat: "p1", strategy: "efficiency" } });
    expect(await told).toEqual({ bot: true, locked: false });
    const refused = next<{ code: string }>(student, "error");
    student.send("command", { ref: "c", command: { type: "setSellRatio", ratioBps: 1234 } });
    expect((await refused).code).toBe("BAD_SEAT");
    // The bot acts (counted in stored commands, not in seconds); each is marked as a stand-in's.
    const deadline = Date.now() + 30_000;
    let by: (string | null)[] = [];
    while (by.length === 0 && Date.now() < deadline) by = await p1Commands(host.roomId);
    expect(by.length).toBeGreaterThan(0);
    expect(by.every((b) => b === "standIn")).toBe(true);
    const standing = next<{ bot: boolean }>(student, "seat");
    const away = next<{ actions: { by: string; text: { en: string } }[] }>(student, "away");
    student.send("takeSeat", { ref: "t" });
    expect((await standing).bot).toBe(false);
    const summary = await away;
    expect(summary.actions.length).toBeGreaterThan(0);
    expect(summary.actions.every((a) => a.by === "standIn" && a.text.en.length > 0)).toBe(true);
    // Locked: the student may not take it back; the host gives it back.
    host.send("host", { action: { type: "botSeat", seat: "p1", lock: true } });
    expect(await next<{ locked: boolean }>(student, "seat")).toMatchObject({ bot: true, locked: true });
    const no = next<{ ref: string; code: string }>(student, "error");
    student.send("takeSeat", { ref: "t2" });
    expect(await no).toMatchObject({ ref: "t2", code: "BAD_SEAT" });
    host.send("host", { action: { type: "humanSeat", seat: "p1" } });
    expect(await next<{ bot: boolean }>(student, "seat")).toMatchObject({ bot: false });
    await Promise.all([student.leave(), host.leave()]);
  }, 60_000);

  it("the host gives a seat to a connected spectator by name: the old token stops working", async () => {
    const { host, student, token } = await game();
    const listed = new Promise<Roster>((resolve) => {
      const off = host.onMessage("roster", (r: Roster) => {
        if (r.people.some((p) => p.name === "Ana tablet")) {
          off();
          resolve(r);
        }
      });
    });
    const tablet = await new Client(server.ws).joinById(host.roomId, {
      name: "Ana tablet",
      role: "spectator",
    });
    expect((await welcome(tablet)).role).toBe("spectator");
    const id = (await listed).people.find((p) => p.name === "Ana tablet")?.id ?? "";
    const seated = welcome(tablet);
    const demoted = welcome(student);
    host.send("host", { action: { type: "assignSeat", seat: "p1", to: id } });
    const given: Welcome = await seated;
    expect(given).toMatchObject({ role: "player", seat: "p1" });
    expect(given.seatToken).not.toBe(token);
    expect(await demoted).toMatchObject({ role: "spectator", seat: null });
    const old = await new Client(server.ws).joinById(host.roomId, {
      name: "Ana",
      seatToken: token,
      role: "spectator",
    });
    expect((await welcome(old)).seat).toBeNull();
    await Promise.all([old.leave(), tablet.leave(), student.leave(), host.leave()]);
  }, 60_000);
});
