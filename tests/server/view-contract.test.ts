/**
 * The view contract, end to end without a network: a game with an installed fleet, an order at the
 * factory, a lot at sea and an open offer is projected by viewOf, written into the room's schema,
 * encoded the way the room encodes it for the host (every private part visible), decoded by a client
 * decoder that knows nothing but the handshake, and read back by the client's toView. What the client
 * reads must equal what viewOf wrote, and every figure must be the engine's own. A field declared and
 * never written (the HUD's `ths`, once) shows up as a default where the engine has a figure.
 */
import { describe, expect, it } from "vitest";
import { Encoder, Reflection, StateView } from "@colyseus/schema";
import { applyCommand, step, validate, type Command, type StepReport } from "../../shared/index.ts";
import { equities } from "../../shared/engine/companies.ts";
import { lotDay } from "../../shared/engine/economics.ts";
import { powerPriceToday } from "../../shared/engine/regions.ts";
import type { GameState } from "../../shared/engine/state.ts";
import { emptyNewsBoard, postNews } from "../../shared/view/news.ts";
import { viewOf } from "../../shared/view/project.ts";
import { EngineCaches } from "../../shared/engine/caches.ts";
import type { GameView, WorldView } from "../../shared/view/types.ts";
import { GameRoomState } from "../../server/schema/state.ts";
import { writeView } from "../../server/schema/write.ts";
import { toView } from "../../client/src/net/view.ts";
import { newGame, player, stepUntil } from "../helpers/game.ts";

function ok(g: GameState, who: number, cmd: Command): void {
  const result = applyCommand(g, player(who), cmd);
  if (!result.ok) throw new Error(`${cmd.type}: ${result.error.message.en}`);
}

/** Two companies: p1 mines in Texas, has machines on order and on the road, and offers a lot to p2. */
function busyGame(): { g: GameState; report: StepReport; news: ReturnType<typeof emptyNewsBoard> } {
  const g = newGame("halving-2020", 5, 2);
  stepUntil(g, "2020-10-01");
  ok(g, 1, { type: "buyUsed", model: "s19-pro", quantity: 20, region: "us-texas" });
  const mining = g.lots.at(-1)?.id ?? "";
  ok(g, 1, { type: "leaseCapacity", region: "us-texas", kw: 200, renewable: true });
  ok(g, 1, { type: "installLot", lot: mining, region: "us-texas" });
  ok(g, 1, { type: "buyUsed", model: "s19-pro", quantity: 6, region: "us-texas" });
  ok(g, 1, {
    type: "offerLot",
    lot: g.lots.at(-1)?.id ?? "",
    quantity: 6,
    to: "p2",
    priceCents: 900_000,
    days: 20,
  });
  ok(g, 1, { type: "orderMachines", model: "s19-pro", quantity: 10 });
  let news = emptyNewsBoard();
  let report = step(g);
  for (let i = 0; i < 3; i++) {
    report = step(g);
    news = postNews(news, report.notices, g.scenario.regions);
  }
  ok(g, 1, { type: "buyUsed", model: "s19-pro", quantity: 4, region: "us-texas" });
  ok(g, 1, {
    type: "shipLot",
    lot: g.lots.at(-1)?.id ?? "",
    to: "us-washington",
    mode: "truck",
    insured: false,
  });
  report = step(g);
  news = postNews(news, report.notices, g.scenario.regions);
  return { g, report, news };
}

/** Through the wire: the room's schema, encoded for a view that sees every company, decoded blind. */
function throughTheWire(world: WorldView): GameView {
  const room = new GameRoomState();
  room.phase = "running";
  room.scenario = "halving-2020";
  writeView(room, world);
  const encoder = new Encoder(room);
  const view = new StateView();
  for (const c of room.companies.values()) view.add(c.priv);
  const it = { offset: 0 };
  encoder.encodeAll(it);
  const bytes = encoder.encodeAllView(view, it.offset, { ...it });
  const decoder = Reflection.decode<GameRoomState>(Reflection.encode(encoder));
  decoder.decode(bytes);
  return toView(decoder.state);
}

describe("the view contract", () => {
  const { g, report, news } = busyGame();
  const hashing = new Map(report.ledgers.map((l) => [l.company, l.ths]));
  const seats = [
    { name: "Kai", kind: "human" as const, connected: true },
    { name: "Bot", kind: "bot" as const, connected: false },
  ];
  const caches = new EngineCaches();
  const world = viewOf(g, { seats, hideNames: false, hashing, news }, caches);
  const seen = throughTheWire(world);

  it("reaches the client as viewOf wrote it, field for field", () => {
    const byRank = [...world.companies].sort((a, b) => a.rank - b.rank);
    expect(seen).toEqual({
      ...world,
      companies: byRank,
      phase: "running",
      scenario: "halving-2020",
      code: "",
      privateRoom: false,
      pace: 1,
      hideNames: false,
    });
  });

  it("carries the engine's own figures", () => {
    const me = seen.companies.find((c) => c.seat === "p1");
    const company = g.companies[0];
    const ledger = report.ledgers.find((l) => l.company === "p1");
    expect(me?.ths).toBeGreaterThan(0);
    expect(me?.ths).toBe(ledger?.ths);
    expect(seen.playerThs).toBe(g.playerThs);
    expect(me?.equityCents).toBe(equities(g, caches)[0]);
    expect(me?.priv?.cashCents).toBe(company?.cashCents);
    expect(me?.priv?.btcSats).toBe(company?.btcSats);
    expect(seen.priceCents).toBe(g.market.priceCents);
    const texas = g.world.regions.findIndex((r) => r.id === "us-texas");
    expect(seen.regions.find((r) => r.id === "us-texas")?.powerMicroUsdPerKwh).toBe(
      powerPriceToday(g, texas, caches),
    );
    for (const lot of me?.priv?.lots ?? []) {
      const engine = g.lots.find((l) => l.id === lot.id);
      expect(lot.pnlCentsPerDay).toBe(engine ? lotDay(g, engine, caches).netCents : NaN);
    }
  });

  it("writes every figure the engine has: nothing declared is left at its default", () => {
    const me = seen.companies.find((c) => c.seat === "p1");
    const lots = me?.priv?.lots ?? [];
    expect(new Set(lots.map((l) => l.status))).toEqual(
      new Set(["installed", "stored", "onOrder", "inTransit"]),
    );
    expect(lots.find((l) => l.status === "inTransit")?.placeKind).toBe("shipment");
    expect(lots.find((l) => l.status === "inTransit")?.untilDay).toBeGreaterThan(g.day);
    expect(lots.find((l) => l.status === "onOrder")?.untilDay).toBeGreaterThan(g.day);
    expect(lots.find((l) => l.status === "onOrder")?.placeKind).toBe("factory");
    const installed = lots.find((l) => l.status === "installed");
    for (const [key, value] of Object.entries(installed ?? {}))
      if (typeof value === "number" && key !== "untilDay") expect([key, value]).not.toEqual([key, 0]);
    for (const key of ["equityCents", "minedSats", "ths", "carbonKg", "rank"] as const)
      expect([key, me?.[key]]).not.toEqual([key, 0]);
    const numbers = Object.entries(seen).filter(([, v]) => typeof v === "number");
    for (const [key, value] of numbers)
      if (key !== "retargetEstimatePct") expect([key, value]).not.toEqual([key, 0]);
    expect(me?.priv?.offers).toHaveLength(1);
    expect(me?.priv?.leases).toEqual([{ region: "us-texas", kw: 200, renewable: true }]);
    expect(seen.shipments.length).toBeGreaterThan(0);
    expect(seen.shipments[0]?.path.length).toBeGreaterThan(2);
  });

  it("carries each lot's actions as the engine's commands judge them", () => {
    const lots = seen.companies.find((c) => c.seat === "p1")?.priv?.lots ?? [];
    const by = (status: string) => lots.find((l) => l.status === status);
    expect(by("installed")).toMatchObject({ canShip: true, canInstall: false, canPower: true });
    expect(by("stored")).toMatchObject({ canShip: true, canInstall: true, canPower: false });
    expect(by("onOrder")).toMatchObject({ canShip: false, canInstall: false, canPower: false });
    expect(by("inTransit")).toMatchObject({ canShip: false, canInstall: false, canPower: false });
    for (const lot of lots) {
      const power = validate(g, player(1), { type: "powerLot", lot: lot.id, on: !lot.powered }, caches);
      expect([lot.id, lot.canPower]).toEqual([lot.id, power === null]);
      const install = validate(
        g,
        player(1),
        { type: "installLot", lot: lot.id, region: lot.placeId },
        caches,
      );
      if (install === null) expect(lot.canInstall).toBe(true);
      if (!lot.canInstall) expect(install).not.toBeNull();
    }
  });

  it("hides another seat's private part", () => {
    const room = new GameRoomState();
    writeView(room, world);
    const encoder = new Encoder(room);
    const view = new StateView();
    view.add(room.companies.get("p2")?.priv as never);
    const it = { offset: 0 };
    encoder.encodeAll(it);
    const decoder = Reflection.decode<GameRoomState>(Reflection.encode(encoder));
    decoder.decode(encoder.encodeAllView(view, it.offset, { ...it }));
    const v = toView(decoder.state);
    expect(v.companies.find((c) => c.seat === "p1")?.priv).toBeNull();
    expect(v.companies.find((c) => c.seat === "p2")?.priv?.cashCents).toBe(g.companies[1]?.cashCents);
  });
});

describe("writeView", () => {
  const item = (day: number) => ({
    day,
    kind: "policy",
    en: `n${day}`,
    zh: `新闻${day}`,
    targets: ["us-texas"],
  });
  const base = viewOf(
    newGame("halving-2020", 2, 2),
    {
      seats: [],
      hideNames: true,
      hashing: new Map(),
      news: { ticker: [item(1), item(2), item(3)], regions: {} },
    },
    new EngineCaches(),
  );

  it("follows a rolling list, a shrinking map and changed figures", () => {
    const room = new GameRoomState();
    writeView(room, base);
    const second = room.news.at(1);
    const next = {
      ...base,
      priceCents: base.priceCents + 1,
      news: [item(2), item(3), item(4)],
      shipments: [],
      companies: base.companies.slice(1),
    };
    writeView(room, next);
    expect(room.news.at(0)).toBe(second); // shifted, not rewritten
    expect(room.news.map((n) => n.day)).toEqual([2, 3, 4]);
    expect([...room.companies.keys()]).toEqual(["p2"]);
    expect(room.priceCents).toBe(base.priceCents + 1);
    expect(room.companies.get("p2")?.name).toBe("Company 2");
  });
});
