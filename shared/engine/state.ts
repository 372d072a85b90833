/**
 * The game state: plain, serializable data. No class instances, no functions, no Maps, so that it can
 * be hashed, snapshotted, sent and replayed. Integers for money (cents, satoshis) and time (days,
 * Unix seconds, block heights); hashrates are floats computed with exact IEEE arithmetic only.
 */
import type { RngState } from "../math/rng.ts";
import type { Cents, Sats } from "../math/money.ts";
import type { EpochDay } from "../math/calendar.ts";
import type { MiningPolicy, Scenario } from "../scenario/types.ts";
import type { HostingState } from "./hostingState.ts";
import type { ActiveEffect, CountryState, FactoryState, Notice, Offer, Shipment } from "./tradeState.ts";

/**
 * Changes whenever the same scenario, seed and commands would play a different game, so that a replay
 * made by another version is refused rather than failing its hash. 1.1.0: block times are drawn with
 * lnOfDraw (a table) instead of detLn's series; the games are alike, not the bits. 1.2.0: the score
 * marks machines at the world's used bid with depth (score.ts), a sale pays no more than it takes off
 * the seller's mark, and the used ask is floored at the world's bid (issue #13 §1).
 */
export const ENGINE_VERSION = "1.2.0";

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
}

/** A slice of the rest of the world's fleet in one region. */
export interface RestOfWorldTier {
  jPerTh: number;
  /** Installed TH/s. */
  installedThs: number;
  /** Fraction running, 0..1, moving towards the profitable fraction over `responseDays`. */
  running: number;
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
}

export interface WorldState {
  regions: RegionState[];
  migration: MigrationBatch[];
  /** Machines scrapped or hidden after bans, TH/s (for the books of the rest of the world). */
  retiredThs: number;
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
  /** Lease queues, own sites and hosting contracts (hostingState.ts; issue #13 §3). */
  hosting: HostingState;
}
