/**
 * Block subsidy schedule, ported from Bitcoin Core src/validation.cpp GetBlockSubsidy:
 *   halvings = nHeight / nSubsidyHalvingInterval; if (halvings >= 64) return 0;
 *   nSubsidy = 50 * COIN; nSubsidy >>= halvings;
 * The right shift floors, so the era subsidies are 5e9, 2.5e9, ..., 1 sat (halving 32), then 0 from
 * halving 33 (height 6,930,000) even before the explicit 64-halving guard kicks in.
 */
import { BLOCKS_PER_DAY, HALVING_INTERVAL, INITIAL_SUBSIDY, MAX_HALVINGS } from "./constants.ts";

function assertHeight(height: number, what: string): void {
  if (!Number.isSafeInteger(height) || height < 0) {
    throw new RangeError(`${what} must be a non-negative integer, got ${height}`);
  }
}

function assertInterval(interval: number): void {
  if (!Number.isSafeInteger(interval) || interval <= 0) {
    throw new RangeError(`halving interval must be a positive integer, got ${interval}`);
  }
}

/**
 * GetBlockSubsidy(height, params) in satoshis. `halvingInterval` defaults to mainnet's 210000; Core's
 * validation_tests also exercise 150 (regtest) and 1000, which is why it is a parameter.
 */
export function blockSubsidy(height: number, halvingInterval: number = HALVING_INTERVAL): bigint {
  assertHeight(height, "block height");
  assertInterval(halvingInterval);
  const halvings = Math.floor(height / halvingInterval);
  // Core returns early because shifting an int64 by >= 64 is undefined behaviour in C++.
  if (halvings >= MAX_HALVINGS) return 0n;
  return INITIAL_SUBSIDY >> BigInt(halvings);
}

/** blockSubsidy as a JS number of satoshis; exact, since the subsidy never exceeds 5e9 < 2^53. */
export function blockSubsidySats(height: number, halvingInterval: number = HALVING_INTERVAL): number {
  return Number(blockSubsidy(height, halvingInterval));
}

/** Height of the n-th halving (n = 0 is genesis, 1 is 210000, 4 is 840000). */
export function halvingHeight(n: number, halvingInterval: number = HALVING_INTERVAL): number {
  assertHeight(n, "halving index");
  assertInterval(halvingInterval);
  return n * halvingInterval;
}

/** The first halving height strictly after `height` (210000 for 0..209999, 420000 for 210000). */
export function nextHalvingHeight(height: number, halvingInterval: number = HALVING_INTERVAL): number {
  assertHeight(height, "block height");
  assertInterval(halvingInterval);
  return (Math.floor(height / halvingInterval) + 1) * halvingInterval;
}

/** Days until the next halving after block `height`, at the protocol's pace of ten-minute blocks. */
export function daysToNextHalving(height: number): number {
  return (nextHalvingHeight(height) - height) / BLOCKS_PER_DAY;
}

/** Number of halvings that have happened by `height` (nHeight / nSubsidyHalvingInterval in Core). */
export function halvingsAt(height: number, halvingInterval: number = HALVING_INTERVAL): number {
  assertHeight(height, "block height");
  assertInterval(halvingInterval);
  return Math.floor(height / halvingInterval);
}

/**
 * Total subsidy of blocks 0..height-1 (all coinbases up to but excluding `height`), in satoshis: the
 * schedule's issuance, not spendable supply (the genesis output is unspendable, some coinbases underpaid).
 * Summed per era in closed form, so it is O(eras), not O(height).
 */
export function cumulativeSubsidy(height: number, halvingInterval: number = HALVING_INTERVAL): bigint {
  assertHeight(height, "block height");
  assertInterval(halvingInterval);
  let total = 0n;
  for (let era = 0; era < MAX_HALVINGS; era++) {
    const start = era * halvingInterval;
    if (start >= height) break;
    const blocks = Math.min(height, start + halvingInterval) - start;
    total += BigInt(blocks) * (INITIAL_SUBSIDY >> BigInt(era));
  }
  return total;
}
