/**
 * Own sites and hosting contracts (issue #13 §3): a site costs its capital now and becomes the owner's
 * capacity after its months of building (no hosting fee, upkeep instead); its owner can host another
 * company for a term and a price; a contract ends at its term, at a ban, or at either party's default,
 * each as hostingOffers.ts spells out.
 */
import { capacityGrowthKwPerDayOn } from "../../shared/engine/capacityGrowth.ts";
import { describe, expect, it } from "vitest";
import { applyCommand, step } from "../../shared/index.ts";
import { legalCommands } from "../../shared/engine/commands/legal.ts";
import { EngineCaches } from "../../shared/engine/caches.ts";
import { scoreParts } from "../../shared/engine/score.ts";
import type { GameState } from "../../shared/engine/state.ts";
import { newGame, player } from "../helpers/game.ts";

const TEXAS = "us-texas";
const HOST = { kind: "host" as const };

const regionOf = (g: GameState, id: string) => g.world.regions.find((r) => r.id === id)!;
const company = (g: GameState, n: number) => g.companies[n - 1]!;
const leaseOf = (g: GameState, n: number) => company(g, n).leases.find((l) => l.region === TEXAS);

function stepDays(g: GameState, days: number, onDay?: (r: ReturnType<typeof step>) => void): void {
  for (let d = 0; d < days; d++) {
    const report = step(g);
    onDay?.(report);
  }
}

/** A sandbox game in which company 1 owns a finished 5 MW site in Texas. */
function withSite(): GameState {
  const g = newGame("sandbox", 1, 3);
  const r = applyCommand(g, player(1), { type: "buildSite", region: TEXAS, kw: 5_000 });
  expect(r.ok).toBe(true);
  stepDays(g, g.scenario.hosting.siteBuildDays + 1);
  return g;
}

function contract(g: GameState, months: number, kw = 2_000): string {
  const offer = { type: "offerHosting", to: "p2", region: TEXAS, kw, centsPerKwMonth: 900, months, days: 5 };
  expect(applyCommand(g, player(1), offer).ok).toBe(true);
  const id = g.hosting.offers.at(-1)!.id;
  expect(applyCommand(g, player(2), { type: "respondHosting", offer: id, accept: true }).ok).toBe(true);
  return id;
}

describe("an own site", () => {
  it("costs its capital now, adds capacity when built, pays upkeep and no hosting fee", () => {
    const g = newGame("sandbox", 1, 1);
    const cash = company(g, 1).cashCents;
    const capacity = regionOf(g, TEXAS).capacityKw;
    expect(applyCommand(g, player(1), { type: "buildSite", region: TEXAS, kw: 5_000 }).ok).toBe(true);
    expect(cash - company(g, 1).cashCents).toBe(5_000 * g.scenario.hosting.siteCapexCentsPerKw);
    stepDays(g, g.scenario.hosting.siteBuildDays - 1);
    expect(leaseOf(g, 1)).toBeUndefined();
    const growth = capacityGrowthKwPerDayOn(
      g.scenario.regions.find((r) => r.id === TEXAS)!,
      g.day,
    );
    let hosting = 0;
    let upkeep = 0;
    stepDays(g, 10, (r) => {
      for (const e of r.ledgers[0]!.entries) {
        if (e.kind === "hosting") hosting += e.cents;
        if (e.kind === "siteUpkeep") upkeep += e.cents;
      }
    });
    expect(leaseOf(g, 1)).toMatchObject({ kw: 5_000, ownKw: 5_000 });
    expect(hosting).toBe(0);
    expect(upkeep).toBeLessThan(0);
    const days = g.tick;
    expect(regionOf(g, TEXAS).capacityKw).toBeCloseTo(capacity + growth * days + 5_000, 3);
    // Own kW are never released (they are not leased from a host).
    const r = applyCommand(g, player(1), { type: "releaseCapacity", region: TEXAS, kw: 1_000 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe("BAD_QUANTITY");
  });

  it("is in legalCommands, and a hosting offer is once the site is built", () => {
    const g = withSite();
    const legal = legalCommands(g, player(1));
    expect(legal.some((c) => c.type === "buildSite")).toBe(true);
    expect(legal.some((c) => c.type === "offerHosting" && c.to === "p2")).toBe(true);
  });
});

describe("an own site in the score", () => {
  it("counts at its written-down cost times the resale share: building one never raises the score", () => {
    const g = newGame("sandbox", 1, 2);
    const caches = new EngineCaches();
    const spec = g.scenario.hosting;
    const before = scoreParts(g, caches)[0]!;
    expect(applyCommand(g, player(1), { type: "buildSite", region: TEXAS, kw: 5_000 }).ok).toBe(true);
    const after = scoreParts(g, caches)[0]!;
    const capex = 5_000 * spec.siteCapexCentsPerKw;
    // The capital leaves cash; what a buyer would pay for the site comes back, never more than it cost.
    expect(after.sitesCents).toBe(Math.floor((capex * spec.siteResaleBps) / 10_000));
    expect(after.equityCents - before.equityCents).toBe(after.sitesCents - capex);
    expect(after.equityCents).toBeLessThan(before.equityCents);
    // Built and run for half its life, it is marked at half that.
    stepDays(g, spec.siteBuildDays + 1);
    const site = g.hosting.sites[0]!;
    while (g.day < site.readyDay + spec.siteLifeDays / 2) step(g, caches);
    const half = scoreParts(g, caches)[0]!.sitesCents;
    expect(half / after.sitesCents).toBeCloseTo(0.5, 2);
  });
});

describe("a hosting contract", () => {
  it("moves the kW to the guest, who pays the host daily, and gives them back at the term", () => {
    const g = withSite();
    const id = contract(g, 1);
    expect(leaseOf(g, 1)).toMatchObject({ kw: 3_000, ownKw: 3_000 });
    expect(leaseOf(g, 2)).toMatchObject({ kw: 2_000, contractKw: 2_000 });
    const leased = regionOf(g, TEXAS).leasedKw;
    let paid = 0;
    let received = 0;
    // Paid for each of its 30 days; on the 31st the term is over before the day is paid.
    stepDays(g, 31, (r) => {
      for (const e of r.ledgers[1]!.entries) if (e.kind === "hostingContract") paid += e.cents;
      for (const e of r.ledgers[0]!.entries) if (e.kind === "hostingContract") received += e.cents;
    });
    // A month of 2,000 kW at $9/kW-month, a day at a time; the guest pays no hosting fee for it.
    expect(received).toBe(2_000 * 900);
    expect(paid).toBe(-received);
    expect(g.hosting.contracts.map((c) => c.id)).toEqual([]);
    expect(leaseOf(g, 1)).toMatchObject({ kw: 5_000, ownKw: 5_000 });
    expect(leaseOf(g, 2)).toBeUndefined();
    expect(regionOf(g, TEXAS).leasedKw).toBe(leased);
    expect(g.notices.some((n) => n.kind === "hostingEnded" && n.text.en.includes(id))).toBe(true);
  });

  it("takes the guest's machines out of the racks when the term ends", () => {
    const g = withSite();
    contract(g, 1);
    // An S19: its class is in the world's 2024 fleet, so Texas's used market has some for sale.
    const buy = { type: "buyUsed", model: "s19", quantity: 10, region: TEXAS };
    expect(applyCommand(g, player(2), buy).ok).toBe(true);
    const lot = g.lots.find((l) => l.owner === "p2")!;
    expect(applyCommand(g, player(2), { type: "installLot", lot: lot.id, region: TEXAS }).ok).toBe(true);
    stepDays(g, 30);
    expect(lot.status).toBe("installed");
    stepDays(g, 1);
    expect(leaseOf(g, 2)).toBeUndefined();
    expect(lot).toMatchObject({ status: "stored", powered: false });
  });

  it("ends at once at a ban (force majeure): the kW go back to the host", () => {
    const g = withSite();
    contract(g, 6);
    const ban = { type: "injectEvent", template: "ban", targets: [TEXAS], params: {} };
    expect(applyCommand(g, HOST, ban).ok).toBe(true);
    stepDays(g, 2);
    expect(g.hosting.contracts).toEqual([]);
    expect(leaseOf(g, 2)).toBeUndefined();
    expect(leaseOf(g, 1)).toMatchObject({ ownKw: 5_000 });
  });

  it("ends at the guest's default: the host takes its kW back from the region", () => {
    const g = withSite();
    contract(g, 6);
    const leased = regionOf(g, TEXAS).leasedKw;
    company(g, 2).cashCents = -1; // nothing to sell: the guest is bankrupt at today's close
    stepDays(g, 2);
    expect(company(g, 2).bankrupt).toBe(true);
    expect(g.hosting.contracts).toEqual([]);
    expect(leaseOf(g, 1)).toMatchObject({ kw: 5_000, ownKw: 5_000 });
    expect(regionOf(g, TEXAS).leasedKw).toBe(leased);
  });

  it("survives the host's bankruptcy as an ordinary lease of the guest's at the region's price", () => {
    const g = withSite();
    contract(g, 6);
    company(g, 1).cashCents = -1;
    stepDays(g, 2);
    expect(company(g, 1).bankrupt).toBe(true);
    expect(g.hosting.contracts).toEqual([]);
    const lease = leaseOf(g, 2)!;
    expect(lease.kw).toBe(2_000);
    expect(lease.contractKw ?? 0).toBe(0);
    expect(lease.centsPerKwMonth).toBeGreaterThan(0);
  });

  it("refuses an offer of more than the host's spare own kW", () => {
    const g = withSite();
    const offer = {
      type: "offerHosting",
      to: "p2",
      region: TEXAS,
      kw: 6_000,
      centsPerKwMonth: 900,
      months: 1,
      days: 5,
    };
    const r = applyCommand(g, player(1), offer);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe("NO_CAPACITY");
  });
});
