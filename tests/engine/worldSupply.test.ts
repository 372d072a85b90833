/**
 * world.supply (issue #16): the world's new machines follow miners' revenue, not a dated schedule. The
 * rule is checked on its own (proportional to its number, to revenue, to the machines' efficiency) and
 * for what it must leave alone: every scenario that does not opt in resolves without the new fields.
 */
import { describe, expect, it } from "vitest";
import { parseIsoDate } from "../../shared/math/calendar.ts";
import { revenueMusdPerDay, supplyRateAt, withOrderBook } from "../../shared/engine/worldSupply.ts";
import { deploymentRateAt } from "../../shared/engine/world.ts";
import { paceProblems, supplyProblems } from "../../shared/scenario/supplySpec.ts";
import { scenario } from "../helpers/game.ts";

const decade = scenario("history-2016-2026");
const supply = decade.world.supply!;
const day = (iso: string) => parseIsoDate(iso);

describe("the world's supply of new machines", () => {
  it("is what the world deploys in a scenario that gives it", () => {
    const d = day("2019-06-01");
    expect(deploymentRateAt(decade, d)).toBe(supplyRateAt(decade, supply, d));
    expect(deploymentRateAt(decade, d)).toBeGreaterThan(0);
  });

  it("scales with its MW per million USD of revenue", () => {
    const d = day("2018-03-01");
    // Re-resolved as calibrate does (withOrderBook): the order book's deliveries follow the new orders.
    const doubled = withOrderBook(decade, { ...supply, kwPerMusd: supply.kwPerMusd * 2 });
    expect(supplyRateAt(decade, doubled, d)).toBeCloseTo(2 * supplyRateAt(decade, supply, d), 6);
  });

  it("follows revenue: the late-2017 bull market ships far more than mid-2016, the 2020 halving cuts it", () => {
    const revenue = (iso: string) => revenueMusdPerDay(decade, supply, day(iso));
    expect(revenue("2017-12-31")).toBeGreaterThan(10 * revenue("2016-08-01"));
    // The real chain halved on 11 May 2020 (btc-epochs.csv); BTC was about $8,800 on both sides.
    // Interpolated within their epochs: each within a day of the real one.
    const real = ["2016-07-09", "2020-05-11", "2024-04-20"].map(day);
    expect(supply.halvingDays).toHaveLength(3);
    supply.halvingDays.forEach((d, i) => expect(Math.abs(d - (real[i] as number))).toBeLessThanOrEqual(1));
    expect(revenue("2020-06-10") / revenue("2020-05-10")).toBeLessThan(0.7);
  });

  it("turns the same kW into more TH/s once a more efficient generation is on sale", () => {
    // The S9 (98 J/TH) is the best in 2016; the catalog's best of mid-2020 is several times as efficient.
    const best = (iso: string) =>
      Math.min(...decade.asics.filter((m) => m.releaseDay <= day(iso)).map((m) => m.efficiencyJPerTh));
    const perKw = (iso: string) =>
      supplyRateAt(decade, supply, day(iso)) / revenueMusdPerDay(decade, supply, day(iso) - supply.lagDays);
    expect(best("2016-07-01")).toBe(98);
    expect(perKw("2020-07-01") / perKw("2016-07-01")).toBeCloseTo(98 / best("2020-07-01"), 6);
  });

  it("plays the episodes on the decade's supply (their windowOf), and the sandbox on its schedule", () => {
    const decade = scenario("history-2016-2026").world.supply;
    for (const id of ["halving-2020", "exodus-2021", "tariffs-2025"]) {
      const s = scenario(id);
      expect(s.world.deployments).toEqual([]);
      expect(s.world.supply?.kwPerMusd).toBe(decade?.kwPerMusd);
      expect(s.world.supply?.retirePatienceDays).toBe(decade?.retirePatienceDays);
      expect("calibrationYears" in s.world).toBe(false);
    }
    const sandbox = scenario("sandbox");
    expect("supply" in sandbox.world).toBe(false);
    expect(sandbox.world.deployments.length).toBeGreaterThan(0);
  });

  it("refuses a world with both a schedule and a supply, or neither, and calibration years outside it", () => {
    const period = { start: "2016-06-08", end: "2026-03-27" };
    const s = { mwPerMusdRevenue: 0.45, lagDays: 0, retireIdlePctPerMonth: 0 };
    expect(paceProblems({ deployments: [1], supply: s })[0]?.path).toEqual(["supply"]);
    expect(paceProblems({ deployments: [] })[0]?.path).toEqual(["deployments"]);
    expect(paceProblems({ deployments: [], supply: s })).toEqual([]);
    const hist = "historical";
    expect(supplyProblems({ supply: s, calibrationYears: [2015, 2019] }, period, hist)).toHaveLength(1);
    expect(supplyProblems({ supply: s, calibrationYears: [2016, 2019] }, period, hist)).toEqual([]);
    // A drawn price has no series for the supply to read miners' revenue from.
    expect(supplyProblems({ supply: s }, period, "stochastic")[0]?.message).toMatch(/historical BTC price/);
  });
});
