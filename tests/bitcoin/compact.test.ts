import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  POW_LIMIT,
  POW_LIMIT_BITS,
  UINT256_MAX,
  bitLength,
  compactToTarget,
  decodeCompact,
  isCanonicalCompact,
  targetToCompact,
} from "../../shared/bitcoin/index.ts";

/**
 * Every SetCompact/GetCompact vector of Bitcoin Core's src/test/arith_uint256_tests.cpp, test case
 * bignum_SetCompact (bitcoin/bitcoin, identical at commits 03b645bf and 2c3c633c):
 * [nBits, GetHex() of the decoded value, expected GetCompact(...), GetCompact's fNegative arg, fNegative, fOverflow].
 */
const CORE_SET_COMPACT: ReadonlyArray<readonly [number, bigint, number, boolean, boolean, boolean]> = [
  [0x00000000, 0n, 0, false, false, false],
  [0x00123456, 0n, 0, false, false, false],
  [0x01003456, 0n, 0, false, false, false],
  [0x02000056, 0n, 0, false, false, false],
  [0x03000000, 0n, 0, false, false, false],
  [0x04000000, 0n, 0, false, false, false],
  [0x00923456, 0n, 0, false, false, false],
  [0x01803456, 0n, 0, false, false, false],
  [0x02800056, 0n, 0, false, false, false],
  [0x03800000, 0n, 0, false, false, false],
  [0x04800000, 0n, 0, false, false, false],
  [0x01123456, 0x12n, 0x01120000, false, false, false],
  [0x01fedcba, 0x7en, 0x01fe0000, true, true, false],
  [0x02123456, 0x1234n, 0x02123400, false, false, false],
  [0x03123456, 0x123456n, 0x03123456, false, false, false],
  [0x04123456, 0x12345600n, 0x04123456, false, false, false],
  [0x04923456, 0x12345600n, 0x04923456, true, true, false],
  [0x05009234, 0x92340000n, 0x05009234, false, false, false],
  [
    0x20123456,
    0x1234560000000000000000000000000000000000000000000000000000000000n,
    0x20123456,
    false,
    false,
    false,
  ],
];

const hex = (n: number): string => `0x${n.toString(16).padStart(8, "0")}`;

describe("decodeCompact / targetToCompact: Bitcoin Core arith_uint256_tests bignum_SetCompact", () => {
  it.each(CORE_SET_COMPACT)("SetCompact(%s)", (bits, value, compact, getNeg, negative, overflow) => {
    const decoded = decodeCompact(bits);
    expect(decoded).toEqual({ target: value, negative, overflow });
    expect(compactToTarget(bits)).toBe(value);
    expect(hex(targetToCompact(decoded.target, getNeg))).toBe(hex(compact));
  });

  it("never generates a compact with the 0x00800000 bit set: 0x80 -> 0x02008000", () => {
    expect(hex(targetToCompact(0x80n))).toBe(hex(0x02008000));
  });

  it("flags 0xff123456 as overflow (not negative); the stored value is the 256-bit truncation, 0", () => {
    expect(decodeCompact(0xff123456)).toEqual({ target: 0n, negative: false, overflow: true });
  });
});

describe("compact edge cases (derived from arith_uint256.cpp semantics)", () => {
  it("round-trips powLimit and its negative encoding (pow_tests.cpp CheckProofOfWork_test_negative_target)", () => {
    expect(hex(targetToCompact(POW_LIMIT))).toBe(hex(POW_LIMIT_BITS));
    expect(compactToTarget(POW_LIMIT_BITS)).toBe(0xffffn << 208n);
    const neg = targetToCompact(POW_LIMIT, true);
    expect(hex(neg)).toBe(hex(0x1d80ffff));
    expect(decodeCompact(neg)).toEqual({ target: 0xffffn << 208n, negative: true, overflow: false });
  });

  it("treats ~0x00800000 as overflow (pow_tests.cpp CheckProofOfWork_test_overflow_target)", () => {
    const bits = ~0x00800000 >>> 0; // 0xff7fffff
    expect(decodeCompact(bits).overflow).toBe(true);
    expect(decodeCompact(bits).negative).toBe(false);
  });

  // Boundaries of the three overflow clauses: nSize > 34, nWord > 0xff && nSize > 33, nWord > 0xffff && nSize > 32.
  it.each([
    [0x2000ffff, false, 0xffffn << 232n],
    [0x207fffff, false, 0x7fffffn << 232n],
    [0x2100ffff, false, 0xffffn << 240n],
    [0x21010000, true, 0n], // 0x10000 << 240 = 2^256, truncated to 0
    [0x21020000, true, 0n],
    [0x210100ff, true, 0xffn << 240n], // 0x100ff << 240: the 2^256 bit is dropped
    [0x220000ff, false, 0xffn << 248n],
    [0x22000100, true, 0n],
    [0x23000001, true, 0n], // shift of 256 bits: everything falls off
    [0x23000000, false, 0n], // zero mantissa never overflows
    [0xff000000, false, 0n],
  ])("%s: overflow=%s, stored value truncated mod 2^256", (bits, overflow, value) => {
    expect(decodeCompact(bits).overflow).toBe(overflow);
    expect(compactToTarget(bits)).toBe(value);
  });

  it("the sign flag tests the mantissa AFTER the nSize<=3 right shift", () => {
    expect(decodeCompact(0x01800001).negative).toBe(false); // 0x000001 >> 16 = 0
    expect(decodeCompact(0x01810000).negative).toBe(true); // 0x010000 >> 16 = 1
    expect(decodeCompact(0x01810000).target).toBe(1n);
    expect(decodeCompact(0x02800100).negative).toBe(true);
  });

  it("encodes the extremes: 0 -> 0, 1 -> 0x01010000, 2^256-1 -> 0x2100ffff (sign bit renormalized)", () => {
    expect(targetToCompact(0n)).toBe(0);
    expect(targetToCompact(0n, true)).toBe(0); // no negative zero
    expect(hex(targetToCompact(1n))).toBe(hex(0x01010000));
    expect(hex(targetToCompact(UINT256_MAX))).toBe(hex(0x2100ffff));
    expect(hex(targetToCompact(1n << 255n))).toBe(hex(0x21008000));
  });

  it("rejects targets outside arith_uint256 with a RangeError", () => {
    expect(() => targetToCompact(-1n)).toThrow(RangeError);
    expect(() => targetToCompact(-1n)).toThrow(/non-negative/);
    expect(() => targetToCompact(1n << 256n)).toThrow(RangeError);
    expect(() => targetToCompact(1n << 256n)).toThrow(/2\^256/);
  });

  it("rejects bits that are not a uint32", () => {
    for (const bad of [-1, 0x100000000, 1.5, Number.NaN, Infinity]) {
      expect(() => decodeCompact(bad)).toThrow(RangeError);
    }
  });

  it("recognizes canonical encodings", () => {
    expect(isCanonicalCompact(0x1d00ffff)).toBe(true);
    expect(isCanonicalCompact(0x17034219)).toBe(true);
    expect(isCanonicalCompact(0x1c00ffff)).toBe(true); // the zero byte is needed: 0xffff00 would set the sign bit
    expect(isCanonicalCompact(0x1c007fff)).toBe(false); // GetCompact writes this value as 0x1b7fff00
    expect(isCanonicalCompact(0x04923456)).toBe(false); // negative
    expect(isCanonicalCompact(0xff123456)).toBe(false); // overflow
  });
});

/** Independent statement of what SetCompact's value and overflow flag mean, for the properties below. */
function referenceDecode(bits: number): { exact: bigint; mantissa: number; size: number } {
  const size = bits >>> 24;
  const word = bits & 0x007fffff;
  const exact = size <= 3 ? BigInt(word >>> (8 * (3 - size))) : BigInt(word) * 256n ** BigInt(size - 3);
  return { exact, mantissa: size <= 3 ? word >>> (8 * (3 - size)) : word, size };
}

const uint32 = fc.integer({ min: 0, max: 0xffffffff });
const uint256 = fc.bigInt({ min: 0n, max: UINT256_MAX });
/** Targets spread over all magnitudes (uniform uint256 draws almost always have ~256 bits). */
const anyMagnitude = fc
  .tuple(fc.integer({ min: 0, max: 256 }), uint256)
  .map(([bitsWanted, raw]) => (bitsWanted === 0 ? 0n : raw >> BigInt(256 - bitsWanted)));

describe("compact properties (fast-check)", () => {
  it("overflow <=> the exact value needs more than 256 bits; stored value = exact mod 2^256", () => {
    fc.assert(
      fc.property(uint32, (bits) => {
        const { exact } = referenceDecode(bits);
        const d = decodeCompact(bits);
        expect(d.overflow).toBe(exact > UINT256_MAX);
        expect(d.target).toBe(exact & UINT256_MAX);
        expect(d.negative).toBe(exact !== 0n && (bits & 0x00800000) !== 0);
      }),
      { numRuns: 5000 },
    );
  });

  it("targetToCompact(compactToTarget(b)) === b for every canonical non-negative b", () => {
    fc.assert(
      fc.property(anyMagnitude, (t) => {
        const b = targetToCompact(t);
        expect(targetToCompact(compactToTarget(b))).toBe(b);
        expect(isCanonicalCompact(b)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("any non-overflowing bits decode to a value that re-encodes without loss", () => {
    fc.assert(
      fc.property(uint32, (bits) => {
        const d = decodeCompact(bits);
        fc.pre(!d.overflow);
        expect(compactToTarget(targetToCompact(d.target))).toBe(d.target);
      }),
      { numRuns: 5000 },
    );
  });

  it("re-encoding only clears low bytes: c = (t >> s) << s, with 0 <= t - c < 2^s and >= 16 kept bits", () => {
    fc.assert(
      fc.property(anyMagnitude, (t) => {
        const b = targetToCompact(t);
        const c = compactToTarget(b);
        const size = b >>> 24;
        const s = BigInt(Math.max(0, 8 * (size - 3)));
        expect(c).toBe((t >> s) << s);
        expect(t - c < 1n << s).toBe(true);
        if (t > 0n) expect(bitLength(t) - Number(s)).toBeGreaterThanOrEqual(Math.min(16, bitLength(t)));
      }),
      { numRuns: 3000 },
    );
  });

  it("GetCompact never sets the sign bit unless asked, and asking only flips that bit", () => {
    fc.assert(
      fc.property(anyMagnitude, (t) => {
        const pos = targetToCompact(t);
        const neg = targetToCompact(t, true);
        expect(pos & 0x00800000).toBe(0);
        expect(pos >>> 24).toBeLessThanOrEqual(33);
        expect(neg).toBe(t === 0n ? pos : (pos | 0x00800000) >>> 0);
        expect(decodeCompact(neg).negative).toBe(t !== 0n);
        expect(compactToTarget(neg)).toBe(compactToTarget(pos));
      }),
      { numRuns: 3000 },
    );
  });

  it("encoding is monotone: t1 <= t2 implies decoded(t1) <= decoded(t2)", () => {
    fc.assert(
      fc.property(anyMagnitude, anyMagnitude, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(compactToTarget(targetToCompact(lo)) <= compactToTarget(targetToCompact(hi))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
