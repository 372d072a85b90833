/** Distributions drawn from a seeded stream, using only deterministic arithmetic. */
import { detLn } from "./detmath.ts";
import { nextFloat, nextUint32, type RngState } from "./rng.ts";

/**
 * Exponential waiting time with the given mean. One 32-bit draw is enough here: u = (x + 0.5) / 2^32
 * never reaches 0 or 1, and caps a wait at about 22.9 means, a tail the chain never needs beyond.
 */
export function sampleExponential(rng: RngState, mean: number): number {
  return -mean * detLn((nextUint32(rng) + 0.5) / 4294967296);
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

/** True with probability p. */
export function chance(rng: RngState, p: number): boolean {
  return nextFloat(rng) < p;
}
