/**
 * Markets: buying used machines from outside sellers, and offers of machines between players. Every
 * rejection leaves the state hash where it was.
 */
import { stockUsed } from "../helpers/usedMarket.ts";
import { quoteBuyUsed } from "../../shared/engine/commands/usedMachines.ts";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { applyCommand, stateHash, step, type Command } from "../../shared/index.ts";
import { lotThs, modelOf, usedLeaseKw } from "../../shared/engine/fleet.ts";
import { LEDGER_KINDS } from "../../shared/engine/ledger.ts";
import {
  usedAskUnitCents,
  usedBidUnitCents,
  usedTierOf,
  usedValueUnitCents,
} from "../../shared/engine/market.ts";
import type { GameState, Lot } from "../../shared/engine/state.ts";
import type { AsicModel } from "../../shared/scenario/types.ts";
import { newGame, player, stepUntil } from "../helpers/game.ts";
import { EngineCaches } from "../../shared/engine/caches.ts";

/** The engine's caches for the look-ups and quotes these tests make outside commands and steps. */
const caches = new EngineCaches();

let base: GameState;
let g: GameState;
beforeAll(() => {
  base = newGame("halving-2020", 5, 3);
  stepUntil(base, "2020-10-01"); // the S19 Pro (May 2020) has had its 90 days: used units exist
});
beforeEach(() => {
  g = structuredClone(base);
});

type Who = ReturnType<typeof player>;

function expectRejected(actor: Who, cmd: unknown, code: string, state: GameState = g): void {
  const before = stateHash(state);
  const result = applyCommand(state, actor, cmd);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe(code);
  expect(result.error.message.en.length).toBeGreaterThan(5);
  expect(result.error.message.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(stateHash(state)).toBe(before);
}

function ok(actor: Who, cmd: Command, state: GameState = g): void {
  expect(applyCommand(state, actor, cmd)).toEqual({ ok: true });
}

const s19pro = (): AsicModel => modelOf(g, "s19-pro", caches) as AsicModel;
const company = (n: number) => g.companies[n - 1] as (typeof g.companies)[number];
const lotById = (id: string): Lot | undefined => g.lots.find((l) => l.id === id);

/** Player `n` buys `quantity` used S19 Pros in Texas; returns the new lot's id. */
function buyLot(n = 1, quantity = 10): string {
  ok(player(n), { type: "buyUsed", model: "s19-pro", quantity, region: "us-texas" });
  return (g.lots.at(-1) as Lot).id;
}

function offer(lot: string, quantity: number, priceCents: number, days = 3, to = "p2"): string {
  ok(player(1), { type: "offerLot", lot, quantity, to, priceCents, days });
  return g.offers.at(-1)?.id ?? "";
}

describe("buyUsed", () => {
  it("puts a stored lot in the region's warehouse and charges exactly the ask", () => {
    const cash = company(1).cashCents;
    // The world's ask is the index plus the spread; a seller gets the index minus it.
    expect(usedAskUnitCents(g, s19pro())).toBeGreaterThan(usedValueUnitCents(g, s19pro()));
    expect(usedValueUnitCents(g, s19pro())).toBeGreaterThan(usedBidUnitCents(g, s19pro()));
    // A used lot is priced by Texas's own market (usedMarket.test.ts): the quote is what is charged.
    const quote = quoteBuyUsed(
      g,
      { type: "buyUsed", model: "s19-pro", quantity: 10, region: "us-texas" },
      caches,
    );
    const ask = (quote?.totalCents ?? 0) / 10;
    const id = buyLot(1, 10);
    expect(lotById(id)).toMatchObject({
      owner: "p1",
      model: "s19-pro",
      quantity: 10,
      status: "stored",
      location: { kind: "region", region: "us-texas" },
      powered: false,
      origin: "CN",
      costCents: ask * 10,
    });
    expect(company(1).cashCents).toBe(cash - ask * 10);
    expect(company(1).ledger.at(-1)).toMatchObject({ kind: "machinePurchase", cents: -ask * 10 });
    expect(g.boughtUsedUnits["s19-pro"]).toBe(10);
    // Bought in the region, the lot can be installed there at once.
    ok(player(1), { type: "leaseCapacity", region: "us-texas", kw: 33 });
    ok(player(1), { type: "installLot", lot: id, region: "us-texas" });
  });

  it("pushes the tier's index up at the next mark, and at most doubles it", () => {
    const tier = usedTierOf(s19pro().efficiencyJPerTh);
    const control = structuredClone(g);
    buyLot(1, 40);
    const huge = structuredClone(g);
    step(g);
    step(control);
    const moved = g.market.usedCentsPerTh[tier] as number;
    const still = control.market.usedCentsPerTh[tier] as number;
    expect(moved).toBeGreaterThan(still);
    // Other tiers do not move.
    expect(g.market.usedCentsPerTh[tier + 1]).toBe(control.market.usedCentsPerTh[tier + 1]);
    // A buyer with unlimited cash cannot take the index beyond twice its fair level.
    (huge.companies[0] as (typeof huge.companies)[number]).cashCents = 1e14;
    stockUsed(huge, "us-texas", "s19-pro", 100_000);
    ok(player(1), { type: "buyUsed", model: "s19-pro", quantity: 100_000, region: "us-texas" }, huge);
    step(huge);
    const capped = huge.market.usedCentsPerTh[tier] as number;
    expect(capped).toBeGreaterThan(1.9 * still);
    expect(capped).toBeLessThanOrEqual(2 * still + 1);
  });

  it("mirrors a sale: buying back what was just sold restores the pressure", () => {
    const tier = usedTierOf(s19pro().efficiencyJPerTh);
    // As if 10 S19 Pros had just been sold into a calm market: the pressure is their TH/s.
    g.market.usedPressureThs[tier] = lotThs(s19pro(), 10);
    buyLot(1, 10);
    expect(g.market.usedPressureThs[tier]).toBeCloseTo(0, 9);
  });

  it("rejects unknown, unreleased and too-new models, bad regions and purchases beyond the cash", () => {
    const buy = (model: string, quantity = 1, region = "us-texas") => ({
      type: "buyUsed",
      model,
      quantity,
      region,
    });
    expectRejected(player(1), buy("antminer-s99"), "UNKNOWN_MODEL");
    expectRejected(player(1), buy("s21"), "NOT_RELEASED");
    expectRejected(player(1), buy("s19-pro", 1, "atlantis"), "UNKNOWN_REGION");
    stockUsed(g, "us-texas", "s19-pro", 100_000);
    expectRejected(player(1), buy("s19-pro", 100_000), "INSUFFICIENT_CASH");
    const r = g.world.regions.findIndex((x) => x.id === "cn-north");
    (g.world.regions[r] as (typeof g.world.regions)[number]).policy = "banned";
    expectRejected(player(1), buy("s19-pro", 1, "cn-north"), "REGION_BANNED");
    // On 2020-06-01 the S19 Pro is a month old: no second-hand units exist yet.
    const early = newGame("halving-2020", 5, 1);
    stepUntil(early, "2020-06-01");
    expectRejected(player(1), buy("s19-pro"), "NOT_RELEASED", early);
  });
});

describe("offers between players", () => {
  it("a partial offer, accepted, splits the lot; cash moves through the trade ledger", () => {
    const lot = buyLot(1, 10);
    const paid = lotById(lot)?.costCents ?? 0;
    const id = offer(lot, 4, 500_000);
    expect(g.offers.at(-1)).toMatchObject({
      id,
      from: "p1",
      to: "p2",
      lot,
      quantity: 4,
      priceCents: 500_000,
      madeDay: g.day,
      expiresDay: g.day + 3,
      status: "open",
    });
    expect(g.notices.at(-1)).toMatchObject({ company: "p2", kind: "offerMade" });
    const [cash1, cash2] = [company(1).cashCents, company(2).cashCents];
    ok(player(2), { type: "respondOffer", offer: id, accept: true });
    expect(company(1).cashCents).toBe(cash1 + 500_000);
    expect(company(2).cashCents).toBe(cash2 - 500_000);
    expect(company(1).ledger.at(-1)).toMatchObject({ kind: "tradeSale", cents: 500_000, ref: id });
    expect(company(2).ledger.at(-1)).toMatchObject({ kind: "tradePurchase", cents: -500_000, ref: id });
    const bought = g.lots.at(-1) as Lot;
    expect(bought.id).not.toBe(lot);
    expect(bought).toMatchObject({ owner: "p2", quantity: 4, status: "stored", costCents: 500_000 });
    expect(bought.location).toEqual({ kind: "region", region: "us-texas" });
    // The seller keeps 6 units and 6/10 of what they cost.
    expect(lotById(lot)).toMatchObject({
      owner: "p1",
      quantity: 6,
      costCents: paid - Math.round(paid * 0.4),
    });
    expect(g.offers.find((o) => o.id === id)?.status).toBe("accepted");
    expect(g.notices.filter((n) => n.kind === "offerAccepted").map((n) => n.company)).toEqual(["p1", "p2"]);
  });

  it("an installed lot sold whole changes owner and comes out of the rack", () => {
    const lot = buyLot(1, 10);
    ok(player(1), { type: "leaseCapacity", region: "us-texas", kw: 33 });
    ok(player(1), { type: "installLot", lot, region: "us-texas" });
    const id = offer(lot, 10, 1_000_000);
    ok(player(2), { type: "respondOffer", offer: id, accept: true });
    expect(lotById(lot)).toMatchObject({ owner: "p2", quantity: 10, status: "stored", powered: false });
    expect(usedLeaseKw(g, "p1", "us-texas", caches)).toBe(0);
    const report = step(g);
    const p2 = report.ledgers.find((l) => l.company === "p2");
    expect(p2?.entries.some((e) => e.kind === "power")).toBe(false);
    expect(p2?.ths).toBe(0);
  });

  it("a declined offer closes and tells the seller", () => {
    const id = offer(buyLot(), 10, 1_000);
    ok(player(2), { type: "respondOffer", offer: id, accept: false });
    expect(g.offers.find((o) => o.id === id)?.status).toBe("declined");
    expect(g.notices.at(-1)).toMatchObject({ company: "p1", kind: "offerDeclined" });
    expectRejected(player(2), { type: "respondOffer", offer: id, accept: true }, "OFFER_CLOSED");
  });

  it("only the offerer cancels, and only an open offer", () => {
    const id = offer(buyLot(), 10, 1_000);
    expectRejected(player(2), { type: "cancelOffer", offer: id }, "NOT_OWNER");
    ok(player(1), { type: "cancelOffer", offer: id });
    expect(g.offers.find((o) => o.id === id)?.status).toBe("cancelled");
    expect(g.notices.at(-1)).toMatchObject({ company: "p2", kind: "offerCancelled" });
    expectRejected(player(1), { type: "cancelOffer", offer: id }, "OFFER_CLOSED");
    expectRejected(player(2), { type: "respondOffer", offer: id, accept: true }, "OFFER_CLOSED");
    expectRejected(player(1), { type: "cancelOffer", offer: "offer-999" }, "UNKNOWN_OFFER");
  });

  it("stays open through its last day, then expires with a notice to both parties", () => {
    const id = offer(buyLot(), 10, 1_000, 2);
    const last = g.day + 2;
    while (g.day < last) step(g);
    expect(g.offers.find((o) => o.id === id)?.status).toBe("open"); // day `last`: still answerable
    const report = step(g);
    expect(g.offers.find((o) => o.id === id)?.status).toBe("expired");
    const told = report.notices.filter((n) => n.kind === "offerExpired").map((n) => n.company);
    expect(told).toEqual(["p1", "p2"]);
    expectRejected(player(2), { type: "respondOffer", offer: id, accept: true }, "OFFER_CLOSED");
  });

  it("rejects an answer from a third party, and an accept the buyer cannot pay", () => {
    const id = offer(buyLot(), 10, 1e12);
    // A third party is told the offer does not exist, as for an unknown id (offers are private).
    expectRejected(player(3), { type: "respondOffer", offer: id, accept: true }, "UNKNOWN_OFFER");
    expectRejected(player(1), { type: "respondOffer", offer: id, accept: true }, "NOT_OWNER");
    expectRejected(player(2), { type: "respondOffer", offer: id, accept: true }, "INSUFFICIENT_CASH");
    expectRejected(player(2), { type: "respondOffer", offer: "offer-999", accept: true }, "UNKNOWN_OFFER");
  });

  it("rejects offers to oneself, to nobody, to the bankrupt, of too many or reserved units", () => {
    const lot = buyLot(1, 10);
    const make = (to: string, quantity = 1) => ({
      type: "offerLot",
      lot,
      quantity,
      to,
      priceCents: 1,
      days: 5,
    });
    expectRejected(player(1), make("p1"), "BAD_TARGET");
    expectRejected(player(1), make("p9"), "BAD_TARGET");
    expectRejected(player(1), make("p2", 11), "BAD_QUANTITY");
    expectRejected(player(2), make("p3"), "UNKNOWN_LOT"); // another's lot reads as no such lot
    expectRejected(player(1), { ...make("p2"), lot: "lot-999" }, "UNKNOWN_LOT");
    company(3).bankrupt = true;
    expectRejected(player(1), make("p3"), "BAD_TARGET");
    company(3).bankrupt = false;
    offer(lot, 7, 1);
    expectRejected(player(1), make("p3", 4), "LOT_BUSY"); // 7 of 10 are promised to p2
    ok(player(1), make("p3", 3) as Command);
  });

  it("rejects lots on order; an accept re-checks the lot, and a broken offer is withdrawn", () => {
    ok(player(1), { type: "orderMachines", model: "s19-pro", quantity: 5 });
    const onOrder = (g.lots.at(-1) as Lot).id;
    expectRejected(
      player(1),
      { type: "offerLot", lot: onOrder, quantity: 5, to: "p2", priceCents: 1, days: 5 },
      "LOT_NOT_READY",
    );
    const lot = buyLot(1, 10);
    const id = offer(lot, 10, 1_000);
    // Promised units cannot be sold or shipped away while the offer is open...
    expectRejected(player(1), { type: "sellMachines", lot, quantity: 6 }, "LOT_BUSY");
    // ...but the lot can still shrink by accident (say, machines seized or broken): accept re-checks.
    (g.lots.find((l) => l.id === lot) as Lot).quantity = 4;
    expectRejected(player(2), { type: "respondOffer", offer: id, accept: true }, "LOT_BUSY");
    const report = step(g);
    expect(g.offers.find((o) => o.id === id)?.status).toBe("cancelled");
    expect(report.notices.filter((n) => n.kind === "offerWithdrawn").map((n) => n.company)).toEqual([
      "p1",
      "p2",
    ]);
  });
});

describe("conservation", () => {
  it("machines: held + sold + destroyed = ordered + bought used; money: cash = start + ledger", () => {
    const start = g.companies.map((c) => c.cashCents - LEDGER_KINDS.reduce((s, k) => s + c.totals[k], 0));
    ok(player(1), { type: "orderMachines", model: "s19-pro", quantity: 6 });
    const a = buyLot(1, 10);
    const b = buyLot(2, 5);
    ok(player(1), { type: "sellMachines", lot: a, quantity: 3 });
    ok(player(2), { type: "respondOffer", offer: offer(a, 4, 77_777), accept: true });
    ok(player(2), { type: "offerLot", lot: b, quantity: 5, to: "p3", priceCents: 12_345, days: 1 });
    ok(player(3), { type: "respondOffer", offer: g.offers.at(-1)?.id ?? "", accept: true });
    for (let d = 0; d < 5; d++) step(g);
    const held = g.lots.filter((l) => l.model === "s19-pro").reduce((s, l) => s + l.quantity, 0);
    const sold = g.soldUnits["s19-pro"] ?? 0;
    const destroyed = g.destroyedUnits["s19-pro"] ?? 0;
    expect(held + sold + destroyed).toBe(6 + (g.boughtUsedUnits["s19-pro"] ?? 0));
    expect(g.boughtUsedUnits["s19-pro"]).toBe(15);
    g.companies.forEach((c, k) => {
      expect(c.cashCents).toBe(
        (start[k] as number) + LEDGER_KINDS.reduce((s, kind) => s + c.totals[kind], 0),
      );
    });
    // Trades between players create no money: purchases and sales net to zero.
    const net = g.companies.reduce((s, c) => s + c.totals.tradeSale + c.totals.tradePurchase, 0);
    expect(net).toBe(0);
  });
});
