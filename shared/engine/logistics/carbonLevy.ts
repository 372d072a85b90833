/**
 * A carbon levy as a quote shows it: the country's rate and what it adds to each kWh of a supply of a
 * given carbon intensity, from the same rate the daily step charges (siteRates.ts), so the renewable
 * option's saving can be read beside its premium.
 */
import { carbonTaxCentsPerTonne } from "../siteRates.ts";
import type { GameState } from "../state.ts";

export function carbonLevy(
  state: GameState,
  country: string,
  carbonGPerKwh: number,
): { carbonTaxCentsPerTonne: number; carbonLevyMicroUsdPerKwh: number } {
  const rate = carbonTaxCentsPerTonne(state, country);
  // g/kWh × cents/t: 1e-6 t per g, 1e4 micro-USD per cent.
  return { carbonTaxCentsPerTonne: rate, carbonLevyMicroUsdPerKwh: (carbonGPerKwh * rate) / 100 };
}
