/** Customs rules as data: the duty and VAT a lot of a given origin pays entering a country today. */
import type { GameState } from "../state.ts";
import type { CountryState } from "../tradeState.ts";

export function countryOf(state: GameState, iso: string): CountryState | undefined {
  return state.countries.find((c) => c.country === iso);
}

/** Import duty in basis points for goods made in `origin` entering `dest` today (none at home). */
export function tariffBps(state: GameState, dest: string, origin: string): number {
  if (dest === origin) return 0;
  const c = countryOf(state, dest);
  if (!c) return 0;
  return c.tariffBps[origin] ?? c.tariffBps["*"] ?? 0;
}

export function vatBps(state: GameState, dest: string, origin: string): number {
  if (dest === origin) return 0;
  return countryOf(state, dest)?.vatBps ?? 0;
}

/**
 * Duty and VAT together as a share of the declared value, for goods made in `origin` entering `dest`
 * today: the duty, plus VAT on the value and the duty. For planning (bots, previews): customs itself
 * rounds each amount (see duties).
 */
export function importTaxShare(state: GameState, dest: string, origin: string): number {
  const duty = tariffBps(state, dest, origin) / 10_000;
  const vat = vatBps(state, dest, origin) / 10_000;
  return duty + (1 + duty) * vat;
}

/** Duty and VAT on a declared value: VAT is levied on the value plus the duty, as customs do. */
export function duties(
  valueCents: number,
  dutyBps: number,
  vat: number,
): { tariffCents: number; vatCents: number } {
  const tariffCents = Math.round((valueCents * dutyBps) / 10_000);
  const vatCents = Math.round(((valueCents + tariffCents) * vat) / 10_000);
  return { tariffCents, vatCents };
}
