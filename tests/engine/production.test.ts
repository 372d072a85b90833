/**
 * Factories make a model for the scenario's production life (factory.productionMonths), then it is sold
 * only used: no brand-new 2021 machines in 2025 at an efficiency discount (cheap-power's 32,000 new
 * S19j Pro and A1346 a game in tariffs-2025 before the rule).
 */
import { describe, expect, it } from "vitest";
import { applyCommand, legalCommands } from "../../shared/index.ts";
import { madeNew } from "../../shared/engine/market.ts";
import { shopCatalog } from "../../shared/engine/shop.ts";
import { EngineCaches } from "../../shared/engine/caches.ts";
import { newGame, player } from "../helpers/game.ts";

describe("a model's production life", () => {
  const g = newGame("tariffs-2025", 1, 1);
  const life = g.scenario.factory.productionDays!;
  const ended = g.scenario.asics.find((m) => m.releaseDay <= g.day && !madeNew(g, m, g.day))!;
  const made = g.scenario.asics.find((m) => madeNew(g, m, g.day))!;

  it("ends a model's new sales its production life after release", () => {
    expect(life).toBeGreaterThan(365);
    expect(ended.releaseDay + life).toBeLessThanOrEqual(g.day);
    expect(made.releaseDay + life).toBeGreaterThan(g.day);
  });

  it("refuses an order for a model no longer made, saying so and leaving the state as it was", () => {
    const before = JSON.stringify(g);
    const r = applyCommand(g, player(1), { type: "orderMachines", model: ended.id, quantity: 10 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("OUT_OF_PRODUCTION");
      expect(r.error.message.en).toContain("no longer made");
      expect(r.error.message.zh).toContain("停产");
    }
    expect(JSON.stringify(g)).toBe(before);
    expect(
      applyCommand(structuredClone(g), player(1), { type: "orderMachines", model: made.id, quantity: 1 }).ok,
    ).toBe(true);
  });

  it("is shown in the shop (used only, made until) and left out of the legal orders, its used market still open", () => {
    const row = shopCatalog(g, new EngineCaches()).models.find((m) => m.id === ended.id)!;
    expect(row.onSale).toBe(false);
    expect(row.madeUntil).not.toBeNull();
    expect(row.usedOpen).toBe(true);
    const legal = legalCommands(g, player(1));
    expect(legal.some((c) => c.type === "orderMachines" && c.model === ended.id)).toBe(false);
    expect(legal.some((c) => c.type === "orderMachines" && c.model === made.id)).toBe(true);
  });
});
