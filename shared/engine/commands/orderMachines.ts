import { factoryUnitPriceCents, isReleased } from "../market.ts";
import { modelOf } from "../fleet.ts";
import { post } from "../ledger.ts";
import type { Company, GameState } from "../state.ts";
import { reject, usd, type Rejection } from "./errors.ts";
import type { CommandOf } from "./schema.ts";

type Cmd = CommandOf<"orderMachines">;

/** The factory's quote for an order: what the shop shows and exactly what the order charges. */
export function quoteOrder(
  state: GameState,
  cmd: Cmd,
): { totalCents: number; unitCents: number; readyDay: number } | null {
  const model = modelOf(state, cmd.model);
  if (!model) return null;
  const unitCents = factoryUnitPriceCents(state, model);
  return {
    unitCents,
    totalCents: unitCents * cmd.quantity,
    readyDay: state.day + state.scenario.factory.leadDays,
  };
}

export function validate(state: GameState, company: Company, cmd: Cmd): Rejection | null {
  const model = modelOf(state, cmd.model);
  if (!model)
    return reject("UNKNOWN_MODEL", `No machine model "${cmd.model}".`, `没有名为"${cmd.model}"的矿机型号。`);
  if (!isReleased(model, state.day)) {
    return reject("NOT_RELEASED", `${model.name} is not on sale yet.`, `${model.name} 尚未上市。`);
  }
  const quote = quoteOrder(state, cmd);
  if (!quote)
    return reject("UNKNOWN_MODEL", `No machine model "${cmd.model}".`, `没有名为"${cmd.model}"的矿机型号。`);
  if (quote.totalCents > company.cashCents) {
    return reject(
      "INSUFFICIENT_CASH",
      `${cmd.quantity} × ${model.name} cost ${usd(quote.totalCents)}; you have ${usd(company.cashCents)}.`,
      `${cmd.quantity} 台 ${model.name} 需要 ${usd(quote.totalCents)}，你只有 ${usd(company.cashCents)}。`,
    );
  }
  return null;
}

export function apply(state: GameState, company: Company, cmd: Cmd): void {
  const model = modelOf(state, cmd.model);
  const quote = quoteOrder(state, cmd);
  if (!model || !quote) throw new Error("orderMachines applied without validation");
  const id = `lot-${state.nextId++}`;
  post(company, state.day, "machinePurchase", -quote.totalCents, 0, id);
  state.lots.push({
    id,
    owner: company.id,
    model: model.id,
    quantity: cmd.quantity,
    status: quote.readyDay <= state.day ? "stored" : "onOrder",
    location: { kind: "factory", hub: "shenzhen" },
    powered: false,
    readyDay: quote.readyDay,
    origin: model.origin,
    costCents: quote.totalCents,
  });
}
