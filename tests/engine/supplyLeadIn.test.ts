/**
 * The world supply's revenue before a scenario's first day (shared/scenario/supplyLeadIn.ts) and the
 * episodes as windows of the decade's world (node/worldWindow.ts, issue #16): a window reads the same
 * revenue as the decade on the same days, and a window opening inside the 2021 chip shortage finds the
 * makers' output held at the orders of the day before it began, as the decade does.
 */
import { describe, expect, it } from "vitest";
import { ordersKwPerDay, revenueMusdPerDay, supplyKwPerDay } from "../../shared/engine/worldSupply.ts";
import { parseIsoDate } from "../../shared/math/calendar.ts";
import type { Datasets } from "../../shared/scenario/datasets.ts";
import { leadInDays, withRevenueLeadIn } from "../../shared/scenario/supplyLeadIn.ts";
import type { WorldSupply } from "../../shared/scenario/supplySpec.ts";
import { asWindowOf, loadWindowOf } from "../../node/worldWindow.ts";
import { loadDatasets, readOwnScenarioFile, scenarioPathOf } from "../../node/scenarios.ts";
import { scenario } from "../helpers/game.ts";
import { withSupply } from "../../tools/lib/calibrate.ts";

const day = (iso: string) => parseIsoDate(iso);
const path = (id: string) => scenarioPathOf(id) as string;
const DECADE = "history-2016-2026";

describe("the decade's episodes as windows of its world", () => {
  const decade = scenario(DECADE);
  const exodus = loadWindowOf(path("exodus-2021"), path(DECADE));
  const [decadeSupply, exodusSupply] = [decade.world.supply, exodus.world.supply];
  if (!decadeSupply || !exodusSupply) throw new Error("both play the decade's supply");

  it("reads the same miners' revenue as the decade, before and after the window's first day", () => {
    for (const iso of ["2020-11-30", "2021-03-20", "2021-04-01", "2021-04-02", "2021-05-10"]) {
      const [inWindow, inDecade] = [
        revenueMusdPerDay(exodus, exodusSupply, day(iso)),
        revenueMusdPerDay(decade, decadeSupply, day(iso)),
      ];
      expect(inWindow, iso).toBeCloseTo(inDecade, 9);
    }
  });

  it("opens inside the 2021 shortage with output held at the orders of the day before it began", () => {
    const heldAt = ordersKwPerDay(decade, decadeSupply, day("2020-11-30"));
    expect(supplyKwPerDay(exodus, exodusSupply, exodus.startDay)).toBeCloseTo(heldAt, 6);
    expect(supplyKwPerDay(decade, decadeSupply, exodus.startDay)).toBeCloseTo(heldAt, 6);
    // April 2021's revenue ordered about three times as much: a window reading its own first price into
    // November 2020 would have held output there.
    expect(ordersKwPerDay(exodus, exodusSupply, exodus.startDay)).toBeGreaterThan(2 * heldAt);
  });

  it("takes the world's supply instead of the episode's deployments, and its shortage only where it overlaps", () => {
    const world = readOwnScenarioFile(path(DECADE));
    const exodusFile = asWindowOf(readOwnScenarioFile(path("exodus-2021")), world);
    expect(exodusFile.world.deployments).toEqual([]);
    expect(exodusFile.world.supply?.mwPerMusdRevenue).toBe(world.world.supply?.mwPerMusdRevenue);
    expect(exodusFile.world.supply?.shortage?.start).toBe("2020-12-01");
    expect(exodusFile.buildOut).toEqual(world.buildOut);
    const tariffs = asWindowOf(readOwnScenarioFile(path("tariffs-2025")), world);
    expect(tariffs.world.supply?.shortage).toBeUndefined();
  });

  it("refuses a world without a supply, and an episode whose drawn price the supply cannot read", () => {
    const sandbox = readOwnScenarioFile(path("sandbox"));
    const world = readOwnScenarioFile(path(DECADE));
    expect(() => asWindowOf(readOwnScenarioFile(path("exodus-2021")), sandbox)).toThrow(
      /sandbox's new machines follow a schedule/,
    );
    expect(() => asWindowOf(sandbox, world)).toThrow(/sandbox cannot take .*historical BTC price/);
  });

  it("re-reads the lead-in for a calibration point's lag (tools/lib/calibrate.ts)", () => {
    const point = { mwPerMusdRevenue: 0.45, lagDays: 120, retireIdlePctPerMonth: 100 };
    const lagged = withSupply(decade, point, loadDatasets()).world.supply;
    expect(lagged?.revenueBeforeStartMusd).toHaveLength(leadInDays(lagged as WorldSupply, decade.startDay));
    expect(lagged?.revenueBeforeStartMusd).toHaveLength(29 + 120);
    // The first day's orders read the real month ending 120 days before it, not the first day's price:
    // the lead-in's first 30 days.
    const early = revenueMusdPerDay(decade, lagged as WorldSupply, decade.startDay - 120);
    const revenue = lagged?.revenueBeforeStartMusd ?? [];
    const mean = revenue.slice(0, 30).reduce((a, b) => a + b, 0) / 30;
    expect(early).toBeCloseTo(mean, 9);
    expect(early).not.toBeCloseTo(revenueMusdPerDay(decade, lagged as WorldSupply, decade.startDay + 29), 3);
  });
});

describe("revenue lead-in", () => {
  // Two epochs around a halving: height 630,000 falls about 7 days into the first (1,000 of its 2,016
  // blocks over 14 days, four days before the start), so days before it paid 12.5 BTC a block and days
  // after 6.25.
  const epoch = (height: number, startDay: number) => ({
    height,
    startTime: startDay * 86_400,
    bits: 0,
    difficulty: 1,
    exact: true,
  });
  const start = 18_400;
  const data = {
    priceUsd: new Map(Array.from({ length: 60 }, (_, i) => [start - 60 + i, 10_000])),
    feesBtc: new Map(Array.from({ length: 60 }, (_, i) => [start - 60 + i, 0])),
    epochs: [epoch(629_000, start - 10), epoch(631_016, start + 4)],
  } as unknown as Datasets;
  const supply: WorldSupply = { kwPerMusd: 450, lagDays: 0, halvingDays: [], retireIdlePctPerMonth: 100 };

  it("pays the subsidy of its day: twice the start's before the last halving", () => {
    const resolved = withRevenueLeadIn(supply, data, { day: start, height: 630_500 });
    // The halving's day (about start - 4) splits the lead-in.
    const revenue = resolved.revenueBeforeStartMusd ?? [];
    expect(revenue).toHaveLength(leadInDays(supply, start));
    // $10,000 x 144 blocks x 12.5 BTC = $18M a day; x 6.25 = $9M.
    expect(revenue[0]).toBeCloseTo(18, 9);
    expect(revenue[revenue.length - 1]).toBeCloseTo(9, 9);
  });

  it("reaches back to a shortage that began before the start, holding the first shipped day before the data", () => {
    const shortage = { startDay: start - 100, endDay: start + 50 };
    expect(leadInDays({ ...supply, shortage }, start)).toBe(29 + 101);
    const revenue =
      withRevenueLeadIn({ ...supply, shortage }, data, { day: start, height: 630_500 })
        .revenueBeforeStartMusd ?? [];
    // The data begins 60 days before the start: the 70 days before it hold its first day's $18M.
    expect(revenue).toHaveLength(130);
    expect(new Set(revenue.slice(0, 71).map((r) => r.toFixed(9)))).toEqual(new Set(["18.000000000"]));
    // With no shipped day before the start at all, the engine holds the scenario's own first day.
    const late = withRevenueLeadIn(supply, data, { day: start + 1000, height: 630_500 });
    expect(late.revenueBeforeStartMusd).toBeUndefined();
  });
});
