/**
 * Machine prices that follow the market (issue #16, shared/engine/machinePrice.ts): the hashprice
 * machines are priced on rises at the 30-day pace and falls over the factory's memoryDays, the next
 * halving is foreseen over the buyer's horizon, and new and used prices rest on the same memory.
 */
import { describe, expect, it } from "vitest";
import { step } from "../../shared/index.ts";
import { halvingOutlook, rememberHashprice } from "../../shared/engine/machinePrice.ts";
import { usedFairCentsPerTh } from "../../shared/engine/market.ts";
import type { GameState } from "../../shared/engine/state.ts";
import { newGame, stepUntil } from "../helpers/game.ts";

/** The price per TH/s of the best machine the former rule set: paybackDays of the 30-day average. */
const formerCentsPerTh = (g: GameState): number =>
  (g.market.hashpriceAvgMicroUsd * g.scenario.factory.paybackDays) / 10_000;

describe("the remembered hashprice", () => {
  it("starts at today's hashprice, rises by 1/30 of the gap a day and falls by 1/memoryDays", () => {
    expect(rememberHashprice(0, 100_000, 60)).toBe(100_000);
    expect(rememberHashprice(100_000, 130_000, 60)).toBeCloseTo(101_000, 6);
    expect(rememberHashprice(100_000, 40_000, 60)).toBeCloseTo(99_000, 6);
    expect(rememberHashprice(100_000, 40_000, 1)).toBe(40_000);
  });
});

describe("the halving outlook", () => {
  const SUBSIDY = 625_000_000;
  it("is 1 when no halving falls within the horizon", () => {
    // Height 630,000 has just halved: the next halving is 210,000 blocks (about four years) away.
    expect(halvingOutlook(630_000, 290, SUBSIDY, 0)).toBe(1);
  });
  it("counts the days after the next halving at the fees and half the subsidy", () => {
    const height = 630_000 - 100 * 144; // 100 days before the 2020 halving
    expect(halvingOutlook(height, 300, SUBSIDY, 0)).toBeCloseTo((100 + 200 * 0.5) / 300, 12);
    // Fees as large as the subsidy: the revenue after the halving is 3/4 of today's.
    expect(halvingOutlook(height, 300, SUBSIDY, SUBSIDY)).toBeCloseTo((100 + 200 * 0.75) / 300, 12);
  });
});

describe("machine prices in a game", () => {
  it("fall more slowly than hashprice: exodus-2021 ends in the 2022 crash above the former rule", () => {
    const g = newGame("exodus-2021");
    stepUntil(g, "2022-06-30");
    expect(g.market.hashpriceMemoryMicroUsd).toBeGreaterThan(g.market.hashpriceAvgMicroUsd * 1.2);
    expect(g.market.factoryCentsPerTh).toBeGreaterThan(formerCentsPerTh(g) * 1.2);
    // No halving within a used buyer's horizon in mid-2022: the used market prices on the memory itself.
    expect(g.market.usedBasisMicroUsd).toBe(g.market.hashpriceMemoryMicroUsd);
  });

  it("foresee the halving: cheaper before it, and the memory halves its subsidy on the day", () => {
    const g = newGame("halving-2020");
    stepUntil(g, "2020-04-11"); // a month before the halving of 2020-05-11
    const memory = g.market.hashpriceMemoryMicroUsd;
    const payback = g.scenario.factory.paybackDays;
    expect(g.market.factoryCentsPerTh).toBeLessThan((memory * payback) / 10_000 / 1.5);
    expect(g.market.usedBasisMicroUsd).toBeLessThan(memory * 0.75);
    let before = memory;
    while (g.chain.height < 630_000) {
      before = g.market.hashpriceMemoryMicroUsd;
      step(g);
    }
    expect(g.market.hashpriceMemoryMicroUsd).toBeLessThan(before * 0.6);
  });

  it("set the used market's fair price on the same basis", () => {
    const g = newGame("exodus-2021");
    stepUntil(g, "2022-03-01");
    const used = g.scenario.usedMarket;
    const powerPerDay = ((25 * 24) / 1000) * used.referencePowerPrice; // tier 1's 25 J/TH
    const margin = g.market.usedBasisMicroUsd - powerPerDay;
    expect(usedFairCentsPerTh(g, 1)).toBe(Math.round((margin * used.horizonDays) / 10_000));
  });

  it("carry on from a state saved before the memory existed", () => {
    const g = newGame("exodus-2021");
    stepUntil(g, "2021-06-01");
    const saved = structuredClone(g);
    const market: Partial<GameState["market"]> = saved.market;
    delete market.hashpriceMemoryMicroUsd;
    delete market.usedBasisMicroUsd;
    expect(usedFairCentsPerTh(saved, 1)).toBeGreaterThan(0);
    step(saved);
    expect(saved.market.hashpriceMemoryMicroUsd).toBe(saved.market.hashpriceMicroUsd);
    expect(Number.isFinite(saved.market.factoryCentsPerTh)).toBe(true);
  });
});
