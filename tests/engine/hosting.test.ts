/**
 * Hosting capacity runs out for real (issue #13 §3): in exodus-2021 the world's machines fill Texas and
 * Kazakhstan in the September 2021 crunch, leaving players nothing; the price rises with use; a lease
 * that finds the region full waits in its queue (a higher bid first) and is served as the region grows,
 * when the quote said it would be.
 */
import { describe, expect, it } from "vitest";
import { applyCommand, step } from "../../shared/index.ts";
import { EngineCaches } from "../../shared/engine/caches.ts";
import {
  crunchOn,
  freeForNewLease,
  hostingPriceCents,
  priceMultiplierBps,
  utilisationBps,
} from "../../shared/engine/hosting.ts";
import { hostingFeeToday } from "../../shared/engine/hostingFee.ts";
import { preview } from "../../shared/engine/preview.ts";
import { freeKw } from "../../shared/engine/regions.ts";
import type { GameState } from "../../shared/engine/state.ts";
import { HOSTING_DEFAULTS } from "../../shared/scenario/hostingSpec.ts";
import { newGame, player, stepUntil } from "../helpers/game.ts";

const TEXAS = "us-texas";
const KAZAKHSTAN = "kz-ekibastuz";

const indexOf = (g: GameState, id: string) => g.world.regions.findIndex((r) => r.id === id);
const regionOf = (g: GameState, id: string) => g.world.regions[indexOf(g, id)]!;

function leaseQuote(g: GameState, who: string, kw: number, bid?: number) {
  const command = { type: "leaseCapacity", region: TEXAS, kw, queue: true, bidCentsPerKwMonth: bid };
  const answer = preview(g, who, { kind: "command", command });
  if (!("reply" in answer) || answer.reply.quote?.kind !== "lease") throw new Error("no lease quote");
  return answer.reply.quote;
}

describe("the utilisation curve", () => {
  it("is flat to the knee, then rises to the price at full use", () => {
    expect(priceMultiplierBps(HOSTING_DEFAULTS, 5_000)).toBe(10_000);
    expect(priceMultiplierBps(HOSTING_DEFAULTS, 9_000)).toBe(10_000);
    const mid = priceMultiplierBps(HOSTING_DEFAULTS, 9_500);
    expect(mid).toBeGreaterThan(10_000);
    expect(mid).toBeLessThan(HOSTING_DEFAULTS.priceAtFullBps);
    expect(priceMultiplierBps(HOSTING_DEFAULTS, 10_000)).toBe(HOSTING_DEFAULTS.priceAtFullBps);
  });
});

describe.each([1, 2, 3])("exodus-2021's September crunch, seed %i", (seed) => {
  it("fills Texas and Kazakhstan: the world's waiting machines claim the players' reserve", () => {
    const g = newGame("exodus-2021", seed, 1);
    stepUntil(g, "2021-08-01");
    expect(crunchOn(g)).toBe(false);
    // Before the crunch the world leaves its tenth free (the 132 MW the issue found in Texas).
    expect(freeKw(regionOf(g, TEXAS))).toBeGreaterThan(0.05 * regionOf(g, TEXAS).capacityKw);
    // The crunch starts by early September (the world's machines find no room anywhere): from then on
    // their backlog claims the reserve (waiting for racks, not running: the world's path is unchanged),
    // so a new lease finds the two regions full and priced at the top of the curve.
    stepUntil(g, "2021-09-10");
    expect(crunchOn(g)).toBe(true);
    // The backlog grows through September (machines leaving China): full for players by October.
    stepUntil(g, "2021-10-01");
    for (const id of [TEXAS, KAZAKHSTAN]) {
      const i = indexOf(g, id);
      const r = regionOf(g, id);
      expect(freeForNewLease(g, i)).toBeLessThan(0.01 * r.capacityKw);
      expect(utilisationBps(g, r)).toBeGreaterThan(9_900);
      // Near the top of the curve: the dated fee plus most of the 20% scarcity premium.
      const fee = hostingFeeToday(g, indexOf(g, id));
      expect(hostingPriceCents(g, indexOf(g, id))).toBeGreaterThan(fee * 1.15);
      expect(hostingPriceCents(g, indexOf(g, id))).toBeLessThanOrEqual(Math.round(fee * 1.2));
    }
  });
});

describe("a lease into a full region", () => {
  const g = newGame("exodus-2021", 1, 2);
  stepUntil(g, "2021-11-01");
  const caches = new EngineCaches();

  it("is refused without queueing, and the refusal leaves the state untouched", () => {
    const before = JSON.stringify(g);
    const r = applyCommand(g, player(1), { type: "leaseCapacity", region: TEXAS, kw: 20_000 }, caches);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe("NO_CAPACITY");
    expect(JSON.stringify(g)).toBe(before);
  });

  it("queues, a higher bid goes first, and each is served when its quote said", () => {
    const quote1 = leaseQuote(g, "p1", 20_000);
    expect(quote1.crunch).toBe(true);
    expect(quote1.waitDays).toBeGreaterThan(0);
    const cmd = { type: "leaseCapacity", region: TEXAS, kw: 20_000, queue: true } as const;
    expect(applyCommand(g, player(1), cmd, caches).ok).toBe(true);
    const price = hostingPriceCents(g, indexOf(g, TEXAS));
    const bid = price + 500;
    // The second company bids above the price: it outbids the world's waiting machines and the first
    // request, so it is served first and sooner than a request without a bid.
    const quote2 = leaseQuote(g, "p2", 20_000, bid);
    expect(quote2.waitDays).toBeLessThan(quote1.waitDays!);
    expect(applyCommand(g, player(2), { ...cmd, bidCentsPerKwMonth: bid }, caches).ok).toBe(true);
    expect(g.hosting.queue.map((r) => r.company)).toEqual(["p2", "p1"]);
    // Texas only: the companies open with their Chinese farms' leases (exodus-2021's startingFleet).
    expect(g.companies[0]!.leases.filter((l) => l.region === TEXAS)).toEqual([]);
    const start = g.day;
    const served: Record<string, number> = {};
    while (Object.keys(served).length < 2 && g.day < start + 120) {
      const report = step(g, caches);
      for (const n of report.notices)
        if (n.kind === "leaseServed" && n.company) served[n.company] = report.day;
    }
    expect(served.p2! - start).toBeGreaterThanOrEqual(quote2.waitDays! - 1);
    expect(served.p2! - start).toBeLessThanOrEqual(quote2.waitDays! + 1);
    expect(served.p1).toBeGreaterThan(served.p2!);
    const lease2 = g.companies[1]!.leases.find((l) => l.region === TEXAS)!;
    expect(lease2.kw).toBe(20_000);
    expect(lease2.centsPerKwMonth).toBeGreaterThanOrEqual(bid);
  });
});

describe("a queued lease in a region that bans mining", () => {
  it("leaves the queue with a notice, and nothing is charged", () => {
    const g = newGame("exodus-2021", 2, 1);
    stepUntil(g, "2021-11-01");
    const cmd = { type: "leaseCapacity", region: TEXAS, kw: 20_000, queue: true };
    expect(applyCommand(g, player(1), cmd).ok).toBe(true);
    const ban = { type: "injectEvent", template: "ban", targets: [TEXAS], params: {} };
    expect(applyCommand(g, { kind: "host" }, ban).ok).toBe(true);
    const report = step(g);
    expect(g.hosting.queue).toEqual([]);
    expect(report.notices.some((n) => n.kind === "leaseDropped" && n.company === "p1")).toBe(true);
    // Texas only: the companies open with their Chinese farms' leases (exodus-2021's startingFleet).
    expect(g.companies[0]!.leases.filter((l) => l.region === TEXAS)).toEqual([]);
    expect(report.ledgers[0]!.entries.filter((e) => e.kind === "leaseSetup")).toEqual([]);
  });
});

describe("leaving the queue", () => {
  it("takes the request out; a company not waiting is refused", () => {
    const g = newGame("exodus-2021", 3, 2);
    stepUntil(g, "2021-11-01");
    const cmd = { type: "leaseCapacity", region: TEXAS, kw: 20_000, queue: true };
    expect(applyCommand(g, player(1), cmd).ok).toBe(true);
    const before = JSON.stringify(g);
    const refused = applyCommand(g, player(2), { type: "leaveQueue", region: TEXAS });
    expect(refused.ok).toBe(false);
    expect(JSON.stringify(g)).toBe(before);
    expect(applyCommand(g, player(1), { type: "leaveQueue", region: TEXAS }).ok).toBe(true);
    expect(g.hosting.queue).toEqual([]);
  });
});
