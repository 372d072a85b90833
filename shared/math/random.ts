/** Distributions drawn from a seeded stream, using only deterministic arithmetic. */
import { detLn } from "./detmath.ts";
import { nextFloat, nextOpenFloat, type RngState } from "./rng.ts";

/** Exponential waiting time with the given mean. */
export function sampleExponential(rng: RngState, mean: number): number {
  return -mean * detLn(nextOpenFloat(rng));
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
