import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  DIFF1_TARGET,
  POW_LIMIT,
  POW_LIMIT_BITS,
  UINT256_MAX,
  checkProofOfWork,
  compactToTarget,
  difficultyFromBits,
  difficultyFromTarget,
  expectedHashesPerBlock,
  targetToCompact,
  workFromTarget,
} from "../../shared/bitcoin/index.ts";

/** Exact decomposition of a positive normal double: d = mantissa * 2^exponent, ulp(d) = 2^exponent. */
function decomposeDouble(d: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, d);
  const raw = view.getBigUint64(0);
  const biased = Number((raw >> 52n) & 0x7ffn);
  expect(biased).toBeGreaterThan(0); // normal, finite
  expect(biased).toBeLessThan(0x7ff);
  return { mantissa: (raw & ((1n << 52n) - 1n)) | (1n << 52n), exponent: biased - 1075 };
}

/** Bitcoin Core's blockchain_tests.cpp DoubleEquals tolerance (absolute). */
const CORE_EPSILON = 0.00001;

describe("difficultyFromBits: Bitcoin Core src/test/blockchain_tests.cpp (GetDifficulty vectors)", () => {
  it.each([
    ["get_difficulty_for_very_low_target", 0x1f111111, 0.000001],
    ["get_difficulty_for_low_target", 0x1ef88f6f, 0.000016],
    ["get_difficulty_for_mid_target", 0x1df88f6f, 0.004023],
    ["get_difficulty_for_high_target", 0x1cf88f6f, 1.029916],
  ])("%s: %s -> %s", (_name, bits, expected) => {
    expect(Math.abs(difficultyFromBits(bits) - expected)).toBeLessThan(CORE_EPSILON);
  });

  it("get_difficulty_for_very_high_target: 0x12345678 -> 5913134931067755359633408.0 (exact double)", () => {
    // At 5.9e24 one ulp is ~1e9, so Core's absolute 1e-5 tolerance demands bit equality.
    expect(difficultyFromBits(0x12345678)).toBe(5913134931067755359633408.0);
  });
});

describe("difficultyFromBits: mainnet values", () => {
  it("is exactly 1 at the pow limit", () => {
    expect(difficultyFromBits(POW_LIMIT_BITS)).toBe(1);
    expect(difficultyFromTarget(DIFF1_TARGET)).toBe(1);
    // powLimit itself (0x00000000ffff...ff) is slightly easier than what its compact form 0x1d00ffff decodes to.
    expect(difficultyFromTarget(POW_LIMIT)).toBeLessThan(1);
  });

  // bitcoin-rules.md "Real-chain check" and btc_difficulty_epochs.csv (difficulty column, 2 decimals).
  it.each([
    [0x17034219, 86388558925171.02], // epoch of block 840000
    [0x17117a39, 16104807485529.38], // epoch of block 630000
    [0x171398ce, 14363025673659.96], // epoch 689472, after the July 2021 -27.94 % retarget
    [0x170331db, 88104191118793.16], // epoch 840672
  ])("%s -> %s", (bits, expected) => {
    expect(Math.abs(difficultyFromBits(bits) - expected)).toBeLessThan(0.006);
  });

  it("keeps Core's quirks: sign bit inside the mantissa mask, unshifted mantissa for nSize < 3, 0 -> Infinity", () => {
    expect(difficultyFromBits(0x04923456)).toBe((0xffff / 0x923456) * 256 ** 25);
    expect(difficultyFromBits(0x01123456)).toBe((0xffff / 0x123456) * 256 ** 28);
    expect(difficultyFromBits(0x01123456)).not.toBe(difficultyFromTarget(compactToTarget(0x01123456)));
    expect(difficultyFromBits(0x1d000000)).toBe(Infinity);
    expect(difficultyFromTarget(0n)).toBe(Infinity);
  });

  it("rejects bits that are not a uint32", () => {
    expect(() => difficultyFromBits(-1)).toThrow(RangeError);
    expect(() => difficultyFromBits(2 ** 32)).toThrow(RangeError);
    expect(() => difficultyFromTarget(-1n)).toThrow(RangeError);
    expect(() => difficultyFromTarget(1n << 256n)).toThrow(RangeError);
  });
});

describe("difficultyFromTarget", () => {
  const canonicalBits = fc
    .tuple(fc.integer({ min: 1, max: 0x21 }), fc.integer({ min: 1, max: 0x7fffff }))
    .map(([size, word]) => targetToCompact(compactToTarget(((size << 24) | word) >>> 0)))
    .filter((b) => compactToTarget(b) !== 0n);

  it("equals GetDifficulty bit for bit on every canonical encoding (rounding commutes with 256^k scaling)", () => {
    fc.assert(
      fc.property(canonicalBits, (bits) => {
        expect(difficultyFromTarget(compactToTarget(bits))).toBe(difficultyFromBits(bits));
      }),
      { numRuns: 5000 },
    );
  });

  it("is correctly rounded for arbitrary targets: |DIFF1 - d*t| <= t * ulp(d)/2, in exact integers", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: UINT256_MAX }), (t) => {
        const { mantissa, exponent } = decomposeDouble(difficultyFromTarget(t));
        // d = mantissa * 2^exponent and ulp(d) = 2^exponent; scale by 2^shift so every power is integral.
        const shift = BigInt(Math.max(0, -exponent) + 1);
        const e = BigInt(exponent) + shift;
        const err = (DIFF1_TARGET << shift) - ((mantissa * t) << e);
        const bound = t << (e - 1n);
        expect(err <= bound && -err <= bound).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("workFromTarget / expectedHashesPerBlock (chain.cpp GetBlockProof)", () => {
  it("diff-1 needs 4295032833 hashes (bitcoin-rules.md), ~2^32", () => {
    expect(expectedHashesPerBlock(POW_LIMIT_BITS)).toBe(4295032833n);
    expect(workFromTarget(DIFF1_TARGET)).toBe(4295032833n);
  });

  it("regtest bits 0x207fffff (pow_tests.cpp GetBlockProofEquivalentTime_test) give 2 hashes per block", () => {
    expect(expectedHashesPerBlock(0x207fffff)).toBe(2n);
  });

  it("returns 0 for negative, overflowing or zero targets, as GetBlockProof does", () => {
    expect(expectedHashesPerBlock(0x04923456)).toBe(0n);
    expect(expectedHashesPerBlock(0xff123456)).toBe(0n);
    expect(expectedHashesPerBlock(0)).toBe(0n);
    expect(expectedHashesPerBlock(0x01003456)).toBe(0n);
    expect(workFromTarget(0n)).toBe(0n);
  });

  it("equals floor(2^256 / (target + 1)) for every target, including 2^256 - 1", () => {
    expect(workFromTarget(UINT256_MAX)).toBe(1n);
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: UINT256_MAX }), (t) => {
        expect(workFromTarget(t)).toBe((1n << 256n) / (t + 1n));
      }),
      { numRuns: 3000 },
    );
  });

  it("tracks difficulty * 2^32 within the 2^16/0xffff factor", () => {
    for (const bits of [0x17034219, 0x17117a39, 0x1b0404cb, POW_LIMIT_BITS]) {
      const ratio = Number(expectedHashesPerBlock(bits)) / (difficultyFromBits(bits) * 2 ** 32);
      expect(ratio).toBeGreaterThan(1);
      expect(ratio).toBeLessThan(1.00002);
    }
  });
});

describe("checkProofOfWork: Bitcoin Core src/test/pow_tests.cpp CheckProofOfWork_test_*", () => {
  it("negative_target: powLimit.GetCompact(true) with hash 1 is rejected", () => {
    expect(checkProofOfWork(1n, targetToCompact(POW_LIMIT, true))).toBe(false);
  });

  it("overflow_target: nBits ~0x00800000 with hash 1 is rejected", () => {
    expect(checkProofOfWork(1n, ~0x00800000 >>> 0)).toBe(false);
  });

  it("too_easy_target: (powLimit * 2).GetCompact() is rejected", () => {
    expect(checkProofOfWork(1n, targetToCompact(POW_LIMIT * 2n))).toBe(false);
  });

  it("biger_hash_than_target: hash powLimit*2 against powLimit's bits is rejected", () => {
    expect(checkProofOfWork(POW_LIMIT * 2n, targetToCompact(POW_LIMIT))).toBe(false);
  });

  it("zero_target: bits 0 with hash 0 is rejected", () => {
    expect(checkProofOfWork(0n, targetToCompact(0n))).toBe(false);
  });

  it("accepts hash == target and hash below it", () => {
    const target = compactToTarget(POW_LIMIT_BITS);
    expect(checkProofOfWork(target, POW_LIMIT_BITS)).toBe(true);
    expect(checkProofOfWork(target + 1n, POW_LIMIT_BITS)).toBe(false);
    // Genesis block hash (bitcoin-rules.md) against genesis nBits.
    const genesis = 0x000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26fn;
    expect(checkProofOfWork(genesis, POW_LIMIT_BITS)).toBe(true);
  });
});
