/**
 * The engine's refusals of company commands (shared/engine/commands): who may give them, the treasury,
 * leased capacity, machine lots, factory orders and the used market, and the host's shocks. Offers
 * between players and shipping are in trade.ts.
 */
import { formatIsoDate } from "../../math/calendar.ts";
import { usd } from "../../math/money.ts";
import type { Text } from "../../scenario/types.ts";
import { btcOfSats, kwEn, kwZh, numberOf, problem, type Issue, type RefusalEntry } from "./kit.ts";

type Lot = { lot: string };
type Region = { region: Text };

export const ENGINE_REFUSALS = {
  // Who gives the command, and whether the game still takes it.
  NOT_A_COMPANY: () => ({ en: "Only a company can give this command.", zh: "只有公司可以执行此操作。" }),
  NO_SUCH_COMPANY: {
    code: "NOT_A_COMPANY",
    text: (p: { company: string }) => ({
      en: `No company "${p.company}".`,
      zh: `没有名为"${p.company}"的公司。`,
    }),
  },
  GAME_OVER: () => ({ en: "The game is over.", zh: "游戏已经结束。" }),
  NOT_HOST: () => ({ en: "Only the host can do this.", zh: "只有主持人可以执行此操作。" }),
  BANKRUPT: () => ({ en: "Your company is bankrupt.", zh: "你的公司已经破产。" }),
  MALFORMED_COMMAND: {
    code: "MALFORMED",
    text: (p: { issue: Issue }) => {
      const where = p.issue && p.issue.path.length > 0 ? ` at "${p.issue.path.join(".")}"` : "";
      return {
        en: `Malformed command${where}: ${problem(p.issue)}.`,
        zh: `指令格式错误${p.issue && p.issue.path.length > 0 ? `（位置 "${p.issue.path.join(".")}"）` : ""}：${problem(p.issue)}。`,
      };
    },
  },

  // The treasury.
  SELL_RATIO_ALREADY: {
    code: "ALREADY_SO",
    text: (p: { ratioBps: number }) => ({
      en: `Your sell ratio is already ${p.ratioBps / 100}%.`,
      zh: `你的出售比例已经是 ${p.ratioBps / 100}%。`,
    }),
  },
  PAYOUT_ALREADY: {
    code: "ALREADY_SO",
    text: (p: { payout: "pool" | "solo" }) => ({
      en: `You already mine ${p.payout}.`,
      zh: `你已经采用${p.payout === "pool" ? "矿池" : "独立"}挖矿。`,
    }),
  },
  NOT_ENOUGH_BTC: {
    code: "BAD_QUANTITY",
    text: (p: { heldSats: number; sellSats: number }) => ({
      en: `You hold ${btcOfSats(p.heldSats)}; you cannot sell ${btcOfSats(p.sellSats)}.`,
      zh: `你持有 ${btcOfSats(p.heldSats)}，无法出售 ${btcOfSats(p.sellSats)}。`,
    }),
  },

  // Regions and leased capacity.
  UNKNOWN_REGION: (p: { region: string }) => ({
    en: `No region "${p.region}".`,
    zh: `没有名为"${p.region}"的地区。`,
  }),
  REGION_BANNED: (p: Region) => ({
    en: `Mining is banned in ${p.region.en}.`,
    zh: `${p.region.zh}已禁止挖矿。`,
  }),
  MORATORIUM: (p: Region) => ({
    en: `${p.region.en} accepts no new mining load during its moratorium.`,
    zh: `${p.region.zh}在暂停期内不接受新的挖矿用电。`,
  }),
  LEASE_POWER_DIFFERS: {
    code: "BAD_PARAMS",
    text: (p: Region & { renewable: boolean }) => ({
      en: `Your lease in ${p.region.en} runs on ${p.renewable ? "renewable" : "grid"} power; extend it the same way or release it first.`,
      zh: `你在${p.region.zh}的租约使用${p.renewable ? "可再生能源" : "电网"}电力；请按相同方式扩租，或先退租。`,
    }),
  },
  NO_RENEWABLE: {
    code: "BAD_PARAMS",
    text: (p: Region) => ({
      en: `${p.region.en} offers no renewable option.`,
      zh: `${p.region.zh}不提供可再生能源选项。`,
    }),
  },
  NO_CAPACITY: (p: Region & { freeKw: number; askedKw: number }) => ({
    en: `${p.region.en} has ${kwEn(p.freeKw)} free; you asked for ${kwEn(p.askedKw)}.`,
    zh: `${p.region.zh}仅剩 ${kwZh(p.freeKw)}可租，你申请了 ${kwZh(p.askedKw)}。`,
  }),
  LEASE_SETUP_UNPAID: {
    code: "INSUFFICIENT_CASH",
    text: (p: { kw: number }) => ({
      en: `The first month of hosting for ${kwEn(p.kw)} is due up front; you cannot pay it.`,
      zh: `租用 ${kwZh(p.kw)}需预付首月托管费，你的现金不足。`,
    }),
  },
  NO_LEASE: (p: { region: string }) => ({
    en: `You lease nothing in ${p.region}.`,
    zh: `你在该地区没有租用容量。`,
  }),
  RELEASE_TOO_MUCH: {
    code: "BAD_QUANTITY",
    text: (p: { region: string; leasedKw: number; releaseKw: number }) => ({
      en: `Your lease in ${p.region} is ${kwEn(p.leasedKw)}; you cannot release ${kwEn(p.releaseKw)}.`,
      zh: `你在该地区只租了 ${kwZh(p.leasedKw)}，不能退租 ${kwZh(p.releaseKw)}。`,
    }),
  },
  LEASE_IN_USE: (p: { usedKw: number; leasedKw: number }) => ({
    en: `Installed machines use ${kwEn(Math.ceil(p.usedKw))} of your ${kwEn(p.leasedKw)} lease; remove them first.`,
    zh: `已安装的矿机占用了你 ${kwZh(p.leasedKw)}中的 ${kwZh(Math.ceil(p.usedKw))}，请先移除矿机。`,
  }),

  // A company's machine lots.
  UNKNOWN_LOT: (p: Lot) => ({ en: `No lot "${p.lot}".`, zh: `没有编号为"${p.lot}"的矿机批次。` }),
  LOT_NOT_READY: (p: Lot) => ({
    en: `Lot ${numberOf(p.lot)} has not left the factory yet.`,
    zh: `批次 ${numberOf(p.lot)} 尚未出厂。`,
  }),
  LOT_ALREADY_INSTALLED: (p: Lot) => ({
    en: `Lot ${numberOf(p.lot)} is already installed.`,
    zh: `批次 ${numberOf(p.lot)} 已经安装。`,
  }),
  LOT_ON_ITS_WAY: {
    code: "LOT_BUSY",
    text: (p: Lot) => ({
      en: `Lot ${numberOf(p.lot)} is on its way; wait until it arrives.`,
      zh: `批次 ${numberOf(p.lot)} 正在运输途中，请等待到达。`,
    }),
  },
  LOT_NOT_HERE: (p: Lot & Region) => ({
    en: `Lot ${numberOf(p.lot)} is not in ${p.region.en}: ship it there first.`,
    zh: `批次 ${numberOf(p.lot)} 不在${p.region.zh}：请先运过去。`,
  }),
  NO_LEASE_ROOM: (p: Lot & Region & { needKw: number; freeKw: number }) => ({
    en: `Lot ${numberOf(p.lot)} needs ${kwEn(Math.ceil(p.needKw))}; your free lease in ${p.region.en} is ${kwEn(Math.floor(p.freeKw))}.`,
    zh: `批次 ${numberOf(p.lot)} 需要 ${kwZh(Math.ceil(p.needKw))}，你在${p.region.zh}的剩余租用容量为 ${kwZh(Math.floor(p.freeKw))}。`,
  }),
  LOT_NOT_INSTALLED: (p: Lot) => ({
    en: `Lot ${numberOf(p.lot)} is not installed anywhere.`,
    zh: `批次 ${numberOf(p.lot)} 尚未安装。`,
  }),
  POWER_ALREADY: {
    code: "ALREADY_SO",
    text: (p: Lot & { on: boolean }) => ({
      en: `Lot ${numberOf(p.lot)} is ${p.on ? "already running" : "already off"}.`,
      zh: `批次 ${numberOf(p.lot)} ${p.on ? "已在运行" : "已经关机"}。`,
    }),
  },
  SALE_PROMISED: {
    code: "LOT_BUSY",
    text: (p: Lot & { promised: number; free: number }) => ({
      en: `${p.promised} machines of lot ${numberOf(p.lot)} are promised in an open offer; you can sell ${p.free}.`,
      zh: `批次 ${numberOf(p.lot)} 中有 ${p.promised} 台已在报价中承诺出售，你只能卖出 ${p.free} 台。`,
    }),
  },
  SELL_TOO_MANY: {
    code: "BAD_QUANTITY",
    text: (p: Lot & { holds: number; asked: number }) => ({
      en: `Lot ${numberOf(p.lot)} holds ${p.holds} machines; you tried to sell ${p.asked}.`,
      zh: `批次 ${numberOf(p.lot)} 只有 ${p.holds} 台矿机，你试图出售 ${p.asked} 台。`,
    }),
  },

  // Factory orders and the used market.
  UNKNOWN_MODEL: (p: { model: string }) => ({
    en: `No machine model "${p.model}".`,
    zh: `没有名为"${p.model}"的矿机型号。`,
  }),
  NOT_RELEASED: (p: { model: string }) => ({
    en: `${p.model} is not on sale yet.`,
    zh: `${p.model} 尚未上市。`,
  }),
  OUT_OF_PRODUCTION: (p: { model: string; until: string }) => ({
    en: `${p.model} is no longer made (the factories stopped after ${p.until}): buy it used.`,
    zh: `${p.model} 已停产（工厂于 ${p.until} 后停止生产）：请购买二手机。`,
  }),
  UNKNOWN_FACTORY: (p: { factory: string | undefined }) => ({
    en: `No factory "${p.factory}".`,
    zh: `没有名为"${p.factory}"的工厂。`,
  }),
  FACTORY_CLOSED: (p: { factory: Text }) => ({
    en: `${p.factory.en} is not producing yet.`,
    zh: `${p.factory.zh}尚未投产。`,
  }),
  ORDER_UNAFFORDABLE: {
    code: "INSUFFICIENT_CASH",
    text: (p: { quantity: number; model: string; costCents: number; cashCents: number }) => ({
      en: `${p.quantity} × ${p.model} cost ${usd(p.costCents)}; you have ${usd(p.cashCents)}.`,
      zh: `${p.quantity} 台 ${p.model} 需要 ${usd(p.costCents)}，你只有 ${usd(p.cashCents)}。`,
    }),
  },
  NO_USED_YET: {
    code: "NOT_RELEASED",
    text: (p: { model: string; opensDay: number }) => ({
      en: `No second-hand ${p.model} exist yet: the used market for it opens on ${formatIsoDate(p.opensDay)}.`,
      zh: `尚无二手 ${p.model}：其二手市场将于 ${formatIsoDate(p.opensDay)} 开放。`,
    }),
  },
  USED_UNAFFORDABLE: {
    code: "INSUFFICIENT_CASH",
    text: (p: { quantity: number; model: string; costCents: number; cashCents: number }) => ({
      en: `${p.quantity} used ${p.model} cost ${usd(p.costCents)}; you have ${usd(p.cashCents)}.`,
      zh: `${p.quantity} 台二手 ${p.model} 需要 ${usd(p.costCents)}，你只有 ${usd(p.cashCents)}。`,
    }),
  },

  // The host's shocks.
  UNKNOWN_TEMPLATE: (p: { template: string }) => ({
    en: `No shock template "${p.template}".`,
    zh: `没有名为"${p.template}"的冲击模板。`,
  }),
  NOT_A_SHOCK_TARGET: {
    code: "BAD_TARGET",
    text: (p: { target: string; kind: string }) => ({
      en: `"${p.target}" is not a ${p.kind} this shock can hit.`,
      zh: `"${p.target}"不是该冲击可作用的${p.kind}。`,
    }),
  },
  BAD_SHOCK_PARAMS: {
    code: "BAD_PARAMS",
    text: (p: { template: string; issue: Issue }) => {
      const where = p.issue?.path.join(".") ?? "";
      return {
        en: `Bad parameter ${where ? `"${where}"` : ""} for ${p.template}: ${problem(p.issue)}.`,
        zh: `${p.template} 的参数 ${where} 无效：${problem(p.issue)}。`,
      };
    },
  },
} as const satisfies Record<string, RefusalEntry>;
