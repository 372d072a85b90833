/**
 * The machine makers' order book through a chip shortage (issue #16, scenario `world.supply.shortage`):
 * miners order machines with what they earn (worldSupply.ts), and in normal times the makers deliver
 * what is ordered. In a shortage the foundries' lines are full (the 2021 global chip shortage: TSMC's
 * nodes booked by phone and car makers), so the makers' output stays at what they made the day before
 * it began; orders beyond it wait in the book (in 2021 an S19j Pro ordered early cost about $3,000,
 * ordered late about $10,000, for delivery months later). The book does not move the game's machine
 * prices: those follow hashprice (machinePrice.ts), and the factory queue's booked share
 * (factoryPrice.ts) sees only the world's capped pace, not the waiting book. When it ends, the book is delivered on top of the
 * day's orders over as many days as the shortage lasted (the lines drain the book at the pace it filled:
 * no free number). Nothing ordered is lost here; the margin factor at delivery (world.ts) still decides
 * how much of a day's output the world deploys, so a book that arrives into a crash is mostly dropped.
 * Nor can the makers stretch output in a boom while it lasts: the world's margin factor (world.ts
 * deploymentFactor) is held to 1, where otherwise a boom lets factories deliver a quarter more.
 * A pure function of the daily orders, which are a pure function of the scenario: resolved once
 * (resolve.ts) into the scenario's supply block, so the day's deliveries are a look-up.
 */
import type { WorldSupply } from "../scenario/supplySpec.ts";

/** Whether `day` falls within the supply's chip shortage (none: false). */
export function inShortage(supply: WorldSupply | undefined, day: number): boolean {
  const shortage = supply?.shortage;
  return shortage !== undefined && day >= shortage.startDay && day < shortage.endDay;
}

/** A shortage in the engine's units: days from the scenario's start. */
export interface ShortageDays {
  /** First day of the shortage, counted from the scenario's first day. */
  fromIndex: number;
  /** First day after it, counted the same way. */
  toIndex: number;
}

/**
 * Deliveries a day, kW, for `orders` (kW ordered each day, day 0 first): during the shortage at most
 * the orders of the day before it began, the rest booked; after it, the day's orders plus the book
 * spread over the shortage's length.
 */
export function orderBookDeliveries(orders: readonly number[], shortage: ShortageDays): number[] {
  const out: number[] = [];
  const capacity = orders[Math.max(0, shortage.fromIndex - 1)] ?? 0;
  const drainDays = Math.max(1, shortage.toIndex - shortage.fromIndex);
  let book = 0;
  let drainPerDay = 0;
  orders.forEach((ordered, i) => {
    const short = i >= shortage.fromIndex && i < shortage.toIndex;
    // The day it ends, the book's daily share is fixed: it drains evenly over the shortage's length.
    if (i === shortage.toIndex) drainPerDay = book / drainDays;
    const delivered = short ? Math.min(capacity, book + ordered) : ordered + Math.min(book, drainPerDay);
    book += ordered - delivered;
    out.push(delivered);
  });
  return out;
}
