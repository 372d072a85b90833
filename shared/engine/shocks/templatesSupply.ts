/**
 * Shock templates of supply and grid: moratoria and new capacity, curtailment with demand-response
 * credits, blackouts, export restrictions, chip shortages, freight spikes, port congestion, fee spikes.
 */
import { z } from "zod";
import { countriesOf, factoriesOf, n, num, regionsOf, type ShockTemplate } from "./kit.ts";

export const SUPPLY_TEMPLATES: readonly ShockTemplate[] = [
  {
    id: "moratorium",
    target: "region",
    params: z.object({ days: num(1, 3650, 180) }),
    days: () => 0, // the region keeps the end day itself
    text: (p, t) => ({
      headline: { en: `${t.en} freezes new mining connections`, zh: `${t.zh}暂停新的挖矿接入` },
      explanation: {
        en: `For ${n(p, "days")} days ${t.en} connects no new mining load: no new leases and no new capacity. Existing machines keep running.`,
        zh: `${n(p, "days")} 天内${t.zh}不接入新的挖矿负荷：不能新租容量，也不新增容量。现有矿机照常运行。`,
      },
    }),
    apply: (state, targets, p) =>
      regionsOf(state, targets).forEach(
        (r) => (r.moratoriumUntil = Math.max(r.moratoriumUntil, state.day + n(p, "days"))),
      ),
  },
  {
    id: "newCapacity",
    target: "region",
    params: z.object({ mw: num(1, 100_000, 200) }),
    days: () => 0,
    text: (p, t) => ({
      headline: {
        en: `${n(p, "mw")} MW of new hosting opens in ${t.en}`,
        zh: `${t.zh}新增 ${n(p, "mw")} 兆瓦托管容量`,
      },
      explanation: {
        en: `A new site adds ${n(p, "mw")} MW in ${t.en}; whoever moves first leases it.`,
        zh: `新矿场为${t.zh}增加 ${n(p, "mw")} 兆瓦容量，先到先得。`,
      },
    }),
    apply: (state, targets, p) =>
      regionsOf(state, targets).forEach((r) => (r.capacityKw += Math.round(n(p, "mw") * 1000))),
  },
  {
    id: "curtailment",
    target: "region",
    params: z.object({ days: num(1, 60, 3), creditUsdPerMwh: num(0, 10_000, 50) }),
    days: (p) => n(p, "days"),
    text: (p, t) => ({
      headline: { en: `The grid in ${t.en} asks miners to switch off`, zh: `${t.zh}电网要求矿工关机` },
      explanation: {
        en: `For ${n(p, "days")} days of peak demand, miners in ${t.en} power down; the grid pays $${n(p, "creditUsdPerMwh")} for every MWh they do not draw.`,
        zh: `用电高峰的 ${n(p, "days")} 天内，${t.zh}的矿工关机；电网为每少用一兆瓦时支付 ${n(p, "creditUsdPerMwh")} 美元。`,
      },
    }),
    apply: (state, targets, p) =>
      regionsOf(state, targets).forEach((r) => {
        r.offlineUntil = Math.max(r.offlineUntil, state.day + n(p, "days"));
        r.demandResponseCentsPerMwh = Math.round(n(p, "creditUsdPerMwh") * 100);
      }),
    end: (state, targets) => regionsOf(state, targets).forEach((r) => (r.demandResponseCentsPerMwh = 0)),
  },
  {
    id: "blackout",
    target: "region",
    params: z.object({ days: num(1, 60, 5) }),
    days: (p) => n(p, "days"),
    text: (p, t) => ({
      headline: { en: `Blackout in ${t.en}`, zh: `${t.zh}大停电` },
      explanation: {
        en: `The grid in ${t.en} fails or rations power for ${n(p, "days")} days: every machine there stops, with no compensation.`,
        zh: `${t.zh}电网故障或限电 ${n(p, "days")} 天：当地所有矿机停机，没有补偿。`,
      },
    }),
    apply: (state, targets, p) =>
      regionsOf(state, targets).forEach((r) => {
        r.offlineUntil = Math.max(r.offlineUntil, state.day + n(p, "days"));
        r.demandResponseCentsPerMwh = 0;
      }),
  },
  {
    id: "exportRestriction",
    target: "factory",
    params: z.object({ days: num(1, 3650, 60) }),
    days: () => 0,
    text: (p, t) => ({
      headline: { en: `Exports halted at ${t.en}`, zh: `${t.zh}暂停出口` },
      explanation: {
        en: `For ${n(p, "days")} days no machine leaves ${t.en} for another country; domestic deliveries continue. Orders there wait in the warehouse.`,
        zh: `${n(p, "days")} 天内${t.zh}的矿机不得出口，国内交付照常。订单将滞留仓库。`,
      },
    }),
    apply: (state, targets, p) =>
      factoriesOf(state, targets).forEach(
        (f) => (f.exportBlockedUntil = Math.max(f.exportBlockedUntil, state.day + n(p, "days"))),
      ),
  },
  {
    id: "chipShortage",
    target: "factory",
    params: z.object({ days: num(1, 3650, 120), leadDays: num(0, 365, 60), pricePct: num(0, 500, 25) }),
    days: (p) => n(p, "days"),
    text: (p, t) => ({
      headline: { en: `Chip shortage hits ${t.en}`, zh: `芯片短缺冲击${t.zh}` },
      explanation: {
        en: `Foundry capacity runs short: new orders at ${t.en} take ${n(p, "leadDays")} more days and cost ${n(p, "pricePct")}% more for ${n(p, "days")} days.`,
        zh: `晶圆产能不足：${n(p, "days")} 天内，${t.zh}的新订单交期延长 ${n(p, "leadDays")} 天，价格上涨 ${n(p, "pricePct")}%。`,
      },
    }),
    apply: (state, targets, p) =>
      factoriesOf(state, targets).forEach((f) => {
        f.leadExtraDays += n(p, "leadDays");
        f.priceMultiplierBps = Math.round((f.priceMultiplierBps * (100 + n(p, "pricePct"))) / 100);
      }),
    end: (state, targets, p) =>
      factoriesOf(state, targets).forEach((f) => {
        f.leadExtraDays = Math.max(0, f.leadExtraDays - n(p, "leadDays"));
        f.priceMultiplierBps = Math.round((f.priceMultiplierBps * 100) / (100 + n(p, "pricePct")));
      }),
  },
  {
    id: "freightSpike",
    target: "world",
    params: z.object({ days: num(1, 365, 45), pct: num(1, 2000, 300) }),
    days: (p) => n(p, "days"),
    text: (p) => ({
      headline: { en: `Freight rates jump ${n(p, "pct")}%`, zh: `运费暴涨 ${n(p, "pct")}%` },
      explanation: {
        en: `Containers and cargo space run short: every shipment booked in the next ${n(p, "days")} days costs ${n(p, "pct")}% more.`,
        zh: `集装箱与舱位紧缺：未来 ${n(p, "days")} 天内预订的每批货运费用上涨 ${n(p, "pct")}%。`,
      },
    }),
    apply: (state, _t, p) => {
      state.freightMultiplierBps = Math.round((state.freightMultiplierBps * (100 + n(p, "pct"))) / 100);
    },
    end: (state, _t, p) => {
      state.freightMultiplierBps = Math.round((state.freightMultiplierBps * 100) / (100 + n(p, "pct")));
    },
  },
  {
    id: "portCongestion",
    target: "country",
    params: z.object({ days: num(1, 365, 30), extraDays: num(1, 120, 14) }),
    days: (p) => n(p, "days"),
    text: (p, t) => ({
      headline: { en: `Ports of ${t.en} congested`, zh: `${t.zh}港口拥堵` },
      explanation: {
        en: `Inspections and queues add ${n(p, "extraDays")} days at ${t.en}'s customs for ${n(p, "days")} days.`,
        zh: `${n(p, "days")} 天内，查验和排队使${t.zh}海关通关时间增加 ${n(p, "extraDays")} 天。`,
      },
    }),
    apply: (state, targets, p) =>
      countriesOf(state, targets).forEach((c) => (c.congestionDays += n(p, "extraDays"))),
    end: (state, targets, p) =>
      countriesOf(state, targets).forEach(
        (c) => (c.congestionDays = Math.max(0, c.congestionDays - n(p, "extraDays"))),
      ),
  },
  {
    id: "feeSpike",
    target: "world",
    params: z.object({ days: num(1, 60, 3), pct: num(1, 5000, 400) }),
    days: (p) => n(p, "days"),
    text: (p) => ({
      headline: { en: `Transaction fees soar ${n(p, "pct")}%`, zh: `交易手续费飙升 ${n(p, "pct")}%` },
      explanation: {
        en: `A rush for block space lifts the fees in every block by ${n(p, "pct")}% for ${n(p, "days")} days: hashprice rises with them.`,
        zh: `区块空间争夺使每个区块的手续费在 ${n(p, "days")} 天内上涨 ${n(p, "pct")}%，矿机日收益随之上升。`,
      },
    }),
    apply: (state, _t, p) => {
      state.feeMultiplierBps = Math.round((state.feeMultiplierBps * (100 + n(p, "pct"))) / 100);
    },
    end: (state, _t, p) => {
      state.feeMultiplierBps = Math.round((state.feeMultiplierBps * 100) / (100 + n(p, "pct")));
    },
  },
];
