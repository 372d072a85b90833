/**
 * The factory queue (issue #13 §3): a factory makes a limited TH/s for players each batch, orders take
 * batches by bid then time, a later higher bid pushes others back (with a notice), bookings raise the
 * list price, batches ship as lots, and a pre-order can be cancelled at a stated penalty.
 */
import { describe, expect, it } from "vitest";
import { applyCommand, createGame, stateHash, step } from "../../shared/index.ts";
import { legalCommands } from "../../shared/engine/commands/legal.ts";
import { quoteOrder } from "../../shared/engine/commands/orderMachines.ts";
import { batchOf, playersBatchThs } from "../../shared/engine/factoryQueue.ts";
import type { GameState } from "../../shared/engine/state.ts";
import type { Command } from "../../shared/engine/commands/schema.ts";
import { EngineCaches } from "../../shared/engine/caches.ts";
import { player, scenario, seats } from "../helpers/game.ts";

const MODEL = "m30s";
const FACTORY = "cn-shenzhen";

/** halving-2020 with a small players' share, so that a few hundred units fill a batch. */
function smallFactoryGame(): GameState {
  const base = scenario("halving-2020");
  const s = { ...base, factoryQueue: { ...base.factoryQueue, headroomBps: 10 } };
  return createGame(s, 1, seats(3));
}

function order(g: GameState, who: number, quantity: number, premiumBps?: number) {
  const cmd: Command = {
    type: "orderMachines",
    model: MODEL,
    quantity,
    factory: FACTORY,
    ...(premiumBps !== undefined ? { premiumBps } : {}),
  };
  const r = applyCommand(g, player(who), cmd);
  expect(r).toEqual({ ok: true });
  return g.factoryOrders.at(-1)!;
}

const unitThs = (g: GameState) => (g.scenario.asics.find((m) => m.id === MODEL)!.hashrateGhs ?? 0) / 1000;
const lastDay = (o: { schedule: { day: number }[] }) => o.schedule.at(-1)!.day;

describe("factory queue", () => {
  it("ships no more than a batch's players' capacity, spreading a large order over later batches", () => {
    const g = smallFactoryGame();
    const perBatch = Math.floor(playersBatchThs(g.scenario, batchOf(g.scenario, g.day + 60)) / unitThs(g));
    expect(perBatch).toBeGreaterThan(10);
    const o = order(g, 1, perBatch * 3);
    expect(o.schedule.length).toBeGreaterThanOrEqual(3);
    const booked = new Map<number, number>();
    for (const s of o.schedule) {
      const b = batchOf(g.scenario, s.day);
      booked.set(b, (booked.get(b) ?? 0) + s.quantity * unitThs(g));
    }
    for (const [b, ths] of booked) expect(ths).toBeLessThanOrEqual(playersBatchThs(g.scenario, b) + 1e-6);
    expect(o.schedule.reduce((n, s) => n + s.quantity, 0)).toBe(perBatch * 3);
  });

  it("queues by bid, then time: a later higher bid takes the first batch and the other owner is told", () => {
    const g = smallFactoryGame();
    const perBatch = Math.floor(playersBatchThs(g.scenario, batchOf(g.scenario, g.day + 60)) / unitThs(g));
    const first = order(g, 1, perBatch);
    const firstShip = first.schedule[0]!.day;
    const second = order(g, 2, perBatch, 1_000);
    expect(second.schedule[0]!.day).toBe(firstShip);
    expect(lastDay(first)).toBeGreaterThan(firstShip);
    expect(first.bumped).toBe(true);
    const told = g.notices.filter((n) => n.company === "p1" && n.kind === "factory:bumped");
    expect(told).toHaveLength(1);
    expect(told[0]!.text.zh).toMatch(/[\u4e00-\u9fff]/);
    // An equal bid placed later queues behind: it does not push anyone.
    const third = order(g, 3, 10, 1_000);
    expect(third.schedule[0]!.day).toBeGreaterThanOrEqual(lastDay(second));
    expect(g.notices.filter((n) => n.company === "p2" && n.kind === "factory:bumped")).toHaveLength(0);
    // The lot waits for its next batch.
    expect(g.lots.find((l) => l.id === first.lot)!.readyDay).toBe(first.schedule[0]!.day);
  });

  it("charges the premium over list and quotes the queue position", () => {
    const g = smallFactoryGame();
    order(g, 1, 20, 500);
    const caches = new EngineCaches();
    const cmd = { type: "orderMachines", model: MODEL, quantity: 10, factory: FACTORY } as const;
    const plain = quoteOrder(g, cmd, caches)!;
    const bid = quoteOrder(g, { ...cmd, premiumBps: 2_000 }, caches)!;
    expect(plain.queuePosition).toBe(2);
    expect(bid.queuePosition).toBe(1);
    expect(bid.unitCents).toBe(Math.round(plain.listCents * 1.2));
    const cash = g.companies[1]!.cashCents;
    order(g, 2, 10, 2_000);
    expect(cash - g.companies[1]!.cashCents).toBe(bid.totalCents);
  });

  it("raises the list price as the next batches are booked", () => {
    const g = smallFactoryGame();
    const caches = new EngineCaches();
    const cmd = { type: "orderMachines", model: MODEL, quantity: 1, factory: FACTORY } as const;
    const before = quoteOrder(g, cmd, caches)!;
    const perBatch = Math.floor(playersBatchThs(g.scenario, batchOf(g.scenario, g.day + 60)) / unitThs(g));
    order(g, 1, perBatch * 3);
    const after = quoteOrder(g, cmd, new EngineCaches())!;
    expect(after.bookedBps).toBeGreaterThan(before.bookedBps);
    expect(after.demandBps).toBeGreaterThan(before.demandBps);
    expect(after.listCents).toBeGreaterThan(before.listCents);
  });

  it("ships batches as lots stored at the factory, the rest waiting on order", () => {
    const g = smallFactoryGame();
    const perBatch = Math.floor(playersBatchThs(g.scenario, batchOf(g.scenario, g.day + 60)) / unitThs(g));
    const o = order(g, 1, perBatch * 2);
    const firstBatch = o.schedule[0]!;
    const lotsBefore = g.lots.length;
    while (g.day < firstBatch.day) step(g);
    const shipped = g.lots.slice(lotsBefore);
    expect(shipped).toHaveLength(1);
    expect(shipped[0]).toMatchObject({ status: "stored", quantity: firstBatch.quantity, owner: "p1" });
    const waiting = g.lots.find((l) => l.id === o.lot)!;
    expect(waiting.status).toBe("onOrder");
    expect(waiting.quantity).toBe(perBatch * 2 - firstBatch.quantity);
    expect(g.factoryOrders[0]!.quantity).toBe(waiting.quantity);
  });

  it("cancels with the stated penalty, without one when pushed back, and the queue moves up", () => {
    const g = smallFactoryGame();
    const perBatch = Math.floor(playersBatchThs(g.scenario, batchOf(g.scenario, g.day + 60)) / unitThs(g));
    const a = order(g, 1, perBatch);
    const paidA = g.lots.find((l) => l.id === a.lot)!.costCents;
    const b = order(g, 2, perBatch, 3_000);
    const c = order(g, 3, perBatch);
    const cLast = lastDay(c);
    // p1 was pushed back by p2's bid: a full refund.
    let cash = g.companies[0]!.cashCents;
    expect(applyCommand(g, player(1), { type: "cancelPreorder", order: a.id })).toEqual({ ok: true });
    expect(g.companies[0]!.cashCents - cash).toBe(paidA);
    expect(g.lots.some((l) => l.id === a.lot)).toBe(false);
    expect(lastDay(g.factoryOrders.find((o) => o.id === c.id)!)).toBeLessThan(cLast);
    // p2 was never pushed back: the penalty is kept.
    const paidB = g.lots.find((l) => l.id === b.lot)!.costCents;
    cash = g.companies[1]!.cashCents;
    expect(applyCommand(g, player(2), { type: "cancelPreorder", order: b.id })).toEqual({ ok: true });
    const penalty = g.scenario.factoryQueue.cancelPenaltyBps;
    expect(g.companies[1]!.cashCents - cash).toBe(Math.floor((paidB * (10_000 - penalty)) / 10_000));
  });

  it("refuses another's pre-order, a bid over the maximum and an order that cannot fit, leaving the state as it was", () => {
    const g = smallFactoryGame();
    const o = order(g, 1, 10);
    const hash = stateHash(g);
    const refusals: [number, Command, string][] = [
      [2, { type: "cancelPreorder", order: o.id }, "UNKNOWN_PREORDER"],
      [2, { type: "orderMachines", model: MODEL, quantity: 1, premiumBps: 9_000 }, "BAD_PARAMS"],
      [
        2,
        { type: "orderMachines", model: MODEL, quantity: 1_000_000 / 10, factory: FACTORY },
        "INSUFFICIENT_CASH",
      ],
    ];
    for (const [who, cmd, code] of refusals) {
      const r = applyCommand(g, player(who), cmd);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe(code);
    }
    expect(stateHash(g)).toBe(hash);
  });

  it("lists pre-orders with bids and cancelling among the legal commands", () => {
    const g = smallFactoryGame();
    // A model counts as new for half a year after its release: find one on sale today.
    const fresh = g.scenario.asics.find((m) => m.releaseDay <= g.day && g.day - m.releaseDay <= 180);
    const o = order(g, 1, 5);
    const legal = legalCommands(g, player(1));
    expect(legal).toContainEqual({ type: "cancelPreorder", order: o.id });
    expect(fresh).toBeDefined();
    expect(legal).toContainEqual({ type: "orderMachines", model: fresh!.id, quantity: 1, premiumBps: 1_000 });
  });
});
