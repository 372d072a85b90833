/**
 * orderMachines: buy new machines from a factory. The factory's country is the machines' origin for
 * tariffs; chip shortages lengthen its lead time and raise its prices. Every order is a pre-order in the
 * factory's queue (factoryQueue.ts): it ships in batches as the factory's output for players allows,
 * earlier with a higher bid (premiumBps over list), at a list price that rises as the next batches fill
 * (factoryPrice.ts). cancelPreorder takes an order out of the queue (factoryOrders.ts states the terms).
 */
import { roundHalfAway, type Cents } from "../../math/money.ts";
import type { AsicModel, Hub } from "../../scenario/types.ts";
import { factoryUnitPriceCents, isReleased, madeNew, madeUntilDate } from "../market.ts";
import { modelOf, purchaseLot } from "../fleet.ts";
import type { Company, GameState } from "../state.ts";
import { refuse } from "../../protocol/refusals/index.ts";
import type { Rejection } from "./errors.ts";
import type { CommandOf } from "./schema.ts";
import type { EngineCaches } from "../caches.ts";
import { breakevenPowerPrice } from "../economics.ts";
import { formatIsoDate } from "../../math/calendar.ts";
import type { Quoter } from "./quote.ts";
import { allocate, MAX_QUEUE_BATCHES, ordersAt, unitThsOf } from "../factoryQueue.ts";
import { bookedShareBps, demandMultiplierBps } from "../factoryPrice.ts";
import { lastShipDay, requeue } from "../factoryOrders.ts";
import type { FactoryOrder, FactoryShipment } from "../factoryTypes.ts";

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
  /** List price of one unit today, demand included (what a bid's premium is over). */
  listCents: number;
  /** What one unit costs with the bid's premium. */
  unitCents: number;
  totalCents: number;
  premiumBps: number;
  /** The demand multiplier on the list price, basis points (10000: no rise). */
  demandBps: number;
  /** Booked share of the factory's next batches (world + players), basis points. */
  bookedBps: number;
  /** When the first units ship. */
  readyDay: number;
  /** The first day the order's units may ship: today plus the factory's lead time. */
  earliestDay: number;
  /** When each of the order's units ships, earliest first. */
  schedule: FactoryShipment[];
  /** Place the order would take in the factory's queue (1 = first), and the orders in it now. */
  queuePosition: number;
  queueLength: number;
  /** Units that would not fit in the queue's horizon (the order is refused while any remain). */
  unplaced: number;
}

/** A unit's price with a pre-order bid of `premiumBps` over list, cents: what the order charges a unit. */
export function withPremiumCents(listCents: Cents, premiumBps: number): Cents {
  return roundHalfAway((listCents * (10_000 + premiumBps)) / 10_000);
}

/** The factory's quote for an order: what the shop shows and exactly what the order charges. */
export function quoteOrder(state: GameState, cmd: Cmd, caches: EngineCaches): OrderQuote | null {
  const model = modelOf(state, cmd.model, caches);
  if (!model) return null;
  const hub = factoryFor(state, model, cmd.factory);
  const factory = hub && state.factories.find((f) => f.hub === hub.id);
  if (!hub || !factory) return null;
  const base = roundHalfAway(
    (factoryUnitPriceCents(state, model, caches) * factory.priceMultiplierBps) / 10_000,
  );
  const demandBps = demandMultiplierBps(state, hub.id, caches);
  const listCents = roundHalfAway((base * demandBps) / 10_000);
  const premiumBps = cmd.premiumBps ?? 0;
  const unitCents = withPremiumCents(listCents, premiumBps);
  const placed = placeInQueue(
    state,
    cmd,
    hub.id,
    state.day + state.scenario.factory.leadDays + factory.leadExtraDays,
    caches,
  );
  return {
    factory: hub.id,
    origin: hub.country,
    listCents,
    unitCents,
    totalCents: unitCents * cmd.quantity,
    premiumBps,
    demandBps,
    bookedBps: bookedShareBps(state, hub.id, caches),
    readyDay: placed.schedule[0]?.day ?? placed.earliestDay,
    ...placed,
  };
}

/** Where a new order would go in the factory's queue: its schedule and place, the others unchanged. */
function placeInQueue(
  state: GameState,
  cmd: Cmd,
  factory: string,
  earliestDay: number,
  caches: EngineCaches,
) {
  const queue = ordersAt(state, factory);
  const premiumBps = cmd.premiumBps ?? 0;
  const probe: FactoryOrder = {
    id: "probe",
    seq: Number.MAX_SAFE_INTEGER,
    owner: "",
    model: cmd.model,
    factory,
    lot: "",
    quantity: cmd.quantity,
    premiumBps,
    earliestDay,
    bumped: false,
    schedule: [],
  };
  const { schedules, unplaced } = allocate(
    state,
    [...queue, probe],
    unitThsOf(state, caches),
    MAX_QUEUE_BATCHES,
  );
  return {
    earliestDay,
    schedule: schedules.get("probe") ?? [],
    unplaced: unplaced.get("probe") ?? 0,
    queuePosition: 1 + queue.filter((o) => o.premiumBps >= premiumBps).length,
    queueLength: queue.length,
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
  if (!madeNew(state, model, state.day))
    return refuse("OUT_OF_PRODUCTION", { model: model.name, until: madeUntilDate(state, model) ?? "" });
  const hub = factoryFor(state, model, cmd.factory);
  if (!hub) return refuse("UNKNOWN_FACTORY", { factory: cmd.factory });
  if (hub.opensDay > state.day) {
    return refuse("FACTORY_CLOSED", { factory: hub.name });
  }
  const max = state.scenario.factoryQueue.maxPremiumBps;
  if ((cmd.premiumBps ?? 0) > max) return refuse("PREMIUM_TOO_HIGH", { maxBps: max });
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
  if (quote.unplaced > 0)
    return refuse("FACTORY_SOLD_OUT", { model: model.name, batches: MAX_QUEUE_BATCHES });
  return null;
}

/** Pays for the order, puts its units in an onOrder lot and the order in the factory's queue. */
export function apply(state: GameState, company: Company, cmd: Cmd, caches: EngineCaches): void {
  const model = modelOf(state, cmd.model, caches);
  const quote = quoteOrder(state, cmd, caches);
  if (!model || !quote) throw new Error("orderMachines applied without validation");
  // The order is numbered after its lot (no id of its own drawn: lot ids stay as they were).
  const seq = state.nextId;
  const lot = purchaseLot(state, company, {
    model: model.id,
    quantity: cmd.quantity,
    status: "onOrder",
    location: { kind: "factory", hub: quote.factory },
    readyDay: quote.readyDay,
    origin: quote.origin,
    costCents: quote.totalCents,
  });
  state.factoryOrders.push({
    id: `po-${seq}`,
    seq,
    owner: company.id,
    model: model.id,
    factory: quote.factory,
    lot: lot.id,
    quantity: cmd.quantity,
    premiumBps: quote.premiumBps,
    earliestDay: quote.earliestDay,
    bumped: false,
    schedule: quote.schedule,
  });
  requeue(state, quote.factory, caches, company.id);
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
    listCents: q.listCents,
    premiumBps: q.premiumBps,
    demandBps: q.demandBps,
    bookedBps: q.bookedBps,
    queuePosition: q.queuePosition,
    queueLength: q.queueLength,
    schedule: q.schedule.map((s) => ({ date: formatIsoDate(s.day), quantity: s.quantity })),
    lastDate: formatIsoDate(lastShipDay(q)),
    unplaced: q.unplaced,
  };
};
