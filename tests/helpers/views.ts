/** Hand-built views for client tests: every field at a plain default, overridden where a test cares. */
import type {
  CompanyPrivateView,
  CompanyView,
  GameView,
  LotView,
  RegionView,
} from "../../shared/view/types.ts";

export function regionView(id: string, over: Partial<RegionView> = {}): RegionView {
  return {
    id,
    country: "",
    policy: "allowed",
    banPending: false,
    offline: false,
    powerMicroUsdPerKwh: 50_000,
    freeKw: 10_000,
    restOfWorldThs: 1e6,
    shareBps: 100,
    history: [],
    ...over,
  };
}

export function lotView(over: Partial<LotView> = {}): LotView {
  return {
    id: "l1",
    model: "s19",
    name: "S19",
    quantity: 10,
    status: "onOrder",
    placeKind: "factory",
    placeId: "shenzhen",
    powered: false,
    origin: "CN",
    kw: 32.5,
    pnlCentsPerDay: 0,
    untilDay: 0,
    canShip: false,
    canInstall: false,
    canPower: false,
    pledgedTo: "",
    given: false,
    ...over,
  };
}

/** A company's private part: $1 of cash, nothing else. */
export function privateView(over: Partial<CompanyPrivateView> = {}): CompanyPrivateView {
  return {
    cashCents: 100,
    btcSats: 0,
    sellRatioBps: 0,
    payout: "pool",
    lots: [],
    leases: [],
    offers: [],
    preorders: [],
    score: { cashCents: 100, btcCents: 0, machinesCents: 0, sitesCents: 0, owedCents: 0 },
    finance: {
      riskFreeBps: 0,
      riskFreeEstimate: false,
      interestEarnedCents: 0,
      interestPaidCents: 0,
      debtCents: 0,
      pledgedSats: 0,
      green: false,
      gramsPerThDay: -1,
      greenMaxGramsPerThDay: 100,
      btcFeeBps: 50,
    },
    loans: [],
    machineLeases: [],
    hosting: [],
    ...over,
  };
}

export function companyView(over: Partial<CompanyView> = {}): CompanyView {
  return {
    seat: "p1",
    name: "A",
    bot: false,
    connected: true,
    away: false,
    equityCents: 0,
    minedSats: 0,
    ths: 0,
    shareBps: 0,
    carbonKg: 0,
    bankrupt: false,
    scoreValue: 0,
    rank: 1,
    priv: null,
    ...over,
  };
}

export function gameView(over: Partial<GameView> = {}): GameView {
  return {
    phase: "running",
    scenario: "halving-2020",
    code: "ABC234",
    privateRoom: false,
    pace: 1,
    hideNames: false,
    day: 18_262,
    tick: 1,
    days: 365,
    height: 620_000,
    difficulty: 1.5e13,
    nextRetargetHeight: 620_928,
    retargetEstimatePct: 0,
    nextHalvingHeight: 630_000,
    priceCents: 900_000,
    hashpriceMicroUsd: 100_000,
    networkPowerCostMicroUsdPerThDay: 40_000,
    machinePriceHashpriceMicroUsd: 100_000,
    networkThs: 100e6,
    playerThs: 0,
    regions: [],
    companies: [],
    shipments: [],
    news: [],
    scoreBy: "equity",
    classWorld: false,
    ...over,
  };
}
