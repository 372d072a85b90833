/** Treasury commands: the BTC sell ratio and the payout scheme. */
import { sellBtc } from "../companies.ts";
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

export function validateSellBtc(
  _s: GameState,
  company: Company,
  cmd: CommandOf<"sellBtc">,
): Rejection | null {
  if (cmd.sats > company.btcSats) {
    return reject(
      "BAD_QUANTITY",
      `You hold ${company.btcSats / 1e8} BTC; you cannot sell ${cmd.sats / 1e8}.`,
      `你持有 ${company.btcSats / 1e8} BTC，无法出售 ${cmd.sats / 1e8} BTC。`,
    );
  }
  return null;
}

export function applySellBtc(state: GameState, company: Company, cmd: CommandOf<"sellBtc">): void {
  sellBtc(state, company, cmd.sats);
}
