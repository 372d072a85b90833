/**
 * Structured logs (issue #15 §3): every line the server writes is one JSON object; a room's lines name
 * the room and the seat, an HTTP request's lines carry the id answered in X-Request-Id, and Colyseus
 * logs through the same logger without its banner. The stream is captured, never waited on by time.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import { colyseusLogger, createLog, log, plainLines, requestLog, roomLog, setLog } from "../../server/log.ts";
import { guarded } from "../../server/http/guard.ts";
import { cleanup, startTestServer, type TestServer } from "../helpers/server.ts";
import { until, welcome } from "../helpers/rooms.ts";

type Line = Record<string, unknown>;

/** A logger writing into an array of parsed lines (each line must parse: that is the point). */
function captured(level: "info" | "debug" = "info"): Line[] {
  const lines: Line[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString("utf8").split("\n").filter(Boolean))
        lines.push(JSON.parse(text) as Line);
      done();
    },
  });
  setLog(createLog(level, stream));
  return lines;
}

const before = log();
afterEach(() => setLog(before));

describe("the log", () => {
  it("writes a room's line as JSON naming the room and the seat", () => {
    const lines = captured();
    roomLog("R0om1", "p2").info({ role: "player" }, "joined");
    roomLog("R0om1").warn("closing");
    expect(lines[0]).toMatchObject({
      level: "info",
      msg: "joined",
      roomId: "R0om1",
      seat: "p2",
      role: "player",
    });
    expect(typeof lines[0]?.time).toBe("string");
    expect(lines[1]).toMatchObject({ level: "warn", roomId: "R0om1" });
    expect(lines[1]).not.toHaveProperty("seat");
  });

  it("keeps below-level lines out (LOG_LEVEL)", () => {
    const lines = captured("info");
    log().debug("hidden");
    log().info("shown");
    expect(lines.map((l) => l.msg)).toEqual(["shown"]);
  });

  it("gives Colyseus console-like methods: the arguments one message, an Error its err field", () => {
    const lines = captured();
    colyseusLogger(log()).error("room", "ab12", "failed:", new Error("boom"));
    expect(lines[0]).toMatchObject({ level: "error", component: "colyseus", msg: "room ab12 failed:" });
    expect((lines[0]?.err as { message: string }).message).toBe("boom");
  });

  it("keeps a plain X-Request-Id, replaces an odd one", () => {
    const req = (id: string) => ({ headers: { "x-request-id": id } }) as unknown as http.IncomingMessage;
    expect(requestLog(req("abc-123")).id).toBe("abc-123");
    const odd = requestLog(req("x\ny".repeat(40))).id;
    expect(odd).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("plain lines (a terminal in development)", () => {
  it("write time, level, message and the fields as key=value, an error's stack below", () => {
    let text = "";
    setLog(createLog("info", plainLines({ write: (t: string) => (text += t) })));
    roomLog("R0om1", "p2").info({ role: "player" }, "joined");
    log().error({ err: new Error("boom") }, "failed");
    const [first, second] = text.split("\n");
    expect(first).toMatch(/^\d\d:\d\d:\d\d info {2}joined roomId=R0om1 seat=p2 role=player$/);
    expect(second).toMatch(/^\d\d:\d\d:\d\d error failed$/);
    expect(text).toContain("Error: boom\n    at ");
  });
});

describe("an HTTP request's failure", () => {
  let server: http.Server | undefined;
  afterAll(() => server?.close());

  it("is logged with the request id the answer carries, and no secret from the query", async () => {
    const lines = captured("debug");
    server = http.createServer(
      guarded(() => {
        throw new Error("handler broke");
      }),
    );
    await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    const answer = await fetch(`http://127.0.0.1:${port}/api/x?secret=do-not-log-me`);
    const id = answer.headers.get("x-request-id");
    expect(answer.status).toBe(500);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const line = lines.find((l) => l.msg === "HTTP handler failed");
    expect(line).toMatchObject({ level: "error", reqId: id, method: "GET", path: "/api/x" });
    expect((line?.err as { message: string }).message).toBe("handler broke");
    // At debug, the access line: the same id, the status.
    expect(lines.find((l) => l.msg === "HTTP answered")).toMatchObject({
      reqId: id,
      status: 500,
      path: "/api/x",
    });
    expect(JSON.stringify(lines)).not.toContain("do-not-log-me");
  });
});

describe("a real server's output", () => {
  let server: TestServer | undefined;
  afterAll(async () => {
    await server?.stop();
    if (server) cleanup(server);
  });

  it("is JSON lines only (no banner), a player's join naming room and seat", async () => {
    server = await startTestServer(2983, undefined, { LOG_LEVEL: "info" });
    const host = await new Client(server.ws).create("game", {
      scenario: "halving-2020",
      seats: 2,
      hostSecret: "log-test-secret-0123456789",
      name: "Logged",
      visibility: "private",
    });
    await welcome(host);
    const player = await new Client(server.ws).joinById(host.roomId, { name: "Ana" });
    const seat = (await welcome(player)).seat;
    expect(seat).toBe("p1");
    const joinedLine = () =>
      server!
        .output()
        .split("\n")
        .filter((l) => l.includes('"joined"'))
        .map((l) => JSON.parse(l) as Line)
        .find((l) => l.seat === seat);
    await until(() => joinedLine() !== undefined);
    expect(joinedLine()).toMatchObject({ level: "info", roomId: host.roomId, seat: "p1", role: "player" });
    const printed = server.output().split("\n").filter(Boolean);
    expect(printed.length).toBeGreaterThan(2);
    for (const line of printed) expect(() => JSON.parse(line) as unknown, line).not.toThrow();
    await Promise.all([player.leave(), host.leave()]);
  }, 60_000);
});
