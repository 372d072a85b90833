/**
 * Hosting fees that move by year (issue #16): a region's fee on a date is its last dated hosting step on
 * or before it, else the catalog's base; a player's lease is billed on it on both sides of a step (its
 * locked price moves by the fee's ratio); the rest of the world's breakeven reads the same fee.
 */
import { describe, expect, it } from "vitest";
import { applyCommand } from "../../shared/index.ts";
import { EngineCaches } from "../../shared/engine/caches.ts";
import { regionHostingMicroUsdPerKwh, hostingMicroUsdPerKwh } from "../../shared/engine/breakeven.ts";
import {
  addLeaseKw,
  hostingPriceCents,
  hostingSpecOf,
  priceMultiplierBps,
  utilisationBps,
} from "../../shared/engine/hosting.ts";
import { hostingFeeOn, hostingFeeToday } from "../../shared/engine/hostingFee.ts";
import { hostingCentsPerDay } from "../../shared/engine/siteRates.ts";
import type { Company, GameState } from "../../shared/engine/state.ts";
import { parseIsoDate } from "../../shared/math/calendar.ts";
import type { RegionSpec } from "../../shared/scenario/types.ts";
import { newGame, player, scenario, stepUntil } from "../helpers/game.ts";

const TEXAS = "us-texas";
const indexOf = (g: GameState, id: string) => g.scenario.regions.findIndex((r) => r.id === id);
const day = (iso: string) => parseIsoDate(iso);

describe("the dated hosting fee", () => {
  const texas = scenario("history-2016-2026").regions.find((r) => r.id === TEXAS)!;

  it("is the last step on or before the date, else the base", () => {
    expect(texas.hostingCentsPerKwMonth).toBe(3_000);
    expect(hostingFeeOn(texas, day("2015-12-31"))).toBe(3_000); // before the first step: the base
    expect(hostingFeeOn(texas, day("2016-01-01"))).toBe(1_600);
    expect(hostingFeeOn(texas, day("2020-12-31"))).toBe(1_600);
    expect(hostingFeeOn(texas, day("2021-01-01"))).toBe(2_300);
    expect(hostingFeeOn(texas, day("2022-02-28"))).toBe(2_300);
    expect(hostingFeeOn(texas, day("2022-03-01"))).toBe(3_700);
    expect(hostingFeeOn(texas, day("2023-07-01"))).toBe(3_000);
    expect(hostingFeeOn(texas, day("2026-01-01"))).toBe(3_000);
  });

  it("is the base throughout for a region without steps, and for a state made before steps existed", () => {
    const quebec = scenario("halving-2020").regions.find((r) => r.id === "ca-quebec")!;
    expect(quebec.hostingSteps).toEqual([]);
    expect(hostingFeeOn(quebec, day("2021-06-01"))).toBe(quebec.hostingCentsPerKwMonth);
    const old = { ...texas, hostingSteps: undefined } as unknown as RegionSpec;
    expect(hostingFeeOn(old, day("2022-06-01"))).toBe(3_000);
  });
});

describe("a player's lease across a hosting step", () => {
  it("is billed at the old fee before the step and by the new fee's ratio after it", () => {
    const g = newGame("halving-2020", 1, 1);
    stepUntil(g, "2020-12-20");
    const tx = indexOf(g, TEXAS);
    const caches = new EngineCaches();
    const price = hostingPriceCents(g, tx);
    expect(hostingFeeToday(g, tx)).toBe(1_600);
    const kw = 100;
    const r = applyCommand(g, player(1), { type: "leaseCapacity", region: TEXAS, kw }, caches);
    expect(r.ok).toBe(true);
    const bills = new Map<string, number>();
    stepUntil(g, "2021-01-03", (report) => {
      const mine = report.ledgers.find((l) => l.company === "p1")!;
      const fee = mine.entries.filter((e) => e.kind === "hosting" && e.ref === TEXAS);
      bills.set(
        report.date,
        fee.reduce((s, e) => s + e.cents, 0),
      );
    });
    // The lease's own kW at the locked price per 30 days; the starting fleet may add its own lease kW.
    const lease = g.companies[0]!.leases.find((l) => l.region === TEXAS)!;
    const before = Math.round((lease.kw * lease.centsPerKwMonth!) / 30);
    expect(price).toBeGreaterThan(0);
    expect(bills.get("2020-12-31")).toBe(-before);
    // From 2021-01-01 the fee is $23 instead of $16: the same lease pays 23/16 as much.
    expect(bills.get("2021-01-01")).toBe(
      -Math.round((lease.kw * lease.centsPerKwMonth! * 2_300) / 1_600 / 30),
    );
    expect(bills.get("2021-01-02")).toBe(bills.get("2021-01-01"));
  });

  it("costs a new lease the new fee after the step, and a site's daily rate follows the same fee", () => {
    const g = newGame("halving-2020", 1, 1);
    const tx = indexOf(g, TEXAS);
    const spec = g.scenario.regions[tx]!;
    expect(hostingCentsPerDay(30, spec, g.day)).toBeCloseTo(1_600, 9);
    stepUntil(g, "2021-01-01");
    expect(hostingCentsPerDay(30, spec, g.day)).toBeCloseTo(2_300, 9);
    // The price of a new lease is the new fee times the use multiplier of the utilisation curve.
    const use = utilisationBps(g, g.world.regions[tx]!);
    const mult = priceMultiplierBps(hostingSpecOf(g), use);
    expect(hostingPriceCents(g, tx)).toBe(Math.round((2_300 * mult) / 10_000));
  });
});

describe("the rest of the world's breakeven", () => {
  it("reads the dated fee: Texas's hosted machines pay $37/kW-month in the 2022 energy crisis", () => {
    const g = newGame("exodus-2021", 1);
    const tx = indexOf(g, TEXAS);
    expect(regionHostingMicroUsdPerKwh(g, tx)).toBeCloseTo(hostingMicroUsdPerKwh(2_300), 9);
    stepUntil(g, "2022-03-01");
    expect(regionHostingMicroUsdPerKwh(g, tx)).toBeCloseTo(hostingMicroUsdPerKwh(3_700), 9);
  });
});

describe("adding kW to a lease after a step", () => {
  it("blends what it held, moved to today's fee, with the new kW at their price", () => {
    const company = { leases: [] } as unknown as Company;
    // 100 kW at $20 while the fee was $16, then the fee steps to $24 (×1.5): the held part is worth $30.
    addLeaseKw(company, TEXAS, false, 100, 2_000, 1_600);
    const lease = addLeaseKw(company, TEXAS, false, 100, 2_400, 2_400);
    expect(lease.kw).toBe(200);
    expect(lease.centsPerKwMonth).toBe(2_700); // (100 × 3,000 + 100 × 2,400) / 200
    expect(lease.feeCentsPerKwMonth).toBe(2_400);
  });
});
