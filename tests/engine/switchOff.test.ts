/**
 * The rest of the world switches machines off at once after a sudden fall in hashprice (a halving, a
 * crash) and otherwise, and always when switching back on, over the scenario's responseDays (switchOff.ts).
 */
import { describe, expect, it } from "vitest";
import { EngineCaches } from "../../shared/engine/caches.ts";
import { regionKwhCosts, tierTarget } from "../../shared/engine/breakeven.ts";
import type { GameState, RegionState } from "../../shared/engine/state.ts";
import { respondToProfit, SUDDEN_FALL_RATIO, suddenFall } from "../../shared/engine/switchOff.ts";
import { newGame } from "../helpers/game.ts";

const caches = new EngineCaches();

/** tariffs-2025's Texas with one S19-class tier (34 J/TH) running in full. */
function texas(): { g: GameState; region: RegionState; index: number } {
  const g = newGame("tariffs-2025", 1);
  const index = g.scenario.regions.findIndex((r) => r.id === "us-texas");
  const region = g.world.regions[index] as RegionState;
  region.rowTiers = [{ jPerTh: 34, installedThs: 1_000_000, running: 1 }];
  return { g, region, index };
}

/** Sets today's hashprice and its 30-day average, micro-USD per TH/s per day. */
function prices(g: GameState, today: number, avg: number): void {
  g.market.hashpriceMicroUsd = today;
  g.market.hashpriceAvgMicroUsd = avg;
}

const running = (region: RegionState): number => (region.rowTiers[0] as { running: number }).running;

describe("switching off by breakeven", () => {
  it("counts a fall as sudden below a fifth under the 30-day average, not above", () => {
    const { g } = texas();
    prices(g, 50_000, 100_000);
    expect(suddenFall(g)).toBe(true);
    prices(g, Math.ceil(100_000 * SUDDEN_FALL_RATIO) + 1, 100_000);
    expect(suddenFall(g)).toBe(false);
  });

  it("after a sudden fall (a halving: $0.10 -> $0.05) the tier stops at once to what pays", () => {
    const { g, region, index } = texas();
    prices(g, 50_000, 100_000);
    const target = tierTarget(50_000, 34, regionKwhCosts(g, index, caches));
    expect(target).toBeLessThan(0.9);
    respondToProfit(g, region, index, caches);
    expect(running(region)).toBeCloseTo(target, 12);
  });

  it("on an ordinary fall it moves a responseDays-th of the way a day", () => {
    const { g, region, index } = texas();
    prices(g, 50_000, 55_000);
    const target = tierTarget(50_000, 34, regionKwhCosts(g, index, caches));
    respondToProfit(g, region, index, caches);
    const step = 1 / g.scenario.world.responseDays;
    expect(step).toBeLessThan(1);
    expect(running(region)).toBeCloseTo(1 + (target - 1) * step, 12);
  });

  it("comes back over responseDays, even while hashprice is still far below its average", () => {
    const { g, region, index } = texas();
    prices(g, 50_000, 100_000);
    respondToProfit(g, region, index, caches);
    const off = running(region);
    // Hashprice recovers to $0.075, still below 0.8 x the average: the restart is gradual all the same.
    prices(g, 75_000, 100_000);
    const target = tierTarget(75_000, 34, regionKwhCosts(g, index, caches));
    expect(target).toBeGreaterThan(off);
    respondToProfit(g, region, index, caches);
    expect(running(region)).toBeCloseTo(off + (target - off) / g.scenario.world.responseDays, 12);
  });
});
