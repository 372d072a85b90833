/** Shock templates of policy: bans and legalisation, licences, tariffs, power prices, carbon taxes. */
import { z } from "zod";
import { applyEvent } from "../eventEffects.ts";
import type { GameState } from "../state.ts";
import { countriesOf, n, num, regionsOf, type Params, type ShockTemplate } from "./kit.ts";
import { originName } from "./text.ts";
import type { EngineCaches } from "../caches.ts";

const banParams = z.object({
  graceDays: num(0, 365, 0),
  rampDays: num(1, 365, 14),
  compliancePct: num(0, 100, 100),
  idlePct: num(0, 100, 0),
  emigratePct: num(0, 100, 80),
  seizurePctPerDay: num(0, 100, 2),
});

function banNow(state: GameState, targets: string[], p: Params, caches: EngineCaches): void {
  applyEvent(
    state,
    {
      kind: "ban",
      day: state.day,
      regions: targets,
      rampDays: n(p, "rampDays"),
      graceDays: 0,
      complianceBps: Math.round(n(p, "compliancePct") * 100),
      idleBps: Math.round(n(p, "idlePct") * 100),
      emigrateBps: Math.round(n(p, "emigratePct") * 100),
      headline: { en: "", zh: "" },
      source: "shock",
    },
    caches,
  );
  for (const r of regionsOf(state, targets)) {
    r.banPendingDay = null;
    r.seizureBpsPerDay = Math.round(n(p, "seizurePctPerDay") * 100);
  }
}

export const POLICY_TEMPLATES: readonly ShockTemplate[] = [
  {
    id: "ban",
    target: "region",
    params: banParams,
    days: (p) => n(p, "graceDays"),
    text: (p, t) => ({
      headline: { en: `${t.en} bans bitcoin mining`, zh: `${t.zh}禁止比特币挖矿` },
      explanation: {
        en: `${n(p, "graceDays") > 0 ? `In ${n(p, "graceDays")} days` : "From today"} mining is illegal in ${t.en}: no new leases, shipments bound there are held by customs, and machines left switched on risk seizure (${n(p, "seizurePctPerDay")}% a day). Most local miners will shut down and move abroad over the following months.`,
        zh: `${n(p, "graceDays") > 0 ? `${n(p, "graceDays")} 天后` : "即日起"}${t.zh}挖矿违法：不得新租容量，运往该地的货物将被海关扣留，仍在运行的矿机每天有 ${n(p, "seizurePctPerDay")}% 的概率被没收。当地多数矿工将在未来数月内关机并迁往海外。`,
      },
    }),
    apply(state, targets, p, caches) {
      if (n(p, "graceDays") <= 0) return banNow(state, targets, p, caches);
      for (const r of regionsOf(state, targets)) r.banPendingDay = state.day + n(p, "graceDays");
    },
    end: (state, targets, p, caches) => banNow(state, targets, p, caches),
  },
  {
    id: "legalise",
    target: "region",
    params: z.object({}),
    days: () => 0,
    text: (_p, t) => ({
      headline: { en: `${t.en} legalises mining`, zh: `${t.zh}宣布挖矿合法` },
      explanation: {
        en: `Mining is allowed again in ${t.en}: leases can be taken, held shipments clear customs, idle machines restart.`,
        zh: `${t.zh}重新允许挖矿：可以租用容量，被扣货物可以清关，闲置矿机重新开机。`,
      },
    }),
    apply(state, targets, _p, caches) {
      applyEvent(
        state,
        {
          kind: "unban",
          day: state.day,
          regions: targets,
          headline: { en: "", zh: "" },
          source: "shock",
        },
        caches,
      );
      for (const r of regionsOf(state, targets)) {
        r.seizureBpsPerDay = 0;
        r.banPendingDay = null;
      }
    },
  },
  {
    id: "licence",
    target: "country",
    params: z.object({ meanDays: num(1, 365, 45), days: num(0, 3650, 0) }),
    days: (p) => n(p, "days"),
    text: (p, t) => ({
      headline: { en: `${t.en} requires import licences for mining machines`, zh: `${t.zh}要求矿机进口许可` },
      explanation: {
        en: `Machines arriving in ${t.en} wait at the port for a licence, about ${n(p, "meanDays")} days, paying storage every day, unless they are re-exported.`,
        zh: `运抵${t.zh}的矿机需在港口等待许可，约 ${n(p, "meanDays")} 天，每日支付仓储费，除非转运出境。`,
      },
    }),
    apply: (state, targets, p) =>
      countriesOf(state, targets).forEach((c) => (c.licenceMeanDays = n(p, "meanDays"))),
    end: (state, targets) => countriesOf(state, targets).forEach((c) => (c.licenceMeanDays = 0)),
  },
  {
    id: "tariff",
    target: "country",
    params: z.object({
      origin: z
        .string()
        .regex(/^([A-Z]{2}|\*)$/)
        .default("*"),
      ratePct: num(0, 1000, 25),
    }),
    days: () => 0,
    text: (p, t) => {
      const o = originName(String(p.origin));
      return {
        headline: {
          en: `${t.en} sets a ${n(p, "ratePct")}% tariff on mining machines from ${o.en}`,
          zh: `${t.zh}对来自${o.zh}的矿机征收 ${n(p, "ratePct")}% 关税`,
        },
        explanation: {
          en: `Machines made in ${o.en} pay ${n(p, "ratePct")}% of their declared value when they clear ${t.en}'s customs, from today, including those already on their way: the rate is the one in force on arrival.`,
          zh: `自今日起，${o.zh}制造的矿机在${t.zh}清关时按申报价值的 ${n(p, "ratePct")}% 缴纳关税，已在途的货物同样适用：按到港当日的税率征收。`,
        },
      };
    },
    apply: (state, targets, p) =>
      countriesOf(state, targets).forEach(
        (c) => (c.tariffBps[String(p.origin)] = Math.round(n(p, "ratePct") * 100)),
      ),
  },
  {
    id: "powerPrice",
    target: "region",
    params: z.object({ changePct: num(-90, 1000, 50), days: num(0, 3650, 0) }),
    days: (p) => n(p, "days"),
    text: (p, t) => ({
      headline: {
        en: `Power prices ${n(p, "changePct") >= 0 ? "jump" : "fall"} ${Math.abs(n(p, "changePct"))}% in ${t.en}`,
        zh: `${t.zh}电价${n(p, "changePct") >= 0 ? "上涨" : "下跌"} ${Math.abs(n(p, "changePct"))}%`,
      },
      explanation: {
        en: `Every kWh costs ${n(p, "changePct")}% ${n(p, "changePct") >= 0 ? "more" : "less"} in ${t.en}${n(p, "days") > 0 ? ` for ${n(p, "days")} days` : ""}. Older machines there may no longer pay for their power.`,
        zh: `${t.zh}每度电价格变化 ${n(p, "changePct")}%${n(p, "days") > 0 ? `，持续 ${n(p, "days")} 天` : ""}。当地较旧的矿机可能无法覆盖电费。`,
      },
    }),
    apply: (state, targets, p) =>
      regionsOf(state, targets).forEach(
        (r) => (r.powerMultiplierBps = Math.round((r.powerMultiplierBps * (100 + n(p, "changePct"))) / 100)),
      ),
    end: (state, targets, p) =>
      regionsOf(state, targets).forEach(
        (r) => (r.powerMultiplierBps = Math.round((r.powerMultiplierBps * 100) / (100 + n(p, "changePct")))),
      ),
  },
  {
    id: "carbonTax",
    target: "country",
    params: z.object({ usdPerTonne: num(0, 1000, 50) }),
    days: () => 0,
    text: (p, t) => ({
      headline: {
        en: `${t.en} taxes carbon at $${n(p, "usdPerTonne")} a tonne`,
        zh: `${t.zh}按每吨 ${n(p, "usdPerTonne")} 美元征收碳税`,
      },
      explanation: {
        en: `Every tonne of CO2 from mining in ${t.en} costs $${n(p, "usdPerTonne")}, charged daily from the kWh used and the grid's carbon intensity. Renewable power options cut the bill.`,
        zh: `${t.zh}挖矿每排放一吨二氧化碳需缴 ${n(p, "usdPerTonne")} 美元，按每日用电量和电网碳强度计算。可再生能源选项可降低税负。`,
      },
    }),
    apply: (state, targets, p) =>
      countriesOf(state, targets).forEach(
        (c) => (c.carbonTaxCentsPerTonne = Math.round(n(p, "usdPerTonne") * 100)),
      ),
  },
];
