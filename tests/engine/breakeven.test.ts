/**
 * Switch-offs by each tier's own breakeven (issue #16): hosted machines stop below power plus the
 * region's hosting fee per kWh, owned ones below power alone; and power prices that move by dated steps.
 */
import { describe, expect, it } from "vitest";
import { EngineCaches } from "../../shared/engine/caches.ts";
import {
  hostingMicroUsdPerKwh,
  OFF_RATIO,
  ON_RATIO,
  runningTarget,
  tierRunningTarget,
} from "../../shared/engine/breakeven.ts";
import { hostingFeeToday } from "../../shared/engine/hostingFee.ts";
import { powerPriceToday } from "../../shared/engine/regions.ts";
import { monthOf, parseIsoDate } from "../../shared/math/calendar.ts";
import type { GameState } from "../../shared/engine/state.ts";
import { newGame } from "../helpers/game.ts";

const caches = new EngineCaches();
const indexOf = (g: GameState, id: string): number => g.scenario.regions.findIndex((r) => r.id === id);

describe("a tier's running share", () => {
  it("is a ramp of hashprice over the tier's cost: off at 0.85, on at 1.25", () => {
    // 30 J/TH at 0.05 $/kWh costs 30 × 24 / 1000 × 50,000 µ$ = 36,000 µ$ per TH/s per day.
    const cost = 36_000;
    expect(runningTarget(cost * OFF_RATIO, 30, 50_000)).toBe(0);
    expect(runningTarget(cost * ON_RATIO, 30, 50_000)).toBe(1);
    expect(runningTarget(cost * 1.05, 30, 50_000)).toBeCloseTo(0.5, 9);
  });

  it("turns a $30/kW-month fee into 4.17 c/kWh at full load", () => {
    expect(hostingMicroUsdPerKwh(3_000)).toBeCloseTo(41_667, 0);
  });

  it("splits a tier by hosting: at a hashprice between the two breakevens only the owned part runs", () => {
    const g = newGame("tariffs-2025", 1);
    const tx = indexOf(g, "us-texas");
    const power = powerPriceToday(g, tx, caches);
    const fee = hostingMicroUsdPerKwh(hostingFeeToday(g, tx));
    // An S19-class tier (34 J/TH): fully on at power alone, fully off at power + fee.
    const jPerTh = 34;
    const ownOn = (jPerTh * 24 * power * ON_RATIO) / 1000;
    const hostedOff = (jPerTh * 24 * (power + fee) * OFF_RATIO) / 1000;
    expect(ownOn).toBeLessThan(hostedOff);
    g.market.hashpriceMicroUsd = Math.round((ownOn + hostedOff) / 2);
    expect(tierRunningTarget(g, tx, jPerTh, caches)).toBeCloseTo(
      1 - g.scenario.breakeven.hostedBps / 10_000,
      9,
    );
    // With nobody hosted, the whole tier runs.
    g.scenario = { ...g.scenario, breakeven: { hostedBps: 0 } };
    expect(tierRunningTarget(g, tx, jPerTh, caches)).toBe(1);
  });

  it("switches the oldest tiers off first: at the same hashprice an S9 runs less than an S19", () => {
    const g = newGame("tariffs-2025", 1);
    g.market.hashpriceMicroUsd = 50_000; // about the hashprice after the April 2024 halving
    for (let r = 0; r < g.scenario.regions.length; r++)
      expect(tierRunningTarget(g, r, 98, caches)).toBeLessThanOrEqual(tierRunningTarget(g, r, 34, caches));
    expect(tierRunningTarget(g, indexOf(g, "us-texas"), 98, caches)).toBe(0);
  });
});

describe("power steps", () => {
  it("add Sweden's July 2023 tax ($0.035/kWh) from its day on", () => {
    const g = newGame("tariffs-2025", 1);
    const se = indexOf(g, "se-north");
    const base = g.scenario.regions[se]!.powerPriceMonthly[0]!;
    expect(g.day).toBeGreaterThan(parseIsoDate("2023-07-01"));
    expect(powerPriceToday(g, se, caches)).toBe(base + 35_000);
  });

  it("apply only from their date: Kazakhstan's 2022 fee is not in the 2020 price, the 2023 one is in 2024", () => {
    const early = newGame("halving-2020", 1);
    const kz = indexOf(early, "kz-ekibastuz");
    const month = (g: GameState) => monthOf(g.day) - 1;
    expect(powerPriceToday(early, kz, caches)).toBe(
      early.scenario.regions[kz]!.powerPriceMonthly[month(early)],
    );
    const late = newGame("tariffs-2025", 1);
    const kz2 = indexOf(late, "kz-ekibastuz");
    expect(powerPriceToday(late, kz2, caches)).toBe(
      late.scenario.regions[kz2]!.powerPriceMonthly[month(late)]! + 6_500,
    );
  });

  it("multiply by a percent and keep events on top: Paraguay's +14% of June 2024 under a doubling event", () => {
    // Sandbox takes Paraguay's step from the catalog (tariffs-2025 writes the same rise as a headlined event).
    const g = newGame("sandbox", 1);
    const py = indexOf(g, "py-itaipu");
    g.day = parseIsoDate("2024-07-01");
    const monthly = g.scenario.regions[py]!.powerPriceMonthly[6]!;
    expect(powerPriceToday(g, py, new EngineCaches())).toBe(Math.round((monthly * 11_400) / 10_000));
    g.world.regions[py]!.powerMultiplierBps = 20_000;
    expect(powerPriceToday(g, py, new EngineCaches())).toBe(2 * Math.round((monthly * 11_400) / 10_000));
  });
});
