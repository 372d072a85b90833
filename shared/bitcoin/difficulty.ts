/**
 * Difficulty, work and proof-of-work checks, matching Bitcoin Core:
 * GetDifficulty (src/rpc/blockchain.cpp), GetBlockProof (src/chain.cpp), CheckProofOfWork (src/pow.cpp).
 */
import { decodeCompact, bitLength } from "./compact.ts";
import { DIFF1_TARGET, POW_LIMIT, UINT256_MAX } from "./constants.ts";

function assertUint256(value: bigint, what: string): void {
  if (value < 0n || value > UINT256_MAX) {
    throw new RangeError(`${what} must be in [0, 2^256), got 0x${value.toString(16)}`);
  }
}

/**
 * GetDifficulty exactly, in IEEE double arithmetic (JS numbers are the same binary64 as C++ double, and
 * `/` and `*` are correctly rounded in both, so the result is bit-identical to bitcoind's).
 *
 * Core quirks kept on purpose:
 * - the mantissa mask is 0x00ffffff, i.e. it INCLUDES the sign bit (negative encodings give a smaller,
 *   positive difficulty), and
 * - the mantissa is used unshifted even when nSize < 3, where SetCompact would drop low bytes,
 *   so for such (never-on-chain) bits this is not diff1 / compactToTarget(bits).
 * A zero mantissa divides by zero and yields Infinity, as in C++.
 */
export function difficultyFromBits(bits: number): number {
  if (!Number.isInteger(bits) || bits < 0 || bits > 0xffffffff) {
    throw new RangeError(`difficultyFromBits: bits must be a uint32, got ${bits}`);
  }
  let nShift = (bits >>> 24) & 0xff;
  let dDiff = 0x0000ffff / (bits & 0x00ffffff);
  while (nShift < 29) {
    dDiff *= 256.0;
    nShift++;
  }
  while (nShift > 29) {
    dDiff /= 256.0;
    nShift--;
  }
  return dDiff;
}

/**
 * DIFF1_TARGET / target, correctly rounded to the nearest double (ties to even).
 *
 * For a canonical compact target this equals difficultyFromBits(bits) bit for bit: GetDifficulty computes
 * round(0xffff / mantissa) and then scales by powers of 256, which commutes with rounding.
 * Target 0 gives Infinity (the division by zero GetDifficulty would perform).
 */
export function difficultyFromTarget(target: bigint): number {
  assertUint256(target, "difficultyFromTarget: target");
  if (target === 0n) return Infinity;
  // Scale the numerator so the integer quotient has >= 64 significant bits (53 needed + guard bits),
  // then fold any non-zero remainder into a sticky low bit so Number() rounds as the exact ratio would.
  const k = Math.max(0, 64 + bitLength(target) - bitLength(DIFF1_TARGET));
  const scaled = DIFF1_TARGET << BigInt(k);
  let q = scaled / target;
  if (scaled % target !== 0n) q |= 1n;
  // Dividing by 2^k is exact: k <= 96, and results stay far from the subnormal range.
  return Number(q) / 2 ** k;
}

/**
 * GetBlockProof's formula for a decoded target: (~target / (target + 1)) + 1, which equals
 * floor(2^256 / (target + 1)) — the expected number of hashes to find a block at this target.
 * Returns 0n for target 0 (Core's guard). For target = 2^256 - 1 Core would divide by a wrapped 0 and
 * throw; here the mathematically correct 1n is returned (no compact encoding can produce that target).
 */
export function workFromTarget(target: bigint): bigint {
  assertUint256(target, "workFromTarget: target");
  if (target === 0n) return 0n;
  return (UINT256_MAX - target) / (target + 1n) + 1n;
}

/**
 * GetBlockProof(block) from nBits: 0n if the encoding is negative, overflows or is zero (Core's guard),
 * otherwise workFromTarget. Exactly 2^256 / (target + 1) hashes are expected per block;
 * for diff-1 bits 0x1d00ffff that is 4295032833 (~ 2^32).
 */
export function expectedHashesPerBlock(bits: number): bigint {
  const { target, negative, overflow } = decodeCompact(bits);
  if (negative || overflow || target === 0n) return 0n;
  return workFromTarget(target);
}

/**
 * CheckProofOfWork(hash, nBits, params): the nBits must decode to a positive, non-overflowing target no
 * easier than powLimit, and the block hash (as a 256-bit little-endian integer, i.e. the usual hex read as
 * a number) must be <= that target.
 */
export function checkProofOfWork(hash: bigint, bits: number, powLimit: bigint = POW_LIMIT): boolean {
  assertUint256(hash, "checkProofOfWork: hash");
  const { target, negative, overflow } = decodeCompact(bits);
  if (negative || target === 0n || overflow || target > powLimit) return false;
  return hash <= target;
}
