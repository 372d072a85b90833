/**
 * Seeded pseudo-random generator whose whole state is plain data inside the game state.
 *
 * sfc32 (Chris Doty-Humphrey's "small fast counting" generator): 128 bits of state, passes PractRand,
 * and needs only 32-bit integer operations, so it gives the same stream on every JavaScript engine.
 * Streams are named (`createRng(seed, "blocks")`) so that adding a draw in one system never shifts
 * the numbers another system sees: a balance change to shipping must not change block times.
 */
export interface RngState {
  a: number;
  b: number;
  c: number;
  d: number;
}

/** 32-bit FNV-1a of a string: used to derive stream seeds from names. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** splitmix32: spreads a 32-bit seed over the four words of state. */
function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createRng(seed: number, stream = ""): RngState {
  const mix = splitmix32((seed >>> 0) ^ hash32(stream));
  const state: RngState = { a: mix(), b: mix(), c: mix(), d: mix() };
  // Discard the first outputs: sfc32 needs a few rounds to decorrelate nearby seeds.
  for (let i = 0; i < 12; i++) nextUint32(state);
  return state;
}

export function nextUint32(s: RngState): number {
  const t = (((s.a + s.b) >>> 0) + s.d) >>> 0;
  s.d = (s.d + 1) >>> 0;
  s.a = s.b ^ (s.b >>> 9);
  s.b = (s.c + (s.c << 3)) >>> 0;
  s.c = ((s.c << 21) | (s.c >>> 11)) >>> 0;
  s.c = (s.c + t) >>> 0;
  return t;
}

/** Uniform in [0, 1) with 53 bits of precision. */
export function nextFloat(s: RngState): number {
  const hi = nextUint32(s) >>> 5; // 27 bits
  const lo = nextUint32(s) >>> 6; // 26 bits
  return (hi * 67108864 + lo) / 9007199254740992;
}

/**
 * n draws of nextFloat into out[0], …, out[n - 1], the state left as n calls leave it: the same numbers.
 * For a loop that draws once per item of a long list (a day's used lots): the words are kept in locals
 * and written back once, where nextUint32 writes them to the state object on every draw, and V8 boxes a
 * word above 2^31 kept in an object (about 20 ns a draw against 3, measured). The steps are
 * nextUint32's, in its order.
 */
export function fillFloats(s: RngState, out: Float64Array, n: number): void {
  let { a, b, c, d } = s;
  // Two words a draw, as nextFloat: 27 high bits from the first, 26 low bits from the second.
  let hi = 0;
  for (let w = 0; w < 2 * n; w++) {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    if ((w & 1) === 0) hi = t >>> 5;
    else out[w >> 1] = (hi * 67108864 + (t >>> 6)) / 9007199254740992;
  }
  s.a = a;
  s.b = b;
  s.c = c;
  s.d = d;
}

/** Uniform integer in [0, n). */
export function nextInt(s: RngState, n: number): number {
  return Math.floor(nextFloat(s) * n);
}
