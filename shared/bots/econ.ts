/**
 * The bots' arithmetic: what one TH/s of a machine earns and costs per day in a region, what landing a
 * machine there costs (duty, VAT, freight, the lease's first month), and which regions are safe to send
 * machines to. Money per TH/s per day is in micro-USD, as the engine's hashprice; capex is in cents.
 */
import { blockSubsidySats } from "../bitcoin/index.ts";
import { outlookToday } from "../engine/machinePrice.ts";
import { hostingPriceCents } from "../engine/hosting.ts";
import { longRunPowerPrice, powerPriceToday, uptimeToday } from "../engine/regions.ts";
import { carbonTaxCentsPerTonne, pricedWithPremium } from "../engine/siteRates.ts";
import { importTaxShare } from "../engine/logistics/customs.ts";
import type { GameState, RegionState } from "../engine/state.ts";
import type { AsicModel, RegionSpec } from "../scenario/types.ts";
import type { EngineCaches } from "../engine/caches.ts";
import { BLOCKS_PER_DAY } from "../bitcoin/constants.ts";

/** How far ahead a buyer looks for a halving: a machine ordered today runs from about three months on. */
const LOOKAHEAD_DAYS = 150;
/** Difficulty keeps rising while the machine waits and runs: assume this much less revenue per TH. */
const DIFFICULTY_HAIRCUT = 0.85;

/**
 * The hashprice a buyer should count on, micro-USD per TH/s per day: the lower of today's and the month's
 * average (a fee spike is not income), cut for the next halving if it falls within the look-ahead, and
 * for difficulty growth. Pessimistic on purpose: a bot must not buy machines that cannot pay for power.
 */
export function planningHashprice(state: GameState): number {
  const m = state.market;
  const base = Math.min(m.hashpriceMicroUsd, m.hashpriceAvgMicroUsd || m.hashpriceMicroUsd);
  const height = state.chain.height + 1;
  const fees = m.feesSatsPerBlock;
  const now = blockSubsidySats(height) + fees;
  const later = blockSubsidySats(height + LOOKAHEAD_DAYS * BLOCKS_PER_DAY) + fees;
  const halvingCut = now > 0 ? later / now : 1;
  return base * halvingCut * DIFFICULTY_HAIRCUT;
}

/**
 * The hashprice a machine bought today earns on average over the `horizonDays` it must pay back in,
 * micro-USD per TH/s per day: the lower of today's and the month's average, times the engine's own
 * halving outlook over that horizon (machinePrice.ts: the days after the next halving earn the fees and
 * half the subsidy, the days before it earn today's), cut for difficulty growth. planningHashprice's
 * whole-horizon cut is the right test of whether a machine still pays its power after a halving, but as
 * a payback it counted the months before the halving at half their revenue: a bot looking 450 days ahead
 * from January 2020 saw every machine pay back a third later than it did, bought nothing until the
 * halving, and left the machines that cheapen before a halving to the one strategy whose limit reached
 * past it (efficiency won 92% of halving-2020 games).
 */
export function paybackHashprice(state: GameState, horizonDays: number): number {
  const m = state.market;
  const base = Math.min(m.hashpriceMicroUsd, m.hashpriceAvgMicroUsd || m.hashpriceMicroUsd);
  return base * outlookToday(state, horizonDays) * DIFFICULTY_HAIRCUT;
}

/** Bots reason in micro-USD; the engine's site rates are in cents. */
const MICRO_USD_PER_CENT = 10_000;

function keep(state: GameState): number {
  return 1 - state.scenario.poolFeeBps / 10_000;
}

/** Whether a renewable lease pays off here: it does only where carbon is taxed enough to cover the premium. */
export function prefersRenewable(state: GameState, r: number, caches: EngineCaches): boolean {
  const spec = state.scenario.regions[r] as RegionSpec;
  if (!spec.renewable) return false;
  const tax = carbonTaxCentsPerTonne(state, spec.country);
  if (tax <= 0) return false;
  // Per kWh, micro-USD: premium paid vs carbon tax saved (g/kWh × cents/t × 1e4 µUSD/cent / 1e6 g/t).
  const premium = (powerPriceToday(state, r, caches) * spec.renewable.premiumBps) / 10_000;
  const saved = ((spec.carbonGPerKwh - spec.renewable.carbonGPerKwh) * tax) / 100;
  return saved > premium;
}

export interface SiteCosts {
  /** Power price with the supply's premium, micro-USD/kWh. */
  price: number;
  uptime: number;
  /** Carbon tax per kWh, micro-USD. */
  carbonPerKwh: number;
  /** Hosting per kW per day, micro-USD. */
  hostingPerKwDay: number;
}

/** Which costs of a site: with the renewable supply or the grid's; today's, or a year's average. */
export interface SiteTerms {
  renewable: boolean;
  longRun: boolean;
}

/**
 * What a site costs: today's price and uptime, or (`longRun`) the average over the twelve months at
 * today's multiplier, which is what a buyer plans with (seasons and summer heat count).
 */
export function siteCosts(
  state: GameState,
  r: number,
  { renewable, longRun }: SiteTerms,
  caches: EngineCaches,
): SiteCosts {
  const spec = state.scenario.regions[r] as RegionSpec;
  let price: number;
  let uptime: number;
  if (longRun) {
    let u = 0;
    for (let i = 0; i < 12; i++) u += spec.uptimeMonthlyBps[i] as number;
    // The engine's yearly average, on the dated power steps it bills (a tax rise counts from its day).
    price = longRunPowerPrice(state, r);
    uptime = u / 12 / 10_000;
  } else {
    price = powerPriceToday(state, r, caches);
    uptime = uptimeToday(state, r, caches);
  }
  const green = renewable && spec.renewable ? spec.renewable : null;
  const premiumBps = green ? green.premiumBps : 0;
  const carbonG = green ? green.carbonGPerKwh : spec.carbonGPerKwh;
  return {
    price: pricedWithPremium(price, premiumBps),
    uptime,
    carbonPerKwh: (carbonG * carbonTaxCentsPerTonne(state, spec.country)) / 100,
    // A new lease's price today, as the engine would lock it (a held lease's bill is computeOpex's).
    hostingPerKwDay: (hostingPriceCents(state, r) / 30) * MICRO_USD_PER_CENT,
  };
}

export interface ThDay {
  revenue: number;
  /** Power and carbon tax: what switching the machine off saves. */
  energy: number;
  /** Hosting on the lease the machine takes: paid whether it runs or not. */
  hosting: number;
}

/** One TH/s of a machine of `jPerTh` at a site, for one day, at `hashprice`, micro-USD. */
export function thDay(state: GameState, site: SiteCosts, jPerTh: number, hashprice: number): ThDay {
  const kwh = ((jPerTh * 24) / 1000) * site.uptime;
  return {
    revenue: hashprice * site.uptime * keep(state),
    energy: kwh * (site.price + site.carbonPerKwh),
    hosting: (jPerTh / 1000) * site.hostingPerKwDay,
  };
}

/** thDay(...).revenue > thDay(...).energy, without building the object (the daily checks run it often). */
export function earnsItsPower(state: GameState, site: SiteCosts, jPerTh: number, hashprice: number): boolean {
  const kwh = ((jPerTh * 24) / 1000) * site.uptime;
  return hashprice * site.uptime * keep(state) > kwh * (site.price + site.carbonPerKwh);
}

/** Margin of a running machine, hosting included, micro-USD per TH/s per day. */
export function marginOf(d: ThDay): number {
  return d.revenue - d.energy - d.hosting;
}

/**
 * A site is worth buying for when the machine clears its power, tax and hosting with room to spare:
 * costs under `maxCostShare` of revenue, so that a dip in price or a retarget does not turn it red.
 */
export function paysItsWay(d: ThDay, maxCostShare: number): boolean {
  return d.revenue > 0 && d.energy + d.hosting <= d.revenue * maxCostShare;
}

/** A region whose machines are at risk: a ban in force or announced. */
export function regionUnsafe(r: RegionState): boolean {
  return r.policy === "banned" || r.banPendingDay !== null;
}

/** Import duty plus VAT on one unit's value entering region `r`, as a fraction of the value. */
export function dutyShare(state: GameState, r: number, origin: string): number {
  return importTaxShare(state, (state.scenario.regions[r] as RegionSpec).country, origin);
}

/** Days of storage an import licence costs on average in region `r`'s country (0 without a licence regime). */
export function licenceDays(state: GameState, r: number): number {
  const spec = state.scenario.regions[r] as RegionSpec;
  return state.countries.find((c) => c.country === spec.country)?.licenceMeanDays ?? 0;
}

/**
 * How a unit reaches its site: bought there (used machines are delivered to the region's warehouse),
 * or shipped, paying `duty` (duty and VAT, the share for its origin) and waiting for a licence.
 */
export type Arrival = { shipped: false } | { shipped: true; duty: number; licenceMeanDays: number };

export const ON_SITE: Arrival = Object.freeze({ shipped: false });

/**
 * Landed cost of a unit bought at `unitCents` for region `r`, in cents once installed: price, duty and
 * VAT, a freight estimate (about 2% of the value by sea, the bots' usual mode; the exact quote is taken
 * when the lot ships), storage and the lease's first month. A number, not an object: buyers price many
 * offers. `hostingPrice`: hostingPriceCents(state, r), when the caller has it (common.ts hostingPriceAt).
 */
export function landedUnitCents(
  state: GameState,
  r: number,
  model: AsicModel,
  unitCents: number,
  arrival: Arrival,
  hostingPrice = hostingPriceCents(state, r),
): number {
  return landedAt(unitCents, landingOf(state, r, model, arrival, hostingPrice));
}

/** What landedUnitCents adds to any price of `model` arriving in region `r` this way, worked out once. */
export interface Landing {
  arrival: Arrival;
  /** Storage while the licence is awaited, and the lease's first month, cents a unit. */
  storage: number;
  lease: number;
}

/**
 * The price-independent part of a landed cost. A buyer comparing many asks for one model and region
 * (usedGradient.ts: every source market) works it out once: the state does not change while a bot
 * decides, so the lease's price is the same for every ask.
 */
export function landingOf(
  state: GameState,
  r: number,
  model: AsicModel,
  arrival: Arrival,
  hostingPrice = hostingPriceCents(state, r),
): Landing {
  const licence = arrival.shipped ? arrival.licenceMeanDays : 0;
  const storage = licence * state.scenario.logistics.storageCentsPerUnitDay;
  const lease = (model.powerW / 1000) * hostingPrice;
  return { arrival, storage, lease };
}

/** landedUnitCents of a unit at `unitCents`, from its landing: the same terms added in the same order. */
export function landedAt(unitCents: number, landing: Landing): number {
  const arrival = landing.arrival;
  const freight = arrival.shipped ? unitCents * 0.02 : 0;
  const taxes = arrival.shipped ? unitCents * arrival.duty : 0;
  return unitCents + taxes + freight + landing.storage + landing.lease;
}
