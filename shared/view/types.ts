/**
 * What players see, declared once: the synced state's shape, in the engine's units (cents, satoshis,
 * TH/s, kW, µUSD/kWh, epoch days). `viewOf` (project.ts) writes it from the game state; the server's
 * schema classes are checked against it by the compiler (server/schema/contract.ts); the client reads
 * these same types. Formatting for people happens only in the client (client/src/ui/format.ts).
 */
import type { EpochDay } from "../math/calendar.ts";
import type { Cents, Sats } from "../math/money.ts";
import type { Phase } from "../protocol/constants.ts";
import type { LotStatus } from "../engine/state.ts";
import type { ScoreMeasure } from "../engine/scoreMeasure.ts";
import type { ShipmentStatus } from "../engine/tradeState.ts";
import type { MiningPolicy, ShippingMode } from "../scenario/types.ts";
import type { PreorderView } from "./factoryView.ts";
import type { MachineLeaseView } from "./machineLeases.ts";
import type { HostingDealView } from "./hostingView.ts";

/** A public notice on the news ticker (and in the history of the regions it names). */
export interface NewsView {
  day: EpochDay;
  kind: string;
  en: string;
  zh: string;
  /** Region ids and ISO countries the item concerns. */
  targets: string[];
}

export interface RegionView {
  id: string;
  /** ISO country: news about the country (tariffs, bans) concerns the region too. */
  country: string;
  policy: MiningPolicy;
  banPending: boolean;
  offline: boolean;
  /** Today's grid power price, µUSD per kWh. */
  powerMicroUsdPerKwh: number;
  /** Capacity nobody leases yet, whole kW. */
  freeKw: number;
  /** The rest of the world's machines running here today, TH/s (0 while the region is offline). */
  restOfWorldThs: number;
  /** The rest of the world's share of the network's hashrate here, basis points. */
  shareBps: number;
  /** The last few news items naming the region or its country, oldest first. */
  history: NewsView[];
}

/** Where a lot is: at a factory (a hub), in a region (stored or installed), or aboard a shipment. */
export type PlaceKind = "factory" | "region" | "shipment";

export interface LotView {
  id: string;
  model: string;
  /** The model's name, for people (model is its id). */
  name: string;
  quantity: number;
  status: LotStatus;
  /**
   * Where it is: the kind of place, and the hub's, region's or shipment's id. A pair of fields rather
   * than a nested object: Colyseus shows a seat's private items to its view one level deep only.
   */
  placeKind: PlaceKind;
  placeId: string;
  powered: boolean;
  /** Country of manufacture. */
  origin: string;
  /** Nameplate power, kW: what a lease must hold to install it. */
  kw: number;
  /** Expected profit today at today's prices, cents (the engine's lotDay; 0 unless installed). */
  pnlCentsPerDay: Cents;
  /** On order: the day it leaves the factory; in transit: the day customs decides; otherwise 0. */
  untilDay: EpochDay;
  /**
   * What the lot's own state allows (shared/engine/lotActions.ts, the commands' first checks): leave
   * where it is, be installed in the region it waits in, be switched on or off. The rest (a lease with
   * room, a route, cash) the command's preview says.
   */
  canShip: boolean;
  canInstall: boolean;
  canPower: boolean;
  /** The loan this lot is pledged to ("" when none): it cannot be sold until that loan is repaid. */
  pledgedTo: string;
  /** Given on day 0 by the scenario (a starting fleet), not bought: the tour counts only what I did. */
  given: boolean;
}

/** An open offer of machines this company made or received. */
export interface OfferView {
  id: string;
  from: string;
  to: string;
  lot: string;
  model: string;
  quantity: number;
  priceCents: Cents;
  /** Last day it can be accepted. */
  expiresDay: EpochDay;
}

export interface LeaseView {
  region: string;
  kw: number;
  renewable: boolean;
}

/** Only the company's own seat (and the host) see this part. */
export type { PreorderView };

export interface CompanyPrivateView {
  cashCents: Cents;
  btcSats: Sats;
  sellRatioBps: number;
  payout: "pool" | "solo";
  lots: LotView[];
  leases: LeaseView[];
  /** Open offers made or received (closed ones leave: the notices told the story). */
  offers: OfferView[];
  /** How the company's equity is made (engine score.ts): equity = cash + BTC + machines - owed. */
  score: ScorePartsView;
  /** Its pre-orders in the factories' queues (factoryView.ts). */
  preorders: PreorderView[];
  /** Money matters (engine/loans.ts, issue #13 §4): the rate cash earns, interest so far, debt. */
  finance: FinanceView;
  /** Open loans (a map keyed by id on the wire). */
  loans: LoanView[];
  /** Machine leases offered or running, made or received (view/machineLeases.ts). */
  machineLeases: MachineLeaseView[];
  /** Its queued leases, own sites, and hosting offers and contracts (hostingView.ts; issue #13 §3). */
  hosting: HostingDealView[];
}

/** The company's finance at a glance, in the engine's units. */
export interface FinanceView {
  /** Today's risk-free rate (the US 3-month T-bill of the month), basis points a year. */
  riskFreeBps: number;
  /** The month's rate is an estimate (not checked against the series' source). */
  riskFreeEstimate: boolean;
  /** Interest cash has earned so far, cents. */
  interestEarnedCents: Cents;
  /** Interest paid on loans so far, cents (positive). */
  interestPaidCents: Cents;
  /** Principal owed on open loans, cents. */
  debtCents: Cents;
  /** BTC pledged to loans (not sellable), satoshis. */
  pledgedSats: Sats;
  /** The installed fleet is low-carbon enough for the green loan spread. */
  green: boolean;
  /** The fleet's grams of CO2 per TH/s per day (-1: nothing installed), and the green threshold. */
  gramsPerThDay: number;
  greenMaxGramsPerThDay: number;
  /** The BTC purchase fee, basis points. */
  btcFeeBps: number;
}

/** One open loan, flat (Colyseus shows a seat's private items one level deep). */
export interface LoanView {
  id: string;
  principalCents: Cents;
  /** Today's rate: the risk-free rate plus the loan's spread, basis points a year. */
  rateBps: number;
  spreadBps: number;
  green: boolean;
  /** What the pledged machines and BTC are worth today (at the bid with depth), cents. */
  collateralCents: Cents;
  /** Loan to value today, basis points (0 when no collateral is left: see marginCallDay). */
  ltvBps: number;
  /** Above this LTV a margin call is made, basis points. */
  maintenanceLtvBps: number;
  lotCount: number;
  btcSats: Sats;
  dueDay: EpochDay;
  /** The day the collateral is sold unless the loan is brought back in line; 0: no margin call. */
  marginCallDay: EpochDay;
}

/** The parts of a company's equity, cents. */
export interface ScorePartsView {
  /** Cash in hand (an overdraft is in `owedCents`). */
  cashCents: Cents;
  /** BTC held, at today's price. */
  btcCents: Cents;
  /** Machines at the used market's bid with depth (what selling the whole fleet would fetch). */
  machinesCents: Cents;
  /** Own sites at their written-down cost times the resale share (score.ts). */
  sitesCents: Cents;
  owedCents: Cents;
}

export interface CompanyView {
  seat: string;
  name: string;
  /** A bot plays the seat (the host handed it to one, or its holder stayed away past the window). */
  bot: boolean;
  connected: boolean;
  /** A person holds the seat but is away: it is kept for them, and nobody acts in their name. */
  away: boolean;
  equityCents: Cents;
  minedSats: Sats;
  /** The company's machines hashing today, TH/s (after uptime), from the day's report. */
  ths: number;
  /** That hashrate's share of the network's, basis points. */
  shareBps: number;
  carbonKg: number;
  bankrupt: boolean;
  /** The figure the game ranks by (the world's `scoreBy`): equity in cents, BTC mined in sats, J/TH,
   * kg CO2 per BTC (0: none yet), or the mix's average rank. */
  scoreValue: number;
  /** 1 for the first by the game's measure (`scoreBy`; equity unless the host chose another). */
  rank: number;
  /** Null on a client for every company but its own (the host sees all). */
  priv: CompanyPrivateView | null;
}

export interface ShipmentView {
  id: string;
  owner: string;
  mode: ShippingMode;
  status: ShipmentStatus;
  /** Where it left (a hub's or a region's id) and where it goes (a region's id): named for people. */
  fromId: string;
  toId: string;
  /** Share of the way covered, 0..1, for the map. */
  progress: number;
  /** Waypoints as [lon, lat, lon, lat, ...]. */
  path: number[];
}

/** The game's part of the view: everything `viewOf` derives from the engine state. */
export interface WorldView {
  day: EpochDay;
  tick: number;
  /** The scenario's length, days. */
  days: number;
  height: number;
  difficulty: number;
  nextRetargetHeight: number;
  /** The next retarget's change if blocks keep today's pace, percent (Core's ×4 clamp applied). */
  retargetEstimatePct: number;
  nextHalvingHeight: number;
  priceCents: Cents;
  /** One TH/s's expected revenue for a day, µUSD. */
  hashpriceMicroUsd: number;
  /**
   * What the network's machines pay for power per TH/s a day, µUSD (engine/networkPowerCost.ts): the
   * floor a hashprice returns to; far above it is a boom that the difficulty will bring down.
   */
  networkPowerCostMicroUsdPerThDay: number;
  /**
   * The hashprice machine prices are set on today, µUSD (engine/machinePrice.ts): it follows a rise within
   * a month and a fall slowly, so above today's hashprice the factories' and used markets' prices are
   * still on their way down.
   */
  machinePriceHashpriceMicroUsd: number;
  networkThs: number;
  /** All players' machines hashing today, TH/s. */
  playerThs: number;
  regions: RegionView[];
  companies: CompanyView[];
  shipments: ShipmentView[];
  news: NewsView[];
  /** What wins (the host's choice when creating the game): companies are ranked by it. */
  scoreBy: ScoreMeasure;
  /** A class-sized world (engine/classWorld.ts): the players hold a large share of the network. */
  classWorld: boolean;
}

/** The room's part: set by the room, not derived from the engine state. */
export interface RoomView {
  phase: Phase;
  scenario: string;
  /** The join code a class types (or reads off the projector). */
  code: string;
  privateRoom: boolean;
  pace: number;
  /** Companies shown as "Company 1…" on shared screens (a classroom option). */
  hideNames: boolean;
}

/** The whole synced state, as every client reads it. */
export type GameView = RoomView & WorldView;
