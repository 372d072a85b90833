/** The engine's refusals of finance commands (borrow, repay, buyBtc: shared/engine/commands/loans.ts). */
import { usd } from "../../math/money.ts";
import { btcOfSats, numberOf, type RefusalEntry } from "./kit.ts";

const pct = (bps: number): string => `${(bps / 100).toFixed(1)}%`;

export const FINANCE_REFUSALS = {
  LOAN_TERM: {
    code: "BAD_PARAMS",
    text: (p: { min: number; max: number }) => ({
      en: `A loan's term is ${p.min} to ${p.max} days.`,
      zh: `贷款期限须为 ${p.min} 至 ${p.max} 天。`,
    }),
  },
  LOAN_NO_COLLATERAL: {
    code: "BAD_PARAMS",
    text: () => ({
      en: "Pledge machines or BTC as collateral for the loan.",
      zh: "请以矿机或 BTC 作为贷款抵押品。",
    }),
  },
  LOAN_LOT_TWICE: {
    code: "BAD_PARAMS",
    text: (p: { lot: string }) => ({
      en: `Lot ${numberOf(p.lot)} is listed twice.`,
      zh: `批次 ${numberOf(p.lot)} 被重复列出。`,
    }),
  },
  LOT_PLEDGED: (p: { lot: string; loan: string }) => ({
    en: `Lot ${numberOf(p.lot)} is pledged to loan ${p.loan}: repay the loan first.`,
    zh: `批次 ${numberOf(p.lot)} 已抵押给贷款 ${p.loan}：请先还清贷款。`,
  }),
  OVER_LTV: (p: { maxCents: number; maxLtvBps: number }) => ({
    en: `This collateral lends at most ${usd(p.maxCents)} (${pct(p.maxLtvBps)} of its value).`,
    zh: `此抵押品最多可贷 ${usd(p.maxCents)}（其价值的 ${pct(p.maxLtvBps)}）。`,
  }),
  UNKNOWN_LOAN: (p: { loan: string }) => ({
    en: `No loan "${p.loan}".`,
    zh: `没有编号为"${p.loan}"的贷款。`,
  }),
  REPAY_TOO_MUCH: {
    code: "BAD_QUANTITY",
    text: (p: { owedCents: number }) => ({
      en: `You owe ${usd(p.owedCents)} on this loan; repay no more than that.`,
      zh: `此笔贷款你欠 ${usd(p.owedCents)}，还款不能超过此数。`,
    }),
  },
  REPAY_NO_CASH: {
    code: "INSUFFICIENT_CASH",
    text: (p: { cashCents: number }) => ({
      en: `You have ${usd(Math.max(0, p.cashCents))} in cash to repay with.`,
      zh: `你只有 ${usd(Math.max(0, p.cashCents))} 现金可用于还款。`,
    }),
  },
  BTC_PLEDGED: {
    code: "BAD_QUANTITY",
    text: (p: { freeSats: number; sellSats: number }) => ({
      en: `Only ${btcOfSats(p.freeSats)} of your BTC is free (the rest is pledged to loans); you cannot sell or pledge ${btcOfSats(p.sellSats)}.`,
      zh: `你只有 ${btcOfSats(p.freeSats)} 未被贷款抵押（其余已抵押）；无法出售或抵押 ${btcOfSats(p.sellSats)}。`,
    }),
  },
  BTC_NO_CASH: {
    code: "INSUFFICIENT_CASH",
    text: (p: { costCents: number; cashCents: number }) => ({
      en: `Buying this BTC costs ${usd(p.costCents)} with the fee; you have ${usd(Math.max(0, p.cashCents))}.`,
      zh: `购买这些 BTC 含手续费需 ${usd(p.costCents)}，你只有 ${usd(Math.max(0, p.cashCents))}。`,
    }),
  },
} as const satisfies Record<string, RefusalEntry>;
