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
import { pushUsedSupply, usedBidUnitCents, usedValueUnitCents } from "./market.ts";
import { lotKw, lotModel, lotThs, modelOf } from "./fleet.ts";
import { post } from "./ledger.ts";
import { powerPriceToday, regionIndex, uptimeToday } from "./regions.ts";
import type { Company, GameState, Lot } from "./state.ts";

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

/** Where a lot's power comes from: the grid, or the region's renewable option if the lease took it. */
function supplyOf(company: Company, spec: RegionSpec): { premiumBps: number; carbonGPerKwh: number } {
  const lease = company.leases.find((l) => l.region === spec.id);
  // A renewable lease in a region without the option (not refused yet) simply gets the grid.
  if (lease?.renewable && spec.renewable) return spec.renewable;
  return { premiumBps: 0, carbonGPerKwh: spec.carbonGPerKwh };
}

/**
 * Running hashrate and energy of each company's powered, installed lots today, with the power bill,
 * curtailment credits and carbon tax. Bankrupt companies are skipped: they owe and earn nothing more.
 */
export function operateFleets(state: GameState): CompanyDay[] {
  const days: CompanyDay[] = state.companies.map(() => ({ ths: 0, kwh: 0, carbonKg: 0 }));
  // Carbon per company and country: the tax is rounded once per country, not once per lot.
  const carbonByCountry: Map<string, number>[] = state.companies.map(() => new Map());
  const companyIndex = new Map(state.companies.map((c, i) => [c.id, i]));
  for (const lot of state.lots) {
    if (lot.status !== "installed" || !lot.powered || lot.location.kind !== "region") continue;
    const r = regionIndex(state, lot.location.region);
    const region = state.world.regions[r];
    if (!region || region.policy === "banned") continue;
    const i = companyIndex.get(lot.owner);
    if (i === undefined) continue;
    const company = state.companies[i] as Company;
    if (company.bankrupt) continue;
    const spec = state.scenario.regions[r] as RegionSpec;
    const model = lotModel(state, lot);
    const uptime = uptimeToday(state, r);
    const kwh = lotKw(model, lot.quantity) * uptime * 24;
    if (region.offlineUntil > state.day) {
      // The grid has switched the site off: no hashrate and no bill; a curtailment (unlike a
      // blackout) pays for the energy the lot would have drawn today.
      const credit = roundHalfAway((kwh / 1000) * region.demandResponseCentsPerMwh);
      if (credit > 0) post(company, state.day, "demandResponse", credit, 0, lot.id);
      continue;
    }
    const supply = supplyOf(company, spec);
    // Unrounded premium price, so that the bill is rounded once (with a zero premium it is the grid price).
    const price = (powerPriceToday(state, r) * (10_000 + supply.premiumBps)) / 10_000;
    post(company, state.day, "power", -energyCostCents(kwh, price), 0, lot.id);
    const carbonKg = (kwh * supply.carbonGPerKwh) / 1000;
    const day = days[i] as CompanyDay;
    day.ths += lotThs(model, lot.quantity) * uptime;
    day.kwh += kwh;
    day.carbonKg += carbonKg;
    const byCountry = carbonByCountry[i] as Map<string, number>;
    byCountry.set(spec.country, (byCountry.get(spec.country) ?? 0) + carbonKg);
  }
  for (let i = 0; i < state.companies.length; i++) {
    const company = state.companies[i] as Company;
    const day = days[i] as CompanyDay;
    company.kwhTotal += day.kwh;
    company.carbonKgTotal += day.carbonKg;
    chargeCarbonTax(state, company, carbonByCountry[i] as Map<string, number>);
    chargeHosting(state, company);
  }
  return days;
}

/** Carbon tax: each country taxes the tonnes emitted on its soil today at its rate (cents per tonne). */
function chargeCarbonTax(state: GameState, company: Company, carbonKg: Map<string, number>): void {
  for (const [country, kg] of carbonKg) {
    const rate = state.countries.find((c) => c.country === country)?.carbonTaxCentsPerTonne ?? 0;
    const cents = roundHalfAway((kg / 1000) * rate);
    post(company, state.day, "carbonTax", -cents, 0, country);
  }
}

function chargeHosting(state: GameState, company: Company): void {
  for (const lease of company.leases) {
    const spec = state.scenario.regions.find((r) => r.id === lease.region);
    if (!spec) continue;
    const cents = roundHalfAway((lease.kw * spec.hostingCentsPerKwMonth) / 30);
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
export function settleDebts(state: GameState): void {
  for (const company of state.companies) {
    if (company.bankrupt || company.cashCents >= 0) continue;
    // Sell the BTC that covers the debt, plus a cent's worth so that rounding cannot leave it short.
    const price = state.market.priceCents;
    const needSats = centsToSatsFloor(-company.cashCents, price) + Math.ceil(SATS_PER_BTC / price);
    sellBtc(state, company, Math.min(company.btcSats, needSats));
    if (company.cashCents >= 0) continue;
    const lots = state.lots
      .filter((l) => l.owner === company.id && l.status !== "onOrder")
      .sort((a, b) => lotModel(state, b).efficiencyJPerTh - lotModel(state, a).efficiencyJPerTh);
    for (const lot of lots) {
      if (company.cashCents >= 0) break;
      sellLotUnits(state, company, lot, lot.quantity);
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

/** Sells `quantity` units of a lot to the used market at the bid; the lot shrinks or goes. */
export function sellLotUnits(state: GameState, company: Company, lot: Lot, quantity: number): number {
  const model = lotModel(state, lot);
  const cents = usedBidUnitCents(state, model) * quantity;
  post(company, state.day, "machineSale", cents, 0, lot.id);
  lot.quantity -= quantity;
  state.soldUnits[lot.model] = (state.soldUnits[lot.model] ?? 0) + quantity;
  pushUsedSupply(state, model, quantity);
  if (lot.quantity === 0) state.lots = state.lots.filter((l) => l !== lot);
  return cents;
}

/** Equity: cash + BTC at market + machines at the used index (on order included: they are paid for). */
export function equityCents(state: GameState, company: Company): number {
  let machines = 0;
  for (const lot of state.lots) {
    if (lot.owner !== company.id) continue;
    const model = modelOf(state, lot.model);
    if (model) machines += usedValueUnitCents(state, model) * lot.quantity;
  }
  return company.cashCents + satsValueCents(company.btcSats, state.market.priceCents) + machines;
}
