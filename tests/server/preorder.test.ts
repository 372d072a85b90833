/**
 * Pre-orders over a real server and real colyseus.js clients (issue #13 §3): a pre-order's quote says
 * its place in the factory queue and when its units ship, the order charges the bid's price, a later
 * higher bid from another company takes the first place (each company's view says where it stands),
 * and cancelling refunds what the view said it would.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import type { PreviewReply } from "../../shared/protocol/index.ts";
import { next, pausedPair, previewCommand, until, type AnyRoom } from "../helpers/rooms.ts";
import { cleanup, startTestServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
const SECRET = "preorder-secret-0123456789";

beforeAll(async () => {
  server = await startTestServer(2840);
});
afterAll(async () => {
  await server.stop();
  cleanup(server);
});

const ask = (room: AnyRoom, ref: string, command: object) => previewCommand<PreviewReply>(room, ref, command);

async function send(room: AnyRoom, ref: string, command: object): Promise<void> {
  room.send("command", { ref, command });
  await next(room, "ack");
}

interface PreorderRow {
  id: string;
  position: number;
  queueLength: number;
  premiumBps: number;
  refundCents: number;
  batches: number;
  firstQuantity: number;
}
const priv = (room: AnyRoom, seat: string) => room.state.companies.get(seat)?.priv;
const preorders = (room: AnyRoom, seat: string): PreorderRow[] =>
  [...(priv(room, seat)?.preorders?.values() ?? [])] as PreorderRow[];
const cash = (room: AnyRoom, seat: string): number => priv(room, seat)?.cashCents as number;

describe("pre-orders through the server", () => {
  it("queues by bid, charges the quote, and refunds a cancel as the view says", async () => {
    const {
      host,
      first: ana,
      second: bo,
    } = await pausedPair(Client, server.ws, {
      scenario: "halving-2020",
      name: "Pre-orders",
      hostSecret: SECRET,
    });

    const plain = { type: "orderMachines", model: "m30s", quantity: 40, factory: "cn-shenzhen" };
    const q1 = await ask(ana, "q1", plain);
    if (q1.quote?.kind !== "order") throw new Error("no order quote");
    expect(q1.ok).toBe(true);
    expect(q1.quote.queuePosition).toBe(1);
    expect(q1.quote.schedule.reduce((n, b) => n + b.quantity, 0)).toBe(40);
    const before = cash(ana, "p1");
    await send(ana, "c1", plain);
    await until(() => preorders(ana, "p1").length === 1);
    expect(before - cash(ana, "p1")).toBe(q1.quote.totalCents);

    const bid = { ...plain, quantity: 30, premiumBps: 1_000 };
    const q2 = await ask(bo, "q2", bid);
    if (q2.quote?.kind !== "order") throw new Error("no order quote");
    expect(q2.quote.queuePosition).toBe(1);
    expect(q2.quote.unitCents).toBe(Math.round(q2.quote.listCents * 1.1));
    await send(bo, "c2", bid);
    await until(() => preorders(bo, "p2").length === 1 && preorders(ana, "p1")[0]?.position === 2);
    expect(preorders(bo, "p2")[0]).toMatchObject({ position: 1, queueLength: 2, premiumBps: 1_000 });
    // When its batches ship reaches the client too.
    expect(preorders(bo, "p2")[0]).toMatchObject({ batches: 1, firstQuantity: 30 });
    // Each sees only its own pre-orders.
    expect(preorders(ana, "p2")).toHaveLength(0);

    const mine = preorders(ana, "p1")[0] as PreorderRow;
    const held = cash(ana, "p1");
    await send(ana, "c3", { type: "cancelPreorder", order: mine.id });
    await until(() => preorders(ana, "p1").length === 0);
    expect(cash(ana, "p1") - held).toBe(mine.refundCents);
    await until(() => preorders(bo, "p2")[0]?.queueLength === 1);
    await Promise.all([ana.leave(), bo.leave(), host.leave()]);
  });
});
