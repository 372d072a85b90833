/**
 * The game state: plain, serializable data. No class instances, no functions, no Maps, so that it can
 * be hashed, snapshotted, sent and replayed. Integers for money (cents, satoshis) and time (days,
 * Unix seconds, block heights); hashrates are floats computed with exact IEEE arithmetic only.
 */
import type { RngState } from "../math/rng.ts";
import type { Cents, Sats } from "../math/money.ts";
import type { EpochDay } from "../math/calendar.ts";
import type { MiningPolicy, Scenario } from "../scenario/types.ts";
import type { FactoryOrder } from "./factoryTypes.ts";
import type { HostingState } from "./hostingState.ts";
import type { ActiveEffect, CountryState, FactoryState, Notice, Offer, Shipment } from "./tradeState.ts";
import type { ClassWorld } from "./classWorld.ts";
import type { MachineLease } from "./machineLease.ts";

/**
 * Changes whenever the same scenario, seed and commands would play a different game, so that a replay
 * made by another version is refused rather than failing its hash. 1.1.0: block times are drawn with
 * lnOfDraw (a table) instead of detLn's series; the games are alike, not the bits. 1.2.0: the score
 * marks machines at the world's used bid with depth (score.ts), a sale pays no more than it takes off
 * the seller's mark, and the used ask is floored at the world's bid (issue #13 §1). 2.0.0: the new
 * economy of issue #13: regional used markets, factory queues with bids, hosting crunch/queues/sites/
 * contracts, loans and the risk-free rate, landed-cost shipping with brokers and licence fees, grey-mining
 * odds, machine leases and the class-sized world; the state gained their fields, so older saves are refused.
 * 2.1.0: a scenario may give every company a fleet on day 0 (startingFleet.ts; exodus-2021 does); rail
 * runs to Iran and Germany, trucks at most 4,000 km, the premium broker's fee is $10,000 + 1%; factories
 * make a model for the scenario's production life (factory.productionMonths), then it is sold only used.
 * 2.2.0: one world model for the decade (issue #16): the rest of the world switches off by each tier's
 * own breakeven (at once after a sudden fall), covert mining after a ban, seasonal hydro migration,
 * machine prices on a sticky hashprice memory, dated power and hosting fees (a new lease is priced on the
 * day's fee; a held one keeps its locked price), supply from miners' revenue with a chip shortage's order book, dated capacity growth.
 * 2.3.0: a supply's retirement may wait (world.supply.retirePatienceDays): switched-off machines leave
 * by their idle share averaged over that many days, not today's, and a tier left with less than a
 * machine's hashrate goes whole; the decade's world keeps its machines through a dip, so its games
 * differ from 2.2.0's (the other scenarios retire nothing and play as before).
 * 2.4.0: machines retired from the world's racks are sold off on the region's used market that day
 * (usedMarketFlows.ts); the episodes, now windows of the decade (world.windowOf), retire and list too.
 */
export const ENGINE_VERSION = "2.4.0";

export interface ChainState {
  /** Height of the tip (the last block mined). */
  height: number;
  /** Bits in force for the next block. */
  bits: number;
  /** Unix seconds of the first block of the current retarget period. */
  periodFirstTime: number;
  /** Unix seconds of the tip. */
  tipTime: number;
  /** Expected hashes per block at the current target (cached: recomputed at each retarget). */
  hashesPerBlock: number;
  /** The simulation's exact clock, Unix seconds (float): block times are its floor. */
  clock: number;
  blocksToday: number;
  /** Reward paid out by today's blocks (subsidy + fees), satoshis. */
  rewardToday: Sats;
  subsidyToday: Sats;
}

export interface RetargetRecord {
  height: number;
  day: EpochDay;
  time: number;
  oldBits: number;
  newBits: number;
  /** Change in difficulty, parts per million (signed). */
  changePpm: number;
}

export interface MarketState {
  priceCents: Cents;
  /** Fees per block today, satoshis. */
  feesSatsPerBlock: Sats;
  /** Expected revenue of one TH/s for one day at today's difficulty, micro-USD. */
  hashpriceMicroUsd: number;
  /** Expected revenue of one TH/s for one day, satoshis ×1000 (milli-sats): BTC-denominated hashprice. */
  hashpriceMilliSats: number;
  /** Exponential moving average of the hashprice over about a month: prices move on it. */
  hashpriceAvgMicroUsd: number;
  /** Log-price state of the stochastic model, or the noise term on a historical series. */
  priceLogOffset: number;
  /** Price of one TH/s of the best model on sale today, cents. */
  factoryCentsPerTh: Cents;
  /** Used-market bid per efficiency tier, cents per TH/s (index matches USED_TIERS). */
  usedCentsPerTh: Cents[];
  /** Net machines (TH/s) players sold into each tier recently: pushes the index down. */
  usedPressureThs: number[];
  /**
   * The hashprice machines are priced on, micro-USD per TH/s per day: a memory of it that rises at
   * the 30-day average's pace and falls over the factory's `memoryDays` (machinePrice.ts).
   */
  hashpriceMemoryMicroUsd: number;
  /** The hashprice the used market prices on today: the memory with the next halving foreseen (machinePrice.ts). */
  usedBasisMicroUsd: number;
}

/** A slice of the rest of the world's fleet in one region. */
export interface RestOfWorldTier {
  jPerTh: number;
  /** Installed TH/s. */
  installedThs: number;
  /** Fraction running, 0..1, moving towards the profitable fraction over `responseDays`. */
  running: number;
  /**
   * The switched-off share (1 - running) averaged over the supply's `retirePatienceDays` (worldRetire.ts):
   * what retirement reads, so that machines off for a dip are kept and those off for months leave.
   * Absent until a scenario with that patience first retires machines.
   */
  idleAvg?: number;
}

export interface MigrationBatch {
  fromRegion: string;
  jPerTh: number;
  ths: number;
  readyDay: EpochDay;
}

export interface RegionState {
  id: string;
  policy: MiningPolicy;
  /** Multiplier on the scenario's monthly power price, basis points (events move it). */
  powerMultiplierBps: number;
  capacityKw: number;
  /** kW leased by companies. */
  leasedKw: number;
  /**
   * The rest of the world's machines here ("row": rest of world). The field keeps its short name
   * because field names are part of the state's hash, which replays check.
   */
  rowTiers: RestOfWorldTier[];
  /** Machines installed but idle under a ban, waiting for it to lift (they keep their space). */
  idleTiers: RestOfWorldTier[];
  /** A ban announced for a later day (grace period): day it takes effect, or null. */
  banPendingDay: EpochDay | null;
  /** Everyone's machines here are switched off until this day (blackout, curtailment). */
  offlineUntil: EpochDay;
  /** During a curtailment, what the grid pays per MWh not drawn, cents (0 in a blackout). */
  demandResponseCentsPerMwh: number;
  /** No new leases nor capacity growth before this day (moratorium). */
  moratoriumUntil: EpochDay;
  /** Under a ban: chance a day that a player's machines left powered here are seized, basis points. */
  seizureBpsPerDay: number;
  /** TH/s of the rest of the world that obeys a ban and switches off, per day of the ramp. */
  banRampThsPerDay: number;
  banRampDaysLeft: number;
  banIdleBps: number;
  banEmigrateBps: number;
  /** Day the ban in force here began (null: not banned); grey mining's seizure odds grow with it (grey.ts). */
  bannedSinceDay: EpochDay | null;
  /**
   * Covert mining (covert.ts): the share of the fleet obeying the ban in force that goes covert, basis
   * points. Absent (as the next two) until a ban with a covert share, so other games hash as before.
   */
  banCovertBps?: number;
  /** Machines lying low after a ban (installed, off) until `covertReturnDay`, when they restart in hiding. */
  covertTiers?: RestOfWorldTier[];
  covertReturnDay?: EpochDay;
  /** Days over which the hidden fleet restarts, from `covertReturnDay`. */
  covertRestartDays?: number;
  /**
   * The share of the region under a ban on part of it (a province, the unlicensed), basis points: the
   * last such ban's share (a later one on the same part, as Russia's 2025 decrees, restates it). Absent
   * until such a ban, so other games hash as before. No event lifts it (an unban lifts a ban on the whole
   * region): no scenario's history has a lifted ban on part of a region.
   */
  partBannedBps?: number;
}

/**
 * onOrder: paid, the factory is making it. stored: waiting at a factory or at a region's warehouse.
 * inTransit: aboard a shipment (its customs included). installed: in a leased rack.
 */
export type LotStatus = "onOrder" | "stored" | "inTransit" | "installed";

/**
 * Read only: a lot that moves gets a new location object, never an edited one (lotFacts.ts relies on it
 * to know a lot has not moved by comparing the object alone).
 */
export type LotLocation =
  | { readonly kind: "factory"; readonly hub: string }
  | { readonly kind: "region"; readonly region: string }
  | { readonly kind: "shipment"; readonly shipment: string };

export interface Lot {
  id: string;
  owner: string;
  model: string;
  quantity: number;
  status: LotStatus;
  location: LotLocation;
  powered: boolean;
  /** Day the factory hands the lot over (for lots on order). */
  readyDay: EpochDay;
  origin: string;
  /** What the owner paid, cents (for the books; equity uses market value). */
  costCents: Cents;
  /**
   * Bought second-hand: the day the machines were made, for their condition (age) and daily failure
   * risk (usedMarketWear.ts). Absent on new machines, so their lots (and hashes) are as before.
   */
  builtDay?: EpochDay;
  /** Given on day 0 by the scenario's starting fleet (startingFleet.ts), not bought. Absent otherwise. */
  given?: true;
}

/** Every kind of ledger entry, declared once: the type is read off the list. */
export const LEDGER_KINDS = [
  "machinePurchase",
  "machineSale",
  "miningRevenue",
  "btcSale",
  "power",
  "hosting",
  "leaseSetup",
  "freight",
  "insurance",
  "insurancePayout",
  "tariff",
  "vat",
  "storage",
  "carbonTax",
  "demandResponse",
  "tradePurchase",
  "tradeSale",
  /** A customs broker's fee and import licence fees (logistics/landed.ts). */
  "customsFees",
  // Finance (issue #13 §4, engine/loans.ts): interest cash earned, interest a loan cost, a loan's
  // principal drawn and repaid, BTC bought for the treasury (with its fee).
  "interestIncome",
  "loanInterest",
  "loanDrawn",
  "loanRepaid",
  "btcPurchase",
  "machineLease",
  "siteBuild",
  "siteUpkeep",
  "hostingContract",
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export interface LedgerEntry {
  day: EpochDay;
  kind: LedgerKind;
  cents: Cents;
  /** BTC moved by this entry, satoshis (revenue in, sales out). */
  sats: Sats;
  ref: string;
}

export interface Lease {
  region: string;
  kw: number;
  /** Bought with the region's renewable option: dearer power, lower carbon. */
  renewable: boolean;
  /** Hosting price locked when the kW were leased, cents per kW-month (absent: the region's base price). */
  centsPerKwMonth?: number;
  /** kW of the company's own sites in `kw`: no hosting fee (upkeep instead), never released. */
  ownKw?: number;
  /** kW in `kw` hosted by another company under contracts: paid to the host, back to it at the end. */
  contractKw?: number;
}

export interface Company {
  id: string;
  name: string;
  cashCents: Cents;
  btcSats: Sats;
  /** Share of each day's mined BTC sold at the close, basis points. */
  sellRatioBps: number;
  leases: Lease[];
  /** Today's ledger (cleared at the start of each day; history is in the step report). */
  ledger: LedgerEntry[];
  /** Cumulative totals per ledger kind, cents. */
  totals: Record<LedgerKind, Cents>;
  minedSats: Sats;
  kwhTotal: number;
  carbonKgTotal: number;
  bankrupt: boolean;
  /** Payouts: pool (pro rata, minus the pool fee) or solo (whole blocks, by luck). */
  payout: "pool" | "solo";
  /**
   * Interest on cash not yet a whole cent, as a numerator over 365 × 10,000 (cents × bps): kept so that
   * interest paid over many days is exactly the sum's floor, not a sum of floors (engine/loans.ts).
   */
  interestCarry: number;
}

/** A loan against machines and/or BTC (engine/loans.ts). Interest is paid from cash each day. */
export interface Loan {
  id: string;
  company: string;
  principalCents: Cents;
  /** Spread over the risk-free rate, fixed when borrowed (by loan-to-value, less the green cut), bps. */
  spreadBps: number;
  startDay: EpochDay;
  /** The principal is repaid from cash on this day (collateral sold for the rest). */
  dueDay: EpochDay;
  /** Pledged lots (a pledged lot cannot be sold or offered until the loan is repaid). */
  lots: string[];
  /** Pledged BTC, satoshis (held in the treasury, not sellable below this). */
  btcSats: Sats;
  /** Interest not yet a whole cent, numerator over 365 × 10,000 (as Company.interestCarry). */
  carry: number;
  /** A margin call is running: the collateral is sold on this day unless the LTV is back in line. */
  marginCallDay: EpochDay | null;
  /** Whether the green cut was granted (a low-carbon fleet when borrowed). */
  green: boolean;
}

export interface WorldState {
  regions: RegionState[];
  migration: MigrationBatch[];
  /** Machines scrapped or hidden after bans, TH/s (for the books of the rest of the world). */
  retiredThs: number;
  /**
   * Seasonal hydro migration (seasonalMigration.ts): TH/s of the thermal region's mobile fleet now in the
   * hydro region with the kW of capacity they took along, and machines on the road. Absent in scenarios
   * without it, so their games hash as before.
   */
  seasonal?: {
    awayThs: number;
    awayKw: number;
    transit: SeasonalBatch[];
    /** The season movers last judged by (seasonalNews.ts tells everyone when it turns). */
    season?: "wet" | "dry";
  };
  /**
   * Racks hosts have ordered for machines that found no room, by the day they open (buildOut.ts).
   * Absent until the first order, so games without the scenario block hash as before.
   */
  buildOut?: { orders: BuildOrder[] };
}

/** kW of hosting racks that open on `readyDay`, ordered in a crunch (buildOut.ts). */
export interface BuildOrder {
  readyDay: number;
  kw: number;
}

/** Machines on the road between a thermal and a hydro region (off until `readyDay`). */
export interface SeasonalBatch {
  toHydro: boolean;
  jPerTh: number;
  ths: number;
  readyDay: EpochDay;
}

export interface GameState {
  engineVersion: string;
  scenario: Scenario;
  scenarioHash: string;
  seed: number;
  tick: number;
  day: EpochDay;
  finished: boolean;
  rng: {
    blocks: RngState;
    market: RngState;
    world: RngState;
    solo: RngState;
    trade: RngState;
    hazards: RngState;
  };
  chain: ChainState;
  market: MarketState;
  world: WorldState;
  companies: Company[];
  lots: Lot[];
  /** Index of the next scheduled scenario event. */
  nextEvent: number;
  nextId: number;
  /** Machines (units) that left the game through the used market, per model: for conservation checks. */
  soldUnits: Record<string, number>;
  /** Machines that entered the game from the used market (bought used), per model. */
  boughtUsedUnits: Record<string, number>;
  /** Machines lost in transit, broken on arrival or seized under a ban, per model. */
  destroyedUnits: Record<string, number>;
  shipments: Shipment[];
  offers: Offer[];
  factories: FactoryState[];
  countries: CountryState[];
  effects: ActiveEffect[];
  /** Today's notices (cleared at the start of each day; the step report carries them). */
  notices: Notice[];
  /** Multiplier on freight rates, basis points (freight spikes). */
  freightMultiplierBps: number;
  /** Multiplier on fees per block, basis points (fee spikes). */
  feeMultiplierBps: number;
  /** Every retarget that happened in this game. */
  retargets: RetargetRecord[];
  /** Network hashrate at the end of the last day, TH/s (players + the rest of the world, running). */
  networkThs: number;
  /** Players' running hashrate at the end of the last day, TH/s. */
  playerThs: number;
  /** Pre-orders in the factories' queues, with their undelivered units (factoryQueue.ts). */
  factoryOrders: FactoryOrder[];
  /** Regional used markets: each open region's stock and buyers' pressure by tier (usedMarket.ts). */
  usedMarkets: UsedMarketsState;
  /** Open loans (issue #13 §4, engine/loans.ts); a repaid or liquidated loan leaves the list. */
  loans: Loan[];
  /** The class-sized world in force (classWorld.ts), or null: the full-sized world (the default). */
  classWorld: ClassWorld | null;
  /** Machine leases between companies, offered, running and lately ended (machineLease.ts). */
  machineLeases: MachineLease[];
  /** Lease queues, own sites and hosting contracts (hostingState.ts; issue #13 §3). */
  hosting: HostingState;
}

/** One region's used market: what is for sale there, per used tier (index matches USED_TIERS). */
export interface RegionUsedMarket {
  region: string;
  /** TH/s of machines for sale, per tier. */
  stockThs: number[];
  /** TH/s bought there recently, per tier: raises the price, fades daily. */
  pressureThs: number[];
}

export interface UsedMarketsState {
  /** The markets' own random stream (failures of used machines), so no other draw moves. */
  rng: RngState;
  /** One per scenario region, in the scenario's order. */
  regions: RegionUsedMarket[];
}
