/**
 * step: advances the game by one day. The order is fixed and documented because it is part of the
 * rules: events, then prices, then the world's fleet, then the chain mines the day, then companies are
 * paid and charged, then prices are marked for tomorrow and tomorrow's deliveries arrive (pre-orders'
 * batches due tomorrow leave their factory's queue first: shipFactoryBatches, then deliverOrders).
 * The used markets move right after the world's fleet and shipments (advanceUsedMarkets, after
 * advanceOffers): their listings read what the world switched off or idled today, and used machines
 * that fail today do not mine.
 * `state.day` is always the day that commands act on and that the next step simulates.
 * Machine leases (machineLease.ts) run right after the fleets: a leased lot's TH/s move from its owner
 * (who ran it and paid its power) to the lessee before blocks are mined and paid, with the day's fee.
 *
 * Finance (loansDay.ts, issue #13 §4) runs after miners are paid and before debts are settled: the
 * day's revenue is in cash when interest is earned and paid and margin calls are judged, and whatever
 * a forced sale leaves owed is an overdraft that settleDebts covers (or declares the bankruptcy) the
 * same day.
 * Hosting (hostingDay.ts: contracts, own sites, the lease queue) runs just before the world's fleet, so
 * that space given back or queued for is settled before the world's machines look for room.
 *
 * `caches` are the game's speed caches (see caches.ts), handed down to every part of the day that looks
 * something up: pass the game's own for speed; omitted, a fresh set serves this one day, the same day
 * only slower.
 */
import { formatIsoDate } from "../math/calendar.ts";
import { mineDay, type DayBlocks, type SoloMiner } from "./chain.ts";
import {
  deliverOrders,
  equities,
  operateFleets,
  payMiners,
  settleDebts,
  type CompanyDay,
} from "./companies.ts";
import { applyScheduledEvents, type NewsItem } from "./events.ts";
import { advancePrice, feesForDay, updatePrices } from "./market.ts";
import type { Company, GameState, LedgerEntry, RetargetRecord } from "./state.ts";
import { advanceWorld, restOfWorldHashrate } from "./world.ts";
import { advanceShipments } from "./logistics/advance.ts";
import { advanceShocks } from "./shocks/advance.ts";
import { advanceOffers } from "./offers.ts";
import { advanceUsedMarkets } from "./usedMarketFlows.ts";
import { advanceHosting } from "./hostingDay.ts";
import type { Notice } from "./tradeState.ts";
import { EngineCaches } from "./caches.ts";
import { shipFactoryBatches } from "./factoryOrders.ts";
import { advanceFinance } from "./loansDay.ts";
import { advanceMachineLeases } from "./machineLease.ts";

export interface StepReport {
  tick: number;
  day: number;
  date: string;
  height: number;
  blocks: number;
  retargets: RetargetRecord[];
  halvings: number[];
  news: NewsItem[];
  /** Today's notices: news for everyone (company null) and messages to one company. */
  notices: Notice[];
  networkThs: number;
  playerThs: number;
  /** Rest-of-world running hashrate by region (scenario order), TH/s. */
  restOfWorldThsByRegion: number[];
  /** Each company's day: ledger entries, and where it stands at the close. */
  ledgers: CompanyDayReport[];
}

export interface CompanyDayReport {
  company: string;
  entries: LedgerEntry[];
  cashCents: number;
  btcSats: number;
  equityCents: number;
  /** Running hashrate today, TH/s. */
  ths: number;
  kwh: number;
  carbonKg: number;
  bankrupt: boolean;
}

/** What a day produced, before it is reported: the network's figures and each company's operations. */
interface DayPlayed {
  news: NewsItem[];
  mined: DayBlocks;
  fleets: CompanyDay[];
  networkThs: number;
  playerThs: number;
  restOfWorldThsByRegion: number[];
}

export function step(state: GameState, caches: EngineCaches = new EngineCaches()): StepReport {
  const played = playDay(state, caches);
  const { mined, fleets } = played;
  const equity = equities(state, caches);
  const report: StepReport = {
    tick: state.tick,
    day: state.day,
    date: formatIsoDate(state.day),
    height: state.chain.height,
    blocks: mined.blocks,
    retargets: mined.retargets,
    halvings: mined.halvings,
    news: played.news,
    notices: state.notices,
    networkThs: played.networkThs,
    playerThs: played.playerThs,
    restOfWorldThsByRegion: played.restOfWorldThsByRegion,
    ledgers: state.companies.map((c, i) => ({
      company: c.id,
      entries: c.ledger,
      cashCents: c.cashCents,
      btcSats: c.btcSats,
      equityCents: equity[i] as number,
      ths: fleets[i]?.ths ?? 0,
      kwh: fleets[i]?.kwh ?? 0,
      carbonKg: fleets[i]?.carbonKg ?? 0,
      bankrupt: c.bankrupt,
    })),
  };
  closeDay(state, caches);
  return report;
}

/** The network's side of a day's report: what a headless run that does not read the books needs. */
export type NetworkDayReport = Pick<
  StepReport,
  "tick" | "day" | "date" | "networkThs" | "playerThs" | "restOfWorldThsByRegion"
>;

/**
 * The same day as `step` — the state afterwards is exactly the one `step` leaves — reporting only the
 * network's figures: no equity marks nor ledgers for each company, which are the report's dearest part
 * and which Monte-Carlo runs, reading the books once at the end, do not need every day.
 */
export function stepNetwork(state: GameState, caches: EngineCaches = new EngineCaches()): NetworkDayReport {
  const played = playDay(state, caches);
  const report: NetworkDayReport = {
    tick: state.tick,
    day: state.day,
    date: formatIsoDate(state.day),
    networkThs: played.networkThs,
    playerThs: played.playerThs,
    restOfWorldThsByRegion: played.restOfWorldThsByRegion,
  };
  closeDay(state, caches);
  return report;
}

/** The day itself, in the rules' order, up to the close (reports read the state at this point). */
function playDay(state: GameState, caches: EngineCaches): DayPlayed {
  if (state.finished) throw new Error("the game is over: no more days to step");
  for (const company of state.companies) company.ledger = [];
  state.notices = [];

  const news = applyScheduledEvents(state, caches);
  advanceShocks(state, caches);
  state.market.priceCents = advancePrice(state);
  // Fee spikes scale the day's fees (a mempool rush); 10000 bps is a normal day.
  state.market.feesSatsPerBlock = Math.round((feesForDay(state) * state.feeMultiplierBps) / 10_000);
  advanceHosting(state, caches);
  const retired = advanceWorld(state, caches);
  advanceShipments(state, caches);
  advanceOffers(state, caches);
  advanceUsedMarkets(state, caches, retired);

  const restOfWorldThsByRegion = restOfWorldHashrate(state, caches);
  const restOfWorldThs = restOfWorldThsByRegion.reduce((s, x) => s + x, 0);
  const fleets = operateFleets(state, caches);
  // Leased machines' hashrate goes to their lessees, after the owners ran (and paid for) them and before
  // blocks are mined and paid (machineLease.ts); the players' total is the same either way.
  advanceMachineLeases(state, fleets, caches);
  const playerThs = fleets.reduce((s, d) => s + d.ths, 0);
  const networkThs = restOfWorldThs + playerThs;

  const solo: SoloMiner[] = [];
  state.companies.forEach((c: Company, i) => {
    const ths = fleets[i]?.ths ?? 0;
    if (c.payout === "solo" && ths > 0) solo.push({ companyIndex: i, ths });
  });
  const mined = mineDay(state, networkThs, solo);
  payMiners(state, fleets, networkThs, mined.soloWins);
  advanceFinance(state, caches);
  settleDebts(state, caches);
  updatePrices(state);

  state.networkThs = networkThs;
  state.playerThs = playerThs;
  return { news, mined, fleets, networkThs, playerThs, restOfWorldThsByRegion };
}

/** The day is over: the calendar moves on, and lots due tomorrow are handed over. */
function closeDay(state: GameState, caches: EngineCaches): void {
  state.tick++;
  state.day++;
  // Lots due today are handed over at the start of the day, so commands given today can install them.
  // Pre-orders' batches due today split from their lots first (factoryOrders.ts), then lots are stored.
  shipFactoryBatches(state, caches);
  deliverOrders(state);
  if (state.tick >= state.scenario.days) state.finished = true;
}
