/**
 * Deterministic transcendental functions.
 *
 * ECMAScript leaves the precision of Math.log/exp/pow to the implementation, so two engines (or two
 * versions of one) may disagree in the last bit, and a game replayed elsewhere would drift. These use
 * only +, -, *, / and comparisons, which IEEE 754 defines exactly, so they give the same bits everywhere.
 * Accuracy is within a few ulps, far more than the game needs.
 */
const LN2 = 0.6931471805599453;

// Scratch view to read and write a double's exponent bits: exact, and far faster than halving in a loop.
const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // little-endian: high word is [1]

/** Natural logarithm for x > 0. */
export function detLn(x: number): number {
  if (!(x > 0)) throw new RangeError(`detLn: argument must be positive, got ${x}`);
  if (x === Infinity) return Infinity;
  // Range-reduce to m in [sqrt(1/2), sqrt(2)) with x = m * 2^k; setting the exponent bits is exact.
  let k = 0;
  let m = x;
  if (x < 2.2250738585072014e-308) {
    m = x * 18014398509481984; // 2^54: lift subnormals into the normal range first
    k = -54;
  }
  scratch[0] = m;
  const hi = words[HI] as number;
  k += ((hi >>> 20) & 0x7ff) - 1023;
  words[HI] = (hi & 0x800fffff) | (1023 << 20);
  m = scratch[0] as number; // now in [1, 2)
  if (m >= 1.4142135623730951) {
    m /= 2;
    k++;
  }
  // ln(m) = 2 atanh(s), s = (m-1)/(m+1), |s| < 0.172: the odd series converges fast.
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let term = s;
  let sum = 0;
  for (let n = 1; n < 40; n += 2) {
    const add = term / n;
    sum += add;
    if (Math.abs(add) < 1e-18 * Math.abs(sum)) break;
    term *= s2;
  }
  return 2 * sum + k * LN2;
}

/** e^x. */
export function detExp(x: number): number {
  if (x === 0) return 1;
  if (x > 709) return Infinity;
  if (x < -745) return 0;
  // Reduce: x = k ln2 + r with |r| <= ln2/2, then e^x = 2^k e^r.
  const k = Math.round(x / LN2);
  const r = x - k * LN2;
  let term = 1;
  let sum = 1;
  for (let n = 1; n < 30; n++) {
    term = (term * r) / n;
    sum += term;
    if (Math.abs(term) < 1e-18 * sum) break;
  }
  let out = sum;
  if (k > 0) for (let i = 0; i < k; i++) out *= 2;
  else for (let i = 0; i < -k; i++) out /= 2;
  return out;
}

/** base^exponent for base > 0. */
export function detPow(base: number, exponent: number): number {
  return detExp(exponent * detLn(base));
}
