/** Distributions drawn from a seeded stream, using only deterministic arithmetic. */
import { detLn } from "./detmath.ts";
import { nextFloat, nextUint32, type RngState } from "./rng.ts";

/**
 * Exponential waiting time with the given mean. One 32-bit draw is enough here: u = (x + 0.5) / 2^32
 * never reaches 0 or 1, and caps a wait at about 22.9 means, a tail the chain never needs beyond.
 */
export function sampleExponential(rng: RngState, mean: number): number {
  return -mean * lnOfDraw(nextUint32(rng));
}

const LN2 = 0.6931471805599453;
const TABLE_BITS = 10;
const TABLE_SIZE = 1 << TABLE_BITS;
/** ln(1 + i/1024) and 1 / (1 + i/1024), made once with detLn (so the same on every engine). */
const LN_TABLE = new Float64Array(TABLE_SIZE);
const INV_TABLE = new Float64Array(TABLE_SIZE);
for (let i = 0; i < TABLE_SIZE; i++) {
  const m = 1 + i / TABLE_SIZE;
  LN_TABLE[i] = detLn(m);
  INV_TABLE[i] = 1 / m;
}
/** 2^-e at index e + 1, for e from -1 to 31: halvings, hence exact. */
const SCALE = new Float64Array(33);
for (let i = 0, p = 2; i < SCALE.length; i++, p /= 2) SCALE[i] = p;

/**
 * ln((u + 0.5) / 2^32) for a 32-bit draw u: the same as detLn on that quotient to within 4e-15 (the
 * tests compare them), at about a fifth of the cost. The chain takes one of these for every block, some
 * 150,000 a game, where detLn's series was the dearest part of mining a day.
 *
 * u + 0.5 = 2^e × m with m in [1, 2) (e from the leading zeros; scaling by a power of two is exact), and
 * ln m = ln m0 + ln(1 + y) with m0 the table's point just below m and y = (m - m0) / m0 < 2^-10, so four
 * terms of ln(1 + y)'s series leave an error under y^5 / 5 < 2e-16. Only integer operations, table
 * reads, + - × and one /: the same bits on every engine.
 */
export function lnOfDraw(u: number): number {
  const e = u === 0 ? -1 : 31 - Math.clz32(u);
  const m = (u + 0.5) * (SCALE[e + 1] as number);
  const i = ((m - 1) * TABLE_SIZE) | 0;
  const y = (m - (1 + i / TABLE_SIZE)) * (INV_TABLE[i] as number);
  const series = y * (1 - y * (0.5 - y * (0.3333333333333333 - y * 0.25)));
  return (e - 32) * LN2 + (LN_TABLE[i] as number) + series;
}

/** Standard normal (Box-Muller's polar form: no trigonometry, so it stays deterministic). */
export function sampleNormal(rng: RngState): number {
  for (;;) {
    const u = 2 * nextFloat(rng) - 1;
    const v = 2 * nextFloat(rng) - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * detLn(s)) / s);
  }
}
