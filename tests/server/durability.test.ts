/**
 * Acknowledged means stored. Before, a command was acknowledged and then written: killed right after
 * an ack, 3 of 3 acknowledged commands were missing after the restart. Here a player sends bursts of
 * commands; the server is killed (SIGKILL, no goodbye) the moment an ack arrives; after each restart
 * every acknowledged command must be in the stored log. Twenty rounds, one database.
 */
import { afterAll, describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import { storedRatios } from "../helpers/exports.ts";
import { until, welcome, type AnyRoom } from "../helpers/rooms.ts";
import { cleanup, startTestServer, type TestServer } from "../helpers/server.ts";

const SECRET = "durable-secret-0123456789";
const PORT = 2748;
const ROUNDS = 20;
const BURST = 8;
let server: TestServer | null = null;
let dir: string | undefined;
afterAll(async () => {
  await server?.stop("SIGKILL").catch(() => undefined);
  if (server) cleanup(server);
});

/** Sends a burst of commands and kills the server the instant the `killAt`-th ack arrives. */
async function burstThenKill(
  s: TestServer,
  player: AnyRoom,
  round: number,
  killAt: number,
): Promise<number[]> {
  const acked: number[] = [];
  let killed = false;
  player.onMessage("ack", (m: { ref: string }) => {
    if (killed) return;
    acked.push(Number(m.ref.split("-")[1]));
    if (acked.length === killAt) {
      killed = true;
      process.kill(s.pid, "SIGKILL");
    }
  });
  for (let i = 0; i < BURST; i++) {
    const ratio = 100 + round * BURST + i; // unique in the whole test: each stored command says which it was
    player.send("command", { ref: `r-${ratio}`, command: { type: "setSellRatio", ratioBps: ratio } });
  }
  await until(() => killed, 30_000);
  await s.stop("SIGKILL").catch(() => undefined);
  return acked;
}

describe("acknowledged means durable", () => {
  it(`loses no acknowledged command when killed right after an ack (${ROUNDS} rounds)`, async () => {
    server = await startTestServer(PORT);
    dir = server.dir;
    const host = await new Client(server.ws).create("game", {
      scenario: "halving-2020",
      seats: 2,
      pace: 1,
      visibility: "private",
      hostSecret: SECRET,
      name: "Lab",
    });
    await welcome(host);
    let player = await new Client(server.ws).joinById(host.roomId, { name: "Kai" });
    const token = (await welcome(player)).seatToken ?? "";
    host.send("host", { action: { type: "start" } });
    await until(() => player.state.phase === "running");

    const everAcked: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const killAt = 1 + (round % BURST); // killed after the first ack, the second, … the last
      everAcked.push(...(await burstThenKill(server, player, round, killAt)));
      server = await startTestServer(PORT, dir);
      const stored = new Set(await storedRatios(server, host.roomId, SECRET));
      const lost = everAcked.filter((r) => !stored.has(r));
      expect(lost, `round ${round}: acknowledged but not stored`).toEqual([]);
      player = await new Client(server.ws).joinById(host.roomId, { name: "Kai", seatToken: token });
      expect((await welcome(player)).seat).toBe("p1");
    }
    expect(everAcked.length).toBeGreaterThanOrEqual(ROUNDS);
    await player.leave();
  }, 300_000);
});
