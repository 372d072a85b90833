/**
 * The 2016-block difficulty retarget, ported from Bitcoin Core src/pow.cpp
 * (GetNextWorkRequired / CalculateNextWorkRequired / PermittedDifficultyTransition), mainnet parameters:
 * fPowAllowMinDifficultyBlocks = false, fPowNoRetargeting = false, enforce_BIP94 = false.
 */
import { compactToTarget, targetToCompact } from "./compact.ts";
import {
  MAX_ACTUAL_TIMESPAN,
  MIN_ACTUAL_TIMESPAN,
  POW_LIMIT,
  RETARGET_INTERVAL,
  TARGET_TIMESPAN,
  UINT256_MAX,
} from "./constants.ts";

function assertTime(t: number, what: string): void {
  if (!Number.isSafeInteger(t))
    throw new RangeError(`${what} must be an integer number of seconds, got ${t}`);
}

function assertHeight(height: number, what: string): void {
  if (!Number.isSafeInteger(height) || height < 0) {
    throw new RangeError(`${what} must be a non-negative integer block height, got ${height}`);
  }
}

/** nActualTimespan clamped to [timespan/4, timespan*4], as CalculateNextWorkRequired does. */
export function clampTimespan(actualTimespan: number): number {
  if (actualTimespan < MIN_ACTUAL_TIMESPAN) return MIN_ACTUAL_TIMESPAN;
  if (actualTimespan > MAX_ACTUAL_TIMESPAN) return MAX_ACTUAL_TIMESPAN;
  return actualTimespan;
}

/**
 * Retarget a decoded target for a (clamped) timespan: target * timespan / TARGET_TIMESPAN, multiply first,
 * floor divide, capped at powLimit. The product is reduced mod 2^256 like arith_uint256's `*=`; on mainnet
 * that never wraps because powLimit * 4 * timespan < 2^256 (pow_tests.cpp sanity_check_chainparams).
 */
function retargetTarget(target: bigint, timespan: number, powLimit: bigint): bigint {
  let bnNew = (target * BigInt(timespan)) & UINT256_MAX;
  bnNew /= BigInt(TARGET_TIMESPAN);
  if (bnNew > powLimit) bnNew = powLimit;
  return bnNew;
}

/**
 * CalculateNextWorkRequired(pindexLast, nFirstBlockTime, params).
 *
 * @param lastBits      nBits of the LAST block of the 2016-block period (height h-1 for a retarget at h)
 * @param firstBlockTime nTime of the FIRST block of the period (height h-2016), Unix seconds
 * @param lastBlockTime  nTime of the last block (height h-1), Unix seconds
 * @returns the nBits required for block h
 *
 * Only 2015 inter-block intervals lie between those two blocks (Core's off-by-one), yet the result is
 * compared with the full 2016*600 s timespan. Timestamps may go backwards; the clamp absorbs that.
 * The old target comes from SetCompact ignoring its flags, exactly like Core's `bnNew.SetCompact(nBits)`.
 */
export function calculateNextWorkRequired(
  lastBits: number,
  firstBlockTime: number,
  lastBlockTime: number,
  powLimit: bigint = POW_LIMIT,
): number {
  assertTime(firstBlockTime, "firstBlockTime");
  assertTime(lastBlockTime, "lastBlockTime");
  const actual = clampTimespan(lastBlockTime - firstBlockTime);
  return targetToCompact(retargetTarget(compactToTarget(lastBits), actual, powLimit));
}

/**
 * GetNextWorkRequired for mainnet, given the header fields it reads: the nBits of block `height`'s parent,
 * and the timestamps of the first and last block of the period that ends at the parent. Mid-period
 * (height % 2016 != 0) the parent's bits carry over unchanged and the timestamps are ignored.
 */
export function nextWorkRequired(
  height: number,
  parentBits: number,
  firstBlockTime: number,
  parentTime: number,
): number {
  assertHeight(height, "height");
  // Core asserts pindexLast != nullptr: the genesis block has no parent to take bits from.
  if (height === 0) throw new RangeError("nextWorkRequired: height 0 (genesis) has no parent block");
  if (!isRetargetHeight(height)) return parentBits;
  return calculateNextWorkRequired(parentBits, firstBlockTime, parentTime);
}

/**
 * PermittedDifficultyTransition(params, height, old_nbits, new_nbits): can `newBits` legally follow
 * `oldBits` at `height`? Off-retarget heights must keep the bits; at a retarget the new target must lie
 * between the (re-encoded) targets of the fastest and slowest clamped timespans.
 */
export function permittedDifficultyTransition(height: number, oldBits: number, newBits: number): boolean {
  assertHeight(height, "height");
  if (!isRetargetHeight(height)) return oldBits === newBits;
  const oldTarget = compactToTarget(oldBits);
  const observed = compactToTarget(newBits);
  const roundTrip = (t: bigint): bigint => compactToTarget(targetToCompact(t));
  const largest = roundTrip(retargetTarget(oldTarget, MAX_ACTUAL_TIMESPAN, POW_LIMIT));
  if (largest < observed) return false;
  const smallest = roundTrip(retargetTarget(oldTarget, MIN_ACTUAL_TIMESPAN, POW_LIMIT));
  return smallest <= observed;
}

/** True at heights where a new target takes effect: height % 2016 === 0 (height 0, genesis, included). */
export function isRetargetHeight(height: number): boolean {
  assertHeight(height, "height");
  return height % RETARGET_INTERVAL === 0;
}

/** The first retarget height strictly after `height` (so 2016 for 0, 4032 for 2016). */
export function nextRetargetHeight(height: number): number {
  assertHeight(height, "height");
  return (Math.floor(height / RETARGET_INTERVAL) + 1) * RETARGET_INTERVAL;
}

/** First height of the retarget period containing `height`; its block's nTime is nFirstBlockTime. */
export function periodStartHeight(height: number): number {
  assertHeight(height, "height");
  return height - (height % RETARGET_INTERVAL);
}
