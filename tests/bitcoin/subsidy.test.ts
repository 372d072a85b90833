import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  COIN,
  HALVING_INTERVAL,
  INITIAL_SUBSIDY,
  MAX_MONEY,
  blockSubsidy,
  blockSubsidySats,
  cumulativeSubsidy,
  halvingHeight,
  halvingsAt,
  isRetargetHeight,
  nextHalvingHeight,
} from "../../shared/bitcoin/index.ts";

/**
 * Port of Bitcoin Core src/test/validation_tests.cpp TestBlockSubsidyHalvings (block_subsidy_test):
 * at every halving height the subsidy is exactly half the previous era's (integer division), never above
 * 50 BTC, and 0 at 64 halvings. Core runs it for mainnet (210000), regtest (150) and 1000.
 */
function testBlockSubsidyHalvings(interval: number): void {
  const maxHalvings = 64;
  const initial = 50n * COIN;
  let previous = initial * 2n; // "for height == 0"
  for (let halvings = 0; halvings < maxHalvings; halvings++) {
    const height = halvings * interval;
    const subsidy = blockSubsidy(height, interval);
    expect(subsidy <= initial).toBe(true);
    expect(subsidy).toBe(previous / 2n);
    previous = subsidy;
  }
  expect(blockSubsidy(maxHalvings * interval, interval)).toBe(0n);
}

describe("blockSubsidy: Bitcoin Core validation_tests.cpp", () => {
  it.each([
    ["mainnet", HALVING_INTERVAL],
    ["regtest", 150],
    ["just another interval", 1000],
  ])("block_subsidy_test (%s, interval %i)", (_name, interval) => {
    testBlockSubsidyHalvings(interval);
  });

  it("subsidy_limit_test: sampling every 1000th block to 14,000,000 sums to 2,099,999,997,690,000 sat", () => {
    let sum = 0n;
    for (let height = 0; height < 14_000_000; height += 1000) {
      const subsidy = blockSubsidy(height);
      expect(subsidy <= 50n * COIN).toBe(true);
      sum += subsidy * 1000n;
      expect(sum >= 0n && sum <= MAX_MONEY).toBe(true); // MoneyRange
    }
    expect(sum).toBe(2_099_999_997_690_000n);
  });
});

describe("blockSubsidy: the mainnet schedule (bitcoin-rules.md)", () => {
  it.each([
    [0, 5_000_000_000n],
    [209_999, 5_000_000_000n],
    [210_000, 2_500_000_000n],
    [420_000, 1_250_000_000n],
    [629_999, 1_250_000_000n],
    [630_000, 625_000_000n],
    [840_000, 312_500_000n],
    [1_050_000, 156_250_000n],
    [6_719_999, 2n], // halvings 31: 5e9 >> 31 = 2 (floor)
    [6_720_000, 1n], // halvings 32: the last 1-sat era
    [6_929_999, 1n],
    [6_930_000, 0n], // halvings 33: 5e9 >> 33 = 0 well before the 64-halving guard
    [13_439_999, 0n],
    [13_440_000, 0n], // halvings 64: Core's explicit guard (shifting int64 by 64 is UB)
    [Number.MAX_SAFE_INTEGER, 0n],
  ])("height %i -> %s sat", (height, sats) => {
    expect(blockSubsidy(height)).toBe(sats);
    expect(blockSubsidySats(height)).toBe(Number(sats));
  });

  it("floors odd halvings exactly (right shift of satoshis)", () => {
    // 5e9 >> 9 = 9765625 exactly; >> 10 = 4882812.5 floored.
    expect(blockSubsidy(9 * HALVING_INTERVAL)).toBe(9_765_625n);
    expect(blockSubsidy(10 * HALVING_INTERVAL)).toBe(4_882_812n);
  });

  it("issues 2,099,999,997,690,000 sat in total, below MAX_MONEY, all by height 6,930,000", () => {
    const total = 2_099_999_997_690_000n;
    expect(cumulativeSubsidy(6_930_000)).toBe(total);
    expect(cumulativeSubsidy(14_000_000)).toBe(total);
    expect(cumulativeSubsidy(Number.MAX_SAFE_INTEGER)).toBe(total);
    expect(total < MAX_MONEY).toBe(true);
    expect(cumulativeSubsidy(0)).toBe(0n);
    expect(cumulativeSubsidy(1)).toBe(INITIAL_SUBSIDY);
    expect(cumulativeSubsidy(210_000)).toBe(210_000n * INITIAL_SUBSIDY);
  });

  it("cumulativeSubsidy(h + 1) - cumulativeSubsidy(h) === blockSubsidy(h) (fast-check)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 15_000_000 }), (h) => {
        expect(cumulativeSubsidy(h + 1) - cumulativeSubsidy(h)).toBe(blockSubsidy(h));
      }),
      { numRuns: 2000 },
    );
  });

  it("is non-increasing in height and always a whole number of satoshis in [0, 50 BTC] (fast-check)", () => {
    fc.assert(
      fc.property(fc.nat(20_000_000), fc.nat(20_000_000), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(blockSubsidy(lo) >= blockSubsidy(hi)).toBe(true);
        expect(blockSubsidy(lo) <= INITIAL_SUBSIDY).toBe(true);
        expect(Number.isSafeInteger(blockSubsidySats(hi))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("halving heights", () => {
  it("locates halvings", () => {
    expect([0, 1, 2, 3, 4, 5].map((n) => halvingHeight(n))).toEqual([
      0, 210_000, 420_000, 630_000, 840_000, 1_050_000,
    ]);
    expect(nextHalvingHeight(0)).toBe(210_000);
    expect(nextHalvingHeight(209_999)).toBe(210_000);
    expect(nextHalvingHeight(210_000)).toBe(420_000);
    expect(nextHalvingHeight(839_999)).toBe(840_000);
    expect(nextHalvingHeight(840_000)).toBe(1_050_000);
    expect(halvingsAt(840_000)).toBe(4);
    expect(halvingsAt(839_999)).toBe(3);
  });

  it("halvings fall mid-epoch except every 6th: lcm(210000, 2016) = 1,260,000", () => {
    for (let n = 1; n <= 33; n++) expect(isRetargetHeight(halvingHeight(n))).toBe(n % 6 === 0);
  });

  it("rejects negative and non-integer heights and bad intervals with RangeError", () => {
    for (const bad of [-1, 1.5, Number.NaN, Infinity, -Infinity, 2 ** 53]) {
      expect(() => blockSubsidy(bad)).toThrow(RangeError);
      expect(() => blockSubsidySats(bad)).toThrow(RangeError);
      expect(() => nextHalvingHeight(bad)).toThrow(RangeError);
      expect(() => halvingHeight(bad)).toThrow(RangeError);
      expect(() => cumulativeSubsidy(bad)).toThrow(RangeError);
    }
    expect(() => blockSubsidy(0, 0)).toThrow(RangeError);
    expect(() => blockSubsidy(0, -210_000)).toThrow(RangeError);
  });
});
