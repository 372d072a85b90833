/**
 * Finance over a real server and a real colyseus.js client (issue #13 §4): a loan quoted by preview is
 * taken at the quoted rate and shows in the synced view (debt, pledged lot), a pledged lot cannot be
 * sold, BTC is bought at the quoted total, interest accrues on the days that follow, and repaying the
 * loan in full closes it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import type { PreviewReply } from "../../shared/protocol/index.ts";
import { next, until, type AnyRoom } from "../helpers/rooms.ts";
import { cleanup, startTestServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
const SECRET = "finance-secret-0123456789";

beforeAll(async () => {
  server = await startTestServer(2860);
});
afterAll(async () => {
  await server.stop();
  cleanup(server);
});

async function preview(room: AnyRoom, ref: string, command: object): Promise<PreviewReply> {
  const answer = new Promise<PreviewReply>((resolve) => {
    const off = room.onMessage("preview", (m: PreviewReply & { ref?: string }) => {
      if (m.ref === ref) {
        off();
        resolve(m);
      }
    });
  });
  room.send("preview", { ref, kind: "command", command });
  return answer;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const priv = (room: AnyRoom): any => room.state.companies.get("p1")?.priv;

describe("finance through the server", () => {
  it("borrows at the quoted terms, refuses to sell the pledge, buys BTC, accrues interest, repays", async () => {
    const host = await new Client(server.ws).create("game", {
      scenario: "tariffs-2025",
      seats: 2,
      pace: 16,
      visibility: "private",
      hostSecret: SECRET,
      name: "Finance",
    });
    await next(host, "welcome");
    const player = await new Client(server.ws).joinById(host.roomId, { name: "Ana" });
    await next(player, "welcome");
    host.send("host", { action: { type: "start" } });
    await until(() => host.state.tick >= 1);
    host.send("host", { action: { type: "pause" } });
    await until(() => player.state.phase === "paused");

    player.send("command", {
      ref: "u1",
      command: { type: "buyUsed", model: "s19", quantity: 200, region: "us-texas" },
    });
    await next(player, "ack");
    await until(() => priv(player)?.lots.size === 1);
    const lot = [...priv(player).lots.values()][0] as { id: string };

    const ask = { type: "borrow", cents: 5_000_000, termDays: 90, lots: [lot.id], btcSats: 0 };
    const quoted = await preview(player, "q1", ask);
    expect(quoted.ok).toBe(true);
    if (quoted.quote?.kind !== "loan") throw new Error("no loan quote");
    expect(quoted.quote.rateBps).toBe(quoted.quote.riskFreeBps + (quoted.quote.spreadBps ?? NaN));
    const cash = priv(player).cashCents as number;
    player.send("command", { ref: "b1", command: ask });
    await next(player, "ack");
    await until(() => priv(player).loans.size === 1);
    expect(priv(player).cashCents - cash).toBe(5_000_000);
    expect(priv(player).finance.debtCents).toBe(5_000_000);
    const loan = [...priv(player).loans.values()][0] as { id: string; rateBps: number };
    expect(loan.rateBps).toBe(quoted.quote.rateBps);
    await until(() => priv(player).lots.get(lot.id)?.pledgedTo === loan.id);

    const refused = next<{ code: string }>(player, "error");
    player.send("command", { ref: "s1", command: { type: "sellMachines", lot: lot.id, quantity: 1 } });
    expect((await refused).code).toBe("LOT_PLEDGED");

    const buy = { type: "buyBtc", sats: 10_000_000 };
    const buyQuote = await preview(player, "q2", buy);
    if (buyQuote.quote?.kind !== "btcBuy") throw new Error("no BTC quote");
    expect(buyQuote.quote.feeCents).toBeGreaterThan(0);
    const before = priv(player).cashCents as number;
    player.send("command", { ref: "b2", command: buy });
    await next(player, "ack");
    await until(() => priv(player).btcSats === 10_000_000);
    expect(before - priv(player).cashCents).toBe(buyQuote.quote.totalCents);

    // A few days on: cash earned the risk-free rate and the loan cost its rate.
    host.send("host", { action: { type: "resume" } });
    await until(
      () => priv(player).finance.interestPaidCents > 0 && priv(player).finance.interestEarnedCents > 0,
    );
    host.send("host", { action: { type: "pause" } });
    await until(() => player.state.phase === "paused");

    player.send("command", { ref: "r1", command: { type: "repay", loan: loan.id, cents: 5_000_000 } });
    await next(player, "ack");
    await until(() => priv(player).loans.size === 0);
    expect(priv(player).finance.debtCents).toBe(0);
    await Promise.all([player.leave(), host.leave()]);
  });
});
