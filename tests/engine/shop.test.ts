/**
 * The shop's catalog and the economics estimates the panels show: the shop's prices are the orders'
 * quotes, the breakeven power price pays exactly the power at today's hashprice, and a lot's daily
 * estimate matches the power the step then bills and, on average, the pool revenue it then pays.
 */
import { describe, expect, it } from "vitest";
import { applyCommand, step } from "../../shared/index.ts";
import { quoteOrder } from "../../shared/engine/commands/orderMachines.ts";
import { breakevenPowerPrice, lotDay, poolHashpriceMicroUsd } from "../../shared/engine/economics.ts";
import { powerCostMicroUsdPerThDay } from "../../shared/engine/market.ts";
import { shopCatalog } from "../../shared/engine/shop.ts";
import { roundHalfAway } from "../../shared/math/money.ts";
import { newGame, player, stepUntil } from "../helpers/game.ts";
import { EngineCaches } from "../../shared/engine/caches.ts";

/** The engine's caches for the look-ups and quotes these tests make outside commands and steps. */
const caches = new EngineCaches();

describe("the machine shop", () => {
  it("lists today's models at the order's own quote, best efficiency first, with breakeven power", () => {
    const state = newGame("halving-2020", 1, 1);
    const shop = shopCatalog(state, caches);
    const onSale = shop.models.filter((m) => m.onSale);
    expect(onSale.length).toBeGreaterThan(3);
    expect(shop.factories.length).toBeGreaterThan(0);
    for (const m of onSale) {
      const q = quoteOrder(state, { type: "orderMachines", model: m.id, quantity: 1 }, caches);
      expect(m.unitCents).toBe(q?.unitCents);
      expect(m.leadDays).toBe((q?.readyDay ?? 0) - state.day);
      expect(m.breakevenMicroUsdPerKwh * powerCostMicroUsdPerThDay(m.jPerTh, 1)).toBeCloseTo(
        poolHashpriceMicroUsd(state),
        6,
      );
    }
    const eff = onSale.map((m) => m.jPerTh);
    expect(eff).toEqual([...eff].sort((a, b) => a - b));
    expect(shop.models.slice(onSale.length).every((m) => !m.onSale)).toBe(true);
    expect(breakevenPowerPrice(state, 30)).toBeGreaterThan(breakevenPowerPrice(state, 90));
  });
});

describe("a lot's day", () => {
  it("estimates the power the step bills, and the pool revenue on average", () => {
    const state = newGame("halving-2020", 3, 1);
    stepUntil(state, "2020-01-10");
    const who = player(1);
    const region = "us-texas";
    expect(applyCommand(state, who, { type: "buyUsed", model: "s17-pro", quantity: 50, region }).ok).toBe(
      true,
    );
    const lot = state.lots.find((l) => l.owner === "p1");
    if (!lot) throw new Error("no lot");
    expect(lotDay(state, lot, caches).netCents).toBe(0); // stored: earns and costs nothing here
    expect(applyCommand(state, who, { type: "leaseCapacity", region, kw: 200 }).ok).toBe(true);
    expect(applyCommand(state, who, { type: "installLot", lot: lot.id, region }).ok).toBe(true);
    let expected = 0;
    let paidSats = 0;
    let paidCents = 0;
    for (let d = 0; d < 20; d++) {
      const estimate = lotDay(state, lot, caches);
      expect(estimate.revenueCents).toBeGreaterThan(0);
      expected += estimate.revenueCents;
      const report = step(state);
      const entries = report.ledgers[0]?.entries ?? [];
      const power = entries.filter((e) => e.kind === "power").reduce((s, e) => s + e.cents, 0);
      expect(-power).toBe(roundHalfAway(estimate.powerCents));
      const sats = entries.filter((e) => e.kind === "miningRevenue").reduce((s, e) => s + e.sats, 0);
      paidSats += sats;
      paidCents += (sats * state.market.priceCents) / 1e8;
    }
    expect(paidSats).toBeGreaterThan(0);
    expect(paidCents / expected).toBeGreaterThan(0.7);
    expect(paidCents / expected).toBeLessThan(1.3);
    expect(applyCommand(state, who, { type: "powerLot", lot: lot.id, on: false }).ok).toBe(true);
    const off = lotDay(state, lot, caches);
    expect(off.revenueCents).toBe(0);
    expect(off.netCents).toBeCloseTo(-off.hostingCents, 9);
    expect(off.hostingCents).toBeGreaterThan(0);
  });
});
