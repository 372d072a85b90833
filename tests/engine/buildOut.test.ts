/**
 * Hosting capacity that follows demand (shared/engine/buildOut.ts, scenario block `buildOut`): machines
 * that find no room make hosts order racks for a share of them, which open `lagDays` later in the open
 * regions; scenarios without the block keep only their linear growth and never hold a build book.
 */
import { describe, expect, it } from "vitest";
import { openBuildOut, orderBuildOut } from "../../shared/engine/buildOut.ts";
import { EngineCaches } from "../../shared/engine/caches.ts";
import type { GameState } from "../../shared/engine/state.ts";
import { createGame } from "../../shared/index.ts";
import { newGame, scenario, stepUntil } from "../helpers/game.ts";

const totalKw = (g: GameState): number => g.world.regions.reduce((s, r) => s + r.capacityKw, 0);

describe("buildOut", () => {
  it("orders racks for the block's share of the machines that found no room, due after the lag", () => {
    const g = newGame("history-2016-2026");
    const spec = g.scenario.buildOut;
    expect(spec).toEqual({ shareBps: 5000, lagDays: 180 });
    orderBuildOut(g, 1000);
    orderBuildOut(g, 200);
    // One order a day, whatever the number of calls.
    expect(g.world.buildOut?.orders).toEqual([{ readyDay: g.day + 180, kw: 600 }]);
  });

  it("opens due racks in open regions only, by size, attractiveness and cheap power", () => {
    const g = newGame("history-2016-2026");
    const banned = g.world.regions.findIndex((r) => r.id === "cn-sichuan");
    (g.world.regions[banned] as GameState["world"]["regions"][number]).policy = "banned";
    g.world.buildOut = {
      orders: [
        { readyDay: g.day, kw: 1000 },
        { readyDay: g.day + 1, kw: 50 },
      ],
    };
    const before = g.world.regions.map((r) => r.capacityKw);
    openBuildOut(g, new EngineCaches());
    const added = g.world.regions.map((r, i) => r.capacityKw - (before[i] as number));
    expect(added.reduce((s, x) => s + x, 0)).toBeCloseTo(1000, 6);
    expect(added[banned]).toBe(0);
    // Regions with no capacity yet (not open) get none; the biggest open region gets the most.
    before.forEach((kw, i) => {
      if (kw <= 0) expect(added[i]).toBe(0);
    });
    const north = g.world.regions.findIndex((r) => r.id === "cn-north");
    expect(Math.max(...added)).toBe(added[north]);
    // The order not yet due stays in the book.
    expect(g.world.buildOut.orders).toEqual([{ readyDay: g.day + 1, kw: 50 }]);
  });

  it("builds racks only in the part of a region not banned", () => {
    const [open, part] = [newGame("history-2016-2026"), newGame("history-2016-2026")];
    const iran = open.world.regions.findIndex((r) => r.id === "ir-iran");
    (part.world.regions[iran] as GameState["world"]["regions"][number]).partBannedBps = 8500;
    const added = (g: GameState): number => {
      const before = g.world.regions[iran]?.capacityKw ?? 0;
      g.world.buildOut = { orders: [{ readyDay: g.day, kw: 100_000 }] };
      openBuildOut(g, new EngineCaches());
      return (g.world.regions[iran]?.capacityKw ?? 0) - before;
    };
    const [whole, rest] = [added(open), added(part)];
    expect(whole).toBeGreaterThan(0);
    // The open 15% of its weight (a hair more of the total, which the banned part no longer shares).
    expect(rest / whole).toBeGreaterThan(0.15);
    expect(rest / whole).toBeLessThan(0.16);
  });

  it("builds few racks where most of the region stays banned (Iran's unlicensed mining after 2021-09-22)", () => {
    const g = newGame("exodus-2021");
    const iran = g.world.regions.findIndex((r) => r.id === "ir-iran");
    const region = (): GameState["world"]["regions"][number] =>
      g.world.regions[iran] as GameState["world"]["regions"][number];
    stepUntil(g, "2021-09-23");
    expect(region().partBannedBps).toBe(8500);
    const seized = region().capacityKw;
    const world = totalKw(g);
    stepUntil(g, "2022-06-30");
    // Build-out racks opened elsewhere meanwhile (exodus-2021 keeps its regions' capacity flat otherwise).
    expect(totalKw(g)).toBeGreaterThan(world * 1.02);
    // Its licensed 15% may take a few (before the rule the racks doubled, 107 -> 215 MW).
    expect(region().capacityKw).toBeLessThan(seized * 1.15);
  });

  it("keeps a ban on part of a region when a ban on the whole of it lifts (Iran's 2022 summer cut)", () => {
    const g = newGame("history-2016-2026");
    const iran = (): GameState["world"]["regions"][number] | undefined =>
      g.world.regions.find((r) => r.id === "ir-iran");
    stepUntil(g, "2022-07-01");
    expect(iran()?.policy).toBe("banned");
    stepUntil(g, "2022-09-23");
    expect(iran()?.policy).toBe("allowed");
    expect(iran()?.partBannedBps).toBe(8500);
  });

  it("does nothing in a scenario without the block", () => {
    const g = newGame("sandbox");
    expect(g.scenario.buildOut).toBeUndefined();
    orderBuildOut(g, 1000);
    stepUntil(g, "2024-10-01");
    expect(g.world.buildOut).toBeUndefined();
  });

  it("is the same rule in the decade and in each episode, its windows", () => {
    const decade = scenario("history-2016-2026").buildOut;
    for (const id of ["halving-2020", "exodus-2021", "tariffs-2025"])
      expect(scenario(id).buildOut).toEqual(decade);
  });

  it("grows the decade's capacity beyond the regions' linear growth once machines wait for room", () => {
    const s = scenario("history-2016-2026");
    const { buildOut: _omitted, ...withoutBlock } = s;
    const [a, b] = [createGame(s, 1, []), createGame(withoutBlock, 1, [])];
    stepUntil(a, "2019-12-31");
    stepUntil(b, "2019-12-31");
    // No crunch in the calibration years: the block cannot change them.
    expect(totalKw(a)).toBe(totalKw(b));
    stepUntil(a, "2025-06-01");
    stepUntil(b, "2025-06-01");
    expect(a.world.buildOut).toBeDefined();
    expect(b.world.buildOut).toBeUndefined();
    expect(totalKw(a)).toBeGreaterThan(totalKw(b) * 1.05);
  });
});
