/**
 * Every command: what it does when legal, and for each way it can be illegal, the code, a reason in
 * both languages, and a state left exactly as it was.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { step } from "../../shared/index.ts";
import {
  applyCommand,
  legalCommands,
  quoteOrder,
  stateHash,
  validate,
  type Command,
} from "../../shared/index.ts";
import { factoryUnitPriceCents, usedAskUnitCents, usedBidUnitCents } from "../../shared/engine/market.ts";
import type { GameState } from "../../shared/engine/state.ts";
import { formatIsoDate, monthOf } from "../../shared/math/calendar.ts";
import { newGame, player, shipAndWait, stepUntil } from "../helpers/game.ts";
import { EngineCaches } from "../../shared/engine/caches.ts";

/** The engine's caches for the look-ups and quotes these tests make outside commands and steps. */
const caches = new EngineCaches();

let g: GameState;
beforeEach(() => {
  g = newGame("halving-2020", 5, 2);
  stepUntil(g, "2020-06-01"); // the S19 Pro is on sale from May 2020
});

/** Applies a command expecting rejection with `code`; the state hash must not move. */
function expectRejected(actor: ReturnType<typeof player>, cmd: unknown, code: string): void {
  const before = stateHash(g);
  const result = applyCommand(g, actor, cmd);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe(code);
  expect(result.error.message.en.length).toBeGreaterThan(5);
  expect(result.error.message.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(stateHash(g)).toBe(before);
}

function ok(actor: ReturnType<typeof player>, cmd: Command): void {
  const result = applyCommand(g, actor, cmd);
  expect(result).toEqual({ ok: true });
}

/** Orders, lets the lead time pass, leases and installs one lot; returns its id. */
function installedLot(quantity = 10): string {
  ok(player(1), { type: "orderMachines", model: "s19-pro", quantity });
  const lot = g.lots.at(-1);
  if (!lot) throw new Error("no lot");
  stepUntil(g, dateOf(lot.readyDay));
  shipAndWait(g, 1, lot.id, "us-texas");
  ok(player(1), { type: "leaseCapacity", region: "us-texas", kw: Math.ceil((3250 * quantity) / 1000) });
  ok(player(1), { type: "installLot", lot: lot.id, region: "us-texas" });
  return lot.id;
}

const dateOf = formatIsoDate;

describe("malformed input", () => {
  it.each([
    [null, "MALFORMED"],
    [{}, "MALFORMED"],
    [{ type: "orderMachines", model: "s19-pro", quantity: -1 }, "MALFORMED"],
    [{ type: "orderMachines", model: "s19-pro", quantity: 1.5 }, "MALFORMED"],
    [{ type: "nuke" }, "MALFORMED"],
    [{ type: "setSellRatio", ratioBps: 20_000 }, "MALFORMED"],
    ["orderMachines", "MALFORMED"],
  ])("rejects %j", (cmd, code) => expectRejected(player(1), cmd, code));

  it("says where the problem is", () => {
    const r = applyCommand(g, player(1), { type: "orderMachines", model: "s19-pro", quantity: "ten" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message.en).toContain("quantity");
  });

  it("refuses actors that are not a company of this game", () => {
    expectRejected(
      { kind: "company", companyId: "ghost" },
      { type: "setSellRatio", ratioBps: 0 },
      "NOT_A_COMPANY",
    );
  });
});

describe("orderMachines", () => {
  it("charges exactly the factory quote and creates a lot on order", () => {
    const cash = g.companies[0]?.cashCents ?? 0;
    const quote = quoteOrder(g, { type: "orderMachines", model: "s19-pro", quantity: 20 }, caches);
    ok(player(1), { type: "orderMachines", model: "s19-pro", quantity: 20 });
    const lot = g.lots.at(-1);
    expect(quote?.totalCents).toBeGreaterThan(0);
    expect(g.companies[0]?.cashCents).toBe(cash - (quote?.totalCents ?? 0));
    expect(lot).toMatchObject({
      owner: "p1",
      model: "s19-pro",
      quantity: 20,
      status: "onOrder",
      origin: "CN",
    });
    expect(lot?.readyDay).toBe(g.day + g.scenario.factory.leadDays);
  });

  it("prices older, less efficient models lower per TH/s", () => {
    const s9 = g.scenario.asics.find((m) => m.id === "s9");
    const pro = g.scenario.asics.find((m) => m.id === "s19-pro");
    if (!s9 || !pro) throw new Error("catalog");
    const perTh = (m: typeof s9) => factoryUnitPriceCents(g, m, caches) / (m.hashrateGhs / 1000);
    expect(perTh(s9)).toBeLessThan(perTh(pro));
  });

  it("rejects unknown and unreleased models, and orders beyond the cash", () => {
    expectRejected(player(1), { type: "orderMachines", model: "antminer-s99", quantity: 1 }, "UNKNOWN_MODEL");
    expectRejected(player(1), { type: "orderMachines", model: "s21", quantity: 1 }, "NOT_RELEASED");
    expectRejected(
      player(1),
      { type: "orderMachines", model: "s19-pro", quantity: 100_000 },
      "INSUFFICIENT_CASH",
    );
  });
});

describe("leases and installation", () => {
  it("a lot mines once installed: hashrate, power bill and BTC revenue", () => {
    const id = installedLot(10);
    const before = g.companies[0]?.btcSats ?? 0;
    g.companies[0]!.sellRatioBps = 0;
    stepUntil(g, dateOf(g.day + 3));
    const company = g.companies[0];
    expect(g.lots.find((l) => l.id === id)?.status).toBe("installed");
    expect(company?.totals.power).toBeLessThan(0);
    expect(company?.totals.hosting).toBeLessThan(0);
    expect((company?.btcSats ?? 0) - before).toBeGreaterThan(0);
    // 10 × 110 TH/s, times Texas's uptime in the month of the last simulated day.
    const texas = g.scenario.regions.find((r) => r.id === "us-texas")!;
    const month = monthOf(g.day - 1);
    expect(g.playerThs).toBeCloseTo((1100 * (texas.uptimeMonthlyBps[month - 1] as number)) / 10_000, 9);
  });

  it("rejects leases in unknown regions, beyond free capacity, and installs without room", () => {
    expectRejected(player(1), { type: "leaseCapacity", region: "atlantis", kw: 10 }, "UNKNOWN_REGION");
    expectRejected(player(1), { type: "leaseCapacity", region: "us-texas", kw: 1_000_000 }, "NO_CAPACITY");
    ok(player(1), { type: "orderMachines", model: "s19-pro", quantity: 5 });
    const lot = g.lots.at(-1)!;
    expectRejected(player(1), { type: "installLot", lot: lot.id, region: "us-texas" }, "LOT_NOT_READY");
    stepUntil(g, dateOf(lot.readyDay));
    expectRejected(player(1), { type: "installLot", lot: lot.id, region: "us-texas" }, "LOT_NOT_HERE");
    shipAndWait(g, 1, lot.id, "us-texas");
    expectRejected(player(1), { type: "installLot", lot: lot.id, region: "us-texas" }, "NO_LEASE_ROOM");
    // Another company's lot is answered like an unknown id: lots are private.
    expectRejected(player(2), { type: "installLot", lot: lot.id, region: "us-texas" }, "UNKNOWN_LOT");
    expectRejected(player(1), { type: "installLot", lot: "lot-999", region: "us-texas" }, "UNKNOWN_LOT");
  });

  it("refuses to lease or install where mining is banned", () => {
    const region = g.world.regions.find((r) => r.id === "ir-iran")!;
    region.policy = "banned";
    expectRejected(player(1), { type: "leaseCapacity", region: "ir-iran", kw: 10 }, "REGION_BANNED");
  });

  it("releases only what installed machines do not use", () => {
    installedLot(10);
    expectRejected(player(1), { type: "releaseCapacity", region: "us-texas", kw: 33 }, "LEASE_IN_USE");
    expectRejected(player(1), { type: "releaseCapacity", region: "us-texas", kw: 99 }, "BAD_QUANTITY");
    expectRejected(player(1), { type: "releaseCapacity", region: "ca-quebec", kw: 1 }, "NO_LEASE");
    ok(player(1), { type: "leaseCapacity", region: "us-texas", kw: 10 });
    ok(player(1), { type: "releaseCapacity", region: "us-texas", kw: 10 });
  });
});

describe("power, sales and treasury", () => {
  it("powers a lot off and on; off means no power bill and no hashrate", () => {
    const id = installedLot(10);
    ok(player(1), { type: "powerLot", lot: id, on: false });
    expectRejected(player(1), { type: "powerLot", lot: id, on: false }, "ALREADY_SO");
    const power = g.companies[0]?.totals.power;
    stepUntil(g, dateOf(g.day + 2));
    expect(g.companies[0]?.totals.power).toBe(power);
    expect(g.playerThs).toBe(0);
    ok(player(1), { type: "powerLot", lot: id, on: true });
  });

  it("sells machines at the used bid; the lot shrinks and the units leave the game", () => {
    const id = installedLot(10);
    const cash = g.companies[0]!.cashCents;
    ok(player(1), { type: "sellMachines", lot: id, quantity: 4 });
    expect(g.lots.find((l) => l.id === id)?.quantity).toBe(6);
    expect(g.soldUnits["s19-pro"]).toBe(4);
    expect(g.companies[0]!.cashCents).toBeGreaterThan(cash);
    expectRejected(player(1), { type: "sellMachines", lot: id, quantity: 7 }, "BAD_QUANTITY");
    ok(player(1), { type: "sellMachines", lot: id, quantity: 6 });
    expect(g.lots.find((l) => l.id === id)).toBeUndefined();
  });

  it("keeps mined BTC when the sell ratio is zero and sells it all at 100%", () => {
    installedLot(10);
    ok(player(1), { type: "setSellRatio", ratioBps: 0 });
    expectRejected(player(1), { type: "setSellRatio", ratioBps: 0 }, "ALREADY_SO");
    stepUntil(g, dateOf(g.day + 2));
    expect(g.companies[0]!.btcSats).toBeGreaterThan(0);
    expect(g.companies[0]!.totals.btcSale).toBe(0);
    ok(player(1), { type: "setSellRatio", ratioBps: 10_000 });
    const held = g.companies[0]!.btcSats;
    stepUntil(g, dateOf(g.day + 2));
    expect(g.companies[0]!.btcSats).toBe(held);
    expect(g.companies[0]!.totals.btcSale).toBeGreaterThan(0);
  });

  it("switches between pool and solo payouts", () => {
    ok(player(1), { type: "setPayout", payout: "solo" });
    expectRejected(player(1), { type: "setPayout", payout: "solo" }, "ALREADY_SO");
  });
});

describe("legalCommands", () => {
  it("lists only commands that validate, and includes the obvious ones", () => {
    installedLot(10);
    const legal = legalCommands(g, player(1));
    expect(legal.length).toBeGreaterThan(5);
    for (const c of legal) expect(validate(g, player(1), c)).toBeNull();
    expect(legal.some((c) => c.type === "orderMachines" && c.model === "s19-pro")).toBe(true);
    expect(legal.some((c) => c.type === "orderMachines" && c.model === "s21")).toBe(false);
  });

  it("gives nothing once the game is over", () => {
    g.finished = true;
    expect(legalCommands(g, player(1))).toEqual([]);
  });
});

describe("bankruptcy", () => {
  it("sells BTC, then machines, and only then goes bankrupt, giving back its leases", () => {
    const id = installedLot(10);
    const company = g.companies[0]!;
    const texas = g.world.regions.find((r) => r.id === "us-texas")!;
    const leasedBefore = texas.leasedKw;
    // A debt larger than everything the company owns: the books must clear it in this order.
    company.cashCents = -10_000_000_000;
    company.btcSats = 50_000_000;
    step(g);
    expect(company.btcSats).toBe(0);
    expect(g.lots.find((l) => l.id === id)).toBeUndefined();
    expect(company.bankrupt).toBe(true);
    expect(company.leases).toEqual([]);
    expect(texas.leasedKw).toBe(leasedBefore - 33);
    expect(applyCommand(g, player(1), { type: "setSellRatio", ratioBps: 0 })).toMatchObject({
      ok: false,
      error: { code: "BANKRUPT" },
    });
  });

  it("survives a shortfall its BTC can cover", () => {
    installedLot(10);
    const company = g.companies[0]!;
    company.cashCents = -100_000; // $1,000 short
    company.btcSats = 100_000_000; // 1 BTC
    step(g);
    expect(company.bankrupt).toBe(false);
    // It sells just enough BTC to clear the debt: cash ends between zero and a few cents.
    expect(company.cashCents).toBeGreaterThanOrEqual(0);
    expect(company.cashCents).toBeLessThanOrEqual(5);
    const sold = 100_000_000 - company.btcSats;
    const price = g.market.priceCents;
    expect((sold * price) / 1e8).toBeGreaterThan(90_000); // most of the $1,000 came from BTC
    expect((sold * price) / 1e8).toBeLessThan(110_000);
  });
});

describe("selling BTC from the treasury and factory prices", () => {
  it("sells held BTC at today's price, never more than held", () => {
    installedLot(10);
    ok(player(1), { type: "setSellRatio", ratioBps: 0 });
    stepUntil(g, dateOf(g.day + 3));
    const held = g.companies[0]!.btcSats;
    expectRejected(player(1), { type: "sellBtc", sats: held + 1 }, "BAD_QUANTITY");
    const cash = g.companies[0]!.cashCents;
    ok(player(1), { type: "sellBtc", sats: held });
    expect(g.companies[0]!.btcSats).toBe(0);
    expect(g.companies[0]!.cashCents - cash).toBe(Math.round((held * g.market.priceCents) / 1e8));
  });

  it("never sells a new machine for less than the used market asks for it", () => {
    for (const model of g.scenario.asics.filter((m) => m.releaseDay <= g.day)) {
      expect(factoryUnitPriceCents(g, model, caches)).toBeGreaterThanOrEqual(usedAskUnitCents(g, model));
      expect(factoryUnitPriceCents(g, model, caches)).toBeGreaterThan(usedBidUnitCents(g, model));
    }
  });
});
