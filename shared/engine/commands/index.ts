/**
 * One entry point for every command: parse, authorize the actor, validate against the state, apply.
 * Validation never mutates, so a rejected command leaves the state exactly as it was. The client greys
 * out buttons, bots choose and the server decides with these same functions.
 */
import type { Company, GameState } from "../state.ts";
import * as finance from "./finance.ts";
import * as lease from "./leaseCapacity.ts";
import * as lots from "./lots.ts";
import * as order from "./orderMachines.ts";
import { reject, type Rejection } from "./errors.ts";
import { commandSchema, type Actor, type Command } from "./schema.ts";

export type CommandResult = { ok: true } | { ok: false; error: Rejection };

function companyOf(state: GameState, actor: Actor): Company | Rejection {
  if (actor.kind !== "company") {
    return reject("NOT_A_COMPANY", "Only a company can give this command.", "只有公司可以执行此操作。");
  }
  const company = state.companies.find((c) => c.id === actor.companyId);
  if (!company)
    return reject(
      "NOT_A_COMPANY",
      `No company "${actor.companyId}".`,
      `没有名为"${actor.companyId}"的公司。`,
    );
  return company;
}

/** Why `command` by `actor` is not allowed now, or null if it is. Pure: reads the state only. */
export function validate(state: GameState, actor: Actor, command: Command): Rejection | null {
  if (state.finished) return reject("GAME_OVER", "The game is over.", "游戏已经结束。");
  const company = companyOf(state, actor);
  if ("code" in company) return company;
  if (company.bankrupt) return reject("BANKRUPT", "Your company is bankrupt.", "你的公司已经破产。");
  switch (command.type) {
    case "orderMachines":
      return order.validate(state, company, command);
    case "leaseCapacity":
      return lease.validateLease(state, company, command);
    case "releaseCapacity":
      return lease.validateRelease(state, company, command);
    case "installLot":
      return lots.validateInstall(state, company, command);
    case "powerLot":
      return lots.validatePower(state, company, command);
    case "sellMachines":
      return lots.validateSell(state, company, command);
    case "setSellRatio":
      return finance.validateSellRatio(state, company, command);
    case "setPayout":
      return finance.validatePayout(state, company, command);
    default: {
      const never: never = command;
      return reject("MALFORMED", `Unknown command ${JSON.stringify(never)}.`, "未知的指令。");
    }
  }
}

/**
 * Applies a command if it is legal. `command` may be untrusted input: it is parsed first.
 * On rejection nothing in `state` has changed.
 */
export function applyCommand(state: GameState, actor: Actor, input: unknown): CommandResult {
  const parsed = commandSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at "${issue.path.join(".")}"` : "";
    const what = issue?.message ?? "invalid";
    return {
      ok: false,
      error: reject("MALFORMED", `Malformed command${where}: ${what}.`, `指令格式错误${where}：${what}。`),
    };
  }
  const command = parsed.data;
  const error = validate(state, actor, command);
  if (error) return { ok: false, error };
  const company = companyOf(state, actor) as Company;
  switch (command.type) {
    case "orderMachines":
      order.apply(state, company, command);
      break;
    case "leaseCapacity":
      lease.applyLease(state, company, command);
      break;
    case "releaseCapacity":
      lease.applyRelease(state, company, command);
      break;
    case "installLot":
      lots.applyInstall(state, company, command);
      break;
    case "powerLot":
      lots.applyPower(state, company, command);
      break;
    case "sellMachines":
      lots.applySell(state, company, command);
      break;
    case "setSellRatio":
      finance.applySellRatio(state, company, command);
      break;
    case "setPayout":
      finance.applyPayout(state, company, command);
      break;
    default: {
      const never: never = command;
      throw new Error(`unhandled command ${JSON.stringify(never)}`);
    }
  }
  return { ok: true };
}
