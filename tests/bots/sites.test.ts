/**
 * Where bots put their machines (issue #14 §1): a green lease is extended on green terms (a grid request
 * is refused by the engine, and the machines bought for the region sat in its warehouse for the rest of
 * the game), and cheap-power buys at the next cheapest sites when the cheapest have no room left, rather
 * than sitting on its cash.
 */
import { describe, expect, it } from "vitest";
import { applyCommand, step, type Command } from "../../shared/index.ts";
import { BotCaches, decide } from "../../shared/bots/index.ts";
import { place, survey, type Offer } from "../../shared/bots/buy.ts";
import { makeCtx } from "../../shared/bots/common.ts";
import { EFFICIENCY } from "../../shared/bots/efficiency.ts";
import { CHEAP_POWER, runningCosts } from "../../shared/bots/cheapPower.ts";
import { catalogOf, factoryUnitsOf, worldOf } from "../../shared/bots/world.ts";
import { regionIndex } from "../../shared/engine/regions.ts";
import type { RegionState } from "../../shared/engine/state.ts";
import { newGame, player } from "../helpers/game.ts";

const KZ = "kz-ekibastuz";

describe("where bots put their machines", () => {
  it("extend a renewable lease on renewable terms when they buy for its region", () => {
    const g = newGame("sandbox", 1, 1);
    const bots = new BotCaches();
    const leased = applyCommand(
      g,
      player(1),
      { type: "leaseCapacity", region: KZ, kw: 50, renewable: true },
      bots.engine,
    );
    expect(leased.ok).toBe(true);
    const w = worldOf(g, bots);
    const ctx = makeCtx(w, g.companies[0]!, EFFICIENCY, true);
    const model = catalogOf(w).mostEfficient[0]!;
    const unit = factoryUnitsOf(w, model)[0]!;
    const offer: Offer = {
      model,
      r: regionIndex(g, KZ, bots.engine),
      factory: catalogOf(w).factories[0]!.hub,
      unitCents: unit,
      landed: unit,
      marginCents: 1,
      payback: 1,
      unitKw: model.powerW / 1000,
    };
    expect(place(ctx, offer, unit * 20)).toBeGreaterThan(0);
    // The room the machines need is leased (or queued for) in Kazakhstan, on the lease's own terms.
    const lease = ctx.out.find((c) => c.type === "leaseCapacity");
    expect(lease).toMatchObject({ region: KZ, renewable: true });
    for (const cmd of ctx.out) expect(applyCommand(g, player(1), cmd, bots.engine).ok, cmd.type).toBe(true);
  });

  it("cheap-power buys at dearer sites when the cheapest are full", () => {
    const g = newGame("sandbox", 1, 1);
    const bots = new BotCaches();
    // After the 2024 halving, on a review day of seat 1, when used machines pay at cheap power.
    while (g.tick < 147) step(g, bots.engine);
    const ctx = makeCtx(worldOf(g, bots), g.companies[0]!, CHEAP_POWER, true);
    const costs = runningCosts(ctx, survey(ctx));
    const byCost = costs
      .map((c, r) => ({ c, r }))
      .filter((x): x is { c: number; r: number } => x.c !== null)
      .sort((a, b) => a.c - b.c || a.r - b.r);
    const cheapest = byCost.slice(0, 4).map((x) => g.scenario.regions[x.r]!.id);
    const where = (cmds: Command[]) =>
      cmds.filter((c) => c.type === "leaseCapacity").map((c) => (c as { region: string }).region);
    // With room, it buys at the cheapest sites.
    const open = decide(g, "p1", "cheap-power", bots);
    expect(open.some((c) => c.type === "buyUsed" || c.type === "orderMachines")).toBe(true);
    expect(where(open).every((r) => cheapest.includes(r))).toBe(true);
    // The four cheapest full (no capacity left to lease or queue for): it goes to the next ones.
    for (const x of byCost.slice(0, 4)) {
      const region = g.world.regions[x.r] as RegionState;
      region.capacityKw = 0;
    }
    const full = decide(g, "p1", "cheap-power", new BotCaches());
    expect(full.some((c) => c.type === "buyUsed" || c.type === "orderMachines")).toBe(true);
    expect(where(full).length).toBeGreaterThan(0);
    expect(where(full).some((r) => cheapest.includes(r))).toBe(false);
  });

  it("the trader buys no new machines", () => {
    const g = newGame("tariffs-2025", 1, 1);
    const bots = new BotCaches();
    let used = 0;
    while (g.tick < 400) {
      for (const cmd of decide(g, "p1", "trader", bots)) {
        expect(cmd.type).not.toBe("orderMachines");
        if (cmd.type === "buyUsed") used++;
        applyCommand(g, player(1), cmd, bots.engine);
      }
      step(g, bots.engine);
    }
    expect(used).toBeGreaterThan(0);
  });
});
