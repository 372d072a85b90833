/** Treasury commands: the BTC sell ratio and the payout scheme. */
import { sellBtc } from "../companies.ts";
import type { Company, GameState } from "../state.ts";
import { refuse } from "../../protocol/refusals/index.ts";
import type { Rejection } from "./errors.ts";
import type { CommandOf } from "./schema.ts";
import { satsValueCents } from "../../math/money.ts";
import type { Quoter } from "./quote.ts";
import { freeSats } from "./loans.ts";

export function validateSellRatio(
  _s: GameState,
  company: Company,
  cmd: CommandOf<"setSellRatio">,
): Rejection | null {
  if (company.sellRatioBps === cmd.ratioBps) {
    return refuse("SELL_RATIO_ALREADY", { ratioBps: cmd.ratioBps });
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
    return refuse("PAYOUT_ALREADY", { payout: cmd.payout });
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
    return refuse("NOT_ENOUGH_BTC", { heldSats: company.btcSats, sellSats: cmd.sats });
  }
  // BTC pledged to a loan stays in the treasury until the loan is repaid.
  const free = freeSats(_s, company);
  if (cmd.sats > free) return refuse("BTC_PLEDGED", { freeSats: free, sellSats: cmd.sats });
  return null;
}

export function applySellBtc(state: GameState, company: Company, cmd: CommandOf<"sellBtc">): void {
  sellBtc(state, company, cmd.sats);
}

/** What the BTC would bring at today's price. */
export const previewSellBtc: Quoter<"sellBtc"> = ({ state }, cmd) => {
  const priceCents = state.market.priceCents;
  return { kind: "btc", sats: cmd.sats, priceCents, cents: satsValueCents(cmd.sats, priceCents) };
};
