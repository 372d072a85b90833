/**
 * Previews over a real server and real colyseus.js clients: the engine's quote is what the command then
 * charges, an illegal command's preview gives the engine's reason and changes nothing, a malformed
 * preview is answered with an error on a connection that stays open, and spectators are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "colyseus.js";
import type { PreviewReply, ShopQuote } from "../../shared/protocol/index.ts";
import { next, until, type AnyRoom } from "../helpers/rooms.ts";
import { cleanup, startTestServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
const SECRET = "preview-secret-0123456789";

beforeAll(async () => {
  server = await startTestServer(2592);
});
afterAll(async () => {
  await server.stop();
  cleanup(server);
});

interface ErrorMessage {
  ref?: string;
  code: string;
  message: { en: string; zh: string };
}

/** Sends a preview and waits for the answer with its ref: the reply, or the protocol error. */
async function ask(room: AnyRoom, ref: string, body: object): Promise<PreviewReply | ErrorMessage> {
  const answer = new Promise<PreviewReply | ErrorMessage>((resolve) => {
    const offs = [
      room.onMessage("preview", (m: PreviewReply) => m.ref === ref && (offs.forEach((f) => f()), resolve(m))),
      room.onMessage("error", (m: ErrorMessage) => m.ref === ref && (offs.forEach((f) => f()), resolve(m))),
    ];
  });
  room.send("preview", { ref, ...body });
  return Promise.race([
    answer,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer to ${ref}`)), 5000)),
  ]);
}

const command = (cmd: object) => ({ kind: "command", command: cmd });
const isReply = (m: PreviewReply | ErrorMessage): m is PreviewReply => "ok" in m;

/** A paused game (prices hold still between a preview and its command) with a player in seat p1. */
async function pausedGame(
  before?: (host: AnyRoom) => Promise<void>,
  seats = 2,
): Promise<{ host: AnyRoom; player: AnyRoom }> {
  const host = await new Client(server.ws).create("game", {
    scenario: "halving-2020",
    seats,
    pace: 16,
    visibility: "private",
    hostSecret: SECRET,
    name: "Preview",
  });
  await next(host, "welcome");
  const player = await new Client(server.ws).joinById(host.roomId, { name: "Ana" });
  await next(player, "welcome");
  await before?.(host);
  host.send("host", { action: { type: "start" } });
  await until(() => host.state.tick >= 1);
  host.send("host", { action: { type: "pause" } });
  await until(() => player.state.phase === "paused");
  return { host, player };
}

const cashCents = (room: AnyRoom): number => room.state.companies.get("p1")?.priv?.cashCents as number;

describe("preview", () => {
  it("quotes an order at exactly what the order then charges, and a shipment likewise", async () => {
    const { host, player } = await pausedGame();
    const shop = await ask(player, "s1", { kind: "shop" });
    expect(isReply(shop) && shop.ok).toBe(true);
    const catalog = (shop as PreviewReply).quote as ShopQuote;
    expect(catalog.kind).toBe("shop");
    expect(catalog.factories.length).toBeGreaterThan(0);
    const model = catalog.models.find((m) => m.onSale && m.usedOpen);
    expect(model).toBeDefined();
    expect(model?.breakevenMicroUsdPerKwh).toBeGreaterThan(0);
    expect(model?.unitCents).toBeGreaterThan(0);

    const order = { type: "orderMachines", model: model?.id, quantity: 3 };
    const quoted = await ask(player, "o1", command(order));
    expect(isReply(quoted) && quoted.ok).toBe(true);
    const q = (quoted as PreviewReply).quote;
    if (q?.kind !== "order") throw new Error("no order quote");
    expect(q.unitCents).toBe(model?.unitCents);
    const before = cashCents(player);
    player.send("command", { ref: "c1", command: order });
    await next(player, "ack");
    await until(() => cashCents(player) !== before);
    expect(before - cashCents(player)).toBe(q.totalCents);

    // Used machines arrive at once in a warehouse: ship them, at the quoted freight and insurance.
    player.send("command", {
      ref: "c2",
      command: { type: "buyUsed", model: model?.id, quantity: 2, region: "us-texas" },
    });
    await next(player, "ack");
    await until(() => player.state.companies.get("p1").priv.lots.size === 2);
    const stored = [...player.state.companies.get("p1").priv.lots.values()].find(
      (l: { status: string }) => l.status === "stored",
    ) as { id: string };
    const ship = { type: "shipLot", lot: stored.id, to: "ca-quebec", mode: "truck", insured: true };
    const shipped = await ask(player, "sh1", command(ship));
    if (!isReply(shipped) || shipped.quote?.kind !== "ship") throw new Error("no ship quote");
    expect(shipped.quote.modes.map((m) => m.mode)).toEqual(["air", "sea", "rail", "truck"]);
    const truck = shipped.quote.modes.find((m) => m.mode === "truck");
    expect(truck?.ok).toBe(true);
    expect(shipped.ok).toBe(truck?.ok);
    const mid = cashCents(player);
    player.send("command", { ref: "c3", command: ship });
    await next(player, "ack");
    await until(() => cashCents(player) !== mid);
    expect(mid - cashCents(player)).toBe(truck?.quote?.payNowCents);
    await Promise.all([player.leave(), host.leave()]);
  });

  it("gives the engine's reason for an illegal command and changes nothing", async () => {
    const { host, player } = await pausedGame();
    const before = cashCents(player);
    const tick = player.state.tick as number;
    const big = await ask(
      player,
      "x1",
      command({ type: "orderMachines", model: "s17-pro", quantity: 100_000 }),
    );
    if (!isReply(big)) throw new Error(`refused: ${big.code}`);
    expect(big.ok).toBe(false);
    expect(big.error?.code).toMatch(/INSUFFICIENT_CASH|UNKNOWN_MODEL|NOT_RELEASED/);
    expect(big.error?.message.zh).toMatch(/[\u4e00-\u9fff]/);
    const lease = await ask(player, "x2", command({ type: "leaseCapacity", region: "nowhere", kw: 10 }));
    expect(isReply(lease) && lease.error?.code).toBe("UNKNOWN_REGION");
    const sell = await ask(player, "x3", command({ type: "sellMachines", lot: "lot-999", quantity: 1 }));
    expect(isReply(sell) && sell.error?.code).toBe("UNKNOWN_LOT");
    await new Promise((r) => setTimeout(r, 300));
    expect(cashCents(player)).toBe(before);
    expect(player.state.companies.get("p1").priv.lots.size).toBe(0);
    expect(player.state.tick).toBe(tick);
    await Promise.all([player.leave(), host.leave()]);
  });

  it("answers a malformed preview with an error and keeps the connection", async () => {
    const { host, player } = await pausedGame();
    const bad = await ask(player, "m1", command({ type: "orderMachines", quantity: -1 }));
    expect(isReply(bad) ? "reply" : bad.code).toBe("MALFORMED");
    const worse = await ask(player, "m2", { kind: "everything" });
    expect(isReply(worse) ? "reply" : worse.code).toBe("MALFORMED");
    expect(player.connection.isOpen).toBe(true);
    const fine = await ask(player, "m3", command({ type: "setSellRatio", ratioBps: 2500 }));
    expect(isReply(fine) && fine.ok).toBe(true);
    await Promise.all([player.leave(), host.leave()]);
  });

  it("refuses spectators, lets the host look at a seat and keeps players to their own", async () => {
    const { host, player } = await pausedGame();
    const watcher = await new Client(server.ws).joinById(host.roomId, { name: "Sam", role: "spectator" });
    await next(watcher, "welcome");
    const refused = await ask(watcher, "w1", { kind: "shop" });
    expect(isReply(refused) ? "reply" : refused.code).toBe("SPECTATOR");
    expect(watcher.connection.isOpen).toBe(true);
    const other = await ask(player, "w2", { kind: "shop", seat: "p2" });
    expect(isReply(other) ? "reply" : other.code).toBe("NOT_HOST");
    const seatless = await ask(host, "w3", { kind: "shop" });
    expect(isReply(seatless) ? "reply" : seatless.code).toBe("NOT_A_PLAYER");
    const asP1 = await ask(host, "w4", { kind: "shop", seat: "p1" });
    expect(isReply(asP1) && asP1.quote?.kind === "shop" && asP1.quote.cashCents).toBe(cashCents(player));
    await Promise.all([watcher.leave(), player.leave(), host.leave()]);
  });

  it("answers another company's lot or offer exactly as an id that does not exist", async () => {
    let rival!: AnyRoom;
    const { host, player } = await pausedGame(async (h) => {
      rival = await new Client(server.ws).joinById(h.roomId, { name: "Bo" });
      await next(rival, "welcome");
    }, 3); // p3 is a bot: the third party
    const shop = (await ask(rival, "s", { kind: "shop" })) as PreviewReply;
    const model = (shop.quote as ShopQuote).models.find((m) => m.onSale && m.usedOpen)?.id;
    rival.send("command", {
      ref: "b1",
      command: { type: "buyUsed", model, quantity: 5, region: "us-texas" },
    });
    await next(rival, "ack");
    await until(() => rival.state.companies.get("p2")?.priv?.lots.size === 1);
    const lot = [...rival.state.companies.get("p2").priv.lots.keys()][0] as string;
    rival.send("command", {
      ref: "b2",
      command: { type: "offerLot", lot, quantity: 1, to: "p1", priceCents: 100, days: 5 },
    });
    await next(rival, "ack");

    // The player (p1) probes: the rival's real lot and a made-up one get the same answer, word for word.
    const sellTheirs = await ask(player, "l1", command({ type: "sellMachines", lot, quantity: 1 }));
    const sellNone = await ask(player, "l2", command({ type: "sellMachines", lot: "lot-9999", quantity: 1 }));
    const same = (m: PreviewReply | ErrorMessage, id: string) =>
      isReply(m) ? { ok: m.ok, code: m.error?.code, en: m.error?.message.en.replace(id, "ID") } : m.code;
    expect(same(sellTheirs, lot)).toEqual(same(sellNone, "lot-9999"));
    expect(same(sellTheirs, lot)).toMatchObject({ ok: false, code: "UNKNOWN_LOT" });

    // The host previews as p3, a third party: an offer p3 neither made nor received is unknown.
    await until(() => player.state.companies.get("p1")?.priv?.offers.size === 1);
    const offerId = [...player.state.companies.get("p1").priv.offers.keys()][0] as string;
    const asThird = await ask(host, "o1", {
      ...command({ type: "respondOffer", offer: offerId, accept: true }),
      seat: "p3",
    });
    const asNone = await ask(host, "o2", {
      ...command({ type: "respondOffer", offer: "offer-999", accept: true }),
      seat: "p3",
    });
    expect(same(asThird, offerId)).toEqual(same(asNone, "offer-999"));
    expect(same(asThird, offerId)).toMatchObject({ ok: false, code: "UNKNOWN_OFFER" });
    expect(JSON.stringify(asThird)).not.toMatch(/Seat|p1|Ana/);
    await Promise.all([rival.leave(), player.leave(), host.leave()]);
  });
});
