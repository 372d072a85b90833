/**
 * Round mode with real Colyseus clients against a real server (issue #13 §5): the game pauses at each
 * month's end (and, in the other mode, at each retarget) with a round summary that names what each
 * company did; the window ends by itself when its seconds are up, or when the host continues; a mode
 * the host set mid-game survives a server killed and restarted on the same database.
 */
import { afterAll, describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import type { QuestionView, RoundView } from "../../shared/protocol/index.ts";
import { forecastPoints } from "../../server/game/forecastScore.ts";
import { cleanup, startTestServer, type TestServer } from "../helpers/server.ts";
import { until, welcome, type AnyRoom } from "../helpers/rooms.ts";

const PORT = 2880;
const SECRET = "rounds-secret-0123456789";
const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop("SIGKILL").catch(() => undefined);
  for (const s of servers) cleanup(s);
});

/** Every round message a room was sent, latest last. */
function rounds(room: AnyRoom): RoundView[] {
  const seen: RoundView[] = [];
  room.onMessage("round", (v: RoundView) => seen.push(v));
  return seen;
}

function send(room: AnyRoom, type: string, body: object, ref: string): Promise<"ack" | string> {
  return new Promise((resolve) => {
    const offAck = room.onMessage("ack", (m: { ref: string }) => m.ref === ref && done("ack"));
    const offErr = room.onMessage(
      "error",
      (m: { ref?: string; code: string }) => m.ref === ref && done(m.code),
    );
    function done(v: string) {
      offAck();
      offErr();
      resolve(v);
    }
    room.send(type, { ...body, ref });
  });
}

async function game(server: TestServer, extra: object) {
  const host = await new Client(server.ws).create("game", {
    scenario: "halving-2020",
    seats: 2,
    pace: 16,
    fillWithBots: false,
    visibility: "private",
    classroom: true,
    hostSecret: SECRET,
    name: "Rounds",
    ...extra,
  });
  await welcome(host);
  const student = await new Client(server.ws).joinById(host.roomId, { name: "Ana" });
  await welcome(student);
  return { host, student };
}

const last = (seen: RoundView[]) => seen.at(-1);

describe("round mode", () => {
  it("pauses at each month's end with a summary; the window ends by itself, or when the host continues", async () => {
    const server = await startTestServer(PORT);
    servers.push(server);
    const { host, student } = await game(server, { rounds: { at: "month", seconds: 5 } });
    const hostSeen = rounds(host);
    const studentSeen = rounds(student);
    const question = { last: null as QuestionView | null, byId: new Map<number, QuestionView>() };
    student.onMessage("question", (q: QuestionView) => {
      question.last = q;
      question.byId.set(q.id, q);
    });
    expect(await send(host, "host", { action: { type: "start" } }, "s")).toBe("ack");
    const order = { type: "orderMachines", model: "s17-pro", quantity: 3 };
    expect(await send(student, "command", { command: order }, "o")).toBe("ack");

    // January ends: the game waits, everyone sees the summary with the student's order in words.
    await until(() => !!last(studentSeen)?.window, 60_000);
    await until(() => host.state.phase === "paused");
    const first = last(studentSeen)!.window!.summary;
    expect(first).toMatchObject({ number: 1, at: "month", from: "2020-01-01", to: "2020-01-31" });
    expect(first.priceStartCents).toBeGreaterThan(0);
    expect(first.companies.find((c) => c.seat === "p1")!.did[0]!.en).toMatch(/Ordered 3 × .*S17 Pro/i);
    expect(first.next.blocks).toBeGreaterThan(0);
    const tickAtPause = host.state.tick as number;
    // The round asks its forecast (the next retarget's change, a number); the student answers it.
    await until(() => question.last?.status === "open");
    expect(question.last!).toMatchObject({ kind: "number", measure: "retarget" });
    expect(await send(student, "answer", { question: question.last!.id, value: 1.5 }, "f")).toBe("ack");

    // Nobody acts: the five seconds run out and the game runs again.
    await until(() => last(hostSeen)?.window === null && host.state.phase === "running", 60_000);
    await until(() => (host.state.tick as number) > tickAtPause);
    expect(last(hostSeen)!.last!.number).toBe(1);

    // February's window is long; the host ends it at once.
    expect(
      await send(host, "host", { action: { type: "rounds", mode: { at: "month", seconds: 600 } } }, "m"),
    ).toBe("ack");
    await until(() => last(hostSeen)?.window?.summary.to === "2020-02-29", 60_000);
    await until(() => host.state.phase === "paused");
    expect(await send(student, "host", { action: { type: "continueRound" } }, "no")).toBe("NOT_HOST");
    expect(await send(host, "host", { action: { type: "continueRound" } }, "c")).toBe("ack");
    await until(() => last(hostSeen)?.window === null && host.state.phase === "running");

    // The forecast was measured at the retarget and scored by closeness; the export has the points.
    await until(() => question.byId.get(1)?.status === "revealed", 60_000);
    const outcome = question.byId.get(1)!.outcome!;
    const points = forecastPoints({ kind: "number", outcome: { ...outcome, day: 0 } }, 1.5);
    expect(points).toBeGreaterThanOrEqual(0);
    const csv = async () =>
      (
        await fetch(`${server.url}/api/export/${host.roomId}/predictions.csv`, {
          headers: { "x-host-secret": SECRET },
        })
      ).text();
    await expect
      .poll(csv, { timeout: 30_000 })
      .toMatch(new RegExp(`p1,Ana,1\\.5,.*,${points},[0-9a-f]{64},`));
    expect((await csv()).split("\n")[0]).toMatch(/,forecastPoints,scenarioHash,/);
  }, 180_000);

  it("pauses at each retarget with its difficulty change", async () => {
    const server = await startTestServer(PORT + 1);
    servers.push(server);
    const { host } = await game(server, { rounds: { at: "retarget", seconds: 600 } });
    const seen = rounds(host);
    expect(await send(host, "host", { action: { type: "start" } }, "s")).toBe("ack");
    await until(() => !!last(seen)?.window, 60_000);
    const summary = last(seen)!.window!.summary;
    expect(summary.at).toBe("retarget");
    expect(summary.retargetsPct).toHaveLength(1);
    expect(Math.abs(summary.retargetsPct[0]!)).toBeGreaterThan(0);
    await until(() => host.state.phase === "paused");
    expect(await send(host, "host", { action: { type: "continueRound" } }, "c")).toBe("ack");
    await until(() => host.state.phase === "running");
  }, 120_000);

  it("pauses at each quarter's end: a round covers January to March", async () => {
    const server = await startTestServer(PORT + 3);
    servers.push(server);
    const { host } = await game(server, { rounds: { at: "quarter", seconds: 600 } });
    const seen = rounds(host);
    expect(await send(host, "host", { action: { type: "start" } }, "s")).toBe("ack");
    await until(() => !!last(seen)?.window, 60_000);
    expect(last(seen)!.window!.summary).toMatchObject({
      number: 1,
      at: "quarter",
      from: "2020-01-01",
      to: "2020-03-31",
    });
    await until(() => host.state.phase === "paused");
  }, 120_000);

  it("keeps the mode the host set through a restart", async () => {
    const server = await startTestServer(PORT + 2);
    servers.push(server);
    const { host } = await game(server, {});
    expect(await send(host, "host", { action: { type: "start" } }, "s")).toBe("ack");
    const mode = { at: "retarget", seconds: 45 };
    expect(await send(host, "host", { action: { type: "rounds", mode } }, "m")).toBe("ack");
    await server.stop("SIGKILL");
    const again = await startTestServer(PORT + 2, server.dir);
    servers.push(again);
    const back = await new Client(again.ws).joinById(host.roomId, { name: "Ms Li", hostSecret: SECRET });
    const seen = rounds(back);
    await welcome(back);
    await until(() => !!last(seen)?.mode);
    expect(last(seen)!.mode).toEqual(mode);
    // And it pauses by it: the restored game (paused) runs again and stops at the next retarget.
    await until(() => back.state.phase === "paused");
    expect(await send(back, "host", { action: { type: "resume" } }, "r")).toBe("ack");
    await until(() => last(seen)?.window?.summary.at === "retarget", 60_000);
    expect(last(seen)!.window!.seconds).toBe(45);
  }, 120_000);
});
