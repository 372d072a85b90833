/** createGame: the state on day 0 of a scenario, for a seed and a list of players. */
import { createRng } from "../math/rng.ts";
import { monthOf } from "../math/calendar.ts";
import type { Scenario } from "../scenario/types.ts";
import { hashesPerBlockForBits } from "./chain.ts";
import { emptyTotals } from "./ledger.ts";
import { emptyHosting } from "./hostingState.ts";
import { advancePrice, feesForDay, updatePrices, USED_TIERS } from "./market.ts";
import { hashScenario } from "./hash.ts";
import { initialUsedMarkets } from "./usedMarket.ts";
import { grantStartingFleets } from "./startingFleet.ts";
import { ENGINE_VERSION, type Company, type GameState, type RegionState } from "./state.ts";

export interface PlayerSeat {
  id: string;
  name: string;
}

/**
 * `scenarioHash` is hashScenario(scenario): a caller starting many games of one scenario (Monte-Carlo
 * runs) may pass it, worked out once, rather than have each game hash the whole scenario again.
 */
export function createGame(
  scenario: Scenario,
  seed: number,
  players: PlayerSeat[],
  scenarioHash: string = hashScenario(scenario),
): GameState {
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`seed must be an integer from 0 to 4294967295, got ${seed}`);
  }
  if (players.length > scenario.company.maxCompanies) {
    throw new RangeError(
      `${scenario.id} seats at most ${scenario.company.maxCompanies} companies, got ${players.length}`,
    );
  }
  const ids = new Set(players.map((p) => p.id));
  if (ids.size !== players.length) throw new RangeError("player ids must be unique");

  const regions = initialRegions(scenario);
  const state: GameState = {
    engineVersion: ENGINE_VERSION,
    scenario,
    scenarioHash,
    seed,
    tick: 0,
    day: scenario.startDay,
    finished: false,
    rng: {
      blocks: createRng(seed, "blocks"),
      market: createRng(seed, "market"),
      world: createRng(seed, "world"),
      solo: createRng(seed, "solo"),
      trade: createRng(seed, "trade"),
      hazards: createRng(seed, "hazards"),
    },
    chain: {
      height: scenario.chain.startHeight,
      bits: scenario.chain.bits,
      periodFirstTime: scenario.chain.epochStartTime,
      tipTime: scenario.chain.tipTime,
      hashesPerBlock: hashesPerBlockForBits(scenario.chain.bits),
      clock: scenario.chain.tipTime,
      blocksToday: 0,
      rewardToday: 0,
      subsidyToday: 0,
    },
    market: {
      priceCents: 0,
      feesSatsPerBlock: 0,
      hashpriceMicroUsd: 0,
      hashpriceMilliSats: 0,
      hashpriceAvgMicroUsd: 0,
      priceLogOffset: 0,
      factoryCentsPerTh: 0,
      usedCentsPerTh: USED_TIERS.map(() => 0),
      usedPressureThs: USED_TIERS.map(() => 0),
      hashpriceMemoryMicroUsd: 0,
      usedBasisMicroUsd: 0,
    },
    world: { regions, migration: [], retiredThs: 0 },
    companies: players.map((p) => newCompany(scenario, p)),
    lots: [],
    nextEvent: 0,
    nextId: 1,
    soldUnits: {},
    boughtUsedUnits: {},
    destroyedUnits: {},
    shipments: [],
    offers: [],
    factories: scenario.hubs
      .filter((h) => h.kind === "factory")
      .map((h) => ({ hub: h.id, leadExtraDays: 0, priceMultiplierBps: 10_000, exportBlockedUntil: 0 })),
    countries: scenario.countries.map((c) => ({ ...c, tariffBps: { ...c.tariffBps }, congestionDays: 0 })),
    effects: [],
    notices: [],
    freightMultiplierBps: 10_000,
    feeMultiplierBps: 10_000,
    retargets: [],
    networkThs: scenario.world.initialHashrateThs,
    playerThs: 0,
    factoryOrders: [],
    usedMarkets: initialUsedMarkets(scenario, regions, seed),
    loans: [],
    classWorld: null,
    machineLeases: [],
    hosting: emptyHosting(),
  };
  state.market.priceCents = advancePrice(state);
  state.market.feesSatsPerBlock = feesForDay(state);
  updatePrices(state);
  // After the prices: a starting lot's book cost is the day's used bid.
  grantStartingFleets(state);
  return state;
}

function newCompany(scenario: Scenario, seat: PlayerSeat): Company {
  return {
    id: seat.id,
    name: seat.name,
    cashCents: scenario.company.startingCashCents,
    btcSats: 0,
    sellRatioBps: 10_000,
    leases: [],
    ledger: [],
    totals: emptyTotals(),
    minedSats: 0,
    kwhTotal: 0,
    carbonKgTotal: 0,
    bankrupt: false,
    payout: "pool",
    interestCarry: 0,
  };
}

/**
 * The rest of the world at the start: the scenario's hashrate split by region share and fleet tier,
 * installed so that what runs on day 0 (after the month's uptime) equals the scenario's figure.
 */
function initialRegions(scenario: Scenario): RegionState[] {
  const month = monthOf(scenario.startDay);
  return scenario.regions.map((spec) => {
    const uptime = (spec.uptimeMonthlyBps[month - 1] as number) / 10_000;
    const regionThs = (scenario.world.initialHashrateThs * spec.rowSharePpm) / 1e6 / Math.max(uptime, 0.01);
    return {
      id: spec.id,
      policy: spec.policy,
      powerMultiplierBps: 10_000,
      capacityKw: spec.capacityKw,
      leasedKw: 0,
      rowTiers: scenario.world.fleet
        .filter((t) => t.sharePpm > 0 && regionThs > 0)
        .map((t) => ({ jPerTh: t.jPerTh, installedThs: (regionThs * t.sharePpm) / 1e6, running: 1 })),
      idleTiers: [],
      banPendingDay: null,
      offlineUntil: 0,
      demandResponseCentsPerMwh: 0,
      moratoriumUntil: 0,
      seizureBpsPerDay: 0,
      bannedSinceDay: null,
      banRampThsPerDay: 0,
      banRampDaysLeft: 0,
      banIdleBps: 0,
      banEmigrateBps: 0,
    };
  });
}
