/**
 * Finance (issue #13 §4): cash earns the risk-free rate, loans against machines or BTC pay interest
 * every day, margin calls give notice then sell the collateral through the market, a bankrupt
 * borrower's machines go at the bid with depth, BTC can be bought for a stated fee, a low-carbon fleet
 * borrows cheaper, and a loan taken on the last day cannot buy a better score.
 */
import { describe, expect, it } from "vitest";
import { applyCommand, step, type StepReport } from "../../shared/index.ts";
import { EngineCaches } from "../../shared/engine/caches.ts";
import { equities } from "../../shared/engine/companies.ts";
import { legalCommands } from "../../shared/engine/commands/legal.ts";
import { btcPurchase } from "../../shared/engine/commands/loans.ts";
import { USED_MARKET_DELAY_DAYS } from "../../shared/engine/commands/usedMachines.ts";
import { INTEREST_DENOMINATOR, loanLtvBps, loanTerms, lotsValueCents } from "../../shared/engine/loans.ts";
import { usedAskUnitCents } from "../../shared/engine/market.ts";
import { riskFreeAnnualBps, riskFreeBpsOn } from "../../shared/engine/rates.ts";
import { scoreParts } from "../../shared/engine/score.ts";
import type { GameState, LedgerKind } from "../../shared/engine/state.ts";
import { parseIsoDate } from "../../shared/math/calendar.ts";
import type { AsicModel } from "../../shared/scenario/types.ts";
import { newGame, player, stepUntil } from "../helpers/game.ts";

const caches = new EngineCaches();

const sum = (r: StepReport, company: string, kind: LedgerKind): number =>
  (r.ledgers.find((l) => l.company === company)?.entries ?? [])
    .filter((e) => e.kind === kind)
    .reduce((s, e) => s + e.cents, 0);

/** The most efficient model on the used market today. */
function usedModel(g: GameState): AsicModel {
  const open = g.scenario.asics.filter((m) => m.releaseDay + USED_MARKET_DELAY_DAYS <= g.day);
  return open.sort((a, b) => a.efficiencyJPerTh - b.efficiencyJPerTh)[0]!;
}

/** Company `n` buys used machines worth about `cents` in `region`; returns the new lot's id. */
function buyMachines(g: GameState, n: number, cents: number, region: string): string {
  const model = usedModel(g);
  const quantity = Math.max(1, Math.floor(cents / usedAskUnitCents(g, model)));
  expect(applyCommand(g, player(n), { type: "buyUsed", model: model.id, quantity, region })).toEqual({
    ok: true,
  });
  return g.lots.at(-1)!.id;
}

describe("the risk-free rate", () => {
  it("reads the scenario's monthly T-bill series (FRED TB3MS)", () => {
    const f = newGame("halving-2020").scenario.finance;
    expect(riskFreeBpsOn(f, parseIsoDate("2020-01-15"))).toBe(152);
    expect(riskFreeBpsOn(f, parseIsoDate("2020-04-30"))).toBe(14);
    expect(riskFreeBpsOn(f, parseIsoDate("2022-06-01"))).toBe(149);
    expect(riskFreeBpsOn(f, parseIsoDate("2023-08-10"))).toBe(530);
    // Beyond the series (the sandbox runs into 2026): the last value holds.
    expect(riskFreeBpsOn(f, parseIsoDate("2026-09-01"))).toBe(360);
    expect(riskFreeAnnualBps(newGame("tariffs-2025"))).toBe(522);
  });

  it("pays cash interest exactly: the carried remainder makes many days the floor of their sum", () => {
    const g = newGame("tariffs-2025", 3, 1);
    let cash = g.companies[0]!.cashCents;
    let carry = 0;
    let paid = 0;
    for (let d = 0; d < 75; d++) {
      // An independent recurrence: the day's rate times the day's cash, a 365-day year, remainder kept.
      const numerator = cash * riskFreeBpsOn(g.scenario.finance, g.day) + carry;
      const cents = Math.floor(numerator / INTEREST_DENOMINATOR);
      carry = numerator - cents * INTEREST_DENOMINATOR;
      cash += cents;
      paid += cents;
      const r = step(g, caches);
      expect(sum(r, "p1", "interestIncome")).toBe(cents);
    }
    expect(g.companies[0]!.cashCents).toBe(cash);
    // About 5.2% a year on $ millions for 75 days: a real sum, not a rounding.
    expect(paid).toBeGreaterThan(g.scenario.company.startingCashCents * 0.01);
  });
});

describe("loans", () => {
  it("charges the risk-free rate plus the LTV step's spread each day, exactly", () => {
    const g = newGame("tariffs-2025", 5, 1);
    const lot = buyMachines(g, 1, 2_000_000_00, "us-texas");
    const terms = loanTerms(g, g.companies[0]!, { cents: 1, lots: [lot], btcSats: 0 }, caches);
    const cents = Math.floor((terms.maxCents * 40) / 70); // 40% LTV: the second step
    const ask = { type: "borrow", cents, termDays: 90, lots: [lot], btcSats: 0 } as const;
    expect(applyCommand(g, player(1), ask)).toEqual({ ok: true });
    const loan = g.loans[0]!;
    expect(loan.spreadBps).toBe(900);
    expect(g.companies[0]!.totals.loanDrawn).toBe(cents);
    let carry = 0;
    for (let d = 0; d < 40; d++) {
      const numerator = cents * (riskFreeBpsOn(g.scenario.finance, g.day) + 900) + carry;
      const due = Math.floor(numerator / INTEREST_DENOMINATOR);
      carry = numerator - due * INTEREST_DENOMINATOR;
      expect(sum(step(g, caches), "p1", "loanInterest")).toBe(-due);
    }
  });

  it("refuses a loan above the top LTV step, a pledged lot's sale, and pledged BTC's sale, changing nothing", () => {
    const g = newGame("tariffs-2025", 5, 1);
    const lot = buyMachines(g, 1, 1_000_000_00, "us-texas");
    const max = loanTerms(g, g.companies[0]!, { cents: 1, lots: [lot], btcSats: 0 }, caches).maxCents;
    const before = JSON.stringify(g);
    const over = applyCommand(g, player(1), { type: "borrow", cents: max + 100, termDays: 90, lots: [lot] });
    expect(over).toMatchObject({ ok: false, error: { code: "OVER_LTV" } });
    expect(JSON.stringify(g)).toBe(before);
    expect(applyCommand(g, player(1), { type: "borrow", cents: max, termDays: 90, lots: [lot] })).toEqual({
      ok: true,
    });
    const sell = applyCommand(g, player(1), { type: "sellMachines", lot, quantity: 1 });
    expect(sell).toMatchObject({ ok: false, error: { code: "LOT_PLEDGED" } });
    expect(applyCommand(g, player(1), { type: "buyBtc", sats: 10_000_000 })).toEqual({ ok: true });
    expect(
      applyCommand(g, player(1), { type: "borrow", cents: 100, termDays: 90, btcSats: 10_000_000 }),
    ).toEqual({
      ok: true,
    });
    const btc = applyCommand(g, player(1), { type: "sellBtc", sats: 1 });
    expect(btc).toMatchObject({ ok: false, error: { code: "BAD_QUANTITY" } });
    // Repaid in full, the loan closes and the lot is free to sell.
    const loan = g.loans[0]!;
    expect(applyCommand(g, player(1), { type: "repay", loan: loan.id, cents: loan.principalCents })).toEqual({
      ok: true,
    });
    expect(applyCommand(g, player(1), { type: "sellMachines", lot, quantity: 1 })).toEqual({ ok: true });
  });

  it("lists borrow, repay and buyBtc among the legal commands", () => {
    const g = newGame("tariffs-2025", 5, 1);
    buyMachines(g, 1, 1_000_000_00, "us-texas");
    const types = () => new Set(legalCommands(g, player(1), caches).map((c) => c.type));
    expect(types()).toContain("borrow");
    expect(types()).toContain("buyBtc");
    const borrow = legalCommands(g, player(1), caches).find((c) => c.type === "borrow")!;
    expect(applyCommand(g, player(1), borrow)).toEqual({ ok: true });
    expect(types()).toContain("repay");
  });
});

describe("margin calls", () => {
  it("give notice, wait the grace days, then sell the pledged BTC (exodus-2021: May 2021's crash)", () => {
    const g = newGame("exodus-2021", 2, 1);
    stepUntil(g, "2021-04-14");
    const sats = 2_000_000_000; // 20 BTC
    expect(applyCommand(g, player(1), { type: "buyBtc", sats })).toEqual({ ok: true });
    const max = loanTerms(g, g.companies[0]!, { cents: 1, lots: [], btcSats: sats }, caches).maxCents;
    expect(applyCommand(g, player(1), { type: "borrow", cents: max, termDays: 365, btcSats: sats })).toEqual({
      ok: true,
    });
    const loan = g.loans[0]!;
    const grace = g.scenario.finance.graceDays;
    let noticeDay: number | null = null;
    let saleDay: number | null = null;
    while (saleDay === null && g.day < parseIsoDate("2021-07-31")) {
      const day = g.day;
      const r = step(g, caches);
      if (noticeDay === null && r.notices.some((n) => n.kind === "marginCall" && n.company === "p1"))
        noticeDay = day;
      if (sum(r, "p1", "loanRepaid") < 0) {
        saleDay = day;
        expect(r.ledgers[0]!.entries.some((e) => e.kind === "btcSale" && e.sats < 0)).toBe(true);
      }
    }
    expect(noticeDay).not.toBeNull();
    expect(saleDay).toBe(noticeDay! + grace);
    // Sold down to the top step's LTV (or repaid): the loan is back within what lenders lend.
    const open = g.loans.find((l) => l.id === loan.id);
    if (open) expect(loanLtvBps(g, open, caches)).toBeLessThanOrEqual(7000);
  });

  it("a borrower that cannot pay is liquidated through the market at the bid with depth, then bankrupt", () => {
    const g = newGame("tariffs-2025", 4, 1);
    const lot = buyMachines(g, 1, 3_000_000_00, "us-texas");
    const max = loanTerms(g, g.companies[0]!, { cents: 1, lots: [lot], btcSats: 0 }, caches).maxCents;
    expect(applyCommand(g, player(1), { type: "borrow", cents: max, termDays: 30, lots: [lot] })).toEqual({
      ok: true,
    });
    const mark = lotsValueCents(
      g,
      g.lots.filter((l) => l.owner === "p1"),
      caches,
    );
    // A bill as large as the fleet's worth falls due (the loan's cash spent, say): nothing can pay it.
    g.companies[0]!.cashCents = -mark;
    const r = step(g, caches);
    const sale = sum(r, "p1", "machineSale");
    // Sold at the bid with depth: never more than the score's mark of the fleet, and about it.
    expect(sale).toBeGreaterThan(mark * 0.9);
    expect(sale).toBeLessThanOrEqual(mark + 1);
    const c = g.companies[0]!;
    expect(c.bankrupt).toBe(true);
    expect(g.lots.filter((l) => l.owner === "p1")).toEqual([]);
    // The score still owes the loan (and the overdraft): the lender's claim does not vanish.
    const parts = scoreParts(g, caches)[0]!;
    expect(parts.owedCents).toBe(-c.cashCents + max);
    expect(parts.equityCents).toBeLessThan(0);
  });

  it("sells the pledged machines when the collateral is gone and the loan falls due", () => {
    const g = newGame("tariffs-2025", 4, 1);
    const lot = buyMachines(g, 1, 3_000_000_00, "us-texas");
    const max = loanTerms(g, g.companies[0]!, { cents: 1, lots: [lot], btcSats: 0 }, caches).maxCents;
    expect(applyCommand(g, player(1), { type: "borrow", cents: max, termDays: 30, lots: [lot] })).toEqual({
      ok: true,
    });
    // Spend the cash (on BTC) so that only the collateral can repay at the due day.
    const price = g.market.priceCents;
    const sats = Math.floor(((g.companies[0]!.cashCents - 5_000_000) / price) * 1e8 * 0.99);
    expect(applyCommand(g, player(1), { type: "buyBtc", sats })).toEqual({ ok: true });
    let repaid = 0;
    while (g.loans.length > 0 && !g.finished) repaid -= sum(step(g, caches), "p1", "loanRepaid");
    expect(repaid).toBe(max);
  });
});

describe("buying BTC", () => {
  it("costs today's price plus the stated fee, and lowers the score by the fee", () => {
    const g = newGame("tariffs-2025", 6, 1);
    const sats = 123_456_789;
    const cost = btcPurchase(g, sats);
    expect(cost.feeCents).toBe(Math.ceil((cost.valueCents * 50) / 10_000));
    const e0 = equities(g, caches)[0]!;
    const cash = g.companies[0]!.cashCents;
    expect(applyCommand(g, player(1), { type: "buyBtc", sats })).toEqual({ ok: true });
    expect(g.companies[0]!.cashCents).toBe(cash - cost.totalCents);
    expect(g.companies[0]!.btcSats).toBe(sats);
    const drop = e0 - equities(g, caches)[0]!;
    expect(Math.abs(drop - cost.feeCents)).toBeLessThanOrEqual(1);
    const tooMuch = applyCommand(g, player(1), { type: "buyBtc", sats: 21e14 });
    expect(tooMuch).toMatchObject({ ok: false, error: { code: "INSUFFICIENT_CASH" } });
  });
});

describe("green capital", () => {
  it("a fleet on low-carbon power borrows at the spread less the green cut", () => {
    const g = newGame("tariffs-2025", 7, 2);
    const cut = g.scenario.finance.greenSpreadCutBps;
    expect(cut).toBeGreaterThan(0);
    const install = (n: number, region: string, renewable: boolean) => {
      const lot = buyMachines(g, n, 500_000_00, region);
      const kw = Math.ceil(g.lots.at(-1)!.quantity * (usedModel(g).powerW / 1000)) + 1;
      expect(applyCommand(g, player(n), { type: "leaseCapacity", region, kw, renewable })).toEqual({
        ok: true,
      });
      expect(applyCommand(g, player(n), { type: "installLot", lot, region })).toEqual({ ok: true });
      return lot;
    };
    const green = install(1, "us-texas", true); // Texas with the renewable option: 60 g/kWh
    const grey = install(2, "us-texas", false); // Texas grid: 370 g/kWh
    const ask = (n: number, lot: string) =>
      loanTerms(g, g.companies[n - 1]!, { cents: 1_000_00, lots: [lot], btcSats: 0 }, caches);
    expect(ask(1, green).green).toBe(true);
    expect(ask(2, grey).green).toBe(false);
    expect(ask(2, grey).spreadBps! - ask(1, green).spreadBps!).toBe(cut);
  });
});

describe("the exploit of a last-day loan", () => {
  it("changes the score by no more than the loan's cost (its interest), never upward", () => {
    for (const id of ["halving-2020", "exodus-2021", "tariffs-2025", "sandbox"]) {
      const g = newGame(id, 9, 1);
      buyMachines(g, 1, 1_000_000_00, g.scenario.regions[0]!.id);
      while (g.tick < g.scenario.days - 1) step(g, caches);
      // The same last day twice: once as played, once with a loan taken against the machines.
      const without = structuredClone(g);
      const lot = g.lots.find((l) => l.owner === "p1")!.id;
      const max = loanTerms(g, g.companies[0]!, { cents: 1, lots: [lot], btcSats: 0 }, caches).maxCents;
      const e0 = equities(g, caches)[0]!;
      expect(applyCommand(g, player(1), { type: "borrow", cents: max, termDays: 30, lots: [lot] })).toEqual({
        ok: true,
      });
      // Borrowing itself moves nothing: the cash in equals the debt.
      expect(equities(g, caches)[0]).toBe(e0);
      const r = step(g, caches);
      const base = step(without, new EngineCaches());
      const cost = -sum(r, "p1", "loanInterest");
      const gap = r.ledgers[0]!.equityCents - base.ledgers[0]!.equityCents;
      expect(cost).toBeGreaterThan(0);
      expect(gap).toBeLessThanOrEqual(0);
      expect(-gap).toBeLessThanOrEqual(cost);
    }
  });
});
