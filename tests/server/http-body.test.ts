/**
 * Issue #10: a 150 MB upload is refused with 413 before the server holds it. Matchmaking (the only
 * route that reads a body) refuses an announced length at once and a chunked body the moment it passes
 * 16 KiB; every other route refuses an announced body over the limit. The server's memory stays flat,
 * and an ordinary colyseus.js create still works afterwards.
 */
import http from "node:http";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import { welcome } from "../helpers/rooms.ts";
import { cleanup, startTestServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer(2701);
});
afterAll(async () => {
  await server.stop();
  cleanup(server);
});

const MB = 1024 * 1024;
const TOTAL_MB = 150;

/** The server process's resident memory, in MB, as the kernel counts it. */
function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return Number(match?.[1]) / 1024;
}

/**
 * POSTs 150 MB in 1 MB chunks (one buffer, written again and again, honouring backpressure), with
 * the length announced or chunked; resolves with the status as soon as the server answers.
 */
function upload(path: string, announce: boolean): Promise<{ status: number; body: string }> {
  const chunk = Buffer.alloc(MB, "x");
  return new Promise((resolve, reject) => {
    const headers: http.OutgoingHttpHeaders = { "content-type": "application/json" };
    if (announce) headers["content-length"] = TOTAL_MB * MB;
    const req = http.request({ host: "127.0.0.1", port: server.port, method: "POST", path, headers });
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.on("data", (d: Buffer) => (body += d.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      res.on("error", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    // Once the answer is in, the server closes the connection: later write errors are expected.
    req.on("error", (e) => (answered ? undefined : reject(e)));
    void (async () => {
      for (let i = 0; i < TOTAL_MB && !answered && !req.destroyed; i++) {
        if (!req.write(chunk)) await new Promise((r) => (req.once("drain", r), req.once("close", r)));
      }
      if (!req.destroyed) req.end();
    })();
  });
}

describe("request bodies", () => {
  it("refuses 150 MB sent to matchmaking with 413, length announced or not, and keeps memory flat", async () => {
    const before = rssMb(server.pid);
    for (const announce of [true, false]) {
      const answer = await upload("/matchmake/create/game", announce);
      expect(answer.status).toBe(413);
      const body = JSON.parse(answer.body) as { code: string; error: string; zh: string };
      expect(body.code).toBe("TOO_LARGE");
      expect(body.zh.length).toBeGreaterThan(0);
    }
    expect(rssMb(server.pid) - before).toBeLessThan(50);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });

  it("refuses a large body on any other route too", async () => {
    const before = rssMb(server.pid);
    expect((await upload("/api/rooms", true)).status).toBe(413);
    expect((await upload("/health", true)).status).toBe(413);
    expect(rssMb(server.pid) - before).toBeLessThan(50);
  });

  it("still creates a game the ordinary way afterwards", async () => {
    const host = await new Client(server.ws).create("game", {
      scenario: "sandbox",
      seats: 2,
      visibility: "private",
      hostSecret: "teacher-secret-0123456789",
      name: "After the flood",
    });
    expect((await welcome(host)).role).toBe("host");
    await host.leave();
  });
});
