/**
 * Retiring switched-off machines (worldRetire.ts, issue #16): only the switched-off part of a tier leaves,
 * its kW are freed and counted as retired, and a scenario without the rate keeps every machine. With a
 * patience, a tier just switched off loses little, one off for months loses at the full rate.
 */
import { describe, expect, it } from "vitest";
import { MIN_TIER_THS, retireIdleMachines } from "../../shared/engine/worldRetire.ts";
import { addToTier, restOfWorldKw } from "../../shared/engine/regions.ts";
import type { GameState, RestOfWorldTier } from "../../shared/engine/state.ts";
import { EngineCaches } from "../../shared/engine/caches.ts";
import { usedTierOf } from "../../shared/engine/market.ts";
import { bestUsedTierOfWorld } from "../../shared/engine/usedMarket.ts";
import { advanceUsedMarkets } from "../../shared/engine/usedMarketFlows.ts";
import { newGame } from "../helpers/game.ts";

describe("retiring switched-off machines", () => {
  it("takes a month's share of the switched-off TH/s a day and leaves the running ones", () => {
    const state = withoutPatience(newGame("history-2016-2026"));
    const pct = state.scenario.world.supply?.retireIdlePctPerMonth ?? 0;
    const region = state.world.regions.find((r) => r.rowTiers.length > 0)!;
    const tier = region.rowTiers[0]!;
    tier.running = 0.25;
    const [installed, kwBefore] = [tier.installedThs, restOfWorldKw(region)];
    retireIdleMachines(state);
    const retired = installed * 0.75 * (pct / 100 / 30);
    expect(tier.installedThs).toBeCloseTo(installed - retired, 6);
    expect(tier.installedThs * tier.running).toBeCloseTo(installed * 0.25, 6);
    expect(restOfWorldKw(region)).toBeLessThan(kwBefore);
    expect(state.world.retiredThs).toBeGreaterThan(0);
  });

  it("keeps every machine in a scenario that sets no rate", () => {
    const state = newGame("sandbox");
    for (const region of state.world.regions) for (const t of region.rowTiers) t.running = 0;
    const before = JSON.stringify(state.world);
    expect(retireIdleMachines(state)).toBeNull();
    expect(JSON.stringify(state.world)).toBe(before);
  });
});

/** The game with its supply's patience removed: retirement reads today's switched-off share alone. */
function withoutPatience(state: GameState): GameState {
  const supply = state.scenario.world.supply!;
  const { retirePatienceDays: _gone, ...rest } = supply;
  state.scenario = { ...state.scenario, world: { ...state.scenario.world, supply: rest } };
  return state;
}

describe("selling off retired machines (engine 2.4.0)", () => {
  /**
   * The decade without patience, one tier three-quarters off (one whose machines list in two used tiers,
   * their own and the best's): the region, the tier, its TH/s.
   */
  function quarterOn() {
    const state = withoutPatience(newGame("history-2016-2026"));
    const r = state.world.regions.findIndex((x) => x.policy !== "banned");
    const region = state.world.regions[r]!;
    for (const t of region.rowTiers) t.running = 1;
    // S19-class machines (34 J/TH), which list in two used tiers; the 2016 fleet lists in one.
    addToTier(region, 34, 1e6);
    const tier = region.rowTiers.find((t) => t.jPerTh === 34)!;
    expect(usedTierOf(34)).not.toBe(bestUsedTierOfWorld(34));
    tier.running = 0.25;
    return { state, r, tier, installed: tier.installedThs };
  }

  it("returns what the racks retire by region, half in the tier's own used tier and half in the best's", () => {
    const { state, r, tier, installed } = quarterOn();
    const listings = retireIdleMachines(state);
    const retired = installed - tier.installedThs;
    const listed = listings?.[r] ?? [];
    expect(retired).toBeGreaterThan(0);
    const [own, best] = [usedTierOf(tier.jPerTh), bestUsedTierOfWorld(tier.jPerTh)];
    expect(listed[own]).toBeCloseTo(retired / 2, 6);
    expect(listed[best]).toBeCloseTo(retired / 2, 6);
    // Nothing else was off, so nothing else retired: the one listing is all of it.
    expect(listings?.filter((l) => l !== null)).toHaveLength(1);
    expect(listed.reduce((a, b) => a + b, 0)).toBeCloseTo(state.world.retiredThs, 6);
  });

  it("lists a tier's last switched-off machines whole when they go whole", () => {
    const { state, r, tier } = quarterOn();
    tier.installedThs = MIN_TIER_THS / 2 / 0.75; // less than a machine switched off: all of it goes
    const idle = tier.installedThs * 0.75;
    const listings = retireIdleMachines(state);
    const listed = listings?.[r] ?? [];
    expect(tier.installedThs).toBeCloseTo(idle / 3, 9);
    expect(listed[usedTierOf(tier.jPerTh)]! + listed[bestUsedTierOfWorld(tier.jPerTh)]!).toBeCloseTo(idle, 9);
  });

  it("adds them to the day's listings, keeping the stock's export share", () => {
    const state = newGame("history-2016-2026");
    const r = state.world.regions.findIndex((x) => x.rowTiers.length > 0 && x.policy !== "banned");
    const twin = structuredClone(state);
    const tierIndex = 3;
    const listings = state.world.regions.map((_, i) =>
      i === r ? state.usedMarkets.regions[r]!.stockThs.map((_, t) => (t === tierIndex ? 1e6 : 0)) : null,
    );
    advanceUsedMarkets(state, new EngineCaches(), listings);
    advanceUsedMarkets(twin, new EngineCaches());
    const exportShare = state.scenario.usedMarkets.exportBps / 10_000;
    const gained =
      state.usedMarkets.regions[r]!.stockThs[tierIndex]! - twin.usedMarkets.regions[r]!.stockThs[tierIndex]!;
    // The kept share stays here; the exported share travels on, and some of it may land here again.
    expect(gained).toBeGreaterThanOrEqual(1e6 * (1 - exportShare) - 1e-6);
    expect(gained).toBeLessThan(1e6);
  });
});

/** A game of the decade with one tier switched off entirely: the tier, its TH/s, and the daily rate. */
function switchedOff(): { state: GameState; tier: RestOfWorldTier; installed: number; daily: number } {
  const state = newGame("history-2016-2026");
  const supply = state.scenario.world.supply!;
  const tier = state.world.regions.find((r) => r.rowTiers.length > 0)!.rowTiers[0]!;
  tier.running = 0;
  return { state, tier, installed: tier.installedThs, daily: supply.retireIdlePctPerMonth / 100 / 30 };
}

describe("retiring with patience (history-2016-2026's retirePatienceDays)", () => {
  it("is set on the decade, so that it is what these cases test", () => {
    expect(newGame("history-2016-2026").scenario.world.supply?.retirePatienceDays).toBeGreaterThan(1);
  });

  it("retires a just-switched-off tier at 1/patience of today's rate, and the average climbs day by day", () => {
    const { state, tier, installed, daily } = switchedOff();
    const patience = state.scenario.world.supply!.retirePatienceDays!;
    retireIdleMachines(state);
    expect(tier.idleAvg).toBeCloseTo(1 / patience, 12);
    expect(installed - tier.installedThs).toBeCloseTo((installed * daily) / patience, 6);
    retireIdleMachines(state);
    expect(tier.idleAvg).toBeCloseTo(1 / patience + (1 - 1 / patience) / patience, 12);
  });

  it("keeps most of a tier through a dip that a patient-less rule would have scrapped", () => {
    const patient = switchedOff();
    const hasty = switchedOff();
    withoutPatience(hasty.state);
    for (let day = 0; day < 30; day++) {
      retireIdleMachines(patient.state);
      retireIdleMachines(hasty.state);
    }
    // Without patience a month off at 100% a month takes about 1 - e^-1 of the tier.
    expect(hasty.tier.installedThs / hasty.installed).toBeLessThan(0.4);
    expect(patient.tier.installedThs / patient.installed).toBeGreaterThan(0.75);
  });

  it("retires a tier off for many times its patience at nearly the full rate", () => {
    const { state, tier, daily } = switchedOff();
    const patience = state.scenario.world.supply!.retirePatienceDays!;
    tier.installedThs = 1e12; // large enough to outlast the months of retirement below
    for (let day = 0; day < patience * 8; day++) retireIdleMachines(state);
    const before = tier.installedThs;
    retireIdleMachines(state);
    expect((before - tier.installedThs) / before).toBeGreaterThan(daily * 0.99);
  });

  it("never retires more than today's switched-off share, when the average is above it", () => {
    const { state, tier, installed, daily } = switchedOff();
    tier.idleAvg = 0.9;
    tier.running = 0.8;
    retireIdleMachines(state);
    expect(installed - tier.installedThs).toBeCloseTo(installed * 0.2 * daily, 6);
    expect(tier.installedThs * tier.running).toBeCloseTo(installed * 0.8, 6);
  });

  it("scraps a switched-off tier whole once less than a machine's hashrate of it would be left", () => {
    const { state, tier } = switchedOff();
    const region = state.world.regions.find((r) => r.rowTiers.includes(tier))!;
    tier.installedThs = MIN_TIER_THS * 1.001;
    tier.idleAvg = 1;
    const retiredBefore = state.world.retiredThs;
    retireIdleMachines(state);
    expect(region.rowTiers).not.toContain(tier);
    expect(state.world.retiredThs - retiredBefore).toBeCloseTo(MIN_TIER_THS * 1.001, 9);
  });

  it("keeps a small tier's running machines when its last switched-off fraction goes", () => {
    const { state, tier } = switchedOff();
    tier.installedThs = 10 + MIN_TIER_THS * 0.5;
    tier.running = 10 / tier.installedThs;
    tier.idleAvg = 1;
    const retiredBefore = state.world.retiredThs;
    retireIdleMachines(state);
    expect(tier.installedThs).toBeCloseTo(10, 9);
    expect(tier.running).toBe(1);
    expect(state.world.retiredThs - retiredBefore).toBeCloseTo(MIN_TIER_THS * 0.5, 9);
  });

  it("scales the least switched-off hashrate kept with a class-sized world", () => {
    const { state, tier, daily } = switchedOff();
    state.classWorld = { scalePpm: 1_000, seats: 2 };
    tier.installedThs = MIN_TIER_THS * 0.5; // half a machine at full scale, 500 at a thousandth
    tier.idleAvg = 1;
    retireIdleMachines(state);
    expect(tier.installedThs).toBeCloseTo(MIN_TIER_THS * 0.5 * (1 - daily), 9);
  });

  it("blends running newcomers into a tier's average idle share by TH/s", () => {
    const { state, tier, installed } = switchedOff();
    const region = state.world.regions.find((r) => r.rowTiers.includes(tier))!;
    tier.idleAvg = 0.6;
    addToTier(region, tier.jPerTh, installed);
    expect(tier.idleAvg).toBeCloseTo(0.3, 12);
  });
});
