/**
 * Prediction questions with real Colyseus clients against a real server: the host asks, three students
 * answer (one changes their mind), students see no tally while answers are open but the host and the
 * projector do, time runs out by itself, the reveal waits for the next retarget and says how difficulty
 * changed; the answers are stored (a server killed and restarted still exports them) and exported as
 * predictions.csv. A shock held for the reveal is not news before it.
 */
import { afterAll, describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import type { QuestionView } from "../../shared/protocol/index.ts";
import { cleanup, startTestServer, type TestServer } from "../helpers/server.ts";
import { until, welcome, type AnyRoom } from "../helpers/rooms.ts";

const PORT = 2790;
const SECRET = "predict-secret-0123456789";
const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop("SIGKILL").catch(() => undefined);
  for (const s of servers) cleanup(s);
});

/** The latest question each room was sent. */
function questions(room: AnyRoom): { last: QuestionView | null } {
  const seen = { last: null as QuestionView | null };
  room.onMessage("question", (q: QuestionView) => (seen.last = q));
  return seen;
}

const RETARGET_CHOICES = [
  { en: "Down", zh: "下降", max: 0 },
  { en: "Up 0–5%", zh: "上升 0–5%", min: 0, max: 5 },
  { en: "Up 5% or more", zh: "上升 5% 以上", min: 5 },
];

async function classroom(server: TestServer) {
  const host = await new Client(server.ws).create("game", {
    scenario: "halving-2020",
    seats: 3,
    pace: 16,
    fillWithBots: false,
    visibility: "private",
    classroom: true,
    hostSecret: SECRET,
    name: "Ms Li",
  });
  await welcome(host);
  const students: AnyRoom[] = [];
  for (const name of ["Ana", "Bo", "Cy"]) {
    const room = await new Client(server.ws).joinById(host.roomId, { name });
    await welcome(room);
    students.push(room);
  }
  const projector = await new Client(server.ws).joinById(host.roomId, { name: "Wall", role: "spectator" });
  await welcome(projector);
  return { host, students, projector };
}

/** Sends and waits for the ack (stored) or the error. */
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

describe("prediction questions", () => {
  it("are asked, answered by three students, tallied, revealed at the retarget, stored and exported", async () => {
    const server = await startTestServer(PORT);
    servers.push(server);
    const { host, students, projector } = await classroom(server);
    const seen = [host, projector, ...students].map(questions);
    const [hostQ, projQ, anaQ] = seen;
    expect(await send(host, "host", { action: { type: "start" } }, "s")).toBe("ack");
    await until(() => host.state.tick > 1);

    const asked = await send(
      host,
      "host",
      {
        action: {
          type: "ask",
          prompt: { en: "Next retarget?", zh: "下一次难度调整？" },
          kind: "choice",
          choices: RETARGET_CHOICES,
          // Long enough that a loaded machine never runs out of time mid-test: the host closes it.
          seconds: 600,
          measure: "retarget",
        },
      },
      "ask",
    );
    expect(asked).toBe("ack");
    await until(() => seen.every((s) => s.last?.status === "open"));
    await until(() => host.state.phase === "paused"); // the game waits while the class answers
    const id = hostQ!.last!.id;
    expect(await send(students[0]!, "answer", { question: id, choice: 0 }, "a1")).toBe("ack");
    expect(await send(students[1]!, "answer", { question: id, choice: 2 }, "b1")).toBe("ack");
    expect(await send(students[2]!, "answer", { question: id, choice: 4 }, "c0")).toBe("BAD_ANSWER");
    expect(await send(students[2]!, "answer", { question: id, choice: 2 }, "c1")).toBe("ack");
    expect(await send(students[0]!, "answer", { question: id, choice: 1 }, "a2")).toBe("ack"); // changed
    expect(await send(projector, "answer", { question: id, choice: 1 }, "p1")).not.toBe("ack");
    await until(() => hostQ!.last?.answered === 3 && projQ!.last?.answered === 3);
    expect(hostQ!.last!.tally).toEqual([0, 1, 2]);
    expect(projQ!.last!.tally).toEqual([0, 1, 2]); // the projector shows the distribution before the reveal
    expect(anaQ!.last!.tally).toBeNull(); // students do not see the others' answers while open
    expect(anaQ!.last!.mine).toBe(1);

    // The host closes answers; a late answer is refused.
    expect(await send(host, "host", { action: { type: "closeQuestion" } }, "close")).toBe("ack");
    await until(() => hostQ!.last?.status === "closed");
    expect(await send(students[1]!, "answer", { question: id, choice: 0 }, "late")).toBe("NO_QUESTION");
    expect(anaQ!.last!.tally).toEqual([0, 1, 2]);

    expect(await send(host, "host", { action: { type: "reveal" } }, "rev")).toBe("ack");
    await until(() => host.state.phase === "running");
    await until(() => seen.every((s) => s.last?.status === "revealed"), 60_000);
    const outcome = hostQ!.last!.outcome!;
    expect(outcome.value).not.toBeNull();
    expect(outcome.text.en).toMatch(/retarget at block \d+ changed difficulty by [+-]\d+\.\d\d%/);
    const expected = outcome.value! < 0 ? 0 : outcome.value! < 5 ? 1 : 2;
    expect(outcome.choice).toBe(expected);

    // Stored: once the export (read from the database) has the outcome, the server is killed and
    // restarted on the same database; the export still has the answers and the outcome.
    const exported = async (s: TestServer) =>
      (
        await fetch(`${s.url}/api/export/${host.roomId}/predictions.csv`, {
          headers: { "x-host-secret": SECRET },
        })
      ).text();
    await expect.poll(() => exported(server), { timeout: 30_000 }).toContain(outcome.text.en);
    await server.stop("SIGKILL");
    const again = await startTestServer(PORT, server.dir);
    servers.push(again);
    const csv = await exported(again);
    const lines = csv.trim().split("\n");
    expect(lines[0]).toContain("question,askedDate,askedTick,promptEn,promptZh,kind,company,name,answer");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain("p1,Ana,Up 0–5%");
    expect(lines[2]).toContain("p2,Bo,Up 5% or more");
    expect(lines[3]).toContain("p3,Cy,Up 5% or more");
    expect(lines[1]).toContain(outcome.text.en);
    const denied = await fetch(`${again.url}/api/export/${host.roomId}/predictions.csv`);
    expect(denied.status).toBe(403);
  }, 120_000);

  it("close by themselves when their time is up", async () => {
    const server = await startTestServer(PORT + 8);
    servers.push(server);
    const { host, students } = await classroom(server);
    const hostQ = questions(host);
    expect(await send(host, "host", { action: { type: "start" } }, "s")).toBe("ack");
    const ask = { type: "ask", prompt: { en: "Up or down?", zh: "涨还是跌？" }, kind: "number", seconds: 5 };
    expect(await send(host, "host", { action: ask }, "ask")).toBe("ack");
    await until(() => hostQ.last?.status === "open");
    // Nobody answers and the host does nothing: the countdown closes it (waited for, however slow).
    await until(() => hostQ.last?.status === "closed", 60_000);
    expect(hostQ.last!.msLeft).toBe(0);
    const late = await send(students[0]!, "answer", { question: hostQ.last!.id, value: 1 }, "late");
    expect(late).toBe("NO_QUESTION");
  }, 90_000);

  it("hold a shock's news back until the reveal", async () => {
    const server = await startTestServer(PORT + 9);
    servers.push(server);
    const { host, students } = await classroom(server);
    const hostQ = questions(host);
    const news = () => [...(students[0]!.state.news ?? [])].map((n: { en: string }) => n.en).join("\n");
    expect(await send(host, "host", { action: { type: "start" } }, "s")).toBe("ack");
    await until(() => host.state.tick > 1);
    const ask = {
      type: "ask",
      prompt: { en: "Texas bans mining: what happens to hashrate?", zh: "得州禁止挖矿：算力会怎样？" },
      kind: "number",
      seconds: 60,
      shock: { template: "ban", targets: ["us-texas"], params: { graceDays: 0 } },
    };
    expect(await send(host, "host", { action: ask }, "ask")).toBe("ack");
    expect(await send(students[0]!, "answer", { question: 1, value: -12.5 }, "a")).toBe("ack");
    expect(await send(students[1]!, "answer", { question: 1 }, "b")).toBe("BAD_ANSWER");
    await until(() => hostQ.last?.answered === 1);
    expect(hostQ.last!.tally).toEqual([-12.5]);
    expect(news()).not.toMatch(/bans bitcoin mining/);
    // A second question waits for this one's reveal.
    expect(await send(host, "host", { action: { ...ask, shock: undefined } }, "ask2")).toBe(
      "QUESTION_PENDING",
    );
    expect(await send(host, "host", { action: { type: "reveal" } }, "rev")).toBe("ack");
    await until(() => /bans bitcoin mining/.test(news()));
    await until(() => hostQ.last?.status === "revealed");
    expect(hostQ.last!.outcome!.text.en).toMatch(/bans bitcoin mining/);
  }, 60_000);
});
