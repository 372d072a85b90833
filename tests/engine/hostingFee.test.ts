/**
 * Hosting fees that move by year (issue #16): a region's fee on a date is its last dated hosting step on
 * or before it, else the catalog's base; a lease is a contract, billed at the price it locked on both
 * sides of a step, while a new lease is priced on the day's fee; the rest of the world's breakeven reads
 * the same fee; a lot's P&L counts the hosting the ledger charges.
 */
import { describe, expect, it } from "vitest";
import { applyCommand, step, type Command, type StepReport } from "../../shared/index.ts";
import { EngineCaches } from "../../shared/engine/caches.ts";
import { regionHostingMicroUsdPerKwh, hostingMicroUsdPerKwh } from "../../shared/engine/breakeven.ts";
import { lotDay } from "../../shared/engine/economics.ts";
import { addLeaseKw, hostingPriceCents, priceMultiplierBps } from "../../shared/engine/hosting.ts";
import { hostingFeeOn, hostingFeeToday } from "../../shared/engine/hostingFee.ts";
import { stepOn } from "../../shared/engine/steps.ts";
import type { Company, GameState } from "../../shared/engine/state.ts";
import { parseIsoDate } from "../../shared/math/calendar.ts";
import { HOSTING_DEFAULTS } from "../../shared/scenario/hostingSpec.ts";
import { newGame, player, scenario, stepUntil } from "../helpers/game.ts";
import { stockUsed } from "../helpers/usedMarket.ts";

const TEXAS = "us-texas";
const indexOf = (g: GameState, id: string) => g.scenario.regions.findIndex((r) => r.id === id);
const day = (iso: string) => parseIsoDate(iso);

function ok(g: GameState, cmd: Command): void {
  const result = applyCommand(g, player(1), cmd);
  if (!result.ok) throw new Error(`${cmd.type}: ${result.error.message.en}`);
}

/** p1's hosting entries of a step's report in `region`, cents (negative: a charge). */
function hostingBill(report: StepReport, region: string): number {
  const mine = report.ledgers.find((l) => l.company === "p1")?.entries ?? [];
  return mine.filter((e) => e.kind === "hosting" && e.ref === region).reduce((s, e) => s + e.cents, 0);
}

describe("the last dated step on or before a day", () => {
  const steps = [{ day: 10 }, { day: 20 }, { day: 30 }];

  it("is found from the step's own day, and is undefined before the first or without steps", () => {
    expect(stepOn(steps, 9)).toBeUndefined();
    expect(stepOn(steps, 10)).toBe(steps[0]);
    expect(stepOn(steps, 29)).toBe(steps[1]);
    expect(stepOn(steps, 1_000)).toBe(steps[2]);
    expect(stepOn([], 1_000)).toBeUndefined();
  });
});

describe("the dated hosting fee", () => {
  const texas = scenario("history-2016-2026").regions.find((r) => r.id === TEXAS)!;

  it("is the last step on or before the date, else the base", () => {
    expect(texas.hostingCentsPerKwMonth).toBe(3_000);
    expect(hostingFeeOn(texas, day("2015-12-31"))).toBe(3_000); // before the first step: the base
    expect(hostingFeeOn(texas, day("2016-01-01"))).toBe(1_600);
    expect(hostingFeeOn(texas, day("2020-12-31"))).toBe(1_600);
    expect(hostingFeeOn(texas, day("2021-01-01"))).toBe(2_300);
    expect(hostingFeeOn(texas, day("2022-02-28"))).toBe(2_300);
    expect(hostingFeeOn(texas, day("2022-03-01"))).toBe(3_700);
    expect(hostingFeeOn(texas, day("2023-07-01"))).toBe(3_000);
    expect(hostingFeeOn(texas, day("2026-01-01"))).toBe(3_000);
  });

  it("is the base throughout for a region without steps", () => {
    const quebec = scenario("halving-2020").regions.find((r) => r.id === "ca-quebec")!;
    expect(quebec.hostingSteps).toEqual([]);
    expect(hostingFeeOn(quebec, day("2021-06-01"))).toBe(800);
  });
});

describe("a player's lease across a hosting step", () => {
  it("keeps the price it locked, while a new lease costs the new fee", () => {
    const g = newGame("halving-2020", 1, 1);
    stepUntil(g, "2020-12-20");
    const tx = indexOf(g, TEXAS);
    // Below the curve's knee a new lease costs the dated fee itself: $16 until 2021.
    expect(hostingFeeToday(g, tx)).toBe(1_600);
    expect(hostingPriceCents(g, tx)).toBe(1_600);
    ok(g, { type: "leaseCapacity", region: TEXAS, kw: 100 });
    const lease = g.companies[0]!.leases.find((l) => l.region === TEXAS)!;
    expect(lease).toMatchObject({ kw: 100, centsPerKwMonth: 1_600 });
    const bills = new Map<string, number>();
    stepUntil(g, "2021-01-03", (report) => bills.set(report.date, hostingBill(report, TEXAS)));
    // 100 kW × $16 a month / 30 days = 5,333 cents a day, on both sides of the step to $23.
    expect(bills.get("2020-12-31")).toBe(-5_333);
    expect(bills.get("2021-01-01")).toBe(-5_333);
    expect(bills.get("2021-01-02")).toBe(-5_333);
    expect(hostingFeeToday(g, tx)).toBe(2_300);
    expect(hostingPriceCents(g, tx)).toBe(2_300);
    // More kW now: the lease blends the held kW at $16 with the new ones at $23.
    ok(g, { type: "leaseCapacity", region: TEXAS, kw: 100 });
    expect(lease).toMatchObject({ kw: 200, centsPerKwMonth: 1_950 });
  });
});

describe("a lease's price at full use", () => {
  it("is the dated fee times the scenario's scarcity premium (120%), not a second 2021-22 rise", () => {
    expect(priceMultiplierBps(HOSTING_DEFAULTS, 10_000)).toBe(12_000);
    // Where the reviewer measured $92.50 (250% of the $37 fee, 15.6 c/kWh all-in): Texas full in the
    // March 2022 crisis now costs $44.40, about 9.0 c/kWh with its 2.8 c power, the top of the quoted 8-9 c.
    const g = newGame("exodus-2021", 1);
    stepUntil(g, "2022-03-15");
    const tx = indexOf(g, TEXAS);
    expect(hostingFeeToday(g, tx)).toBe(3_700);
    expect(hostingPriceCents(g, tx)).toBe(4_440);
  });
});

describe("the rest of the world's breakeven", () => {
  it("reads the dated fee: Texas's hosted machines pay $37/kW-month in the 2022 energy crisis", () => {
    const g = newGame("exodus-2021", 1);
    const tx = indexOf(g, TEXAS);
    expect(regionHostingMicroUsdPerKwh(g, tx)).toBeCloseTo(hostingMicroUsdPerKwh(2_300), 9);
    stepUntil(g, "2022-03-01");
    expect(regionHostingMicroUsdPerKwh(g, tx)).toBeCloseTo(hostingMicroUsdPerKwh(3_700), 9);
  });
});

describe("adding kW to a lease", () => {
  it("blends the locked price of what it held with the new kW's price; unlocked kW at today's fee", () => {
    const company = { leases: [] } as unknown as Company;
    addLeaseKw(company, TEXAS, false, 100, 2_000, 1_600);
    const lease = addLeaseKw(company, TEXAS, false, 100, 2_400, 3_700);
    expect(lease).toMatchObject({ kw: 200, centsPerKwMonth: 2_200 }); // (100 × 2,000 + 100 × 2,400) / 200
    const old = { region: "ca-quebec", kw: 50, renewable: false };
    company.leases.push(old);
    addLeaseKw(company, "ca-quebec", false, 50, 1_000, 800);
    expect(old).toMatchObject({ kw: 100, centsPerKwMonth: 900 }); // (50 × 800 + 50 × 1,000) / 100
  });
});

describe("a lot's P&L hosting", () => {
  /** 4 S19 Pros (13 kW) bought used in Texas, installed on a lease of exactly their kW, `bid` per kW-month. */
  function texasLot(bid?: number): { g: GameState; lotId: string } {
    const g = newGame("halving-2020", 1, 1);
    stepUntil(g, "2020-12-20");
    stockUsed(g, TEXAS, "s19-pro", 4);
    ok(g, { type: "buyUsed", model: "s19-pro", quantity: 4, region: TEXAS });
    const lotId = g.lots.at(-1)!.id;
    ok(g, { type: "leaseCapacity", region: TEXAS, kw: 13, ...(bid ? { bidCentsPerKwMonth: bid } : {}) });
    ok(g, { type: "installLot", lot: lotId, region: TEXAS });
    return { g, lotId };
  }

  it("equals the ledger's hosting entry for the day: the lease's locked price, after the fee's step too", () => {
    for (const bid of [undefined, 2_000]) {
      const { g, lotId } = texasLot(bid);
      stepUntil(g, "2021-01-05"); // the fee is $23 now; the lease locked $16 (or the $20 bid)
      const estimate = lotDay(
        g,
        g.lots.find((l) => l.id === lotId)!,
        new EngineCaches(),
      );
      const bill = hostingBill(step(g), TEXAS);
      expect(-bill).toBe(Math.round(estimate.hostingCents));
      expect(-bill).toBe(Math.round((13 * (bid ?? 1_600)) / 30)); // 693 or 867 cents, not 997 at $23
    }
  });

  it("is nothing on the company's own site, as the ledger charges none", () => {
    const g = newGame("halving-2020", 1, 1);
    stepUntil(g, "2020-06-01");
    ok(g, { type: "buildSite", region: TEXAS, kw: 100 });
    while (!g.companies[0]!.leases.some((l) => l.region === TEXAS && (l.ownKw ?? 0) > 0)) step(g);
    stockUsed(g, TEXAS, "s19-pro", 4);
    ok(g, { type: "buyUsed", model: "s19-pro", quantity: 4, region: TEXAS });
    const lotId = g.lots.at(-1)!.id;
    ok(g, { type: "installLot", lot: lotId, region: TEXAS });
    const estimate = lotDay(
      g,
      g.lots.find((l) => l.id === lotId)!,
      new EngineCaches(),
    );
    expect(estimate.hostingCents).toBe(0);
    expect(hostingBill(step(g), TEXAS)).toBe(0);
  });
});
