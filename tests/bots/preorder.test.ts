/**
 * Bots bid for earlier factory batches (issue #13 §3, §6): with a factory short of output, efficiency
 * bots pre-order a new model with a premium at one of the levels legalCommands lists, and the
 * queue puts the higher bids first.
 */
import { describe, expect, it } from "vitest";
import { applyCommand, createGame, step } from "../../shared/index.ts";
import { decide } from "../../shared/bots/index.ts";
import { BotCaches } from "../../shared/bots/caches.ts";
import { EngineCaches } from "../../shared/engine/caches.ts";
import { PREORDER_BID_LEVELS, queueOrder } from "../../shared/engine/factoryQueue.ts";
import type { Command } from "../../shared/engine/commands/schema.ts";
import { scenario, seats } from "../helpers/game.ts";

describe("pre-order bids", () => {
  it("efficiency bots bid for a short factory's early batches, at legal levels", () => {
    // tariffs-2025: the S21 XP comes out in the game's seventh month; a short factory makes bots queue for it.
    const base = scenario("tariffs-2025");
    const s = { ...base, factoryQueue: { ...base.factoryQueue, headroomBps: 100 } };
    const g = createGame(s, 5, seats(4));
    const caches = new EngineCaches();
    const bots = new BotCaches(caches);
    const orders: Command[] = [];
    // Used machines compete with new ones in an efficiency bot's choice: with the used markets emptied
    // each day, what it buys is new, from the short factory.
    const emptyUsed = () => g.usedMarkets.regions.forEach((m) => m.stockThs.fill(0));
    for (let day = 0; day < 400 && !orders.some((o) => o.type === "orderMachines" && o.premiumBps); day++) {
      emptyUsed();
      for (const c of g.companies)
        for (const cmd of decide(g, c.id, "efficiency", bots)) {
          const r = applyCommand(g, { kind: "company", companyId: c.id }, cmd, caches);
          if (r.ok && cmd.type === "orderMachines") orders.push(cmd);
        }
      step(g, caches);
    }
    const bids = orders.flatMap((o) => (o.type === "orderMachines" && o.premiumBps ? [o.premiumBps] : []));
    expect(bids.length).toBeGreaterThan(0);
    for (const b of bids) expect(PREORDER_BID_LEVELS).toContain(b);
    // Whatever is still queued is in bid order: of two orders for the same model, the higher bid ships
    // no later unless it could not ship as early (placed later, its earliest day is later).
    for (const f of new Set(g.factoryOrders.map((o) => `${o.factory}/${o.model}`))) {
      const q = queueOrder(g.factoryOrders.filter((o) => `${o.factory}/${o.model}` === f));
      const firstDay = (i: number) => q[i]!.schedule[0]?.day ?? Infinity;
      for (let i = 1; i < q.length; i++)
        if (q[i]!.premiumBps < q[i - 1]!.premiumBps && q[i - 1]!.earliestDay <= q[i]!.earliestDay)
          expect(firstDay(i)).toBeGreaterThanOrEqual(firstDay(i - 1));
    }
  });
});
