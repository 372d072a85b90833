/**
 * Retiring switched-off machines (worldRetire.ts, issue #16): only the switched-off part of a tier leaves,
 * its kW are freed and counted as retired, and a scenario without the rate keeps every machine.
 */
import { describe, expect, it } from "vitest";
import { retireIdleMachines } from "../../shared/engine/worldRetire.ts";
import { restOfWorldKw } from "../../shared/engine/regions.ts";
import { newGame } from "../helpers/game.ts";

describe("retiring switched-off machines", () => {
  it("takes a month's share of the switched-off TH/s a day and leaves the running ones", () => {
    const state = newGame("history-2016-2026");
    const pct = state.scenario.world.supply?.retireIdlePctPerMonth ?? 0;
    const region = state.world.regions.find((r) => r.rowTiers.length > 0)!;
    const tier = region.rowTiers[0]!;
    tier.running = 0.25;
    const [installed, kwBefore] = [tier.installedThs, restOfWorldKw(region)];
    retireIdleMachines(state);
    const retired = installed * 0.75 * (pct / 100 / 30);
    expect(tier.installedThs).toBeCloseTo(installed - retired, 6);
    expect(tier.installedThs * tier.running).toBeCloseTo(installed * 0.25, 6);
    expect(restOfWorldKw(region)).toBeLessThan(kwBefore);
    expect(state.world.retiredThs).toBeGreaterThan(0);
  });

  it("keeps every machine in a scenario that sets no rate", () => {
    const state = newGame("halving-2020");
    for (const region of state.world.regions) for (const t of region.rowTiers) t.running = 0;
    const before = JSON.stringify(state.world);
    retireIdleMachines(state);
    expect(JSON.stringify(state.world)).toBe(before);
  });
});
