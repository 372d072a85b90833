/**
 * Machine economics at today's prices, for people choosing: the power price below which a model pays
 * for its power (breakeven), and what one lot is expected to earn and cost in a day. Built from the
 * same hashprice, pool fee, power prices, uptime, hosting and carbon tax the daily step uses; the
 * ledger itself is written only by the step (companies.ts), never from these estimates.
 */
import type { RegionSpec } from "../scenario/types.ts";
import { renewableLease } from "./companies.ts";
import { lotKw, lotModel, lotThs } from "./fleet.ts";
import { powerCostMicroUsdPerThDay } from "./market.ts";
import { powerPriceToday, regionIndex, uptimeToday } from "./regions.ts";
import { leaseShareCentsPerDay } from "./hosting.ts";
import { carbonTaxCentsPerTonne, demandResponseCents, pricedWithPremium } from "./siteRates.ts";
import type { Company, GameState, Lot } from "./state.ts";
import { energyCostExactCents } from "../math/money.ts";
import type { EngineCaches } from "./caches.ts";

/** What one TH/s earns in a pool today, micro-USD: the hashprice less the pool's fee. */
export function poolHashpriceMicroUsd(state: GameState): number {
  return state.market.hashpriceMicroUsd * (1 - state.scenario.poolFeeBps / 10_000);
}

/**
 * Power price (micro-USD per kWh) at which a machine of `jPerTh` earns exactly its power bill at
 * today's hashprice, in a pool: cheaper power makes it pay, dearer power makes it lose money.
 * Hosting fees come on top (they are per kW leased, whether the machine runs or not).
 */
export function breakevenPowerPrice(state: GameState, jPerTh: number): number {
  const costAtOneMicroUsd = powerCostMicroUsdPerThDay(jPerTh, 1);
  return costAtOneMicroUsd > 0 ? poolHashpriceMicroUsd(state) / costAtOneMicroUsd : 0;
}

/**
 * Where a site's power comes from: the grid, or the region's renewable option if the company's lease
 * took it (a renewable lease in a region without the option gets the grid).
 */
export function powerSupply(
  company: Pick<Company, "leases"> | undefined,
  spec: RegionSpec,
): { premiumBps: number; carbonGPerKwh: number } {
  // The daily step's own rule (companies.ts), so that estimates and charges agree.
  if (company && spec.renewable && renewableLease(company, spec)) return spec.renewable;
  return { premiumBps: 0, carbonGPerKwh: spec.carbonGPerKwh };
}

export interface LotDay {
  /** Expected pool revenue today, cents (0 unless installed, powered and allowed to run). */
  revenueCents: number;
  powerCents: number;
  /** The lot's share of its lease's hosting fee at the lease's locked price (due whether it runs or not). */
  hostingCents: number;
  carbonTaxCents: number;
  /** Demand-response credit while the grid curtails the site. */
  creditCents: number;
  /** revenue + credit − power − hosting − carbon tax. */
  netCents: number;
}

const NOTHING: LotDay = {
  revenueCents: 0,
  powerCents: 0,
  hostingCents: 0,
  carbonTaxCents: 0,
  creditCents: 0,
  netCents: 0,
};

/**
 * A lot's expected profit for today, in cents (unrounded: an estimate, not a ledger entry). Only
 * installed lots earn or cost anything here; lots in storage or in transit are at zero.
 */
export function lotDay(state: GameState, lot: Lot, caches: EngineCaches): LotDay {
  if (lot.status !== "installed" || lot.location.kind !== "region") return NOTHING;
  const r = regionIndex(state, lot.location.region, caches);
  const spec = state.scenario.regions[r];
  const region = state.world.regions[r];
  if (!spec || !region) return NOTHING;
  const model = lotModel(state, lot, caches);
  const kw = lotKw(model, lot.quantity);
  const company = state.companies.find((c) => c.id === lot.owner);
  // What the ledger charges for these kW: the lease's locked price, nothing on own sites (companies.ts).
  const lease = company?.leases.find((l) => l.region === spec.id);
  const hostingCents = leaseShareCentsPerDay(lease, spec, state.day, kw);
  const runs = lot.powered && region.policy !== "banned";
  if (!runs) return { ...NOTHING, hostingCents, netCents: -hostingCents };
  const uptime = uptimeToday(state, r, caches);
  const kwh = kw * uptime * 24;
  if (region.offlineUntil > state.day) {
    const creditCents = demandResponseCents(kwh, region);
    return { ...NOTHING, hostingCents, creditCents, netCents: creditCents - hostingCents };
  }
  const supply = powerSupply(company, spec);
  const price = pricedWithPremium(powerPriceToday(state, r, caches), supply.premiumBps);
  const powerCents = energyCostExactCents(kwh, price);
  const rate = carbonTaxCentsPerTonne(state, spec.country);
  const carbonTaxCents = ((kwh * supply.carbonGPerKwh) / 1e6) * rate;
  const revenueCents = (lotThs(model, lot.quantity) * uptime * poolHashpriceMicroUsd(state)) / 10_000;
  return {
    revenueCents,
    powerCents,
    hostingCents,
    carbonTaxCents,
    creditCents: 0,
    netCents: revenueCents - powerCents - hostingCents - carbonTaxCents,
  };
}
