/**
 * orderMachines: buy new machines from a factory. The factory's country is the machines' origin for
 * tariffs; chip shortages lengthen its lead time and raise its prices.
 */
import { roundHalfAway } from "../../math/money.ts";
import type { AsicModel, Hub } from "../../scenario/types.ts";
import { factoryUnitPriceCents, isReleased } from "../market.ts";
import { modelOf, purchaseLot } from "../fleet.ts";
import type { Company, GameState } from "../state.ts";
import { reject, usd, type Rejection } from "./errors.ts";
import type { CommandOf } from "./schema.ts";
import type { EngineCaches } from "../caches.ts";

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
  if (!model)
    return reject("UNKNOWN_MODEL", `No machine model "${cmd.model}".`, `没有名为"${cmd.model}"的矿机型号。`);
  if (!isReleased(model, state.day)) {
    return reject("NOT_RELEASED", `${model.name} is not on sale yet.`, `${model.name} 尚未上市。`);
  }
  const hub = factoryFor(state, model, cmd.factory);
  if (!hub)
    return reject("UNKNOWN_FACTORY", `No factory "${cmd.factory}".`, `没有名为"${cmd.factory}"的工厂。`);
  if (hub.opensDay > state.day) {
    return reject("FACTORY_CLOSED", `${hub.name.en} is not producing yet.`, `${hub.name.zh}尚未投产。`);
  }
  const quote = quoteOrder(state, cmd, caches);
  if (!quote)
    return reject("UNKNOWN_FACTORY", `No factory "${cmd.factory}".`, `没有名为"${cmd.factory}"的工厂。`);
  if (quote.totalCents > company.cashCents) {
    return reject(
      "INSUFFICIENT_CASH",
      `${cmd.quantity} × ${model.name} cost ${usd(quote.totalCents)}; you have ${usd(company.cashCents)}.`,
      `${cmd.quantity} 台 ${model.name} 需要 ${usd(quote.totalCents)}，你只有 ${usd(company.cashCents)}。`,
    );
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
