/**
 * Shipping quotes: what a shipment costs, how long it takes, what duty and VAT it should pay and what
 * can go wrong. The shop, the ship dialog, the bots and the shipLot command all use this one function,
 * so what a player sees before shipping is what the server charges (unless the law changes on the way).
 */
import { roundHalfAway } from "../../math/money.ts";
import type { AsicModel, ShippingMode, Text } from "../../scenario/types.ts";
import { refuse } from "../../protocol/refusals/index.ts";
import type { Rejection } from "../commands/errors.ts";
import { regionState } from "../regions.ts";
import type { GameState } from "../state.ts";
import type { Place } from "../tradeState.ts";
import { countryOf, duties, tariffBps, vatBps } from "./customs.ts";
import { airDepartures } from "./landed.ts";
import { distanceKm, placeDistanceKm, pointOf, type Point } from "./geo.ts";
import type { EngineCaches } from "../caches.ts";
import type { Broker } from "../../scenario/tradeSpec.ts";
import { landedTerms, type LandedTerms } from "./landedQuote.ts";

export interface FreightInput {
  model: AsicModel;
  quantity: number;
  /** Country of manufacture. */
  origin: string;
  declaredValueCents: number;
  from: Place;
  to: string;
  mode: ShippingMode;
  insured: boolean;
  /** Who clears the lot through customs (default standard). */
  broker?: Broker;
}

export interface ShipmentQuote {
  mode: ShippingMode;
  km: number;
  days: number;
  departDay: number;
  arriveDay: number;
  customsDay: number;
  weightKg: number;
  freightCents: number;
  insuranceCents: number;
  declaredValueCents: number;
  international: boolean;
  tariffBps: number;
  tariffCents: number;
  vatBps: number;
  vatCents: number;
  licenceMeanDays: number;
  lossBps: number;
  damageBps: number;
  /** Paid when the shipment leaves: freight and insurance. */
  payNowCents: number;
  /** Everything expected, duty and VAT included, at today's rates. */
  expectedTotalCents: number;
  warnings: Text[];
  /** The broker quoted, its fee (paid when the lot leaves) and the licence fee (paid if one is needed). */
  broker: Broker;
  brokerFeeCents: number;
  licenceFeeCents: number;
  /** Aircraft a heavy lot needs (air cargo is scarce: each further departure dearer and later); 1 otherwise. */
  departures: number;
  /** Expected days held at customs: the licence as this broker gets it, plus inspection odds × days. */
  expectedHoldDays: number;
  /** Expected storage over those days. */
  expectedStorageCents: number;
  /** What one day of waiting costs: the margin not earned at the destination and capital at the rate. */
  timeCostPerDayCents: number;
  /** Days from departure to use (transit, customs, expected holds) × the cost of a day. */
  timeCostCents: number;
  /** Everything: freight, insurance, duty, VAT, fees, expected storage and time. Bots choose by this. */
  landedCostCents: number;
}

/** Why `mode` cannot carry goods between these two points (`km` apart), or null. */
export function modeRejection(
  state: GameState,
  from: Point,
  to: Point,
  mode: ShippingMode,
  km: number = distanceKm(from, to),
): Rejection | null {
  const spec = state.scenario.logistics.modes[mode];
  // The names are spelt out only for a refusal: most quotes pass, and bots ask for many.
  const route = { from: from.name, to: to.name };
  if (km > spec.maxKm) return refuse("TOO_FAR", { ...route, mode });
  const land = from.landmass === to.landmass;
  if (mode === "truck" && !land) {
    return refuse("NO_ROAD", route);
  }
  if (mode === "rail") {
    const rail = state.scenario.logistics.railCountries;
    if (!land || !rail.includes(from.country) || !rail.includes(to.country)) {
      return refuse("NO_RAILWAY", route);
    }
  }
  if (mode === "sea" && land && km < 1500) {
    return refuse("TOO_CLOSE_FOR_SEA", route);
  }
  return null;
}

function legCost(
  state: GameState,
  mode: ShippingMode,
  km: number,
  kg: number,
): { days: number; cents: number } {
  const spec = state.scenario.logistics.modes[mode];
  const perKg = spec.baseCentsPerKg + (spec.centsPerKgPer1000Km * km) / 1000;
  return {
    days: Math.ceil(spec.fixedDays + km / spec.kmPerDay),
    cents: (kg * perKg * state.freightMultiplierBps) / 10_000,
  };
}

/** A leg needing several aircraft: each further departure adds the surcharge and the wait. */
function scarceLeg(
  state: GameState,
  mode: ShippingMode,
  leg: { days: number; cents: number },
  departures: number,
): { days: number; cents: number } {
  if (mode !== "air" || departures <= 1) return leg;
  const air = state.scenario.logistics.trade.air;
  const extra = departures - 1;
  return {
    days: leg.days + extra * air.waitDaysPerDeparture,
    cents: (leg.cents * (10_000 + extra * air.surchargeBpsPerDeparture)) / 10_000,
  };
}

export function quoteFreight(
  state: GameState,
  input: FreightInput,
  caches: EngineCaches,
): { ok: true; quote: ShipmentQuote } | { ok: false; error: Rejection } {
  const from = pointOf(state, input.from, caches);
  const to = pointOf(state, { kind: "region", region: input.to }, caches);
  if (!from) return { ok: false, error: refuse("UNKNOWN_DEPARTURE") };
  if (!to)
    return {
      ok: false,
      error: refuse("UNKNOWN_REGION", { region: input.to }),
    };
  const km = placeDistanceKm(state, from, to, caches);
  const modeError = modeRejection(state, from, to, input.mode, km);
  if (modeError) return { ok: false, error: modeError };

  const logistics = state.scenario.logistics;
  const kg = (input.model.weightG * input.quantity) / 1000;
  const departures = airDepartures(state, input.mode, kg);
  const main = scarceLeg(state, input.mode, legCost(state, input.mode, km, kg), departures);
  // A ship stops at the coast: a truck carries the last leg inland.
  const inland =
    input.mode === "sea" && to.portKm > 0 ? legCost(state, "truck", to.portKm, kg) : { days: 0, cents: 0 };
  const international = from.country !== to.country;
  const dest = countryOf(state, to.country);
  const customsDays = international ? logistics.customsDays + (dest?.congestionDays ?? 0) : 0;
  const days = main.days + inland.days;
  const fixedCents = (logistics.trade.fixedCents[input.mode] * state.freightMultiplierBps) / 10_000;
  const freightCents = roundHalfAway(main.cents + inland.cents + fixedCents);
  const insuranceCents = input.insured
    ? roundHalfAway((input.declaredValueCents * logistics.insuranceBps) / 10_000)
    : 0;
  const dutyBps = international ? tariffBps(state, to.country, input.origin) : 0;
  const vat = international ? vatBps(state, to.country, input.origin) : 0;
  const { tariffCents, vatCents } = duties(input.declaredValueCents, dutyBps, vat);
  const spec = logistics.modes[input.mode];
  const arriveDay = state.day + days;
  const licenceMeanDays = international ? (dest?.licenceMeanDays ?? 0) : 0;
  const landed: LandedTerms = landedTerms(
    state,
    input,
    { international, licenceMeanDays, daysToCustoms: arriveDay + customsDays - state.day, departures },
    freightCents + insuranceCents + tariffCents + vatCents,
    caches,
  );
  return {
    ok: true,
    quote: {
      mode: input.mode,
      km: Math.round(km),
      days,
      departDay: state.day,
      arriveDay,
      customsDay: arriveDay + customsDays,
      weightKg: kg,
      freightCents,
      insuranceCents,
      declaredValueCents: input.declaredValueCents,
      international,
      tariffBps: dutyBps,
      tariffCents,
      vatBps: vat,
      vatCents,
      licenceMeanDays,
      lossBps: spec.lossBps,
      damageBps: spec.damageBps,
      expectedTotalCents: freightCents + insuranceCents + tariffCents + vatCents,
      warnings: warnings(state, input.to, arriveDay + customsDays, landed.licenceDays, caches),
      ...landed.fields,
      payNowCents: freightCents + insuranceCents + landed.fields.brokerFeeCents,
    },
  };
}

function warnings(
  state: GameState,
  region: string,
  customsDay: number,
  licenceDays: number,
  caches: EngineCaches,
): Text[] {
  const out: Text[] = [];
  const r = regionState(state, region, caches);
  if (r?.policy === "banned") {
    out.push({
      en: "Mining is banned there: customs will hold the machines until the ban lifts or you re-export them.",
      zh: "该地禁止挖矿：海关将扣留矿机，直到禁令解除或你将其转运出境。",
    });
  } else if (
    r?.banPendingDay !== null &&
    r?.banPendingDay !== undefined &&
    r.banPendingDay <= customsDay + 30
  ) {
    out.push({
      en: "A ban has been announced there and takes effect around the time the machines arrive.",
      zh: "该地已宣布禁令，生效时间与矿机到达时间相近。",
    });
  }
  if (licenceDays > 0) {
    out.push({
      en: `An import licence is required: expect about ${licenceDays} days at the port, paying storage.`,
      zh: `需要进口许可：预计在港口等待约 ${licenceDays} 天，并支付仓储费。`,
    });
  }
  return out;
}
