/**
 * Supply limited by chip output (shared/engine/chipOutput.ts, `world.supply.maxGrowthPctPerYear`): the
 * industry ships at most a set growth over what a year earlier's revenue ordered. Opt-in; the decade
 * does not use it (its calibration years reject it: npm run calibrate -- --growth none,100,200,400).
 */
import { describe, expect, it } from "vitest";
import { chipLimitedKw } from "../../shared/engine/chipOutput.ts";
import { supplyKwPerDay } from "../../shared/engine/worldSupply.ts";
import { parseIsoDate } from "../../shared/math/calendar.ts";
import { scenario } from "../helpers/game.ts";

describe("chip-output ceiling", () => {
  const s = scenario("history-2016-2026");
  const supply = s.world.supply;
  if (!supply) throw new Error("the decade runs on world.supply");

  it("is off in the decade and without the parameter", () => {
    expect(supply.maxGrowthPctPerYear).toBeUndefined();
    expect(chipLimitedKw(500, 10, supply)).toBe(500);
  });

  it("caps output at the growth over a year earlier's orders, and never raises it", () => {
    const capped = { ...supply, maxGrowthPctPerYear: 100 };
    expect(chipLimitedKw(500, 100, capped)).toBe(200);
    expect(chipLimitedKw(150, 100, capped)).toBe(150);
  });

  it("holds back the 2017 boom, whose revenue grew far faster than 100% a year", () => {
    const day = parseIsoDate("2017-12-15");
    const free = supplyKwPerDay(s, supply, day);
    const capped = supplyKwPerDay(s, { ...supply, maxGrowthPctPerYear: 100 }, day);
    expect(capped).toBeLessThan(free / 3);
    const calm = parseIsoDate("2019-03-01");
    expect(supplyKwPerDay(s, { ...supply, maxGrowthPctPerYear: 100 }, calm)).toBe(
      supplyKwPerDay(s, supply, calm),
    );
  });
});
