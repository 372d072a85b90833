/**
 * Nobody locked out: a stranger once opened 62 spectator sockets and the room then refused a new
 * student, a seated student's reload and the teacher's second tab. Spectators now have an allowance of
 * their own (per room and per address) that never takes the places of seats, the host or returning
 * players. A connection whose seat is taken over by another window stops seeing that seat's private
 * state at once; wrong host secrets from one address are slowed down.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import { MAX_SPECTATORS_PER_ADDRESS } from "../../server/rooms/admission.ts";
import { next, until, welcome, type AnyRoom } from "../helpers/rooms.ts";
import { cleanup, startTestServer, type TestServer } from "../helpers/server.ts";

const SECRET = "admission-secret-0123456789";
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(2746);
});
afterAll(async () => {
  await server.stop();
  cleanup(server);
});

async function classroom(): Promise<AnyRoom> {
  const host = await new Client(server.ws).create("game", {
    scenario: "halving-2020",
    seats: 3,
    pace: 4,
    visibility: "private",
    classroom: true,
    hostSecret: SECRET,
    name: "Ms Li",
  });
  await welcome(host);
  return host;
}

describe("a spectator flood", () => {
  it("is refused past the allowance and never locks out a student, a reload or the teacher's second tab", async () => {
    const host = await classroom();
    const student = await new Client(server.ws).joinById(host.roomId, { name: "Kai" });
    const seated = await welcome(student);
    expect(seated.seat).toBe("p1");

    const tries = await Promise.allSettled(
      Array.from({ length: 62 }, () =>
        new Client(server.ws).joinById(host.roomId, { name: "x", role: "spectator" }),
      ),
    );
    const watching = tries.filter((t) => t.status === "fulfilled");
    expect(watching.length).toBe(MAX_SPECTATORS_PER_ADDRESS); // all from one address (loopback)
    const refusal = tries.find((t) => t.status === "rejected");
    expect(String((refusal as PromiseRejectedResult).reason?.message)).toMatch(/spectators from one address/);

    // A new student still gets a seat, the seated student's reload gets theirs, the teacher a second tab.
    const newcomer = await new Client(server.ws).joinById(host.roomId, { name: "Mei" });
    expect((await welcome(newcomer)).seat).toBe("p2");
    student.connection.close();
    const reload = await new Client(server.ws).joinById(host.roomId, {
      name: "Kai",
      seatToken: seated.seatToken ?? "",
    });
    expect((await welcome(reload)).seat).toBe("p1");
    const secondTab = await new Client(server.ws).joinById(host.roomId, {
      name: "Ms Li",
      hostSecret: SECRET,
    });
    expect((await welcome(secondTab)).role).toBe("host");

    for (const t of watching) await (t as PromiseFulfilledResult<AnyRoom>).value.leave();
    await Promise.all([newcomer.leave(), reload.leave(), secondTab.leave(), host.leave()]);
  }, 60_000);
});

describe("a seat taken over in another window", () => {
  it("leaves the old connection a spectator that no longer receives the seat's private state", async () => {
    const host = await classroom();
    const first = await new Client(server.ws).joinById(host.roomId, { name: "Kai" });
    const w = await welcome(first);
    host.send("host", { action: { type: "start" } });
    await until(() => first.state.companies?.get("p1")?.priv?.cashCents > 0);

    const demoted = next<{ role: string; seat: string | null }>(first, "welcome");
    const told = next<{ code: string }>(first, "error");
    const second = await new Client(server.ws).joinById(host.roomId, {
      name: "Kai",
      seatToken: w.seatToken ?? "",
    });
    expect((await welcome(second)).seat).toBe("p1");
    expect(await demoted).toMatchObject({ role: "spectator", seat: null });
    expect((await told).code).toBe("SEAT_ELSEWHERE");
    // The old connection receives nothing more of the seat's private part (what it had already been
    // sent stays in its copy, frozen); the new one does.
    const acked = next<{ ref: string }>(second, "ack");
    second.send("command", { ref: "new", command: { type: "setSellRatio", ratioBps: 4321 } });
    await acked;
    await until(() => second.state.companies.get("p1")?.priv?.sellRatioBps === 4321);
    const tick = second.state.tick as number;
    await until(() => (first.state.tick as number) > tick + 1); // the old one has had its patches since
    expect(first.state.companies.get("p1")?.priv?.sellRatioBps).not.toBe(4321);
    // And it acts as what it is now: a spectator.
    const refused = next<{ code: string }>(first, "error");
    first.send("command", { ref: "old", command: { type: "setSellRatio", ratioBps: 5000 } });
    expect((await refused).code).toBe("SPECTATOR");
    await Promise.all([first.leave(), second.leave(), host.leave()]);
  }, 60_000);
});

describe("host-secret guesses", () => {
  it("are slowed down per address after a few wrong tries (one budget with the HTTP exports)", async () => {
    const host = await classroom();
    const outcomes: string[] = [];
    for (let i = 0; i < 14; i++) {
      try {
        const room = await new Client(server.ws).joinById(host.roomId, {
          name: "guess",
          role: "spectator",
          hostSecret: `wrong-secret-number-${i}`,
        });
        outcomes.push((await welcome(room)).role);
        await room.leave();
      } catch (e) {
        outcomes.push(String((e as Error).message));
      }
    }
    expect(outcomes.slice(0, 10).every((o) => o === "spectator")).toBe(true);
    expect(outcomes.slice(10).every((o) => /Too many wrong host secrets/.test(o))).toBe(true);
    // Over the limit, even the right secret waits (else a lucky guess would get through); a player's
    // join, which presents no secret, is not held up.
    await expect(
      new Client(server.ws).joinById(host.roomId, { name: "Ms Li", hostSecret: SECRET }),
    ).rejects.toThrow(/Too many wrong host secrets/);
    const student = await new Client(server.ws).joinById(host.roomId, { name: "Kai" });
    expect((await welcome(student)).seat).toBe("p1");
    await Promise.all([student.leave(), host.leave()]);
  }, 60_000);
});
