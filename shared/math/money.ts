/**
 * Money is integer. USD in cents, BTC in satoshis; prices per unit carry their own integer scale.
 * Every amount stays a safe integer (|x| < 2^53): 2^53 cents is about 90 trillion dollars.
 */
export type Cents = number;
export type Sats = number;
/** Power price in micro-dollars per kWh (0.035 $/kWh = 35_000). */
export type MicroUsdPerKwh = number;

export const SATS_PER_BTC = 100_000_000;
export const CENTS_PER_USD = 100;

/** Round half away from zero to an integer: the one rounding rule of the ledger. */
export function roundHalfAway(x: number): number {
  if (!Number.isFinite(x)) throw new RangeError(`cannot round a non-finite amount: ${x}`);
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

export function usdToCents(usd: number): Cents {
  return roundHalfAway(usd * CENTS_PER_USD);
}

export function btcToSats(btc: number): Sats {
  return roundHalfAway(btc * SATS_PER_BTC);
}

/** Value in cents of `sats` at a price in cents per BTC, rounded once. */
export function satsValueCents(sats: Sats, priceCentsPerBtc: Cents): Cents {
  // sats * price can exceed 2^53 (1e8 sats * 1e7 cents); split the product to keep it exact.
  const whole = Math.trunc(sats / SATS_PER_BTC);
  const frac = sats - whole * SATS_PER_BTC;
  return whole * priceCentsPerBtc + roundHalfAway((frac * priceCentsPerBtc) / SATS_PER_BTC);
}

/** Satoshis bought by `cents` at a price in cents per BTC, rounded down (never sell more than held). */
export function centsToSatsFloor(cents: Cents, priceCentsPerBtc: Cents): Sats {
  if (priceCentsPerBtc <= 0) return 0;
  return Math.floor((cents / priceCentsPerBtc) * SATS_PER_BTC);
}

/** Cost in cents of `kwh` kilowatt-hours at a price in micro-dollars per kWh, unrounded (estimates). */
export function energyCostExactCents(kwh: number, price: MicroUsdPerKwh): number {
  return (kwh * price) / 10_000;
}

/** The same, rounded as the ledger posts it (the daily step's power bill). */
export function energyCostCents(kwh: number, price: MicroUsdPerKwh): Cents {
  return roundHalfAway(energyCostExactCents(kwh, price));
}

/** "$1,234.56" without locale data, so messages read the same on every machine. */
export function usd(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(Math.round(cents));
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}$${whole}.${String(abs % 100).padStart(2, "0")}`;
}
