/**
 * A company's day: lots on order are handed over, powered machines hash and burn power, leases are
 * charged, mining revenue arrives (pool or solo), the BTC sell policy runs, and a company that cannot
 * pay sells BTC, then machines, and is bankrupt only when nothing is left.
 */
import {
  centsToSatsFloor,
  energyCostCents,
  roundHalfAway,
  satsValueCents,
  SATS_PER_BTC,
} from "../math/money.ts";
import type { RegionSpec } from "../scenario/types.ts";
import { pushUsedSupply } from "./market.ts";
import { listUsedStock } from "./usedMarket.ts";
import { lotKw, lotModel, lotThs } from "./fleet.ts";
import { saleCents, scoreParts, type ScoreParts } from "./score.ts";
import type { EngineCaches } from "./caches.ts";
import { post } from "./ledger.ts";
import { lotTable } from "./lotFacts.ts";
import { powerPriceToday, regionSpec, uptimeToday } from "./regions.ts";
import { carbonTaxCentsPerTonne, demandResponseCents, pricedWithPremium } from "./siteRates.ts";
import { leaseHostingCentsPerDay } from "./hosting.ts";
import type { Company, GameState, Lot, RegionState } from "./state.ts";

export interface CompanyDay {
  /** Running hashrate today, TH/s. */
  ths: number;
  kwh: number;
  carbonKg: number;
}

/** Lots on order whose day has come are handed over at the factory. */
export function deliverOrders(state: GameState): void {
  for (const lot of state.lots) {
    if (lot.status === "onOrder" && lot.readyDay <= state.day) lot.status = "stored";
  }
}

/**
 * Whether the company's power in this region is the renewable option: its lease there took it and the
 * region offers it (a renewable lease in a region without the option simply gets the grid).
 */
export function renewableLease(company: Pick<Company, "leases">, spec: RegionSpec): boolean {
  if (!spec.renewable) return false;
  const leases = company.leases;
  for (let i = 0; i < leases.length; i++) {
    const lease = leases[i] as Company["leases"][number];
    // The first lease in the region decides, as a search would find it.
    if (lease.region === spec.id) return lease.renewable;
  }
  return false;
}

/**
 * Running hashrate and energy of each company's powered, installed lots today, with the power bill,
 * curtailment credits and carbon tax. Bankrupt companies are skipped: they owe and earn nothing more.
 *
 * A site (a company in a region) runs all its lots on the same day's uptime, price and supply, so the
 * loop over every lot only adds up each site's nameplate kW and TH/s, in flat arrays, allocating
 * nothing; each site's energy, bill, credit and carbon are then worked out once, and posted once (one
 * ledger entry per site; the tax is rounded once per country).
 */
export function operateFleets(state: GameState, caches: EngineCaches): CompanyDay[] {
  const companies = state.companies;
  const regions = state.scenario.regions;
  const worldRegions = state.world.regions;
  const nC = companies.length;
  const nR = regions.length;
  const days: CompanyDay[] = [];
  for (let i = 0; i < nC; i++) days.push({ ths: 0, kwh: 0, carbonKg: 0 });
  const cells = nC * nR;
  // Sums per company and region, in buffers the caches keep from day to day: allocating typed arrays
  // every day cost more than the loop that fills them. Every cell used is zeroed first.
  if (caches.siteSums.length < 2 * cells) caches.siteSums = new Float64Array(2 * cells);
  if (caches.siteActive.length < nC) caches.siteActive = new Uint8Array(nC);
  // Nameplate kW at [0, cells), nameplate TH/s at [cells, 2 cells), by company × nR + region.
  const sums = caches.siteSums;
  sums.fill(0, 0, 2 * cells);
  // Which companies ran anything today: the others skip the per-site pass.
  const active = caches.siteActive;
  active.fill(0, 0, nC);
  const lots = state.lots;
  const table = lotTable(state, caches);
  for (let n = 0; n < lots.length; n++) {
    const lot = lots[n] as Lot;
    if (lot.status !== "installed" || !lot.powered) continue;
    table.sync(n);
    // -1 for a lot not in a region, as for an unknown region: either way it does not run here.
    const r = table.region[n] as number;
    const region = worldRegions[r];
    if (!region || region.policy === "banned") continue;
    const i = table.owner[n] as number;
    if (i < 0 || (companies[i] as Company).bankrupt) continue;
    // An unknown model is an error, raised by lotModel as it always was.
    const model = table.model[n] ?? lotModel(state, lot, caches);
    const k = i * nR + r;
    active[i] = 1;
    sums[k] = (sums[k] as number) + lotKw(model, lot.quantity);
    sums[cells + k] = (sums[cells + k] as number) + lotThs(model, lot.quantity);
  }
  const day = state.day;
  for (let i = 0; i < nC; i++) {
    const company = companies[i] as Company;
    const today = days[i] as CompanyDay;
    if (active[i] === 0) {
      chargeHosting(state, company, caches);
      continue;
    }
    // Carbon by country, in the order the regions first show it (the order the tax is posted in).
    const countries: string[] = [];
    const kgs: number[] = [];
    for (let r = 0; r < nR; r++) {
      const k = i * nR + r;
      const kw = sums[k] as number;
      if (!(kw > 0)) continue;
      const spec = regions[r] as RegionSpec;
      const region = worldRegions[r] as RegionState;
      const uptime = uptimeToday(state, r, caches);
      const kwh = kw * uptime * 24;
      if (region.offlineUntil > day) {
        // The grid has switched the site off: no hashrate and no bill; a curtailment (unlike a
        // blackout) pays for the energy the lots would have drawn today.
        const credit = demandResponseCents(kwh, region);
        if (credit > 0) post(company, day, "demandResponse", roundHalfAway(credit), 0, spec.id);
        continue;
      }
      const green = renewableLease(company, spec) ? spec.renewable : null;
      // Unrounded premium price, so that the bill is rounded once (with a zero premium it is the grid price).
      const price = pricedWithPremium(powerPriceToday(state, r, caches), green ? green.premiumBps : 0);
      // (kwh and price are never negative: the bill is positive exactly when both are.)
      if (kwh > 0 && price > 0) post(company, day, "power", -energyCostCents(kwh, price), 0, spec.id);
      const carbon = (kwh * (green ? green.carbonGPerKwh : spec.carbonGPerKwh)) / 1000;
      today.ths += (sums[cells + k] as number) * uptime;
      today.kwh += kwh;
      today.carbonKg += carbon;
      if (carbon > 0) {
        const c = countries.indexOf(spec.country);
        if (c < 0) {
          countries.push(spec.country);
          kgs.push(carbon);
        } else kgs[c] = (kgs[c] as number) + carbon;
      }
    }
    company.kwhTotal += today.kwh;
    company.carbonKgTotal += today.carbonKg;
    chargeCarbonTax(state, company, countries, kgs);
    chargeHosting(state, company, caches);
  }
  return days;
}

/** Carbon tax: each country taxes the tonnes emitted on its soil today at its rate (cents per tonne). */
function chargeCarbonTax(state: GameState, company: Company, countries: string[], kgs: number[]): void {
  for (let c = 0; c < countries.length; c++) {
    const country = countries[c] as string;
    const rate = carbonTaxCentsPerTonne(state, country);
    const cents = roundHalfAway(((kgs[c] as number) / 1000) * rate);
    post(company, state.day, "carbonTax", -cents, 0, country);
  }
}

function chargeHosting(state: GameState, company: Company, caches: EngineCaches): void {
  for (const lease of company.leases) {
    const spec = regionSpec(state, lease.region, caches);
    if (!spec) continue;
    const cents = roundHalfAway(leaseHostingCentsPerDay(lease, spec, state.day));
    post(company, state.day, "hosting", -cents, 0, lease.region);
  }
}

/** Pays today's mining revenue: pool (pro rata, less the pool fee) or solo wins. */
export function payMiners(
  state: GameState,
  days: CompanyDay[],
  networkThs: number,
  soloWins: Map<number, number>,
): void {
  const keep = 1 - state.scenario.poolFeeBps / 10_000;
  for (let i = 0; i < state.companies.length; i++) {
    const company = state.companies[i] as Company;
    const ths = (days[i] as CompanyDay).ths;
    let sats = 0;
    if (company.payout === "solo") sats = soloWins.get(i) ?? 0;
    else if (ths > 0 && networkThs > 0)
      sats = Math.floor((state.chain.rewardToday * ths * keep) / networkThs);
    if (sats > 0) {
      post(company, state.day, "miningRevenue", 0, sats, "pool");
      company.minedSats += sats;
      const sell = Math.floor((sats * company.sellRatioBps) / 10_000);
      sellBtc(state, company, sell);
    }
  }
}

export function sellBtc(state: GameState, company: Company, sats: number): void {
  const amount = Math.min(sats, company.btcSats);
  if (amount <= 0) return;
  post(company, state.day, "btcSale", satsValueCents(amount, state.market.priceCents), -amount, "market");
}

/** A company in the red sells BTC, then machines (worst first); bankrupt when nothing is left. */
export function settleDebts(state: GameState, caches: EngineCaches): void {
  for (const company of state.companies) {
    if (company.bankrupt || company.cashCents >= 0) continue;
    // Sell the BTC that covers the debt, plus a cent's worth so that rounding cannot leave it short.
    const price = state.market.priceCents;
    const needSats = centsToSatsFloor(-company.cashCents, price) + Math.ceil(SATS_PER_BTC / price);
    sellBtc(state, company, Math.min(company.btcSats, needSats));
    if (company.cashCents >= 0) continue;
    const lots = state.lots
      .filter((l) => l.owner === company.id && l.status !== "onOrder")
      .sort(
        (a, b) => lotModel(state, b, caches).efficiencyJPerTh - lotModel(state, a, caches).efficiencyJPerTh,
      );
    for (const lot of lots) {
      if (company.cashCents >= 0) break;
      sellLotUnits(state, company, lot, lot.quantity, caches);
    }
    if (company.cashCents < 0) {
      // Bankrupt: what is left is switched off and the leases go back to the regions (no more fees).
      company.bankrupt = true;
      for (const lot of state.lots) if (lot.owner === company.id) lot.powered = false;
      for (const lease of company.leases) {
        const region = state.world.regions.find((r) => r.id === lease.region);
        if (region) region.leasedKw -= lease.kw;
      }
      company.leases = [];
    }
  }
}

/**
 * Sells `quantity` units of a lot to the used market at the bid, with depth (score.ts saleCents: never
 * more than the units take off the seller's score); the lot shrinks or goes.
 */
export function sellLotUnits(
  state: GameState,
  company: Company,
  lot: Lot,
  quantity: number,
  caches: EngineCaches,
): number {
  const model = lotModel(state, lot, caches);
  const cents = saleCents(state, company, model, quantity, caches);
  post(company, state.day, "machineSale", cents, 0, lot.id);
  lot.quantity -= quantity;
  state.soldUnits[lot.model] = (state.soldUnits[lot.model] ?? 0) + quantity;
  pushUsedSupply(state, model, quantity);
  // The machines are listed on the used market of the region they stood in (issue #13 §2).
  if (lot.location.kind === "region") listUsedStock(state, lot.location.region, model, quantity);
  if (lot.quantity === 0) state.lots = state.lots.filter((l) => l !== lot);
  return cents;
}

/** Equity: the company's score, cash + BTC + machines at the bid with depth - owed (see score.ts). */
export function equityCents(state: GameState, company: Company, caches: EngineCaches): number {
  const i = state.companies.indexOf(company);
  return (scoreParts(state, caches)[i] as ScoreParts).equityCents;
}

/** Every company's equity, in one pass over the lots (the daily report needs them all). */
export function equities(state: GameState, caches: EngineCaches): number[] {
  return scoreParts(state, caches).map((p) => p.equityCents);
}
