/**
 * Carbon tax, renewable leases, curtailment and blackouts, to the cent. One lot throughout: 10 S19 Pros
 * (3,250 W each) in Texas on 2020-10-01, bought used so they are on site at once.
 *
 *   kWh today   = 32.5 kW × 0.97 (October uptime) × 24 h   = 756.6 kWh
 *   power price = 28,000 µ$/kWh ($0.028)                    → 756.6 × 28,000 / 10,000 = 2,118.48 → 2,118 ¢
 *   renewable   = +10% (1,000 bps)                          → 756.6 × 30,800 / 10,000 = 2,330.33 → 2,330 ¢
 *   grid carbon = 756.6 kWh × 370 g = 279.942 kg = 0.279942 t → × 5,000 ¢/t = 1,399.71 → 1,400 ¢
 *   renewable   = 756.6 kWh × 60 g  =  45.396 kg              → × 5,000 ¢/t =   226.98 →   227 ¢
 *   curtailment = 0.7566 MWh × 5,000 ¢/MWh = 3,783 ¢
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { applyCommand, step, type Command, type StepReport } from "../../shared/index.ts";
import type { GameState, LedgerEntry, LedgerKind } from "../../shared/engine/state.ts";
import { powerPriceToday, regionIndex, uptimeToday } from "../../shared/engine/regions.ts";
import { energyCostCents } from "../../shared/math/money.ts";
import { newGame, player, stepUntil } from "../helpers/game.ts";
import { EngineCaches } from "../../shared/engine/caches.ts";

/** The engine's caches for the look-ups and quotes these tests make outside commands and steps. */
const caches = new EngineCaches();

let base: GameState;
let g: GameState;
beforeAll(() => {
  base = newGame("halving-2020", 5, 2);
  stepUntil(base, "2020-10-01");
});
beforeEach(() => {
  g = structuredClone(base);
  // No shipped scenario taxes carbon yet: the US charges $50 a tonne here.
  g.countries = [
    {
      country: "US",
      tariffBps: {},
      vatBps: 0,
      licenceMeanDays: 0,
      carbonTaxCentsPerTonne: 5_000,
      congestionDays: 0,
    },
  ];
});

function ok(cmd: Command): void {
  expect(applyCommand(g, player(1), cmd)).toEqual({ ok: true });
}

/** p1 buys 10 S19 Pros in Texas, leases room for them (renewable or not) and switches them on. */
function runLot(renewable = false): void {
  ok({ type: "buyUsed", model: "s19-pro", quantity: 10, region: "us-texas" });
  ok({ type: "leaseCapacity", region: "us-texas", kw: 33, renewable });
  ok({ type: "installLot", lot: g.lots.at(-1)?.id ?? "", region: "us-texas" });
}

function entries(report: StepReport, kind: LedgerKind): LedgerEntry[] {
  return report.ledgers.find((l) => l.company === "p1")?.entries.filter((e) => e.kind === kind) ?? [];
}

const texas = () => regionIndex(g, "us-texas", caches);
const sum = (es: LedgerEntry[]) => es.reduce((s, e) => s + e.cents, 0);

describe("carbon tax", () => {
  it("charges tonnes × the country's rate, once a day", () => {
    runLot();
    expect(powerPriceToday(g, texas(), caches)).toBe(28_000);
    expect(uptimeToday(g, texas(), caches)).toBe(0.97);
    const report = step(g);
    const day = report.ledgers.find((l) => l.company === "p1");
    expect(day?.kwh).toBeCloseTo(756.6, 9);
    expect(day?.carbonKg).toBeCloseTo(279.942, 9);
    expect(sum(entries(report, "power"))).toBe(-2_118);
    expect(entries(report, "carbonTax")).toEqual([
      { day: report.day, kind: "carbonTax", cents: -1_400, sats: 0, ref: "US" },
    ]);
    expect(g.companies[0]?.totals.carbonTax).toBe(-1_400);
  });

  it("charges nothing where the country has no carbon tax", () => {
    g.countries = [];
    runLot();
    expect(entries(step(g), "carbonTax")).toEqual([]);
  });
});

describe("renewable leases", () => {
  it("pay the premium on power and emit at the renewable intensity", () => {
    runLot(true);
    expect(g.companies[0]?.leases[0]?.renewable).toBe(true);
    const report = step(g);
    const day = report.ledgers.find((l) => l.company === "p1");
    expect(day?.kwh).toBeCloseTo(756.6, 9);
    expect(day?.carbonKg).toBeCloseTo(45.396, 9);
    expect(sum(entries(report, "power"))).toBe(-2_330);
    expect(sum(entries(report, "carbonTax"))).toBe(-227);
  });

  it("cost exactly the premium more than the grid, and the same hashrate", () => {
    const grid = structuredClone(g);
    runLot(true);
    const green = step(g);
    g = grid;
    runLot(false);
    const plain = step(g);
    const hp = (r: StepReport) => r.ledgers.find((l) => l.company === "p1")?.ths;
    expect(hp(green)).toBe(hp(plain));
    // The premium applies to the price, and the bill is rounded once: round(756.6 × 28,000 × 1.1 / 10,000).
    const kwh = 32.5 * uptimeToday(grid, texas(), caches) * 24;
    const price = powerPriceToday(grid, texas(), caches);
    expect(sum(entries(plain, "power"))).toBe(-energyCostCents(kwh, price));
    expect(sum(entries(green, "power"))).toBe(-energyCostCents(kwh, (price * 11_000) / 10_000));
    expect(sum(entries(green, "power")) - sum(entries(plain, "power"))).toBe(-212);
  });
});

describe("curtailment and blackouts", () => {
  function switchOff(days: number, drCentsPerMwh: number): void {
    const region = g.world.regions[texas()];
    if (!region) throw new Error("no Texas");
    region.offlineUntil = g.day + days;
    region.demandResponseCentsPerMwh = drCentsPerMwh;
  }

  it("a curtailed site neither hashes nor pays for power, and is paid for the MWh not drawn", () => {
    runLot();
    switchOff(1, 5_000);
    const report = step(g);
    const day = report.ledgers.find((l) => l.company === "p1");
    expect(day?.ths).toBe(0);
    expect(day?.kwh).toBe(0);
    expect(report.playerThs).toBe(0);
    expect(entries(report, "power")).toEqual([]);
    expect(entries(report, "carbonTax")).toEqual([]);
    expect(sum(entries(report, "demandResponse"))).toBe(3_783);
    // Hosting is still due: the rack is leased whether or not the grid delivers.
    expect(entries(report, "hosting").length).toBe(1);
    // The day after, the lot runs and pays again.
    const next = step(g);
    expect(entries(next, "demandResponse")).toEqual([]);
    expect(entries(next, "power").length).toBe(1);
    expect(next.ledgers.find((l) => l.company === "p1")?.ths).toBeGreaterThan(0);
  });

  it("a blackout pays nothing back", () => {
    runLot();
    switchOff(2, 0);
    const report = step(g);
    expect(report.ledgers.find((l) => l.company === "p1")?.ths).toBe(0);
    expect(entries(report, "power")).toEqual([]);
    expect(entries(report, "demandResponse")).toEqual([]);
  });

  it("lots switched off by their owner earn no demand-response credit", () => {
    runLot();
    ok({ type: "powerLot", lot: g.lots.at(-1)?.id ?? "", on: false });
    switchOff(1, 5_000);
    expect(entries(step(g), "demandResponse")).toEqual([]);
  });

  it("a bankrupt company pays and earns nothing", () => {
    runLot();
    switchOff(1, 5_000);
    const company = g.companies[0];
    if (!company) throw new Error("no p1");
    company.bankrupt = true; // its lot is still powered: the rules must ignore it anyway
    const report = step(g);
    expect(entries(report, "demandResponse")).toEqual([]);
    expect(entries(report, "power")).toEqual([]);
    expect(entries(report, "carbonTax")).toEqual([]);
  });
});
