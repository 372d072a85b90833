/** A small debrief payload for the view-model tests: three days, two companies, one host shock. */
import { DEBRIEF_FORMAT, type DebriefPayload } from "../../shared/protocol/debrief.ts";

export function fixture(overrides: Partial<DebriefPayload> = {}): DebriefPayload {
  const frame = (day: number, date: string, share: number) => ({
    day,
    date,
    sharePct: [share, 100 - share],
    rowEhs: [share, 100 - share],
    powerUsdPerKwh: [0.04, 0.06],
    freeMw: [10, 20],
    policy: ["allowed" as const, day > 0 ? ("banned" as const) : ("allowed" as const)],
    banPending: [false, false],
    offline: [false, false],
  });
  return {
    format: DEBRIEF_FORMAT,
    roomId: "r1",
    code: "ABC234",
    scenario: "halving-2020",
    scenarioName: { en: "Halving 2020", zh: "2020 减半" },
    scenarioHash: "0".repeat(64),
    seed: 1,
    engineVersion: "1",
    status: "ended",
    access: "host",
    seat: null,
    hideNames: false,
    totalDays: 10,
    verified: true,
    dates: ["2020-01-01", "2020-01-02", "2020-01-03"],
    companies: [
      { id: "p1", name: "Wei", bot: false },
      { id: "p2", name: "Seat 2", bot: true },
    ],
    final: { equityUsd: [900, 1200], carbonT: [1, 2], bankrupt: [false, false] },
    equityUsd: [
      [1000, 1100, 950],
      [1000, 1050, 1150],
    ],
    carbonT: [
      [0.1, 0.2, 0.3],
      [0, 1, 2],
    ],
    companyEhs: [
      [0, 0.001, 0.001],
      [0, 0, 0.002],
    ],
    network: {
      ehs: [100, 101, 102],
      playerEhs: [0, 0.001, 0.003],
      difficulty: [1.3e13, 1.3e13, 1.4e13],
      priceUsd: [7000, 7100, 7200],
      hashpriceUsdPerThDay: [0.1, 0.11, 0.12],
      realEhs: [99, null, 103],
      realDifficulty: [1.3e13, 1.3e13, 1.3e13],
      realPriceUsd: [7000, 7100, 7200],
      realHashpriceUsdPerThDay: [null, null, null],
    },
    countries: {
      ids: ["CN", "US", "KZ", "PLAYERS"],
      names: {
        CN: { en: "China", zh: "中国" },
        US: { en: "United States", zh: "美国" },
        KZ: { en: "Kazakhstan", zh: "哈萨克斯坦" },
        PLAYERS: { en: "Players", zh: "玩家" },
      },
      ehs: [
        [60, 60, 61],
        [20, 21, 21],
        [5, 5, 5],
        [0, 0.001, 0.003],
      ],
      realEhs: [
        [58, 58, 58],
        [null, null, null],
        [6, 6, 6],
        [null, null, null],
      ],
    },
    fit: {
      hashrateDays: 2,
      hashrateRmsLogError: 0.025,
      hashrateMeanLogError: 0.01,
      retargetMeanAbsErrorPp: null,
      retargets: [],
    },
    regionIds: ["cn-sichuan", "us-texas"],
    frames: [frame(0, "2020-01-01", 70), frame(2, "2020-01-03", 60)],
    decisions: [
      {
        day: 0,
        date: "2020-01-01",
        seat: "p1",
        type: "setSellRatio",
        summary: { en: "Sells 50%", zh: "出售 50%" },
      },
      {
        day: 0,
        date: "2020-01-01",
        seat: "p1",
        type: "orderMachines",
        summary: { en: "Ordered 20", zh: "订购 20" },
      },
      {
        day: 2,
        date: "2020-01-03",
        seat: "p2",
        type: "leaseCapacity",
        summary: { en: "Leased", zh: "租用" },
      },
      {
        day: 1,
        date: "2020-01-02",
        seat: null,
        type: "injectEvent",
        summary: { en: "Host: ban", zh: "主持人：禁令" },
      },
    ],
    events: [
      { day: 0, date: "2020-01-01", kind: "news", company: null, text: { en: "A", zh: "甲" }, targets: [] },
      { day: 1, date: "2020-01-02", kind: "ship", company: "p1", text: { en: "B", zh: "乙" }, targets: [] },
      {
        day: 2,
        date: "2020-01-03",
        kind: "ban",
        company: null,
        text: { en: "C", zh: "丙" },
        targets: ["CN"],
      },
    ],
    ...overrides,
  };
}
