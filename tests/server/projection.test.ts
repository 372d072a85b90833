/**
 * A company's hashrate reaches the players' screens. `CompanyView.ths` was declared and read by the
 * HUD ("my share") but never written, so every share read 0%. Here one player buys used machines in
 * Texas, leases room there and installs them; the synced TH/s must be the engine's own figure: with one
 * hashing company, the players' total the engine reports (playerThs).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import type { PreviewReply, ShopQuote } from "../../shared/protocol/index.ts";
import { next, until, welcome, type AnyRoom } from "../helpers/rooms.ts";
import { cleanup, startTestServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(2752);
});
afterAll(async () => {
  await server.stop();
  cleanup(server);
});

async function acked(room: AnyRoom, ref: string, command: object): Promise<void> {
  const answer = new Promise<void>((resolve, reject) => {
    const offs = [
      room.onMessage("ack", (m: { ref: string }) => m.ref === ref && (offs.forEach((f) => f()), resolve())),
      room.onMessage("error", (m: { ref?: string; code: string }) => {
        if (m.ref === ref) reject(new Error(`${ref} refused: ${m.code}`));
      }),
    ];
  });
  room.send("command", { ref, command });
  return answer;
}

describe("the synced view", () => {
  it("shows a hashing company's TH/s, equal to the engine's figure", async () => {
    const host = await new Client(server.ws).create("game", {
      scenario: "halving-2020",
      seats: 1,
      pace: 8,
      hostSecret: "projection-secret-0123456789",
      name: "Lab",
    });
    await welcome(host);
    const player = await new Client(server.ws).joinById(host.roomId, { name: "Kai" });
    await welcome(player);
    host.send("host", { action: { type: "start" } });
    await until(() => player.state.tick >= 1);

    player.send("preview", { ref: "shop", kind: "shop" });
    const shop = (await next<PreviewReply>(player, "preview")).quote as ShopQuote;
    const model = shop.models.find((m) => m.onSale && m.usedOpen);
    await acked(player, "buy", { type: "buyUsed", model: model?.id, quantity: 20, region: "us-texas" });
    await acked(player, "lease", { type: "leaseCapacity", region: "us-texas", kw: 200 });
    await until(() => player.state.companies.get("p1")?.priv?.lots.size === 1);
    const lot = [...player.state.companies.get("p1").priv.lots.keys()][0] as string;
    await acked(player, "install", { type: "installLot", lot, region: "us-texas" });

    await until(() => (player.state.companies.get("p1")?.ths as number) > 0, 30_000);
    const mine = player.state.companies.get("p1").ths as number;
    expect(mine).toBe(player.state.playerThs as number);
    expect(mine).toBeGreaterThan(0.5 * 20 * (model?.ths ?? 0)); // most of 20 machines' TH/s, after uptime
    await Promise.all([player.leave(), host.leave()]);
  }, 60_000);
});
