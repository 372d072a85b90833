/**
 * Capacity growth that changes pace by date (capacityGrowthSpec.ts, capacityGrowth.ts): the decade's
 * regions pass through the racks each episode starts with, so the episodes are windows of its world.
 */
import { describe, expect, it } from "vitest";
import { capacityGrowthKwPerDayOn } from "../../shared/engine/capacityGrowth.ts";
import { step } from "../../shared/engine/step.ts";
import { EngineCaches } from "../../shared/engine/caches.ts";
import { capacityGrowthStepsSchema } from "../../shared/scenario/capacityGrowthSpec.ts";
import { parseIsoDate } from "../../shared/math/calendar.ts";
import { newGame, scenario } from "../helpers/game.ts";
import type { RegionSpec } from "../../shared/scenario/types.ts";

const region = (id: string, scenarioId: string): RegionSpec => {
  const r = scenario(scenarioId).regions.find((x) => x.id === id);
  if (!r) throw new Error(`${scenarioId} has no ${id}`);
  return r;
};

describe("capacity growth by date", () => {
  it("grows at the region's pace before its first step and at each step's pace from its date", () => {
    const texas = region("us-texas", "history-2016-2026");
    const step2021 = texas.capacityGrowthSteps?.[0];
    if (!step2021) throw new Error("the decade's Texas changes pace in 2021");
    expect(capacityGrowthKwPerDayOn(texas, step2021.day - 1)).toBe(texas.capacityGrowthKwPerDay);
    expect(capacityGrowthKwPerDayOn(texas, step2021.day)).toBe(step2021.kwPerDay);
    expect(step2021.kwPerDay).toBeGreaterThan(texas.capacityGrowthKwPerDay);
  });

  it("leaves regions without steps on one pace, resolved without the field", () => {
    const texas = region("us-texas", "sandbox");
    expect("capacityGrowthSteps" in texas).toBe(false);
    expect(capacityGrowthKwPerDayOn(texas, 1e6)).toBe(texas.capacityGrowthKwPerDay);
  });

  it("brings the decade's Texas to exodus-2021's racks on the episode's first day", () => {
    const game = newGame("history-2016-2026", 1);
    const caches = new EngineCaches();
    const start = parseIsoDate("2021-04-02");
    while (game.day < start) step(game, caches);
    const i = game.world.regions.findIndex((r) => r.id === "us-texas");
    const exodusTexasKw = region("us-texas", "exodus-2021").capacityKw;
    // Within the build-out's extra racks: no crunch in Texas before the 2021 exodus adds more than 10%.
    const kw = game.world.regions[i]?.capacityKw ?? 0;
    expect(kw).toBeGreaterThan(exodusTexasKw * 0.95);
    expect(kw).toBeLessThan(exodusTexasKw * 1.1);
  });

  it("brings every region outside China to exodus-2021's and tariffs-2025's racks on their first days", () => {
    const game = newGame("history-2016-2026", 1);
    const caches = new EngineCaches();
    // A moratorium stops a region's growth for its months (Chelan County 2018, Hydro-Quebec's 2018
    // suspension, New York's 2022 one: the decade's events), so those regions fall short of the legs.
    const moratoria = new Set(["us-washington", "ca-quebec", "us-newyork"]);
    for (const [date, episode] of [
      ["2021-04-02", "exodus-2021"],
      ["2024-01-06", "tariffs-2025"],
    ] as const) {
      while (game.day < parseIsoDate(date)) step(game, caches);
      let world = 0;
      let episodes = 0;
      for (const spec of scenario(episode).regions) {
        if (spec.id.startsWith("cn-") || moratoria.has(spec.id)) continue;
        const kw = game.world.regions.find((r) => r.id === spec.id)?.capacityKw ?? 0;
        world += kw;
        episodes += spec.capacityKw;
        // Within the build-out's extra racks: hosts build where the world's machines crowd, up to a fifth
        // more in a region by 2024 (Texas and Kazakhstan: 1.15-1.2, once Kazakhstan's racks shrink from
        // October 2021 as the reference says; 1.0 when they grew on to 2022).
        expect(kw / spec.capacityKw, `${spec.id} on ${date}`).toBeGreaterThan(0.95);
        expect(kw / spec.capacityKw, `${spec.id} on ${date}`).toBeLessThan(1.25);
      }
      // Over all of them, a tenth at most (1.05-1.07 measured in 2024).
      expect(world / episodes, `all on ${date}`).toBeLessThan(1.1);
    }
  });

  it("refuses steps out of date order", () => {
    const parsed = capacityGrowthStepsSchema.safeParse([
      { from: "2022-01-01", mwPerYear: 10 },
      { from: "2021-01-01", mwPerYear: 20 },
    ]);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/sorted by date/);
  });
});
