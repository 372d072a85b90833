/**
 * orderMachines: buy new machines from a factory. The factory's country is the machines' origin for
 * tariffs; chip shortages lengthen its lead time and raise its prices.
 */
import { roundHalfAway } from "../../math/money.ts";
import type { AsicModel, Hub } from "../../scenario/types.ts";
import { factoryUnitPriceCents, isReleased } from "../market.ts";
import { modelOf, purchaseLot } from "../fleet.ts";
import type { Company, GameState } from "../state.ts";
import { refuse } from "../../protocol/refusals/index.ts";
import type { Rejection } from "./errors.ts";
import type { CommandOf } from "./schema.ts";
import type { EngineCaches } from "../caches.ts";
import { breakevenPowerPrice } from "../economics.ts";
import { formatIsoDate } from "../../math/calendar.ts";
import type { Quoter } from "./quote.ts";

type Cmd = CommandOf<"orderMachines">;

export function openFactories(state: GameState): Hub[] {
  return state.scenario.hubs.filter((h) => h.kind === "factory" && h.opensDay <= state.day);
}

/** The factory an order goes to: the one asked for, else the first open one in the model's home country. */
export function factoryFor(state: GameState, model: AsicModel, asked?: string): Hub | undefined {
  if (asked) return state.scenario.hubs.find((h) => h.id === asked && h.kind === "factory");
  const open = openFactories(state);
  return open.find((h) => h.country === model.origin) ?? open[0];
}

export interface OrderQuote {
  factory: string;
  origin: string;
  unitCents: number;
  totalCents: number;
  readyDay: number;
}

/** The factory's quote for an order: what the shop shows and exactly what the order charges. */
export function quoteOrder(state: GameState, cmd: Cmd, caches: EngineCaches): OrderQuote | null {
  const model = modelOf(state, cmd.model, caches);
  if (!model) return null;
  const hub = factoryFor(state, model, cmd.factory);
  const factory = hub && state.factories.find((f) => f.hub === hub.id);
  if (!hub || !factory) return null;
  const unitCents = roundHalfAway(
    (factoryUnitPriceCents(state, model, caches) * factory.priceMultiplierBps) / 10_000,
  );
  return {
    factory: hub.id,
    origin: hub.country,
    unitCents,
    totalCents: unitCents * cmd.quantity,
    readyDay: state.day + state.scenario.factory.leadDays + factory.leadExtraDays,
  };
}

export function validate(
  state: GameState,
  company: Company,
  cmd: Cmd,
  caches: EngineCaches,
): Rejection | null {
  const model = modelOf(state, cmd.model, caches);
  if (!model) return refuse("UNKNOWN_MODEL", { model: cmd.model });
  if (!isReleased(model, state.day)) {
    return refuse("NOT_RELEASED", { model: model.name });
  }
  const hub = factoryFor(state, model, cmd.factory);
  if (!hub) return refuse("UNKNOWN_FACTORY", { factory: cmd.factory });
  if (hub.opensDay > state.day) {
    return refuse("FACTORY_CLOSED", { factory: hub.name });
  }
  const quote = quoteOrder(state, cmd, caches);
  if (!quote) return refuse("UNKNOWN_FACTORY", { factory: cmd.factory });
  if (quote.totalCents > company.cashCents) {
    return refuse("ORDER_UNAFFORDABLE", {
      quantity: cmd.quantity,
      model: model.name,
      costCents: quote.totalCents,
      cashCents: company.cashCents,
    });
  }
  return null;
}

export function apply(state: GameState, company: Company, cmd: Cmd, caches: EngineCaches): void {
  const model = modelOf(state, cmd.model, caches);
  const quote = quoteOrder(state, cmd, caches);
  if (!model || !quote) throw new Error("orderMachines applied without validation");
  purchaseLot(state, company, {
    model: model.id,
    quantity: cmd.quantity,
    status: quote.readyDay <= state.day ? "stored" : "onOrder",
    location: { kind: "factory", hub: quote.factory },
    readyDay: quote.readyDay,
    origin: quote.origin,
    costCents: quote.totalCents,
  });
}

/** The order's quote: the factory, the unit and total price, when it ships, and the breakeven power price. */
export const previewOrder: Quoter<"orderMachines"> = ({ state, caches }, cmd) => {
  const q = quoteOrder(state, cmd, caches);
  const model = modelOf(state, cmd.model, caches);
  if (!q || !model) return undefined;
  return {
    kind: "order",
    factory: q.factory,
    origin: q.origin,
    unitCents: q.unitCents,
    totalCents: q.totalCents,
    leadDays: q.readyDay - state.day,
    readyDate: formatIsoDate(q.readyDay),
    breakevenMicroUsdPerKwh: breakevenPowerPrice(state, model.efficiencyJPerTh),
  };
};
