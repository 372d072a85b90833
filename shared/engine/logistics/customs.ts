/** Customs rules as data: the duty and VAT a lot of a given origin pays entering a country today. */
import type { GameState } from "../state.ts";
import type { CountryState } from "../tradeState.ts";

export function countryOf(state: GameState, iso: string): CountryState | undefined {
  return state.countries.find((c) => c.country === iso);
}

/** Import duty in basis points for goods made in `origin` entering `dest` today (none at home). */
export function tariffBps(state: GameState, dest: string, origin: string): number {
  if (dest === origin) return 0;
  return countryTariffBps(countryOf(state, dest), origin);
}

/** A country's duty on goods from `origin`: its rate for that origin, else its rate for all, else none. */
function countryTariffBps(c: CountryState | undefined, origin: string): number {
  return c ? (c.tariffBps[origin] ?? c.tariffBps["*"] ?? 0) : 0;
}

export function vatBps(state: GameState, dest: string, origin: string): number {
  if (dest === origin) return 0;
  return countryVatBps(countryOf(state, dest));
}

/** A country's VAT on imports (none for a country without customs data). */
function countryVatBps(c: CountryState | undefined): number {
  return c?.vatBps ?? 0;
}

/**
 * Duty and VAT together as a share of the declared value, for goods made in `origin` entering `dest`
 * today: the duty, plus VAT on the value and the duty. For planning (bots, previews): customs itself
 * rounds each amount (see duties).
 */
export function importTaxShare(state: GameState, dest: string, origin: string): number {
  if (dest === origin) return 0;
  // tariffBps and vatBps with one look-up of the country (bots price every route with this).
  const c = countryOf(state, dest);
  const duty = countryTariffBps(c, origin) / 10_000;
  const vat = countryVatBps(c) / 10_000;
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
