/**
 * A company's day: lots on order are handed over, powered machines hash and burn power, leases are
 * charged, mining revenue arrives (pool or solo), the BTC sell policy runs, and a company that cannot
 * pay sells BTC, then machines, and is bankrupt only when nothing is left.
 */
import { centsToSatsFloor, roundHalfAway, satsValueCents, SATS_PER_BTC } from "../math/money.ts";
import type { RegionSpec } from "../scenario/types.ts";
import { pushUsedSupply, usedBidUnitCents, usedValueUnitCents } from "./market.ts";
import { lotKw, lotModel, lotThs, modelOf } from "./fleet.ts";
import { post } from "./ledger.ts";
import { powerPriceToday, regionIndex, regionSpec, uptimeToday } from "./regions.ts";
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
 *
 * Bills, credits and carbon add up per company and region in flat arrays and post once a day per site
 * (one ledger entry per site, not per lot; the tax is rounded once per country): this loop runs for
 * every lot every day, so it allocates nothing per lot.
 */
export function operateFleets(state: GameState): CompanyDay[] {
  const companies = state.companies;
  const regions = state.scenario.regions;
  const nR = regions.length;
  const days: CompanyDay[] = companies.map(() => ({ ths: 0, kwh: 0, carbonKg: 0 }));
  const bills = new Float64Array(companies.length * nR);
  const credits = new Float64Array(companies.length * nR);
  const carbon = new Float64Array(companies.length * nR);
  // Which companies ran or were credited anything today: the others skip the per-site pass.
  const active = new Uint8Array(companies.length);
  const companyIndex = new Map(companies.map((c, i) => [c.id, i]));
  // Today's price and uptime per region, once, rather than once per lot.
  const priceToday = state.world.regions.map((_, r) => powerPriceToday(state, r));
  const uptimes = state.world.regions.map((_, r) => uptimeToday(state, r));
  for (const lot of state.lots) {
    if (lot.status !== "installed" || !lot.powered || lot.location.kind !== "region") continue;
    const r = regionIndex(state, lot.location.region);
    const region = state.world.regions[r];
    if (!region || region.policy === "banned") continue;
    const i = companyIndex.get(lot.owner);
    if (i === undefined) continue;
    const company = companies[i] as Company;
    if (company.bankrupt) continue;
    const spec = regions[r] as RegionSpec;
    const model = lotModel(state, lot);
    const uptime = uptimes[r] as number;
    const kwh = lotKw(model, lot.quantity) * uptime * 24;
    const k = i * nR + r;
    active[i] = 1;
    if (region.offlineUntil > state.day) {
      // The grid has switched the site off: no hashrate and no bill; a curtailment (unlike a
      // blackout) pays for the energy the lot would have drawn today.
      credits[k] = (credits[k] as number) + (kwh / 1000) * region.demandResponseCentsPerMwh;
      continue;
    }
    const supply = supplyOf(company, spec);
    // Unrounded premium price, so that the bill is rounded once (with a zero premium it is the grid price).
    const price = ((priceToday[r] as number) * (10_000 + supply.premiumBps)) / 10_000;
    bills[k] = (bills[k] as number) + (kwh * price) / 10_000;
    const carbonKg = (kwh * supply.carbonGPerKwh) / 1000;
    carbon[k] = (carbon[k] as number) + carbonKg;
    const day = days[i] as CompanyDay;
    day.ths += lotThs(model, lot.quantity) * uptime;
    day.kwh += kwh;
    day.carbonKg += carbonKg;
  }
  for (let i = 0; i < companies.length; i++) {
    const company = companies[i] as Company;
    const day = days[i] as CompanyDay;
    company.kwhTotal += day.kwh;
    company.carbonKgTotal += day.carbonKg;
    if (active[i] === 0) {
      chargeHosting(state, company);
      continue;
    }
    const byCountry = new Map<string, number>();
    for (let r = 0; r < nR; r++) {
      const k = i * nR + r;
      const spec = regions[r] as RegionSpec;
      if ((bills[k] as number) > 0)
        post(company, state.day, "power", -roundHalfAway(bills[k] as number), 0, spec.id);
      if ((credits[k] as number) > 0)
        post(company, state.day, "demandResponse", roundHalfAway(credits[k] as number), 0, spec.id);
      if ((carbon[k] as number) > 0)
        byCountry.set(spec.country, (byCountry.get(spec.country) ?? 0) + (carbon[k] as number));
    }
    chargeCarbonTax(state, company, byCountry);
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
    const spec = regionSpec(state, lease.region);
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
  const machines = machineValues(state).get(company.id) ?? 0;
  return company.cashCents + satsValueCents(company.btcSats, state.market.priceCents) + machines;
}

/** Every company's equity, in one pass over the lots (the daily report needs them all). */
export function equities(state: GameState): number[] {
  const machines = machineValues(state);
  return state.companies.map(
    (c) => c.cashCents + satsValueCents(c.btcSats, state.market.priceCents) + (machines.get(c.id) ?? 0),
  );
}

/** Machines at the used index, cents, by owner (each model's unit value worked out once). */
function machineValues(state: GameState): Map<string, number> {
  const out = new Map<string, number>(state.companies.map((c) => [c.id, 0]));
  const unit = new Map<string, number>();
  for (const lot of state.lots) {
    let value = unit.get(lot.model);
    if (value === undefined) {
      const model = modelOf(state, lot.model);
      value = model ? usedValueUnitCents(state, model) : 0;
      unit.set(lot.model, value);
    }
    out.set(lot.owner, (out.get(lot.owner) ?? 0) + value * lot.quantity);
  }
  return out;
}
