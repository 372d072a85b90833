/**
 * The compact "nBits" encoding of 256-bit targets, ported bit for bit from Bitcoin Core's
 * arith_uint256::SetCompact / GetCompact (src/arith_uint256.cpp).
 *
 * Layout of a compact value (a uint32): 1 byte exponent nSize | 1 sign bit | 23-bit mantissa nWord.
 * The value is nWord * 256^(nSize - 3), like a base-256 float, with an OpenSSL-style sign bit.
 */
import { COMPACT_SIGN_BIT, UINT256_MAX } from "./constants.ts";

export interface DecodedCompact {
  /** What SetCompact leaves in the arith_uint256: the unsigned magnitude, truncated to 256 bits. */
  target: bigint;
  /** SetCompact's *pfNegative: the sign bit is set AND the (post-shift) mantissa is non-zero. */
  negative: boolean;
  /** SetCompact's *pfOverflow: the value does not fit in 256 bits. */
  overflow: boolean;
}

/** Reject anything that is not a uint32, which is all nBits can be on the wire. */
function assertUint32(bits: number, what: string): void {
  if (!Number.isInteger(bits) || bits < 0 || bits > 0xffffffff) {
    throw new RangeError(`${what} must be an integer in [0, 0xffffffff], got ${bits}`);
  }
}

/** Number of significant bits, as arith_uint256::bits() (0 for 0). */
export function bitLength(value: bigint): number {
  return value === 0n ? 0 : value.toString(2).length;
}

/**
 * arith_uint256::SetCompact with both out-flags.
 *
 * Subtleties kept from Core:
 * - nSize <= 3 shifts the mantissa RIGHT, so low mantissa bytes are discarded (0x01123456 -> 0x12).
 * - The negative flag tests the mantissa AFTER that right shift: 0x01803456 is zero, not "negative zero".
 * - For nSize > 3 Core does `*this = nWord; *this <<= 8*(nSize-3)`; base_uint's shift silently drops
 *   bits past 2^256, so the stored value is (nWord << shift) mod 2^256 and only the flag reports it.
 * - The overflow flag uses the UNSHIFTED nWord and is exactly "the shifted value needs more than 256 bits".
 */
export function decodeCompact(bits: number): DecodedCompact {
  assertUint32(bits, "compact bits");
  const nSize = bits >>> 24;
  let nWord = bits & 0x007fffff;
  let target: bigint;
  if (nSize <= 3) {
    nWord >>>= 8 * (3 - nSize);
    target = BigInt(nWord);
  } else {
    target = (BigInt(nWord) << BigInt(8 * (nSize - 3))) & UINT256_MAX;
  }
  const negative = nWord !== 0 && (bits & COMPACT_SIGN_BIT) !== 0;
  const overflow =
    nWord !== 0 && (nSize > 34 || (nWord > 0xff && nSize > 33) || (nWord > 0xffff && nSize > 32));
  return { target, negative, overflow };
}

/**
 * The plain arith_uint256 value SetCompact(bits) produces, flags ignored — the same thing Core's
 * CalculateNextWorkRequired and GetDifficulty-adjacent code read back with `bnNew.SetCompact(nBits)`.
 *
 * - Negative encodings yield their MAGNITUDE (Core has no signed arith_uint256; the sign lives only in
 *   the flag), e.g. 0x04923456 -> 0x12345600.
 * - Overflowing encodings yield the shifted value truncated to 256 bits, e.g. 0xff123456 -> 0 and
 *   0x22000100 -> 0 (0x100 << 248 = 2^256). That is Core's stored value; consensus code never uses it
 *   because CheckProofOfWork rejects on the overflow flag first. Use decodeCompact when validity matters.
 */
export function compactToTarget(bits: number): bigint {
  return decodeCompact(bits).target;
}

/**
 * arith_uint256::GetCompact(fNegative).
 *
 * Never emits a mantissa with the sign bit set: if the top mantissa byte would be >= 0x80 the mantissa is
 * shifted right one byte and nSize bumped (so 0x80 encodes as 0x02008000, not 0x01800000). The sign bit
 * is only set when `negative` is requested and the mantissa is non-zero (Core's `fNegative && (nCompact &
 * 0x007fffff)`), so zero never becomes "negative zero".
 */
export function targetToCompact(target: bigint, negative = false): number {
  if (target < 0n) {
    throw new RangeError(
      `targetToCompact: target must be non-negative (arith_uint256 is unsigned), got ${target}`,
    );
  }
  if (target > UINT256_MAX) {
    throw new RangeError(
      `targetToCompact: target must be < 2^256 to fit an arith_uint256, got 0x${target.toString(16)}`,
    );
  }
  let nSize = Math.floor((bitLength(target) + 7) / 8);
  let nCompact: number;
  if (nSize <= 3) {
    // Core: GetLow64() << 8*(3-nSize); the value has at most 3 bytes so this stays below 2^24.
    nCompact = Number(target << BigInt(8 * (3 - nSize)));
  } else {
    // Core: (*this >> 8*(nSize-3)).GetLow64(); exactly the top 3 bytes.
    nCompact = Number(target >> BigInt(8 * (nSize - 3)));
  }
  if ((nCompact & COMPACT_SIGN_BIT) !== 0) {
    nCompact >>>= 8;
    nSize += 1;
  }
  // Core asserts (nCompact & ~0x007fffff) == 0 and nSize < 256; both hold for any 256-bit input (nSize <= 33).
  nCompact |= nSize << 24;
  if (negative && (nCompact & 0x007fffff) !== 0) nCompact |= COMPACT_SIGN_BIT;
  return nCompact >>> 0;
}

/** True when `bits` is exactly what GetCompact would emit for its own SetCompact value (canonical, non-negative form). */
export function isCanonicalCompact(bits: number): boolean {
  const { target, negative, overflow } = decodeCompact(bits);
  return !negative && !overflow && targetToCompact(target) === bits;
}
