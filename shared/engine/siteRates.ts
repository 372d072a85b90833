/**
 * A site's daily rates, one function each: the power price with a renewable premium, a country's
 * carbon-tax rate and the demand-response credit (hosting is a lease's locked price: hosting.ts
 * leaseHostingCentsPerDay and leaseShareCentsPerDay) (the power bill itself is money.ts's
 * energyCostCents, unrounded energyCostExactCents). The daily step charges
 * by them, and every estimate (lotDay, the bots, previews) calls the same functions, so an estimate
 * and a charge cannot drift apart. Unrounded: the ledger rounds once, where it posts.
 */
import type { GameState, RegionState } from "./state.ts";

/** Power price with a premium (basis points) on top, micro-USD per kWh. */
export function pricedWithPremium(gridMicroUsdPerKwh: number, premiumBps: number): number {
  return (gridMicroUsdPerKwh * (10_000 + premiumBps)) / 10_000;
}

/** What the grid pays for `kwh` not drawn while it curtails the site, cents. */
export function demandResponseCents(kwh: number, region: RegionState): number {
  return (kwh / 1000) * region.demandResponseCentsPerMwh;
}

/** A country's carbon tax, cents per tonne of CO2 (0 where there is none). */
export function carbonTaxCentsPerTonne(state: GameState, country: string): number {
  return state.countries.find((c) => c.country === country)?.carbonTaxCentsPerTonne ?? 0;
}
