/**
 * A whole class in one game (issue #12 §2): 40 companies, one per student. The session seats 40 people
 * and refuses the 41st, plays its bots and steps with 40 companies; a real server seats 40 colyseus.js
 * clients who joined by the code and syncs 40 companies to each, with only their own private part.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import { createOptionsSchema } from "../../shared/protocol/index.ts";
import { GameSession } from "../../server/game/session.ts";
import { viewOf } from "../../shared/view/project.ts";
import { emptyNewsBoard } from "../../shared/view/news.ts";
import { scenario } from "../helpers/game.ts";
import { next, until, type AnyRoom, type Welcome } from "../helpers/rooms.ts";
import { cleanup, startTestServer, type TestServer } from "../helpers/server.ts";

const SECRET = "teacher-secret-0123456789";
const FULL = 40;

describe("a session of 40 companies", () => {
  it("seats 40 students, refuses a 41st in the lobby, and plays 40 companies", () => {
    const options = createOptionsSchema.parse({
      scenario: "halving-2020",
      seats: FULL,
      classroom: true,
      hostSecret: SECRET,
      name: "Year 11",
    });
    const s = GameSession.create(scenario("halving-2020"), options, "ABC234", 11);
    const seats = Array.from({ length: 30 }, (_, i) => s.join(`s${i}`, { name: `S${i}`, role: "player" }, 0));
    expect(seats.map((w) => ("seat" in w ? w.seat : null))).toEqual(
      Array.from({ length: 30 }, (_, i) => `p${i + 1}`),
    );
    for (let i = 30; i < FULL; i++) s.join(`s${i}`, { name: `S${i}`, role: "player" }, 0);
    expect(s.join("late", { name: "Late", role: "player" }, 0)).toMatchObject({ code: "BAD_SEAT" });
    // Ten leave before the start: their seats are kept; with bots filling nothing is open.
    for (let i = 30; i < FULL; i++) s.drop(`s${i}`, 0);
    s.host({ type: "start" });
    expect(s.state.companies).toHaveLength(FULL);
    for (let d = 0; d < 30; d++) s.tick();
    const view = viewOf(
      s.state,
      { seats: s.seats, hideNames: false, hashing: new Map(), news: emptyNewsBoard() },
      s.caches,
    );
    expect(view.companies).toHaveLength(FULL);
    expect(new Set(view.companies.map((c) => c.rank))).toEqual(
      new Set(Array.from({ length: FULL }, (_, i) => i + 1)),
    );
    expect(view.companies.filter((c) => c.away).map((c) => c.seat)).toEqual(
      Array.from({ length: 10 }, (_, i) => `p${31 + i}`),
    );
  });
});

describe("a real server with 40 students", () => {
  let server: TestServer;
  const rooms: AnyRoom[] = [];
  beforeAll(async () => {
    server = await startTestServer(2782);
  });
  afterAll(async () => {
    await Promise.all(rooms.map((r) => r.leave(true).catch(() => undefined)));
    await server.stop();
    cleanup(server);
  });

  it("seats 40 who joined by the code and syncs 40 companies to each", async () => {
    const host = await new Client(server.ws).create("game", {
      scenario: "sandbox",
      seats: FULL,
      classroom: true,
      visibility: "private",
      hostSecret: SECRET,
      name: "Year 11",
    });
    rooms.push(host);
    const { code } = await next<Welcome>(host, "welcome");
    const found = (await (await fetch(`${server.url}/api/code/${code}`)).json()) as {
      roomId: string;
      name: string;
      seats: number;
      taken: number;
    };
    expect(found).toMatchObject({ name: "Year 11", seats: FULL, taken: 0 });
    const welcomes: Welcome[] = [];
    for (let i = 0; i < FULL; i++) {
      const room = await new Client(server.ws).joinById(found.roomId, {
        name: `Student ${i + 1}`,
        role: "player",
      });
      rooms.push(room);
      welcomes.push(await next<Welcome>(room, "welcome"));
    }
    expect(welcomes.map((w) => w.seat)).toEqual(Array.from({ length: FULL }, (_, i) => `p${i + 1}`));
    const last = rooms.at(-1) as AnyRoom;
    await until(
      () => last.state.companies?.size === FULL && last.state.companies.get("p1")?.name === "Student 1",
    );
    // Each student's own company carries its private part, nobody else's does.
    expect(last.state.companies.get(`p${FULL}`)?.priv?.cashCents).toBeGreaterThan(0);
    expect(last.state.companies.get("p1")?.priv).toBeUndefined();
    const taken = (await (await fetch(`${server.url}/api/code/${code}`)).json()) as { taken: number };
    expect(taken.taken).toBe(FULL);
  });
});
