/**
 * What a shipment costs beyond its freight (issue #13 §4): the broker's fee, an import licence's fee,
 * the days customs may hold it, and what those days cost, so that slow and cheap (sea, rail) is a real
 * choice against fast and dear (air). Time costs twice: machines not hashing (the margin they would earn
 * at the destination today) and capital tied up (the declared value and the freight at the capital
 * rate). All figures are expectations at today's prices: the quote's "landed cost".
 */
import type { AsicModel, ShippingMode } from "../../scenario/types.ts";
import type { Broker, BrokerSpec } from "../../scenario/tradeSpec.ts";
import { poolHashpriceMicroUsd } from "../economics.ts";
import { powerCostMicroUsdPerThDay } from "../market.ts";
import { powerPriceToday, regionIndex } from "../regions.ts";
import type { GameState } from "../state.ts";
import type { EngineCaches } from "../caches.ts";
import { DAYS_PER_YEAR, riskFreeAnnualBps } from "../rates.ts";

export function brokerSpec(state: GameState, broker: Broker): BrokerSpec {
  return state.scenario.logistics.trade.brokers[broker];
}

/** The broker's fee for clearing a declared value (nothing for a move within a country). */
export function brokerFeeCents(
  state: GameState,
  broker: Broker,
  declaredValueCents: number,
  international: boolean,
): number {
  if (!international) return 0;
  const b = brokerSpec(state, broker);
  return b.feeCents + Math.round((declaredValueCents * b.feeBps) / 10_000);
}

/** Days this broker takes to obtain a licence whose country mean is `meanDays`. */
export function brokerLicenceDays(state: GameState, broker: Broker, meanDays: number): number {
  return meanDays <= 0
    ? 0
    : Math.max(1, Math.round((meanDays * brokerSpec(state, broker).licenceDaysBps) / 10_000));
}

/**
 * Air cargo is scarce: one departure takes `capacityKg`; a heavier lot needs more departures, each
 * dearer (charters bid up) and later than the last. Other modes are not capacity-bound here.
 */
export function airDepartures(state: GameState, mode: ShippingMode, kg: number): number {
  if (mode !== "air") return 1;
  return Math.max(1, Math.ceil(kg / state.scenario.logistics.trade.air.capacityKg));
}

/**
 * What one day in transit or in a hold costs, cents: the margin the machines would earn hashing at the
 * destination today (never below zero: a machine that would lose money loses nothing by waiting) plus
 * the capital tied up at the capital rate.
 */
export function timeCostPerDayCents(
  state: GameState,
  model: AsicModel,
  quantity: number,
  region: string,
  capitalCents: number,
  caches: EngineCaches,
): number {
  const r = regionIndex(state, region, caches);
  const ths = (model.hashrateGhs / 1000) * quantity;
  const power =
    r < 0 ? 0 : powerCostMicroUsdPerThDay(model.efficiencyJPerTh, powerPriceToday(state, r, caches));
  const marginMicroUsd = Math.max(0, poolHashpriceMicroUsd(state) - power) * ths;
  const capital = (capitalCents * riskFreeAnnualBps(state)) / 10_000 / DAYS_PER_YEAR;
  return marginMicroUsd / 10_000 + capital;
}
