/**
 * The engine's refusals of the hosting layer (issue #13 §3): queued lease requests, own sites and
 * hosting contracts between companies (shared/engine/hosting*.ts, sites*.ts).
 */
import { usd } from "../../math/money.ts";
import type { Text } from "../../scenario/types.ts";
import { kwEn, kwZh, type RefusalEntry } from "./kit.ts";

type Region = { region: Text };

export const HOSTING_REFUSALS = {
  NOT_QUEUED: {
    code: "BAD_TARGET",
    text: (p: { region: string }) => ({
      en: `You are not waiting in ${p.region}'s queue.`,
      zh: `你没有在${p.region}排队。`,
    }),
  },
  LEASE_ALREADY_QUEUED: {
    code: "ALREADY_SO",
    text: (p: Region & { kw: number }) => ({
      en: `You already wait in ${p.region.en}'s queue for ${kwEn(p.kw)}; one request per region.`,
      zh: `你已在${p.region.zh}排队等待 ${kwZh(p.kw)}；每个地区只能排一个申请。`,
    }),
  },
  QUEUE_SETUP_UNPAID: {
    code: "INSUFFICIENT_CASH",
    text: (p: { kw: number; cents: number }) => ({
      en: `Queueing for ${kwEn(p.kw)} needs the first month (${usd(p.cents)}) in cash; you cannot pay it.`,
      zh: `排队申请 ${kwZh(p.kw)}需备有首月费用（${usd(p.cents)}），你的现金不足。`,
    }),
  },
  SITE_TOO_BIG: {
    code: "BAD_QUANTITY",
    text: (p: Region & { maxKw: number }) => ({
      en: `One site in ${p.region.en} can be at most ${kwEn(p.maxKw)}.`,
      zh: `${p.region.zh}的单个自建矿场最多 ${kwZh(p.maxKw)}。`,
    }),
  },
  SITE_UNAFFORDABLE: {
    code: "INSUFFICIENT_CASH",
    text: (p: { cents: number }) => ({
      en: `Building this site costs ${usd(p.cents)}; you cannot pay it.`,
      zh: `建设此矿场需要 ${usd(p.cents)}，你的现金不足。`,
    }),
  },
  RELEASE_OWN_KW: {
    code: "BAD_QUANTITY",
    text: (p: Region & { releasableKw: number }) => ({
      en: `Only ${kwEn(p.releasableKw)} of your space in ${p.region.en} is leased from a host; own sites and contracted space cannot be released.`,
      zh: `你在${p.region.zh}的空间中仅 ${kwZh(p.releasableKw)}为租用；自建矿场和托管合同空间不能退租。`,
    }),
  },
  HOSTING_NO_SPARE: {
    code: "NO_CAPACITY",
    text: (p: Region & { spareKw: number; askedKw: number }) => ({
      en: `Your own sites in ${p.region.en} have ${kwEn(p.spareKw)} spare; you offered ${kwEn(p.askedKw)}.`,
      zh: `你在${p.region.zh}的自建矿场仅有 ${kwZh(p.spareKw)}空余，你提供了 ${kwZh(p.askedKw)}。`,
    }),
  },
  HOSTING_UNPAID: {
    code: "INSUFFICIENT_CASH",
    text: (p: { cents: number }) => ({
      en: `This contract's first month (${usd(p.cents)}) must be in cash; you cannot pay it.`,
      zh: `此托管合同需备有首月费用（${usd(p.cents)}），你的现金不足。`,
    }),
  },
} as const satisfies Record<string, RefusalEntry>;
