/** The engine's refusals of the class-sized world (engine/classWorld*.ts) and machine leases (engine/machineLease*.ts). */
import { usd } from "../../math/money.ts";
import { numberOf, type RefusalEntry } from "./kit.ts";

type Lease = { lease: string };
type Lot = { lot: string };

export const CLASS_MAAS_REFUSALS = {
  WORLD_SIZE_STARTED: {
    code: "ALREADY_SO",
    text: () => ({
      en: "The world's size is chosen before the first day; the game has started.",
      zh: "世界规模须在第一天之前选定；游戏已经开始。",
    }),
  },
  WORLD_SIZE_ALREADY: {
    code: "ALREADY_SO",
    text: () => ({ en: "This game already has a class-sized world.", zh: "本局已是班级规模世界。" }),
  },
  LOT_ALREADY_LEASED: {
    code: "LOT_BUSY",
    text: (p: Lot) => ({
      en: `Lot ${numberOf(p.lot)} is already leased or offered for lease.`,
      zh: `批次 ${numberOf(p.lot)} 已出租或已挂出租赁报价。`,
    }),
  },
  LEASE_LOT_PROMISED: {
    code: "LOT_BUSY",
    text: (p: Lot) => ({
      en: `Lot ${numberOf(p.lot)} is promised in an open sale offer; it cannot be leased meanwhile.`,
      zh: `批次 ${numberOf(p.lot)} 已在一项未结的出售报价中，暂不能出租。`,
    }),
  },
  LEASE_OFFERS_TOO_MANY: {
    code: "BAD_QUANTITY",
    text: (p: { max: number }) => ({
      en: `At most ${p.max} lease offers may be open at once.`,
      zh: `同时最多只能挂出 ${p.max} 项租赁报价。`,
    }),
  },
  UNKNOWN_LEASE: {
    code: "UNKNOWN_OFFER",
    text: (p: Lease) => ({ en: `No machine lease "${p.lease}".`, zh: `没有编号为"${p.lease}"的矿机租赁。` }),
  },
  NOT_YOUR_LEASE: {
    code: "NOT_OWNER",
    text: (p: Lease) => ({
      en: `Lease ${numberOf(p.lease)} is not yours to answer (its owner may only withdraw it).`,
      zh: `租赁 ${numberOf(p.lease)} 不由你答复（机主只能撤回）。`,
    }),
  },
  LEASE_CLOSED: {
    code: "OFFER_CLOSED",
    text: (p: Lease) => ({
      en: `Lease offer ${numberOf(p.lease)} is no longer open.`,
      zh: `租赁报价 ${numberOf(p.lease)} 已不再开放。`,
    }),
  },
  LEASE_LOT_GONE: {
    code: "OFFER_CLOSED",
    text: (p: Lease) => ({
      en: `Lease offer ${numberOf(p.lease)} can no longer be honoured: its machines are no longer the owner's.`,
      zh: `租赁报价 ${numberOf(p.lease)} 已无法履行：矿机已不属于机主。`,
    }),
  },
  LEASE_UNAFFORDABLE: {
    code: "INSUFFICIENT_CASH",
    text: (p: Lease & { cents: number }) => ({
      en: `Lease ${numberOf(p.lease)} asks ${usd(p.cents)} upfront: more cash than you have.`,
      zh: `租赁 ${numberOf(p.lease)} 需预付 ${usd(p.cents)}，超过你的现金。`,
    }),
  },
} as const satisfies Record<string, RefusalEntry>;
