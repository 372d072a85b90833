/**
 * The engine's refusals of trade between players (offers, shared/engine/trade.ts and commands/trade.ts)
 * and of shipping (commands/shipping.ts, shared/engine/logistics).
 */
import { usd } from "../../math/money.ts";
import type { Text } from "../../scenario/types.ts";
import { numberOf, type RefusalEntry } from "./kit.ts";

type Lot = { lot: string };
type Offer = { offer: string };
type Route = { from: Text; to: Text };

type OfferStatus = "open" | "accepted" | "declined" | "expired" | "cancelled";

const STATUS_ZH: Record<OfferStatus, string> = {
  open: "过期", // an open offer past its last day is closed only because it has expired
  accepted: "被接受",
  declined: "被拒绝",
  expired: "过期",
  cancelled: "撤销",
};

const where = (p: Route): string => `${p.from.en} → ${p.to.en}`;
const whereZh = (p: Route): string => `${p.from.zh} → ${p.to.zh}`;

export const TRADE_REFUSALS = {
  // Making an offer.
  OFFER_IN_TRANSIT: {
    code: "LOT_BUSY",
    text: (p: Lot) => ({
      en: `Lot ${numberOf(p.lot)} is in transit; offer it once it has arrived.`,
      zh: `批次 ${numberOf(p.lot)} 正在运输途中，到达后才能出售给其他玩家。`,
    }),
  },
  OFFER_TOO_MANY: {
    code: "BAD_QUANTITY",
    text: (p: Lot & { holds: number; asked: number }) => ({
      en: `Lot ${numberOf(p.lot)} holds ${p.holds} machines; you tried to offer ${p.asked}.`,
      zh: `批次 ${numberOf(p.lot)} 只有 ${p.holds} 台矿机，你试图出售 ${p.asked} 台。`,
    }),
  },
  ALREADY_OFFERED: {
    code: "LOT_BUSY",
    text: (p: Lot & { offered: number; free: number }) => ({
      en: `${p.offered} machines of lot ${numberOf(p.lot)} are already offered; ${p.free} are free to offer.`,
      zh: `批次 ${numberOf(p.lot)} 中已有 ${p.offered} 台矿机在报价中，仅剩 ${p.free} 台可报价。`,
    }),
  },
  OFFER_TO_SELF: {
    code: "BAD_TARGET",
    text: () => ({ en: "You cannot make an offer to yourself.", zh: "你不能向自己报价。" }),
  },
  OFFER_TO_NOBODY: {
    code: "BAD_TARGET",
    text: (p: { company: string }) => ({
      en: `No company "${p.company}".`,
      zh: `没有名为"${p.company}"的公司。`,
    }),
  },
  OFFER_TO_BANKRUPT: {
    code: "BAD_TARGET",
    text: (p: { company: string }) => ({ en: `${p.company} is bankrupt.`, zh: `${p.company} 已经破产。` }),
  },

  // Answering, cancelling and honouring an offer.
  UNKNOWN_OFFER: (p: Offer) => ({ en: `No offer "${p.offer}".`, zh: `没有编号为"${p.offer}"的报价。` }),
  NOT_YOURS_TO_ANSWER: {
    code: "NOT_OWNER",
    text: (p: Offer & { to: string }) => ({
      en: `Offer ${numberOf(p.offer)} was not made to you; only ${p.to} can answer it.`,
      zh: `报价 ${numberOf(p.offer)} 不是给你的，只有 ${p.to} 可以答复。`,
    }),
  },
  NOT_YOURS_TO_CANCEL: {
    code: "NOT_OWNER",
    text: (p: Offer) => ({
      en: `Offer ${numberOf(p.offer)} is not yours to cancel.`,
      zh: `报价 ${numberOf(p.offer)} 不是你发出的，不能撤销。`,
    }),
  },
  OFFER_UNAFFORDABLE: {
    code: "INSUFFICIENT_CASH",
    text: (p: Offer & { priceCents: number; cashCents: number }) => ({
      en: `Offer ${numberOf(p.offer)} costs ${usd(p.priceCents)}; you have ${usd(p.cashCents)}.`,
      zh: `报价 ${numberOf(p.offer)} 需要 ${usd(p.priceCents)}，你只有 ${usd(p.cashCents)}。`,
    }),
  },
  OFFER_CLOSED: (p: Offer & { status: OfferStatus }) => ({
    en: `Offer ${numberOf(p.offer)} is ${p.status === "open" ? "expired" : p.status}.`,
    zh: `报价 ${numberOf(p.offer)} 已${STATUS_ZH[p.status]}。`,
  }),
  OFFER_LOT_GONE: {
    code: "OFFER_CLOSED",
    text: (p: Offer & Lot) => ({
      en: `Offer ${numberOf(p.offer)} can no longer be honoured: lot ${numberOf(p.lot)} is no longer the seller's.`,
      zh: `报价 ${numberOf(p.offer)} 已无法履行：批次 ${numberOf(p.lot)} 已不属于卖方。`,
    }),
  },
  OFFER_LOT_SHRUNK: {
    code: "LOT_BUSY",
    text: (p: Offer & Lot & { promised: number; holds: number }) => ({
      en: `Offer ${numberOf(p.offer)} promised ${p.promised} machines; lot ${numberOf(p.lot)} now holds ${p.holds}.`,
      zh: `报价 ${numberOf(p.offer)} 承诺了 ${p.promised} 台矿机，但批次 ${numberOf(p.lot)} 现在只有 ${p.holds} 台。`,
    }),
  },
  PARTY_BANKRUPT: {
    code: "OFFER_CLOSED",
    text: (p: { company: string }) => ({ en: `${p.company} is bankrupt.`, zh: `${p.company} 已经破产。` }),
  },
  LOT_NOT_TRADABLE: {
    code: "LOT_BUSY",
    text: (p: Lot & { status: "inTransit" | "onOrder" }) => ({
      en: `Lot ${numberOf(p.lot)} is ${p.status === "inTransit" ? "in transit" : "still at the factory"}; it can change hands once it is stored or installed.`,
      zh: `批次 ${numberOf(p.lot)}${p.status === "inTransit" ? "正在运输途中" : "尚未出厂"}，入库或安装后才能转手。`,
    }),
  },

  // Shipping a lot.
  EXPORT_BLOCKED: (p: { factory: Text }) => ({
    en: `Exports from ${p.factory.en} are restricted until further notice.`,
    zh: `${p.factory.zh}的出口目前受到限制。`,
  }),
  SHIP_PROMISED: {
    code: "LOT_BUSY",
    text: (p: Lot & { promised: number }) => ({
      en: `${p.promised} machines of lot ${numberOf(p.lot)} are promised in an open offer; ship the others or cancel it.`,
      zh: `批次 ${numberOf(p.lot)} 中有 ${p.promised} 台已在报价中承诺出售；请只运其余矿机，或先撤回报价。`,
    }),
  },
  FREIGHT_UNAFFORDABLE: {
    code: "INSUFFICIENT_CASH",
    text: (p: { costCents: number; cashCents: number }) => ({
      en: `Freight and insurance cost ${usd(p.costCents)}; you have ${usd(p.cashCents)}.`,
      zh: `运费和保险共需 ${usd(p.costCents)}，你只有 ${usd(p.cashCents)}。`,
    }),
  },
  SHIP_TOO_MANY: {
    code: "BAD_QUANTITY",
    text: (p: Lot & { holds: number }) => ({
      en: `Lot ${numberOf(p.lot)} holds ${p.holds} machines.`,
      zh: `批次 ${numberOf(p.lot)} 只有 ${p.holds} 台矿机。`,
    }),
  },
  ALREADY_THERE: {
    code: "NO_ROUTE",
    text: () => ({ en: "The lot is already there.", zh: "该批次已在目的地。" }),
  },
  UNKNOWN_DEPARTURE: {
    code: "NO_ROUTE",
    text: () => ({ en: "Unknown place of departure.", zh: "出发地未知。" }),
  },

  // Routes a mode of transport cannot take.
  TOO_FAR: {
    code: "NO_ROUTE",
    text: (p: Route & { mode: string }) => ({
      en: `${where(p)} is too far for ${p.mode} freight.`,
      zh: `${whereZh(p)} 距离过远，无法使用该运输方式。`,
    }),
  },
  NO_ROAD: {
    code: "NO_ROUTE",
    text: (p: Route) => ({ en: `No road links ${where(p)}.`, zh: `${whereZh(p)} 之间没有公路相通。` }),
  },
  NO_RAILWAY: {
    code: "NO_ROUTE",
    text: (p: Route) => ({ en: `No railway links ${where(p)}.`, zh: `${whereZh(p)} 之间没有铁路相通。` }),
  },
  TOO_CLOSE_FOR_SEA: {
    code: "NO_ROUTE",
    text: (p: Route) => ({
      en: `${where(p)} is too close for sea freight: use a truck.`,
      zh: `${whereZh(p)} 距离太近，不适合海运，请用卡车。`,
    }),
  },
} as const satisfies Record<string, RefusalEntry>;
