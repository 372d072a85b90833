/** Treasury commands: the BTC sell ratio and the payout scheme. */
import type { Company, GameState } from "../state.ts";
import { reject, type Rejection } from "./errors.ts";
import type { CommandOf } from "./schema.ts";

export function validateSellRatio(
  _s: GameState,
  company: Company,
  cmd: CommandOf<"setSellRatio">,
): Rejection | null {
  if (company.sellRatioBps === cmd.ratioBps) {
    return reject(
      "ALREADY_SO",
      `Your sell ratio is already ${cmd.ratioBps / 100}%.`,
      `你的出售比例已经是 ${cmd.ratioBps / 100}%。`,
    );
  }
  return null;
}

export function applySellRatio(_s: GameState, company: Company, cmd: CommandOf<"setSellRatio">): void {
  company.sellRatioBps = cmd.ratioBps;
}

export function validatePayout(
  _s: GameState,
  company: Company,
  cmd: CommandOf<"setPayout">,
): Rejection | null {
  if (company.payout === cmd.payout) {
    return reject(
      "ALREADY_SO",
      `You already mine ${cmd.payout}.`,
      `你已经采用${cmd.payout === "pool" ? "矿池" : "独立"}挖矿。`,
    );
  }
  return null;
}

export function applyPayout(_s: GameState, company: Company, cmd: CommandOf<"setPayout">): void {
  company.payout = cmd.payout;
}
