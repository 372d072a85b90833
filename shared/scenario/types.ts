/**
 * A resolved scenario: plain data, every series laid out per game day, every amount an integer in its
 * unit. The engine reads only this; YAML, CSV and units for people live in schema.ts and resolve.ts.
 */
import type { CapacityGrowthStep } from "./capacityGrowthSpec.ts";
import type { UsedMarketsSpec } from "./usedMarketSpec.ts";
import type { EpochDay } from "../math/calendar.ts";
import type { Cents, MicroUsdPerKwh, Sats } from "../math/money.ts";
import type { TradeRules } from "./tradeSpec.ts";
import type { FactoryQueueSpec } from "./factorySpec.ts";
import type { FinanceSpec } from "./financeSpec.ts";
import type { HostingSpec } from "./hostingSpec.ts";
import type { CalibrationYears, WorldSupply } from "./supplySpec.ts";
import type { BreakevenSpec, PowerStep } from "./powerScheduleSpec.ts";
import type { SeasonalMigrationSpec } from "./seasonalSpec.ts";
import type { BuildOutSpec } from "./buildOutSpec.ts";
import type { HostingStep } from "./hostingStepsSpec.ts";

export interface Text {
  en: string;
  zh: string;
}

export interface AsicModel {
  id: string;
  manufacturer: string;
  name: string;
  /** First day the factory sells it (the first of its release month). */
  releaseDay: EpochDay;
  /** Hashrate per unit in GH/s (integer, so 11.5 TH/s = 11_500). */
  hashrateGhs: number;
  /** Power per unit in watts. */
  powerW: number;
  /** Efficiency in J/TH (powerW / TH/s), kept for display and tiers. */
  efficiencyJPerTh: number;
  /** Shipping weight per unit in grams. */
  weightG: number;
  /** ISO country code of manufacture, for tariffs. */
  origin: string;
  launchPriceCents: Cents | null;
}

export type MiningPolicy = "allowed" | "licensed" | "banned";

export const SHIPPING_MODES = ["air", "sea", "rail", "truck"] as const;
export type ShippingMode = (typeof SHIPPING_MODES)[number];

/** A place machines leave from or pass through: factories, ports, airports, railheads. */
export interface Hub {
  id: string;
  kind: "factory" | "port" | "airport" | "railhead";
  name: Text;
  country: string;
  lon: number;
  lat: number;
  /** Land mass for trucks and trains ("eurasia", "americas", "africa", "iceland"...). */
  landmass: string;
  /** First day it works (factories open as history adds them). */
  opensDay: EpochDay;
}

/** How one mode of freight costs and moves, per shipment leg. */
export interface ModeSpec {
  /** Days spent regardless of distance (handling, consolidation, customs brokers). */
  fixedDays: number;
  kmPerDay: number;
  baseCentsPerKg: number;
  centsPerKgPer1000Km: number;
  /** Chance the whole shipment is lost, basis points. */
  lossBps: number;
  /** Share of units damaged on arrival, basis points (expected). */
  damageBps: number;
  /** Longest leg the mode serves, km (trucks do not cross oceans). */
  maxKm: number;
}

export interface LogisticsSpec {
  modes: Record<ShippingMode, ModeSpec>;
  /** Insurance premium on the declared value, basis points. */
  insuranceBps: number;
  /** Storage at a port while held by customs, cents per unit per day. */
  storageCentsPerUnitDay: number;
  /** Days customs takes to clear a lot normally. */
  customsDays: number;
  /** Countries whose railways connect (the Eurasian network). */
  railCountries: string[];
  /** Time cost, air capacity, fixed costs per shipment, licence fees, brokers, grey mining (tradeSpec.ts). */
  trade: TradeRules;
}

/** A country's trade and tax rules, as they stand at the scenario's start; events change them. */
export interface CountryPolicy {
  country: string;
  /** Import duty by country of manufacture, basis points; "*" for every other origin. */
  tariffBps: Record<string, number>;
  vatBps: number;
  /** Mean days to grant an import licence (0: no licence needed). */
  licenceMeanDays: number;
  carbonTaxCentsPerTonne: number;
}

/** A random hazard: each day, with this chance, an event from a template hits a random target. */
export interface Hazard {
  template: string;
  /** Expected occurrences per year. */
  perYear: number;
  /** Ids the hazard may hit (regions, hubs or countries per template); empty: any. */
  targets: string[];
  params: Record<string, number | string>;
}

export interface RegionSpec {
  id: string;
  name: Text;
  /** ISO 3166-1 alpha-2. */
  country: string;
  countryName: Text;
  lon: number;
  lat: number;
  /** Power price by calendar month (index 0 = January), micro-USD per kWh. */
  powerPriceMonthly: MicroUsdPerKwh[];
  /** Hosting fee charged on leased capacity, cents per kW per 30 days. */
  hostingCentsPerKwMonth: Cents;
  /** Share of installed machines that run, by calendar month, in basis points (heat, curtailment). */
  uptimeMonthlyBps: number[];
  carbonGPerKwh: number;
  /** Initial hosting capacity in kW (players and the rest of the world share it). */
  capacityKw: number;
  /** Capacity added per day, kW (negative: shrinking). */
  capacityGrowthKwPerDay: number;
  /** Dated changes of that pace (capacityGrowthSpec.ts); absent: one pace throughout. */
  capacityGrowthSteps?: CapacityGrowthStep[];
  /** Share of the rest of the world's ("row") hashrate here at the start, ppm (the name is hashed with the scenario). */
  rowSharePpm: number;
  policy: MiningPolicy;
  /** How much a migrating miner prefers this region over others, beyond its power price (1 = neutral). */
  attractiveness: number;
  landmass: string;
  /** Road distance to the nearest seaport, km (0: the region has its own port). */
  portKm: number;
  /** Renewable power for a premium: extra cost in basis points and the carbon intensity it brings. */
  renewable: { premiumBps: number; carbonGPerKwh: number } | null;
  /** Dated steps of the power price on top of the seasonal curve, sorted by day (powerScheduleSpec.ts). */
  powerSteps: PowerStep[];
  /** Dated hosting fees, sorted by day; `hostingCentsPerKwMonth` before the first (hostingStepsSpec.ts). */
  hostingSteps: HostingStep[];
}

export interface FleetTier {
  jPerTh: number;
  /** Parts per million of the initial rest-of-world fleet. */
  sharePpm: number;
}

export interface DeploymentPoint {
  day: EpochDay;
  /** New rest-of-world hashrate installed per day at neutral profitability, TH/s. */
  thPerDay: number;
}

export type ScenarioEvent =
  | {
      kind: "ban";
      day: EpochDay;
      regions: string[];
      /** Days over which the region's machines are switched off. */
      rampDays: number;
      /** Days between the announcement (`day`) and the ban taking effect. */
      graceDays: number;
      /** Share of the region's fleet that obeys, basis points; the rest keeps mining illegally. */
      complianceBps: number;
      /** Share of the obeying fleet that stays installed and idle until the ban lifts, basis points. */
      idleBps: number;
      /** Share of the obeying, non-idle fleet that moves abroad, basis points; the rest is scrapped. */
      emigrateBps: number;
      /** Share of the region the ban covers, basis points; absent: all of it (the region closes). */
      regionShareBps?: number;
      headline: Text;
      source: string;
      /** Share of the obeying fleet that goes covert (covert.ts), basis points; absent: none. */
      covertBps?: number;
      /** Days after the ban (and its grace) that the covert fleet lies low before restarting. */
      covertReturnDays?: number;
      /** Days over which it restarts, evenly, from then. */
      covertRestartDays?: number;
    }
  | { kind: "unban"; day: EpochDay; regions: string[]; headline: Text; source: string }
  | {
      kind: "powerPrice";
      day: EpochDay;
      regions: string[];
      /** Multiplier on the region's power price, basis points (15000 = +50%). */
      multiplierBps: number;
      headline: Text;
      source: string;
    }
  | { kind: "capacity"; day: EpochDay; regions: string[]; deltaKw: number; headline: Text; source: string }
  | ShockEvent;

/**
 * The trade layer's shocks, scheduled like the others. `template` names an entry in
 * shared/engine/shocks/templates.ts, which says what it does and writes its headline and explanation.
 */
export interface ShockEvent {
  kind: "shock";
  day: EpochDay;
  template: string;
  /** Regions, hubs or countries, by the template's kind of target. */
  regions: string[];
  params: Record<string, number | string>;
  headline: Text;
  source: string;
}

export type PriceModel =
  | { kind: "historical"; dailyCents: Cents[]; noiseBps: number }
  | { kind: "stochastic"; startCents: Cents; driftAnnualBps: number; volatilityAnnualBps: number };

export type FeeModel =
  | { kind: "historical"; dailySatsPerBlock: Sats[] }
  | { kind: "model"; meanSatsPerBlock: Sats; volatilityBps: number };

export interface Scenario {
  id: string;
  name: Text;
  description: Text;
  startDay: EpochDay;
  /** Number of game days (ticks); the game ends after the last one. */
  days: number;
  chain: {
    startHeight: number;
    bits: number;
    /** Unix seconds of the first block of the retarget period that holds startHeight. */
    epochStartTime: number;
    /** Unix seconds of the block before startHeight (the tip the simulation starts from). */
    tipTime: number;
  };
  price: PriceModel;
  fees: FeeModel;
  poolFeeBps: number;
  company: {
    startingCashCents: Cents;
    maxCompanies: number;
    /** Machines every company owns on day 0, installed and hosted in their region (startingFleet.ts). */
    startingFleet: StartingLot[];
  };
  factory: {
    leadDays: number;
    /** Days of (remembered) hashprice a buyer pays for one TH/s of the best machine (machinePrice.ts). */
    paybackDays: number;
    /** How steeply older (less efficient) models lose price, as an exponent on the efficiency ratio. */
    efficiencyExponent: number;
    /** Price per TH/s never falls below this, cents. */
    floorCentsPerTh: Cents;
    /** Days after its release a model is still made new (null: for ever); then only used (market.ts madeNew). */
    productionDays: number | null;
    /** Days over which the hashprice machines are priced on comes down after hashprice falls (machinePrice.ts). */
    memoryDays: number;
  };
  usedMarket: {
    spreadBps: number;
    /** Days of expected margin a used buyer pays for. */
    horizonDays: number;
    /** Power price a used buyer assumes, micro-USD per kWh. */
    referencePowerPrice: MicroUsdPerKwh;
    scrapCentsPerTh: Cents;
    /** TH/s of one efficiency tier the market takes from one seller at the bid (the score's depth). */
    depthThs: number;
    /** Discount below the bid of the units beyond the depth, basis points. */
    beyondDepthBps: number;
  };
  world: {
    initialHashrateThs: number;
    fleet: FleetTier[];
    deployments: DeploymentPoint[];
    /** Days, after a region closes, before a migrating machine can run again (minimum and maximum). */
    migrationDelayDays: [number, number];
    /** Days over which an unprofitable fleet winds down or comes back. */
    responseDays: number;
    /** Share of each region's capacity the rest of the world leaves free, basis points: room for players. */
    playerReserveBps: number;
    /**
     * New machines from the industry's output instead of `deployments` (supplySpec.ts, worldSupply.ts).
     * Absent (not null) when the file has no such block, so older scenarios resolve and hash as before.
     */
    supply?: WorldSupply;
    /** Years the world's numbers were fitted on (the fit table marks the rest out of sample); absent: none named. */
    calibrationYears?: CalibrationYears;
  };
  asics: AsicModel[];
  regions: RegionSpec[];
  hubs: Hub[];
  logistics: LogisticsSpec;
  countries: CountryPolicy[];
  hazards: Hazard[];
  events: ScenarioEvent[];
  /** Sources for every real-world number, for display and for the lint. */
  sources: string[];
  /** The factory queue: players' share of output, demand pricing, pre-order terms (factorySpec.ts). */
  factoryQueue: FactoryQueueSpec;
  /** Regional used markets: stock, price by depth, condition and failures (usedMarketSpec.ts). */
  usedMarkets: UsedMarketsSpec;
  /** Risk-free rate, loan terms, green discount, BTC purchase fee (financeSpec.ts). */
  finance: FinanceSpec;
  /** Hosting crunch, price curve and own sites (hostingSpec.ts; defaults when the file has no block). */
  hosting: HostingSpec;
  /** Who among the rest of the world pays a host per kWh (powerScheduleSpec.ts; breakeven.ts). */
  breakeven: BreakevenSpec;
  /** Seasonal hydro migration (seasonalSpec.ts); absent when the file has no block. */
  seasonalMigration?: SeasonalMigrationSpec;
  /** Hosting capacity that follows demand (buildOutSpec.ts; buildOut.ts); absent when the file has no block. */
  buildOut?: BuildOutSpec;
}

/** One lot of a company's fleet on day 0 (scenario `company.startingFleet`). */
export interface StartingLot {
  model: string;
  quantity: number;
  region: string;
  /** How old the machines are on day 0, days (their condition on the used market). */
  ageDays: number;
}
