/**
 * The chain's exponential draws: lnOfDraw (a table and a short series) must give what detLn's full series
 * gives for the same draw, to within a few units of the last place, over the whole 32-bit range; and the
 * waits it makes must have the exponential's mean. fillFloats draws what as many nextFloat calls draw.
 */
import { describe, expect, it } from "vitest";
import { detLn } from "../../shared/math/detmath.ts";
import { lnOfDraw, sampleExponential } from "../../shared/math/random.ts";
import { createRng, fillFloats, nextFloat } from "../../shared/math/rng.ts";

const quotient = (u: number): number => (u + 0.5) / 4294967296;

describe("lnOfDraw", () => {
  it("is within 4e-15 of detLn at the ends, at every power of two and across the range", () => {
    const draws = [0, 1, 2, 3, 1023, 1024, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 2, 2 ** 32 - 1];
    for (let k = 0; k < 32; k++) draws.push(2 ** k, 2 ** k + 1, Math.max(0, 2 ** k - 1));
    // A spread of 200,000 draws (a multiplicative hash walks the whole range).
    for (let k = 0; k < 200_000; k++) draws.push(Math.imul(k, 2654435761) >>> 0);
    let worst = 0;
    for (const u of draws) worst = Math.max(worst, Math.abs(lnOfDraw(u) - detLn(quotient(u))));
    expect(worst).toBeLessThan(4e-15);
    // Exact where the table is: ln(2^-33) for u = 0, ln(1/2) for u + 0.5 = 2^31.
    expect(lnOfDraw(0)).toBe(-33 * 0.6931471805599453);
    expect(lnOfDraw(2 ** 31 - 1)).toBeCloseTo(Math.log(0.5 - 0.5 / 2 ** 32), 14);
  });

  it("makes waits with the mean asked for (600 s over 200,000 blocks, within 1%)", () => {
    const rng = createRng(7, "blocks");
    let sum = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) sum += sampleExponential(rng, 600);
    // The standard error of the mean is 600 / sqrt(n) = 1.34 s: 1% (6 s) is over four of them.
    expect(Math.abs(sum / n - 600)).toBeLessThan(6);
  });
});

describe("fillFloats", () => {
  it("draws what nextFloat draws, call by call, and leaves the state as the calls do", () => {
    for (const [seed, n] of [
      [1, 0],
      [2, 1],
      [3, 7],
      [12345, 1000],
      [0xffffffff, 333],
    ] as const) {
      const one = createRng(seed, "usedMarkets");
      const many = createRng(seed, "usedMarkets");
      const out = new Float64Array(n + 2).fill(-1);
      fillFloats(many, out, n);
      for (let i = 0; i < n; i++) expect(out[i]).toBe(nextFloat(one));
      // Nothing written past n, and the streams go on together.
      expect([out[n], out[n + 1]]).toEqual([-1, -1]);
      expect(many).toEqual(one);
      expect(nextFloat(many)).toBe(nextFloat(one));
    }
  });
});
