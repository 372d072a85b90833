/**
 * The world's new machines from the industry's output (scenario `world.supply`, supplySpec.ts): the
 * industry ships machine power in proportion to what miners earned a few months before (the orders that
 * revenue paid for, delivered after the lag), and each kW of it is as many TH/s as the machines on sale
 * make it. One rule for a decade: a bull market fills the factories' books and hashrate follows months
 * later; a halving or a crash empties them; a more efficient generation makes the same kW more TH/s.
 * The margin factor (world.ts deploymentFactor) then scales this pace by how well a new machine pays
 * today, as it scales a deployments schedule.
 * A pure function of the scenario and the day (the factory queue sizes future batches on it): the lagged
 * revenue is read from the scenario's price and fee series, and the block subsidy from the days the real
 * chain halved it (resolved from btc-epochs.csv into the supply block).
 */
import { blockSubsidySats } from "../bitcoin/subsidy.ts";
import type { Scenario } from "../scenario/types.ts";
import type { WorldSupply } from "../scenario/supplySpec.ts";
import { orderBookDeliveries } from "./orderBook.ts";
import { bestReleasedJPerTh, newFleetJPerTh } from "./newFleet.ts";
import { BLOCKS_PER_DAY } from "../bitcoin/constants.ts";

/** Days of revenue averaged into one day's orders: a month smooths single days' spikes. */
export const REVENUE_WINDOW_DAYS = 30;

/** Index into the scenario's daily series for `day`, held to the series' ends. */
const seriesIndex = (scenario: Scenario, day: number, length: number): number =>
  Math.min(Math.max(0, day - scenario.startDay), Math.max(0, length - 1));

/** BTC price on `day`, USD (a stochastic price has no path yet: its start). */
function priceUsd(scenario: Scenario, day: number): number {
  const p = scenario.price;
  if (p.kind === "stochastic") return p.startCents / 100;
  return (p.dailyCents[seriesIndex(scenario, day, p.dailyCents.length)] ?? 0) / 100;
}

/** Sats a block earns on `day`: the subsidy, halved at each halving passed, plus the day's fees. */
function satsPerBlock(scenario: Scenario, supply: WorldSupply, day: number): number {
  let subsidy = blockSubsidySats(scenario.chain.startHeight);
  for (const halving of supply.halvingDays) if (halving <= day) subsidy /= 2;
  const f = scenario.fees;
  const fees =
    f.kind === "model"
      ? f.meanSatsPerBlock
      : (f.dailySatsPerBlock[seriesIndex(scenario, day, f.dailySatsPerBlock.length)] ?? 0);
  return subsidy + fees;
}

/** Miners' revenue on a day, millions of USD: the BTC price times what the day's blocks earned. */
export const dayRevenueMusd = (btcUsd: number, satsEachBlock: number): number =>
  (btcUsd * satsEachBlock * BLOCKS_PER_DAY) / 1e8 / 1e6;

/**
 * Miners' revenue on `day`, millions of USD. Before the first day it is the resolved lead-in's
 * (supplyLeadIn.ts: the scenario's own series start on its first day), so that a window of the decade
 * orders in its first month, or through a shortage that began before it, what the real months paid for.
 */
function revenueOn(scenario: Scenario, supply: WorldSupply, day: number): number {
  const before = supply.revenueBeforeStartMusd;
  if (before && day < scenario.startDay) {
    const value = before[before.length - (scenario.startDay - day)];
    if (value !== undefined) return value;
  }
  return dayRevenueMusd(priceUsd(scenario, day), satsPerBlock(scenario, supply, day));
}

/** Miners' revenue a day averaged over the month before `day`, millions of USD. */
export function revenueMusdPerDay(scenario: Scenario, supply: WorldSupply, day: number): number {
  let sum = 0;
  for (let d = day - REVENUE_WINDOW_DAYS + 1; d <= day; d++) sum += revenueOn(scenario, supply, d);
  return sum / REVENUE_WINDOW_DAYS;
}

/** What miners order on `day`, kW of machines per day (before the margin factor): a share of their revenue. */
export function ordersKwPerDay(scenario: Scenario, supply: WorldSupply, day: number): number {
  return supply.kwPerMusd * revenueMusdPerDay(scenario, supply, day - supply.lagDays);
}

/**
 * The industry's output on `day`, kW of machines per day (before the margin factor): the orders
 * themselves, or through a chip shortage the order book's deliveries (orderBook.ts), resolved once.
 */
export function supplyKwPerDay(scenario: Scenario, supply: WorldSupply, day: number): number {
  const book = supply.deliveredKwPerDay;
  if (!book) {
    // A shortage's deliveries are resolved once (withOrderBook); without them the orders would ship
    // unconstrained while the boom factor is held: say so rather than play a different world.
    if (supply.shortage) throw new Error("a supply with a shortage needs withOrderBook's deliveries");
    return ordersKwPerDay(scenario, supply, day);
  }
  return book[seriesIndex(scenario, day, book.length)] ?? 0;
}

/**
 * The supply block with its order book resolved: each day's deliveries from the start to the end, when
 * the block names a chip shortage; without one, the block as it is. Call it again after any change to a
 * resolved supply's numbers or the price series (calibrate.ts does): the deliveries are derived data.
 */
export function withOrderBook(scenario: Scenario, supply: WorldSupply): WorldSupply {
  const { deliveredKwPerDay: _old, ...rest } = supply;
  const shortage = rest.shortage;
  if (!shortage) return rest;
  // A shortage that began before the first day (a window of the decade opening in it) fills its book
  // from the orders of the days before, read from the revenue lead-in; only the days played are kept.
  const first = Math.min(0, shortage.startDay - scenario.startDay - 1);
  const orders: number[] = [];
  for (let i = first; i < scenario.days; i++)
    orders.push(ordersKwPerDay(scenario, rest, scenario.startDay + i));
  const days = {
    fromIndex: shortage.startDay - scenario.startDay - first,
    toIndex: shortage.endDay - scenario.startDay - first,
  };
  return { ...rest, deliveredKwPerDay: orderBookDeliveries(orders, days).slice(-first) };
}

/** New rest-of-world hashrate the industry's output makes on `day` at a normal margin, TH/s per day. */
export function supplyRateAt(scenario: Scenario, supply: WorldSupply, day: number): number {
  const jPerTh = newFleetJPerTh(bestReleasedJPerTh(scenario.asics, day));
  // kW × 1000 = W; W / (J/TH) = TH/s.
  return (supplyKwPerDay(scenario, supply, day) * 1000) / jPerTh;
}
