/**
 * Issue #10, "nobody locked out": one address cannot flood what everyone shares. Room creation is
 * limited per address (429) and per process (503), before any room is built; join-code guesses and
 * wrong host secrets are limited per address, counting only failures; and exports and debriefs answer
 * an unknown room exactly as a wrong secret, so room ids cannot be probed. The servers trust
 * x-forwarded-for (TRUST_PROXY=1), so that each test speaks from addresses of its own.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import { JOIN_CODE_ALPHABET } from "../../shared/protocol/index.ts";
import { welcome, type AnyRoom } from "../helpers/rooms.ts";
import { cleanup, startTestServer, type TestServer } from "../helpers/server.ts";

const BURST = 3;
const SECRET = "teacher-secret-0123456789";
let server: TestServer;
let full: TestServer;

beforeAll(async () => {
  const limited = { TRUST_PROXY: "1", ROOM_CREATE_BURST: String(BURST), ROOM_CREATE_PER_MINUTE: "0.001" };
  [server, full] = await Promise.all([
    startTestServer(2702, undefined, limited),
    startTestServer(2703, undefined, { TRUST_PROXY: "1", MAX_ROOMS: "2" }),
  ]);
});
afterAll(async () => {
  await Promise.all([server.stop(), full.stop()]);
  cleanup(server);
  cleanup(full);
});

function rssMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]) / 1024;
}

function from(address: string, headers: Record<string, string> = {}): { headers: Record<string, string> } {
  return { headers: { ...headers, "x-forwarded-for": address } };
}

const OPTIONS = { scenario: "sandbox", seats: 2, visibility: "public", name: "Flood" };

/** POST /matchmake/create/game as a script would, from `address`. */
function rawCreate(target: TestServer, address: string): Promise<Response> {
  return fetch(`${target.url}/matchmake/create/game`, {
    method: "POST",
    body: JSON.stringify(OPTIONS),
    ...from(address, { "content-type": "application/json" }),
  });
}

async function hostGame(target: TestServer, address: string): Promise<{ host: AnyRoom; code: string }> {
  const client = new Client(target.ws, from(address));
  const host = await client.create("game", { ...OPTIONS, visibility: "private", hostSecret: SECRET });
  return { host, code: (await welcome(host)).code };
}

interface Refused {
  code: string;
  error: string;
  zh: string;
}

describe("room creation", () => {
  it("refuses one address past its burst with 429 and Retry-After, before any room is built", async () => {
    const before = rssMb(server.pid);
    const statuses: number[] = [];
    let refused: Response | undefined;
    for (let i = 0; i < 30; i++) {
      const res = await rawCreate(server, "10.0.0.1");
      statuses.push(res.status);
      if (res.status === 429) refused = res;
      else await res.body?.cancel();
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(BURST);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30 - BURST);
    expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await refused?.json()) as Refused;
    expect(body.code).toBe("RATE_LIMITED");
    expect(body.error).toMatch(/Too many new games/);
    expect(body.zh).toMatch(/秒/);
    const listed = (await (await fetch(`${server.url}/api/rooms`)).json()) as unknown[];
    expect(listed.length).toBeLessThanOrEqual(BURST);
    expect(rssMb(server.pid) - before).toBeLessThan(60);
  });

  it("lets another address create a game meanwhile", async () => {
    const { host } = await hostGame(server, "10.0.0.2");
    expect(host.roomId.length).toBeGreaterThan(0);
    await host.leave();
  });

  it("refuses new games with 503 SERVER_FULL once the process holds MAX_ROOMS, but joining still works", async () => {
    const first = await hostGame(full, "10.1.0.1");
    const second = await hostGame(full, "10.1.0.2");
    const res = await rawCreate(full, "10.1.0.3");
    expect(res.status).toBe(503);
    const body = (await res.json()) as Refused;
    expect(body.code).toBe("SERVER_FULL");
    expect(body.zh.length).toBeGreaterThan(0);
    const player = await new Client(full.ws, from("10.1.0.3")).joinById(first.host.roomId, { name: "Wei" });
    expect((await welcome(player)).role).toBe("player");
    await Promise.all([player.leave(), first.host.leave(), second.host.leave()]);
  });
});

/** Valid-looking codes that are not `taken`. */
function otherCodes(taken: string, count: number): string[] {
  const codes: string[] = [];
  for (let i = 0; codes.length < count; i++) {
    const code = `${JOIN_CODE_ALPHABET[i % JOIN_CODE_ALPHABET.length]}ZZZZ${JOIN_CODE_ALPHABET[(i * 7) % JOIN_CODE_ALPHABET.length]}`;
    if (code !== taken && !codes.includes(code)) codes.push(code);
  }
  return codes;
}

describe("probing", () => {
  let game: { host: AnyRoom; code: string };
  beforeAll(async () => {
    game = await hostGame(server, "10.2.0.1");
    // The session reaches the store a moment after the room exists: wait until the export answers
    // (each try from an address of its own, so the waiting spends nobody's allowance).
    for (let i = 0; ; i++) {
      const res = await fetch(
        `${server.url}/api/export/${game.host.roomId}/events.json`,
        from(`10.9.${Math.floor(i / 250)}.${i % 250}`, { "x-host-secret": SECRET }),
      );
      if (res.status === 200) break;
      await new Promise((r) => setTimeout(r, 25));
    }
  });
  afterAll(() => game.host.leave());

  it("limits join-code look-ups that miss: 429 after 20, for the right code too; other addresses unaffected", async () => {
    const lookup = (code: string, address: string) => fetch(`${server.url}/api/code/${code}`, from(address));
    for (const code of otherCodes(game.code, 20)) expect((await lookup(code, "10.3.0.1")).status).toBe(404);
    const refused = await lookup(otherCodes(game.code, 21)[20] ?? "", "10.3.0.1");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await refused.json()) as Refused).code).toBe("RATE_LIMITED");
    expect((await lookup(game.code, "10.3.0.1")).status).toBe(429);
    const found = await lookup(game.code, "10.3.0.2");
    expect(found.status).toBe(200);
    expect(((await found.json()) as { roomId: string }).roomId).toBe(game.host.roomId);
  });

  it("never counts look-ups that find their game (a class behind one address joins freely)", async () => {
    for (let i = 0; i < 40; i++)
      expect((await fetch(`${server.url}/api/code/${game.code}`, from("10.3.0.3"))).status).toBe(200);
  });

  it("answers an unknown room exactly as a wrong secret, for exports and debriefs", async () => {
    const wrong = { "x-host-secret": "not-the-secret-at-all-000" };
    for (const path of ["/api/export/ROOM/events.csv", "/api/debrief/ROOM"]) {
      const real = await fetch(
        `${server.url}${path.replace("ROOM", game.host.roomId)}`,
        from("10.4.0.1", wrong),
      );
      const unknown = await fetch(
        `${server.url}${path.replace("ROOM", "noSuchRoom")}`,
        from("10.4.0.1", wrong),
      );
      expect(real.status, path).toBe(403);
      expect(unknown.status, path).toBe(real.status);
      expect(await unknown.text(), path).toBe(await real.text());
      const bare = [game.host.roomId, "noSuchRoom"].map((id) =>
        fetch(`${server.url}${path.replace("ROOM", id)}`),
      );
      const [a, b] = await Promise.all(bare);
      expect(a?.status, path).toBe(b?.status);
      expect(await a?.text(), path).toBe(await b?.text());
    }
  });

  it("limits wrong secrets per address: 429 after 10, for the right one too, across exports and debriefs", async () => {
    const exportAs = (address: string, secret: string) =>
      fetch(
        `${server.url}/api/export/${game.host.roomId}/events.json`,
        from(address, { "x-host-secret": secret }),
      );
    for (let i = 0; i < 10; i++)
      expect((await exportAs("10.5.0.1", `wrong-secret-${i}-0000000`)).status).toBe(403);
    const refused = await exportAs("10.5.0.1", "wrong-secret-x-0000000");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await refused.json()) as Refused;
    expect(body.code).toBe("RATE_LIMITED");
    expect(body.zh.length).toBeGreaterThan(0);
    expect((await exportAs("10.5.0.1", SECRET)).status).toBe(429);
    const debrief = await fetch(
      `${server.url}/api/debrief/${game.host.roomId}`,
      from("10.5.0.1", { "x-host-secret": SECRET }),
    );
    expect(debrief.status).toBe(429);
    expect((await exportAs("10.5.0.2", SECRET)).status).toBe(200);
  });

  it("never counts the right secret: the host exports as often as they like", async () => {
    for (let i = 0; i < 15; i++) {
      const res = await fetch(
        `${server.url}/api/export/${game.host.roomId}/company-days.csv`,
        from("10.6.0.1", { "x-host-secret": SECRET }),
      );
      expect(res.status).toBe(200);
      await res.body?.cancel();
    }
  });
});
