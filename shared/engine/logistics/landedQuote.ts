/** The landed-cost part of a shipping quote: fees, expected holds and what the waiting costs. */
import { roundHalfAway } from "../../math/money.ts";
import type { GameState } from "../state.ts";
import type { EngineCaches } from "../caches.ts";
import type { FreightInput, ShipmentQuote } from "./quote.ts";
import { brokerFeeCents, brokerLicenceDays, brokerSpec, timeCostPerDayCents } from "./landed.ts";

export interface LandedTerms {
  /** Days the licence takes with this broker (0 if none is needed). */
  licenceDays: number;
  /** The quote's landed-cost fields, as ShipmentQuote declares them. */
  fields: Pick<
    ShipmentQuote,
    | "broker"
    | "brokerFeeCents"
    | "licenceFeeCents"
    | "departures"
    | "expectedHoldDays"
    | "expectedStorageCents"
    | "timeCostPerDayCents"
    | "timeCostCents"
    | "landedCostCents"
  >;
}

export function landedTerms(
  state: GameState,
  input: FreightInput,
  trip: { international: boolean; licenceMeanDays: number; daysToCustoms: number; departures: number },
  expectedTotalCents: number,
  caches: EngineCaches,
): LandedTerms {
  const broker = input.broker ?? "standard";
  const rules = state.scenario.logistics;
  const b = brokerSpec(state, broker);
  const licenceDays = trip.international ? brokerLicenceDays(state, broker, trip.licenceMeanDays) : 0;
  const inspectionDays = trip.international ? (b.inspectionBps * b.inspectionDays) / 10_000 : 0;
  const expectedHoldDays = licenceDays + inspectionDays;
  const brokerFee = brokerFeeCents(state, broker, input.declaredValueCents, trip.international);
  const licenceFee = licenceDays > 0 ? rules.trade.licenceFeeCents : 0;
  const storage = roundHalfAway(expectedHoldDays * rules.storageCentsPerUnitDay * input.quantity);
  const capital = input.declaredValueCents + expectedTotalCents;
  const perDay = timeCostPerDayCents(state, input.model, input.quantity, input.to, capital, caches);
  const timeCost = roundHalfAway(perDay * (trip.daysToCustoms + expectedHoldDays));
  return {
    licenceDays,
    fields: {
      broker,
      brokerFeeCents: brokerFee,
      licenceFeeCents: licenceFee,
      departures: trip.departures,
      expectedHoldDays: Math.round(expectedHoldDays * 10) / 10,
      expectedStorageCents: storage,
      timeCostPerDayCents: roundHalfAway(perDay),
      timeCostCents: timeCost,
      landedCostCents: expectedTotalCents + brokerFee + licenceFee + storage + timeCost,
    },
  };
}
