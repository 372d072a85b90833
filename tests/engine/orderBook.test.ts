/**
 * The machine makers' order book through a chip shortage (shared/engine/orderBook.ts, issue #16): output
 * stays at its level of the day before the shortage, orders beyond it wait, and the book is delivered
 * after it over as many days as the shortage lasted; nothing ordered is lost.
 */
import { describe, expect, it } from "vitest";
import { orderBookDeliveries } from "../../shared/engine/orderBook.ts";
import { ordersKwPerDay, supplyKwPerDay } from "../../shared/engine/worldSupply.ts";
import { parseIsoDate } from "../../shared/math/calendar.ts";
import { supplyProblems } from "../../shared/scenario/supplySpec.ts";
import { scenario } from "../helpers/game.ts";

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

describe("order book", () => {
  // 10 days at 100 kW, then orders double for 20 days, then 100 kW again; the shortage is days 10-19.
  const orders = [
    ...Array<number>(10).fill(100),
    ...Array<number>(20).fill(200),
    ...Array<number>(30).fill(100),
  ];
  const delivered = orderBookDeliveries(orders, { fromIndex: 10, toIndex: 20 });

  it("delivers the orders themselves outside a shortage with nothing booked", () => {
    expect(delivered.slice(0, 10)).toEqual(orders.slice(0, 10));
    expect(delivered.slice(40)).toEqual(orders.slice(40));
  });

  it("holds output at the day before's level through the shortage", () => {
    expect(delivered.slice(10, 20)).toEqual(Array<number>(10).fill(100));
  });

  it("drains the book evenly over the shortage's length after it, and loses nothing", () => {
    // 10 days x 100 kW waited; drained at 100 kW a day over the next 10 days on top of the orders.
    expect(delivered.slice(20, 30)).toEqual(Array<number>(10).fill(300));
    expect(sum(delivered)).toBe(sum(orders));
  });

  it("lets output fall with the orders inside a shortage (a crash ends the queue)", () => {
    const crash = orderBookDeliveries([100, 100, 50, 50, 50], { fromIndex: 1, toIndex: 5 });
    expect(crash).toEqual([100, 100, 50, 50, 50]);
  });

  it("works off a book within the shortage once orders fall below the held output", () => {
    // Held at 100 from day 1: days 1-2 book 100 each; days 3-4 order 50 and still deliver 100, working
    // the book down to 100; after the shortage (4 days) it drains at 25 a day on top of the orders.
    const orders = [100, 200, 200, 50, 50, 10, 10, 10, 10];
    const book = orderBookDeliveries(orders, { fromIndex: 1, toIndex: 5 });
    expect(book).toEqual([100, 100, 100, 100, 100, 35, 35, 35, 35]);
    expect(sum(book)).toBe(sum(orders));
  });
});

describe("the decade's 2021 shortage", () => {
  const decade = scenario("history-2016-2026");
  const supply = decade.world.supply;
  if (!supply?.shortage) throw new Error("the decade names the 2021 chip shortage");
  const day = (iso: string) => parseIsoDate(iso);

  it("ships the orders before it and far less than 2021's revenue orders during it", () => {
    expect(supplyKwPerDay(decade, supply, day("2019-06-01"))).toBe(
      ordersKwPerDay(decade, supply, day("2019-06-01")),
    );
    const april2021 = day("2021-04-15");
    expect(supplyKwPerDay(decade, supply, april2021)).toBeLessThan(
      ordersKwPerDay(decade, supply, april2021) / 2,
    );
  });

  it("delivers the waiting book after it, above the day's orders", () => {
    const autumn2022 = day("2022-10-01");
    expect(supplyKwPerDay(decade, supply, autumn2022)).toBeGreaterThan(
      ordersKwPerDay(decade, supply, autumn2022),
    );
  });

  it("is refused by the linter outside the period or ending before it starts", () => {
    const period = { start: "2016-06-08", end: "2026-03-27" };
    const raw = { mwPerMusdRevenue: 0.5, lagDays: 0, retireIdlePctPerMonth: 100 };
    const bad = (start: string, end: string) =>
      supplyProblems({ supply: { ...raw, shortage: { start, end, source: "s" } } }, period, "historical");
    expect(bad("2022-07-01", "2020-12-01")[0]?.message).toMatch(/must start before it ends/);
    expect(bad("2014-01-01", "2016-06-08")[0]?.message).toMatch(/overlap the period/);
    expect(bad("2026-03-28", "2026-12-01")).toHaveLength(1);
    // A window of a longer world may open inside a shortage or close before it ends (supplyLeadIn.ts
    // reads the days before the start from the shipped series).
    expect(bad("2015-01-01", "2016-12-01")).toEqual([]);
    expect(bad("2016-06-08", "2016-12-01")).toEqual([]);
    expect(bad("2020-12-01", "2027-07-01")).toEqual([]);
  });
});
