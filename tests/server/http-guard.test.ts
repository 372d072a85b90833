/**
 * Issue #10, "nothing lost": no HTTP request can take the server down. Malformed input (a bad
 * percent-escape, an unparsable address, odd matchmaking paths, bad JSON) is answered with a clear
 * 4xx as `{ code, error, zh }`, and the process, with every game in it, goes on.
 */
import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureClientBuilt } from "../e2e/helpers/build.ts";
import { cleanup, startTestServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;

beforeAll(async () => {
  // The built client must be there: static serving is where "/%" used to throw.
  await ensureClientBuilt();
  server = await startTestServer(2700);
}, 240_000);
afterAll(async () => {
  await server.stop();
  cleanup(server);
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request with the path sent exactly as written (fetch would normalise some of these). */
function request(method: string, path: string, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: server.port, method, path }, (res) => {
      let text = "";
      res.on("data", (d: Buffer) => (text += d.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** Bytes straight onto a socket, for request lines no HTTP client would send; the status line back. */
function rawStatusLine(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, "127.0.0.1", () => socket.write(text));
    let received = "";
    socket.on("data", (d) => (received += d.toString()));
    socket.on("close", () => resolve(received.split("\r\n")[0] ?? ""));
    socket.on("error", reject);
  });
}

async function alive(): Promise<boolean> {
  const res = await fetch(`${server.url}/health`);
  return res.status === 200;
}

function refusal(answer: Answer): { code: string; error: string; zh: string } {
  expect(answer.headers["content-type"]).toContain("application/json");
  return JSON.parse(answer.body) as { code: string; error: string; zh: string };
}

describe("malformed addresses", () => {
  it("answers a bad percent-escape with 400 wherever it is decoded, and stays up", async () => {
    for (const path of ["/%", "/assets/%E0%A4", "/api/debrief/%", "/api/export/%zz/events.csv?secret=x"]) {
      const answer = await request("GET", path);
      expect(answer.status, path).toBe(400);
      const body = refusal(answer);
      expect(body.code).toBe("BAD_REQUEST");
      expect(body.error).toMatch(/percent-escape/);
      expect(body.zh.length).toBeGreaterThan(0);
      expect(await alive()).toBe(true);
    }
  });

  it("answers an absolute-form target it cannot parse with 400 instead of leaving it hanging", async () => {
    const line = await rawStatusLine("GET http://x:99999/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    expect(line).toBe("HTTP/1.1 400 Bad Request");
    expect(await alive()).toBe(true);
  });

  it("still serves the client and answers unknown paths with a JSON 404", async () => {
    expect((await request("GET", "/")).status).toBe(200);
    const missing = await request("GET", "/no/such/thing");
    expect(missing.status).toBe(404);
    expect(refusal(missing).code).toBe("NOT_FOUND");
  });
});

describe("the matchmaking route", () => {
  it("refuses wrong methods, unknown routes and bad JSON clearly, keeping CORS", async () => {
    const get = await request("GET", "/matchmake/create/game");
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe("OPTIONS, POST");
    expect(refusal(get).code).toBe("METHOD_NOT_ALLOWED");
    const put = await request("PUT", "/matchmake/create/game", "{}");
    expect(put.status).toBe(405);
    for (const path of ["/matchmake", "/matchmake/", "/matchmake/destroy/game", "/matchmake/create/ga%me"]) {
      const answer = await request("POST", path, "{}");
      expect(answer.status, path).toBe(404);
      expect(refusal(answer).code).toBe("NO_ROUTE");
    }
    for (const body of ["{x}", "[1,2]", "null", '"game"']) {
      const answer = await request("POST", "/matchmake/create/game", body);
      expect(answer.status, body).toBe(400);
      expect(refusal(answer).code).toBe("BAD_JSON");
      expect(answer.headers["access-control-allow-origin"]).toBe("*");
    }
    const preflight = await request("OPTIONS", "/matchmake/create/game");
    expect(preflight.status).toBe(204);
    expect(preflight.headers["access-control-allow-methods"]).toContain("POST");
    expect(await alive()).toBe(true);
  });

  it("answers a room's refusal as Colyseus does: 200 with { code, error }", async () => {
    const answer = await request("POST", "/matchmake/create/game", JSON.stringify({ scenario: "../etc" }));
    expect(answer.status).toBe(200);
    const body = JSON.parse(answer.body) as { code: number; error: string };
    expect(typeof body.code).toBe("number");
    expect(body.error.length).toBeGreaterThan(0);
  });

  it("does not send other paths that merely mention /matchmake to matchmaking", async () => {
    const answer = await request("GET", "/api/rooms?from=/matchmake/create/game");
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual([]);
  });
});
