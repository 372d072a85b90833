/** The Colyseus monitor is reachable only with the admin secret. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanup, startTestServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
const ADMIN = "admin-secret-for-tests-0123";

beforeAll(async () => {
  server = await startTestServer(2583, undefined, { ADMIN_SECRET: ADMIN });
});
afterAll(async () => {
  await server.stop();
  cleanup(server);
});

describe("admin monitor", () => {
  it("refuses without the secret or with a wrong one, and serves with it", async () => {
    const url = `${server.url}/colyseus/`;
    expect((await fetch(url)).status).toBe(401);
    const wrong = Buffer.from("admin:nope").toString("base64");
    expect((await fetch(url, { headers: { authorization: `Basic ${wrong}` } })).status).toBe(401);
    const right = Buffer.from(`admin:${ADMIN}`).toString("base64");
    const ok = await fetch(url, { headers: { authorization: `Basic ${right}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toMatch(/<html|<!doctype/i);
  });
});
