/**
 * Bots and finance (issue #13 §4, §6): the borrowing strategies borrow against their machines through
 * the engine's own command and repay; every bot meets a margin call; the cautious bot never borrows and
 * its cash earns the risk-free rate.
 */
import { describe, expect, it } from "vitest";
import { decide } from "../../shared/bots/index.ts";
import { applyCommand, step } from "../../shared/index.ts";
import { EngineCaches } from "../../shared/engine/caches.ts";
import type { Command } from "../../shared/engine/commands/schema.ts";
import { newGame, player } from "../helpers/game.ts";

describe("bots borrow and repay", () => {
  it("efficiency and trader take loans and repay them; cautious never borrows and earns interest", () => {
    const g = newGame("tariffs-2025", 3, 3);
    const strategies = ["efficiency", "trader", "cautious"];
    const caches = new EngineCaches();
    const given: Command[][] = [[], [], []];
    let rejected = 0;
    while (!g.finished && g.tick < 540) {
      strategies.forEach((strategy, i) => {
        for (const cmd of decide(g, `p${i + 1}`, strategy)) {
          const r = applyCommand(g, player(i + 1), cmd, caches);
          if (r.ok) given[i]!.push(cmd);
          else if (cmd.type === "borrow" || cmd.type === "repay") rejected++;
        }
      });
      step(g, caches);
    }
    const types = (i: number) => new Set(given[i]!.map((c) => c.type));
    expect(types(0).has("borrow") || types(1).has("borrow")).toBe(true);
    expect(types(0).has("repay") || types(1).has("repay")).toBe(true);
    expect(types(2).has("borrow")).toBe(false);
    expect(g.companies[2]!.totals.interestIncome).toBeGreaterThan(0);
    expect(rejected).toBe(0);
    for (const c of g.companies) expect(c.bankrupt, c.id).toBe(false);
  });

  it("a bot under a margin call repays from cash before the lender sells", () => {
    const g = newGame("exodus-2021", 2, 1);
    while (g.day < Date.UTC(2021, 3, 14) / 86_400_000) step(g);
    const sats = 1_000_000_000;
    expect(applyCommand(g, player(1), { type: "buyBtc", sats })).toEqual({ ok: true });
    const price = g.market.priceCents;
    const cents = Math.floor((sats / 1e8) * price * 0.69);
    expect(applyCommand(g, player(1), { type: "borrow", cents, termDays: 365, btcSats: sats })).toEqual({
      ok: true,
    });
    let repaidByBot = false;
    let forced = false;
    while (g.loans.length > 0 && g.day < Date.UTC(2021, 7, 1) / 86_400_000) {
      for (const cmd of decide(g, "p1", "cautious")) {
        const r = applyCommand(g, player(1), cmd);
        if (r.ok && cmd.type === "repay") repaidByBot = true;
      }
      const r = step(g);
      if (r.notices.some((n) => n.kind === "forcedSale")) forced = true;
    }
    expect(repaidByBot).toBe(true);
    expect(forced).toBe(false);
  });
});
