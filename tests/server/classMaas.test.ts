/**
 * The class-sized world and machine leases over a real server and real colyseus.js clients: a host
 * creates a class-sized game (the difficulty and network are the world's scaled down, the players' share
 * shows), and two players make a machine lease: the lessee pays the upfront fee and gets the hashrate.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import { next, until, type AnyRoom } from "../helpers/rooms.ts";
import { cleanup, startTestServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
const SECRET = "classmaas-secret-0123456789";

beforeAll(async () => {
  server = await startTestServer(2890);
});
afterAll(async () => {
  await server.stop();
  cleanup(server);
});

interface Notice {
  kind: string;
  text: { en: string };
}

/** A game of two seats, each held by a person, started and then paused on day 1. */
async function game(
  worldSize: "full" | "class",
  inLobby?: (host: AnyRoom) => Promise<void>,
): Promise<{ host: AnyRoom; ana: AnyRoom; bo: AnyRoom }> {
  const host = await new Client(server.ws).create("game", {
    scenario: "halving-2020",
    seats: 2,
    pace: 16,
    seed: 7,
    fillWithBots: false,
    visibility: "private",
    hostSecret: SECRET,
    name: `World ${worldSize}`,
    worldSize,
  });
  await next(host, "welcome");
  const ana = await new Client(server.ws).joinById(host.roomId, { name: "Ana" });
  await next(ana, "welcome");
  const bo = await new Client(server.ws).joinById(host.roomId, { name: "Bo" });
  await next(bo, "welcome");
  await inLobby?.(host);
  host.send("host", { action: { type: "start" } });
  await until(() => host.state.tick >= 1);
  host.send("host", { action: { type: "pause" } });
  await until(() => ana.state.phase === "paused");
  return { host, ana, bo };
}

async function command(room: AnyRoom, ref: string, cmd: object): Promise<void> {
  room.send("command", { ref, command: cmd });
  await next(room, "ack");
}

const priv = (room: AnyRoom, seat: string) => room.state.companies.get(seat)?.priv;

describe("a class-sized game with a machine lease", () => {
  it("scales the network and difficulty, and leases a lot's hashrate from Ana to Bo", async () => {
    const full = await game("full");
    const small = await game("class");
    const ratio = small.host.state.difficulty / full.host.state.difficulty;
    expect(ratio).toBeGreaterThan(0);
    expect(ratio).toBeLessThan(0.2);
    expect(small.host.state.networkThs / full.host.state.networkThs).toBeLessThan(0.2);

    const { host, ana, bo } = small;
    const model = "s9";
    await command(ana, "b1", { type: "buyUsed", model, quantity: 100, region: "us-texas" });
    await until(() => priv(ana, "p1").lots.size === 1);
    const lot = [...priv(ana, "p1").lots.values()][0] as { id: string; kw: number };
    await command(ana, "l1", { type: "leaseCapacity", region: "us-texas", kw: Math.ceil(lot.kw) });
    await command(ana, "i1", { type: "installLot", lot: lot.id, region: "us-texas" });
    const offered = next<Notice>(bo, "notice");
    const lease = {
      type: "offerMachineLease",
      lot: lot.id,
      to: "p2",
      termDays: 30,
      upfrontCents: 5_000_00,
      dailyCents: 10_00,
      days: 5,
    };
    await command(ana, "o1", lease);
    host.send("host", { action: { type: "resume" } });
    const notice = await offered;
    expect(notice.kind).toBe("machineLeaseOffered");
    const id = /lease (ml-\d+)/.exec(notice.text.en)?.[1] as string;
    host.send("host", { action: { type: "pause" } });
    await until(() => bo.state.phase === "paused");
    const before = priv(bo, "p2").cashCents as number;
    await command(bo, "a1", { type: "answerMachineLease", lease: id, accept: true });
    await until(() => (priv(bo, "p2").cashCents as number) <= before - 5_000_00);
    host.send("host", { action: { type: "resume" } });
    // Bo owns no machine, yet hashes: the leased lot's hashrate is his.
    await until(() => (bo.state.companies.get("p2").shareBps as number) > 0);
    expect([...priv(ana, "p1").lots.values()].length).toBe(1);
    for (const room of [full.host, full.ana, full.bo, host, ana, bo]) await room.leave();
  });

  it("lets the host switch a game to a class-sized world in the lobby, and keeps it once started", async () => {
    const { host, ana, bo } = await game("full", async (h) => {
      expect(h.state.classWorld).toBe(false);
      h.send("host", { action: { type: "worldSize", size: "class" } });
      await until(() => h.state.classWorld === true);
    });
    expect(host.state.tick).toBeGreaterThanOrEqual(1);
    expect(host.state.classWorld).toBe(true);
    host.send("host", { action: { type: "worldSize", size: "full" } });
    const refused = await next<{ code: string }>(host, "error");
    expect(refused.code).toBeTruthy();
    expect(host.state.classWorld).toBe(true);
    for (const room of [host, ana, bo]) await room.leave();
  });
});
