/**
 * The class-sized world (shared/engine/classWorld.ts) and machines as a service
 * (shared/engine/machineLease.ts): scaling gives the players a large share and keeps the hashprice,
 * difficulty answers the players, and a lease's fees, hashrate, ban and default follow the rules.
 */
import { describe, expect, it } from "vitest";
import { applyCommand, step } from "../../shared/index.ts";
import { EngineCaches } from "../../shared/engine/caches.ts";
import { equities } from "../../shared/engine/companies.ts";
import { USED_TIERS, usedAskUnitCents } from "../../shared/engine/market.ts";
import { USED_MARKET_DELAY_DAYS } from "../../shared/engine/commands/usedMachines.ts";
import { lotKw, lotModel } from "../../shared/engine/fleet.ts";
import { atFullScale, FULL_SCALE_PPM, playersSharePpm } from "../../shared/engine/classWorld.ts";
import { quoteMachineLease } from "../../shared/engine/machineLease.ts";
import { legalCommands } from "../../shared/engine/commands/legal.ts";
import { preview } from "../../shared/engine/preview.ts";
import { finishLog, logAction, replayLog, startLog } from "../../shared/replay/index.ts";
import { stateHash } from "../../shared/engine/hash.ts";
import type { GameState, Lot } from "../../shared/engine/state.ts";
import { newGame, player } from "../helpers/game.ts";
import { stockUsed } from "../helpers/usedMarket.ts";
import { quoteUsedLot, referenceStockThs } from "../../shared/engine/usedMarket.ts";
import { advanceUsedMarkets } from "../../shared/engine/usedMarketFlows.ts";

const host = { kind: "host" as const };
const caches = new EngineCaches();

function classGame(id: string, players: number, seed = 1): GameState {
  const g = newGame(id, seed, players);
  expect(applyCommand(g, host, { type: "sizeWorld", size: "class" })).toEqual({ ok: true });
  return g;
}

/** The first region not banned today. */
const openRegion = (g: GameState): string =>
  g.scenario.regions.find((_, i) => g.world.regions[i]?.policy !== "banned")!.id;

/** Company `n` buys used machines with `share` of its cash where it stands, leases the room, installs and powers them. */
function runMachines(g: GameState, n: number, share: number): Lot {
  const open = g.scenario.asics.filter((m) => m.releaseDay + USED_MARKET_DELAY_DAYS <= g.day);
  const model = open.sort((a, b) => a.efficiencyJPerTh - b.efficiencyJPerTh)[0]!;
  const company = g.companies[n - 1]!;
  const region = openRegion(g);
  // Used machines are bought where they stand (issue #13 §2): list enough on this region's market, then
  // spend `share` of the cash at the region's own price, which walks up with the quantity.
  const budget = company.cashCents * share;
  stockUsed(g, region, model.id, Math.ceil(budget / usedAskUnitCents(g, model)));
  const r = g.scenario.regions.findIndex((x) => x.id === region);
  let quantity = Math.floor(budget / usedAskUnitCents(g, model));
  while (quantity > 1 && (quoteUsedLot(g, r, model, quantity)?.totalCents ?? Infinity) > budget)
    quantity = Math.floor(quantity * 0.95);
  const ok = { ok: true };
  expect(applyCommand(g, player(n), { type: "buyUsed", model: model.id, quantity, region })).toEqual(ok);
  const lot = g.lots.at(-1)!;
  const kw = Math.ceil(lotKw(lotModel(g, lot, caches), lot.quantity));
  expect(applyCommand(g, player(n), { type: "leaseCapacity", region, kw })).toEqual(ok);
  expect(applyCommand(g, player(n), { type: "installLot", lot: lot.id, region })).toEqual(ok);
  return lot;
}

describe("the class-sized world", () => {
  it("scales the world, the difficulty and the reward so that the hashprice is unchanged", () => {
    const full = newGame("sandbox", 1, 6);
    const small = classGame("sandbox", 6);
    const f = small.classWorld!.scalePpm / 1e6;
    expect(f).toBeGreaterThan(0);
    expect(f).toBeLessThan(0.2);
    expect(small.networkThs).toBeCloseTo(full.networkThs * f, 0);
    expect(small.chain.hashesPerBlock / full.chain.hashesPerBlock).toBeCloseTo(f, 3);
    step(full);
    step(small);
    // A TH/s earns what it earns in the full world (within rounding of the scaled reward).
    expect(small.market.hashpriceMicroUsd / full.market.hashpriceMicroUsd).toBeCloseTo(1, 2);
    // Blocks still come about every ten minutes.
    expect(small.chain.blocksToday).toBeGreaterThan(100);
    expect(small.chain.blocksToday).toBeLessThan(200);
  });

  it("is chosen once, before the first day, by the host only", () => {
    const g = newGame("sandbox", 1, 2);
    expect(applyCommand(g, player(1), { type: "sizeWorld", size: "class" })).toMatchObject({ ok: false });
    const late = newGame("sandbox", 1, 2);
    step(late);
    expect(applyCommand(late, host, { type: "sizeWorld", size: "class" })).toMatchObject({ ok: false });
    expect(applyCommand(g, host, { type: "sizeWorld", size: "class" })).toEqual({ ok: true });
    expect(applyCommand(g, host, { type: "sizeWorld", size: "class" })).toMatchObject({ ok: false });
  });

  it("gives players who invest a large share of the network, and difficulty answers them", () => {
    const idle = classGame("sandbox", 4);
    const busy = classGame("sandbox", 4);
    // The world starts at three times what the players' cash buys (WORLD_PER_PLAYER_POWER): players who
    // put nearly all of it into used machines on day 0 hold about a fifth of the network at once (what
    // they earn, reinvested, takes a class to 30-60% over a game: tools/simulate.ts --class-share).
    for (let n = 1; n <= 4; n++) runMachines(busy, n, 0.9);
    while (busy.retargets.length === 0) {
      step(busy);
      step(idle);
    }
    while (idle.retargets.length === 0) step(idle);
    const share = playersSharePpm(busy) / 1e6;
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.8);
    // The players' machines made blocks come faster: the first retarget raised difficulty more.
    expect(busy.retargets[0]!.changePpm).toBeGreaterThan(idle.retargets[0]!.changePpm + 50_000);
  });

  it("replays from its log: sizeWorld is a logged host command like any other", () => {
    const g = newGame("sandbox", 5, 2);
    const log = startLog(g, g.companies);
    const cmd = { type: "sizeWorld", size: "class" } as const;
    expect(applyCommand(g, host, cmd)).toEqual({ ok: true });
    logAction(log, g, host, cmd);
    for (let i = 0; i < 20; i++) step(g);
    finishLog(log, g);
    const replayed = replayLog(log, g.scenario);
    expect(stateHash(replayed.state)).toBe(stateHash(g));
    expect(replayed.state.classWorld).toEqual(g.classWorld);
  });

  it("keeps the full world's used markets: the same stock and reference, day 0 and four months on", () => {
    // exodus-2021: its ban's distress sales and emigrants' listings go through the same scaling.
    for (const id of ["sandbox", "halving-2020", "exodus-2021"]) {
      const full = newGame(id, 1, 2);
      const small = classGame(id, 2);
      expect(small.classWorld!.scalePpm).toBeLessThan(100_000);
      const totals = (g: GameState): { stock: number; reference: number } => {
        let stock = 0;
        let reference = 0;
        g.usedMarkets.regions.forEach((market, r) =>
          USED_TIERS.forEach((_, t) => {
            stock += market.stockThs[t]!;
            reference += referenceStockThs(g, r, t);
          }),
        );
        return { stock, reference };
      };
      // Day 0: the markets as the full world opens them, to the unit, and priced alike.
      expect(small.usedMarkets.regions).toEqual(full.usedMarkets.regions);
      expect(totals(small).reference / totals(full).reference).toBeCloseTo(1, 9);
      // What the scaled fleet lists is read at full size: no glut drains away, and no market thins out
      // (read at the class's scale, the stock fell to a fifth to a third of the full world's within
      // three months).
      for (let d = 0; d < 120; d++) {
        step(full);
        step(small);
      }
      const [a, b] = [totals(full), totals(small)];
      expect(b.stock / a.stock).toBeGreaterThan(0.85);
      expect(b.stock / a.stock).toBeLessThan(1.15);
      expect(b.reference / a.reference).toBeGreaterThan(0.85);
      expect(b.reference / a.reference).toBeLessThan(1.15);
    }
  });

  it("lists a ban's emigrants for sale at the full world's size too", () => {
    const full = newGame("exodus-2021", 1, 2);
    const small = classGame("exodus-2021", 2);
    const waiting = (g: GameState) => g.world.migration.some((m) => m.readyDay > g.day);
    while (!(waiting(full) && waiting(small)) && full.tick < 200) {
      step(full);
      step(small);
    }
    expect(waiting(small)).toBe(true);
    // What one day's listings of the machines waiting to emigrate add to the markets' stock.
    const stock = (g: GameState) =>
      g.usedMarkets.regions.reduce((sum, m) => sum + m.stockThs.reduce((a, x) => a + x, 0), 0);
    const emigrantsListed = (g: GameState): number => {
      const [withThem, without] = [structuredClone(g), structuredClone(g)];
      without.world.migration = [];
      advanceUsedMarkets(withThem, new EngineCaches());
      advanceUsedMarkets(without, new EngineCaches());
      return stock(withThem) - stock(without);
    };
    expect(emigrantsListed(full)).toBeGreaterThan(0);
    // Read at the class's scale, it was about 1% of the full world's.
    expect(emigrantsListed(small) / emigrantsListed(full)).toBeGreaterThan(0.8);
    expect(emigrantsListed(small) / emigrantsListed(full)).toBeLessThan(1.25);
  });

  it("leaves a game without it exactly as before (no factor anywhere)", () => {
    const g = newGame("sandbox", 1, 0);
    expect(g.classWorld).toBeNull();
    // At full scale the used markets read the fleet as it is, to the bit.
    for (const ths of [0, 1 / 3, 12_345.678])
      for (const classWorld of [null, { scalePpm: FULL_SCALE_PPM, seats: 2 }])
        expect(atFullScale({ classWorld }, ths)).toBe(ths);
    const before = g.chain.bits;
    step(g);
    expect(g.chain.bits).toBe(before);
  });
});

/** p1 runs a lot and offers its hashrate to p2; p2 accepts. */
function leased(daily: number, upfront = 1_000_00, termDays = 10): { g: GameState; lot: Lot; id: string } {
  const g = newGame("sandbox", 3, 2);
  const lot = runMachines(g, 1, 0.3);
  const offer = {
    type: "offerMachineLease",
    lot: lot.id,
    to: "p2",
    termDays,
    upfrontCents: upfront,
    dailyCents: daily,
    days: 3,
  };
  expect(applyCommand(g, player(1), offer)).toEqual({ ok: true });
  const id = g.machineLeases.at(-1)!.id;
  expect(legalCommands(g, player(2), caches)).toContainEqual({
    type: "answerMachineLease",
    lease: id,
    accept: true,
  });
  expect(applyCommand(g, player(2), { type: "answerMachineLease", lease: id, accept: true })).toEqual({
    ok: true,
  });
  return { g, lot, id };
}

describe("machines as a service", () => {
  it("hands the lot's hashrate and BTC to the lessee, the power bill and fees to the owner", () => {
    const { g, lot, id } = leased(500_00);
    const cash = g.companies.map((c) => c.cashCents);
    expect(cash[0]! - g.scenario.company.startingCashCents).toBeLessThan(0); // p1 bought machines
    const r = step(g);
    const [owner, lessee] = r.ledgers;
    expect(lessee!.ths).toBeGreaterThan(0);
    expect(owner!.ths).toBe(0);
    expect(g.companies[1]!.minedSats).toBeGreaterThan(0);
    expect(g.companies[0]!.minedSats).toBe(0);
    expect(owner!.entries.some((e) => e.kind === "power" && e.cents < 0)).toBe(true);
    expect(lessee!.entries.filter((e) => e.kind === "machineLease").map((e) => e.cents)).toEqual([-500_00]);
    expect(owner!.entries.filter((e) => e.kind === "machineLease").map((e) => e.cents)).toEqual([500_00]);
    // The machines stay the owner's: its lot, in its equity.
    expect(g.lots.find((l) => l.id === lot.id)!.owner).toBe("p1");
    const lease = g.machineLeases.find((l) => l.id === id)!;
    expect(lease.paidCents).toBe(1_000_00 + 500_00);
  });

  it("ends at the term and the hashrate returns to the owner", () => {
    const { g, id } = leased(100_00, 0, 2);
    step(g);
    step(g);
    const r = step(g);
    expect(g.machineLeases.find((l) => l.id === id)!.endedBy).toBe("term");
    expect(r.ledgers[0]!.ths).toBeGreaterThan(0);
    expect(r.ledgers[1]!.ths).toBe(0);
  });

  it("a lessee who cannot pay the day's fee defaults: the machines return the same day", () => {
    const { g, id } = leased(100_00);
    g.companies[1]!.cashCents = 50_00;
    const r = step(g);
    expect(g.machineLeases.find((l) => l.id === id)!.endedBy).toBe("default");
    expect(r.ledgers[0]!.ths).toBeGreaterThan(0);
    expect(r.ledgers[1]!.ths).toBe(0);
    expect(r.notices.some((n) => n.kind === "machineLeaseEnded" && n.company === "p2")).toBe(true);
  });

  it("under a ban the lot delivers nothing and no daily fee is due; seizure or sale ends the lease", () => {
    const { g, lot, id } = leased(100_00);
    const region = g.world.regions.find((r) => r.id === openRegion(g))!;
    region.policy = "banned";
    const cash = g.companies[1]!.cashCents;
    const r = step(g);
    expect(r.ledgers[1]!.ths).toBe(0);
    // No lease fee moved: the lessee's cash changed only by the interest it earns (finance, issue #13 §4).
    const entries = r.ledgers[1]!.entries;
    expect(entries.filter((e) => e.kind === "machineLease")).toEqual([]);
    const interest = entries.filter((e) => e.kind === "interestIncome").reduce((t, e) => t + e.cents, 0);
    expect(g.companies[1]!.cashCents).toBe(cash + interest);
    expect(g.machineLeases.find((l) => l.id === id)!.status).toBe("active");
    // The lot is gone (seized here, as a sale or gift would): the lease ends.
    g.lots = g.lots.filter((l) => l.id !== lot.id);
    step(g);
    expect(g.machineLeases.find((l) => l.id === id)!.endedBy).toBe("lotGone");
  });

  it("refuses a second lease of the same lot, a lease to oneself, and an unaffordable upfront fee", () => {
    const { g, lot } = leased(100_00);
    const base = {
      type: "offerMachineLease",
      lot: lot.id,
      termDays: 5,
      upfrontCents: 0,
      dailyCents: 1,
      days: 2,
    };
    expect(applyCommand(g, player(1), { ...base, to: "p2" })).toMatchObject({ error: { code: "LOT_BUSY" } });
    expect(applyCommand(g, player(1), { ...base, to: "p1" })).toMatchObject({
      error: { code: "BAD_TARGET" },
    });
    const h = newGame("sandbox", 3, 2);
    const other = runMachines(h, 1, 0.3);
    const big = { ...base, lot: other.id, to: "p2", upfrontCents: 1e12 };
    expect(applyCommand(h, player(1), big)).toEqual({ ok: true });
    const before = structuredClone(h);
    const answer = { type: "answerMachineLease", lease: h.machineLeases[0]!.id, accept: true };
    expect(applyCommand(h, player(2), answer)).toMatchObject({ error: { code: "INSUFFICIENT_CASH" } });
    expect(h).toEqual(before);
  });

  it("quotes both sides from today's hashprice and power price; equity counts the fees", () => {
    const { g, lot } = leased(100_00);
    const q = quoteMachineLease(g, lot, { termDays: 10, upfrontCents: 0, dailyCents: 100_00 }, caches);
    expect(q.valuePerDayCents).toBeGreaterThan(0);
    expect(q.powerPerDayCents).toBeGreaterThan(0);
    expect(q.ownerNetCents).toBe(100_00 * 10 - q.powerPerDayCents * 10);
    const before = equities(g, caches);
    step(g);
    const after = equities(g, caches);
    expect(after[0]! - before[0]!).not.toBe(0);
  });

  it("previews a lease offer with the engine's quote, for the lot's owner only", () => {
    const g = newGame("sandbox", 3, 2);
    const lot = runMachines(g, 1, 0.3);
    const command = {
      type: "offerMachineLease",
      lot: lot.id,
      to: "p2",
      termDays: 30,
      upfrontCents: 0,
      dailyCents: 100_00,
      days: 5,
    };
    const mine = preview(g, "p1", { kind: "command", command } as never, caches);
    expect(mine).toMatchObject({ reply: { ok: true, quote: { kind: "machineLease" } } });
    const q = quoteMachineLease(g, lot, command, caches);
    expect((mine as { reply: { quote: unknown } }).reply.quote).toEqual({ kind: "machineLease", ...q });
    const theirs = preview(g, "p2", { kind: "command", command } as never, caches);
    expect(theirs).toMatchObject({ reply: { ok: false } });
    expect((theirs as { reply: { quote?: unknown } }).reply.quote).toBeUndefined();
  });
});
