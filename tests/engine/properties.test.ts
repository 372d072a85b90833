/**
 * Properties over random play (fast-check): machines never appear or vanish, cash moves only through the
 * ledger, hashrate shares sum to one, a rejected command changes nothing. Intents pick their lot, model
 * and region by index among what exists, so random play reaches installing, powering and selling.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyCommand, step, stateHash, type Command } from "../../shared/index.ts";
import type { GameState } from "../../shared/engine/state.ts";
import { LEDGER_KINDS } from "../../shared/engine/ledger.ts";
import { newGame, player, shipAndWait, stepUntil } from "../helpers/game.ts";

/** The start of every run: each company has a lot installed in Texas, one waiting there, one on order. */
const base = (() => {
  const g = newGame("exodus-2021", 11, 3);
  const order = (model: string, quantity: number) => {
    for (const who of [1, 2, 3]) {
      expect(applyCommand(g, player(who), { type: "orderMachines", model, quantity }).ok).toBe(true);
    }
  };
  order("s19-pro", 40);
  order("s19", 10);
  stepUntil(g, "2021-05-20");
  order("m30s-pp", 60);
  stepUntil(g, "2021-07-02"); // the first lots are delivered; China's ban has just completed
  for (const who of [1, 2, 3]) {
    const [lot, spare] = g.lots.filter((l) => l.owner === `p${who}` && l.status === "stored");
    shipAndWait(g, who, lot?.id ?? "", "us-texas");
    shipAndWait(g, who, spare?.id ?? "", "us-texas"); // waits in the Texas warehouse, not installed
    expect(applyCommand(g, player(who), { type: "leaseCapacity", region: "us-texas", kw: 600 }).ok).toBe(
      true,
    );
    expect(applyCommand(g, player(who), { type: "installLot", lot: lot?.id, region: "us-texas" }).ok).toBe(
      true,
    );
  }
  return JSON.stringify((({ scenario: _s, ...rest }) => rest)(g));
})();

function freshGame(): GameState {
  const g = newGame("exodus-2021", 11, 3);
  return { ...(JSON.parse(base) as Omit<GameState, "scenario">), scenario: g.scenario };
}

const idx = fc.nat();
const intent = fc.oneof(
  fc.record({ kind: fc.constant("wait" as const), days: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ kind: fc.constant("order" as const), model: idx, quantity: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ kind: fc.constant("lease" as const), region: idx, kw: fc.integer({ min: 1, max: 2_000 }) }),
  fc.record({ kind: fc.constant("release" as const), region: idx, kw: fc.integer({ min: 1, max: 2_000 }) }),
  fc.record({ kind: fc.constant("install" as const), lot: idx, region: idx }),
  fc.record({ kind: fc.constant("power" as const), lot: idx, on: fc.boolean() }),
  fc.record({ kind: fc.constant("sell" as const), lot: idx, quantity: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ kind: fc.constant("ratio" as const), bps: fc.integer({ min: 0, max: 10_000 }) }),
  fc.record({ kind: fc.constant("payout" as const), solo: fc.boolean() }),
  fc.record({ kind: fc.constant("garbage" as const), junk: fc.anything() }),
  fc.record({
    kind: fc.constant("ship" as const),
    lot: idx,
    region: idx,
    mode: fc.constantFrom("air", "sea", "rail", "truck"),
    insured: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("buyUsed" as const),
    model: idx,
    quantity: fc.integer({ min: 1, max: 50 }),
    region: idx,
  }),
  fc.record({
    kind: fc.constant("offer" as const),
    lot: idx,
    quantity: fc.integer({ min: 1, max: 100 }),
    to: fc.integer({ min: 1, max: 3 }),
    price: fc.integer({ min: 0, max: 5_000_000_00 }),
  }),
  fc.record({ kind: fc.constant("respond" as const), offer: idx, accept: fc.boolean() }),
);
type Intent = typeof intent extends fc.Arbitrary<infer T> ? T : never;

function toCommand(g: GameState, who: string, i: Intent): unknown {
  const pick = <T>(list: T[], n: number): T | undefined => list[n % Math.max(1, list.length)];
  const own = g.lots.filter((l) => l.owner === who);
  const lotId = (n: number) => pick(own, n)?.id ?? "lot-none";
  const region = (n: number) => pick(g.scenario.regions, n)?.id ?? "none";
  switch (i.kind) {
    case "wait":
      return null;
    case "order":
      return { type: "orderMachines", model: pick(g.scenario.asics, i.model)?.id, quantity: i.quantity };
    case "lease":
      return { type: "leaseCapacity", region: region(i.region), kw: i.kw };
    case "release": {
      const leases = g.companies.find((c) => c.id === who)?.leases ?? [];
      const lease = pick(leases, i.region);
      // Half the time release what the lease holds beyond its machines' needs, else a random amount.
      return {
        type: "releaseCapacity",
        region: lease?.region ?? region(i.region),
        kw: i.kw % 2 ? Math.min(i.kw, 10) : i.kw,
      };
    }
    case "install": {
      // Install a lot waiting in a warehouse, where it is (as a player would), else anything anywhere.
      const waiting = own.filter((l) => l.status === "stored" && l.location.kind === "region");
      const lot = pick(waiting, i.lot);
      if (lot?.location.kind === "region")
        return { type: "installLot", lot: lot.id, region: lot.location.region };
      return { type: "installLot", lot: lotId(i.lot), region: region(i.region) };
    }
    case "power": {
      // Power switches concern installed lots; pick among them when there are any.
      const installed = own.filter((l) => l.status === "installed");
      return {
        type: "powerLot",
        lot: (pick(installed, i.lot) ?? pick(own, i.lot))?.id ?? "lot-none",
        on: i.on,
      };
    }
    case "sell":
      return { type: "sellMachines", lot: lotId(i.lot), quantity: i.quantity };
    case "ratio":
      return { type: "setSellRatio", ratioBps: i.bps };
    case "payout":
      return { type: "setPayout", payout: i.solo ? "solo" : "pool" };
    case "garbage":
      return i.junk;
    case "ship": {
      // Ship towards a region the company leases in, half the time; anywhere otherwise.
      const leases = g.companies.find((c) => c.id === who)?.leases ?? [];
      const to =
        i.region % 2 === 0 && leases.length > 0
          ? (pick(leases, i.region)?.region ?? "none")
          : region(i.region);
      return { type: "shipLot", lot: lotId(i.lot), to, mode: i.mode, insured: i.insured };
    }
    case "buyUsed":
      return {
        type: "buyUsed",
        model: pick(g.scenario.asics, i.model)?.id,
        quantity: i.quantity,
        region: region(i.region),
      };
    case "offer":
      return {
        type: "offerLot",
        lot: lotId(i.lot),
        quantity: i.quantity,
        to: `p${i.to}`,
        priceCents: i.price,
        days: 10,
      };
    case "respond": {
      const mine = g.offers.filter((o) => o.to === who && o.status === "open");
      return { type: "respondOffer", offer: pick(mine, i.offer)?.id ?? "offer-none", accept: i.accept };
    }
  }
}

const play = fc.array(fc.record({ who: fc.integer({ min: 1, max: 3 }), intent }), {
  minLength: 10,
  maxLength: 60,
});

describe("invariants under random play", () => {
  it("conserves machines and money, keeps shares summing to one, and rejections change nothing", () => {
    const accepted = new Set<string>();
    let rejected = 0;
    const reasons = new Map<string, number>();
    fc.assert(
      fc.property(play, (actions) => {
        const g = freshGame();
        const ordered = new Map<string, number>([
          ["s19-pro", 120],
          ["s19", 30],
          ["m30s-pp", 180],
        ]);
        // Every company's starting fleet (the scenario's company.startingFleet) is held from day 0.
        for (const lot of g.scenario.company.startingFleet)
          ordered.set(lot.model, (ordered.get(lot.model) ?? 0) + lot.quantity * g.companies.length);
        const startCash = g.companies.map(
          (c) => c.cashCents - LEDGER_KINDS.reduce((s, k) => s + c.totals[k], 0),
        );
        for (const { who, intent: i } of actions) {
          if (g.finished) break;
          if (i.kind === "wait") {
            for (let d = 0; d < i.days && !g.finished; d++) {
              const r = step(g);
              const row = r.restOfWorldThsByRegion.reduce((s, x) => s + x, 0);
              expect(Math.abs(row + r.playerThs - r.networkThs)).toBeLessThanOrEqual(1e-9 * r.networkThs);
            }
            continue;
          }
          const cmd = toCommand(g, `p${who}`, i);
          const before = stateHash(g);
          const result = applyCommand(g, player(who), cmd);
          if (!result.ok) {
            rejected++;
            if (process.env.DEBUG_PROPS) {
              const key = `${(cmd as { type?: string })?.type}:${result.error.code}`;
              reasons.set(key, (reasons.get(key) ?? 0) + 1);
            }
            expect(stateHash(g)).toBe(before);
            continue;
          }
          const c = cmd as Command;
          accepted.add(c.type);
          if (c.type === "orderMachines") ordered.set(c.model, (ordered.get(c.model) ?? 0) + c.quantity);
        }
        // Machines: every unit ordered or bought used is in a lot, was sold, or was destroyed (lost,
        // broken, seized): none appears or vanishes, whatever travelled or changed hands.
        const models = new Set([
          ...ordered.keys(),
          ...Object.keys(g.boughtUsedUnits),
          ...g.lots.map((l) => l.model),
        ]);
        for (const model of models) {
          const held = g.lots.filter((l) => l.model === model).reduce((s, l) => s + l.quantity, 0);
          const out = (g.soldUnits[model] ?? 0) + (g.destroyedUnits[model] ?? 0);
          expect(held + out).toBe((ordered.get(model) ?? 0) + (g.boughtUsedUnits[model] ?? 0));
        }
        // Money: cash is the starting cash plus every ledger total, to the cent; BTC never negative.
        g.companies.forEach((c, k) => {
          const total = LEDGER_KINDS.reduce((s, kind) => s + c.totals[kind], 0);
          expect(c.cashCents).toBe((startCash[k] as number) + total);
          expect(Number.isSafeInteger(c.cashCents) && Number.isSafeInteger(c.btcSats)).toBe(true);
          expect(c.btcSats).toBeGreaterThanOrEqual(0);
        });
      }),
      { numRuns: 60, seed: 20261121 },
    );
    if (process.env.DEBUG_PROPS) console.log(reasons, accepted);
    // The generator must reach the interesting paths, or the properties above prove little.
    for (const type of [
      "orderMachines",
      "leaseCapacity",
      "installLot",
      "powerLot",
      "sellMachines",
      "releaseCapacity",
      "shipLot",
      "buyUsed",
      "offerLot",
      "respondOffer",
    ]) {
      expect(accepted.has(type), `no accepted ${type}`).toBe(true);
    }
    expect(rejected).toBeGreaterThan(0);
  });
});
