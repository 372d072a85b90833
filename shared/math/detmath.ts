/**
 * Deterministic transcendental functions.
 *
 * ECMAScript leaves the precision of Math.log/exp/pow to the implementation, so two engines (or two
 * versions of one) may disagree in the last bit, and a game replayed elsewhere would drift. These use
 * only +, -, *, / and comparisons, which IEEE 754 defines exactly, so they give the same bits everywhere.
 * Accuracy is within a few ulps, far more than the game needs.
 */
const LN2 = 0.6931471805599453;

/**
 * 2^k for k from -1022 to 1023, at index k + 1022: made once from 1 by doublings and halvings, which are
 * exact, so every entry is the power itself. Read only.
 */
const POW2: readonly number[] = Object.freeze(powersOfTwo());

function powersOfTwo(): number[] {
  let p = 1;
  for (let k = 0; k > -1022; k--) p /= 2;
  const out: number[] = [];
  for (let k = -1022; k <= 1023; k++, p *= 2) out.push(p);
  return out;
}

/**
 * The k with 2^k <= x < 2^(k+1), for a normal x > 0, by exact comparisons with POW2 only (the same k
 * everywhere, as the binary search this replaced found it). The game's arguments are mostly within a
 * few powers of two of 1, so a walk out from 2^0 settles it in a few steps; further out, exponentByLog2.
 */
function binaryExponent(x: number): number {
  let k = 0;
  if (x >= 1) {
    while (k < 64 && (POW2[k + 1023] as number) <= x) k++;
    if (k < 64) return k;
  } else {
    while (k > -64 && (POW2[k + 1022] as number) > x) k--;
    if (k > -64) return k;
  }
  return exponentByLog2(x);
}

/**
 * binaryExponent far from 1: Math.log2 guesses k (its last bits may differ between engines, so the guess
 * may be one off near a power of two), and comparisons with POW2 settle it.
 */
function exponentByLog2(x: number): number {
  let k = Math.floor(Math.log2(x));
  if (!(k >= -1022)) k = -1022;
  else if (k > 1023) k = 1023;
  while (k > -1022 && (POW2[k + 1022] as number) > x) k--;
  while (k < 1023 && (POW2[k + 1023] as number) <= x) k++;
  return k;
}

/** Natural logarithm for x > 0. */
export function detLn(x: number): number {
  if (!(x > 0)) throw new RangeError(`detLn: argument must be positive, got ${x}`);
  if (x === Infinity) return Infinity;
  // Range-reduce to m in [sqrt(1/2), sqrt(2)) with x = m * 2^k; dividing by a power of two is exact.
  let k = 0;
  let m = x;
  if (x < 2.2250738585072014e-308) {
    m = x * 18014398509481984; // 2^54: lift subnormals into the normal range first
    k = -54;
  }
  const e = binaryExponent(m);
  k += e;
  m /= POW2[e + 1022] as number; // now in [1, 2)
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
  // sum is about 1 (0.7 to 1.5), so for k >= -1021 sum × 2^k is a normal number or Infinity: one exact
  // product, the same bits as doubling or halving k times. Below, halving may round: keep the loop.
  if (k >= -1021) return out * (POW2[k + 1022] as number);
  for (let i = 0; i < -k; i++) out /= 2;
  return out;
}

/** base^exponent for base > 0. */
export function detPow(base: number, exponent: number): number {
  return detExp(exponent * detLn(base));
}

const PI = 3.141592653589793;
const HALF_PI = 1.5707963267948966;

/** sin x, from exact arithmetic: reduce to [-π/4, π/4] by quadrant, then a Taylor series. */
export function detSin(x: number): number {
  return sinCos(x, 0);
}

export function detCos(x: number): number {
  return sinCos(x, 1);
}

function sinCos(x: number, shift: number): number {
  if (!Number.isFinite(x)) return NaN;
  const q = Math.round(x / HALF_PI);
  const r = x - q * HALF_PI; // |r| ≤ π/4 (plus rounding)
  const quadrant = (((q + shift) % 4) + 4) % 4;
  const r2 = r * r;
  let sin = r;
  let cos = 1;
  let ts = r;
  let tc = 1;
  for (let n = 1; n < 12; n++) {
    ts *= -r2 / (2 * n * (2 * n + 1));
    tc *= -r2 / ((2 * n - 1) * (2 * n));
    sin += ts;
    cos += tc;
  }
  switch (quadrant) {
    case 0:
      return sin;
    case 1:
      return cos;
    case 2:
      return -sin;
    default:
      return -cos;
  }
}

/** atan x: reduce to |x| ≤ tan(π/12) with atan x = π/6 + atan((x√3 − 1)/(x + √3)), then a series. */
export function detAtan(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return -detAtan(-x);
  if (x > 1) return HALF_PI - detAtan(1 / x);
  const SQRT3 = 1.7320508075688772;
  let offset = 0;
  let y = x;
  if (y > 0.2679491924311227) {
    y = (y * SQRT3 - 1) / (y + SQRT3);
    offset = PI / 6;
  }
  const y2 = y * y;
  let term = y;
  let sum = 0;
  for (let n = 1; n < 60; n += 2) {
    const add = term / n;
    sum += add;
    if (Math.abs(add) < 1e-18) break;
    term *= -y2;
  }
  return offset + sum;
}

/** asin x for |x| ≤ 1. */
export function detAsin(x: number): number {
  if (x >= 1) return HALF_PI;
  if (x <= -1) return -HALF_PI;
  return detAtan(x / Math.sqrt(1 - x * x));
}

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance (haversine) between two [lon, lat] points in degrees, km. */
export function greatCircleKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const rad = PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const s1 = detSin(dLat / 2);
  const s2 = detSin(dLon / 2);
  const a = s1 * s1 + detCos(lat1 * rad) * detCos(lat2 * rad) * s2 * s2;
  return 2 * EARTH_RADIUS_KM * detAsin(Math.sqrt(Math.min(1, a)));
}
