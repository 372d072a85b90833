/**
 * Bot levels and temperaments (issue #14 §1): "easy:", "normal:" (the default) and "hard:" before a
 * strategy's name; each game a bot draws a temperament from the seed (its knobs moved a little).
 */
import { describe, expect, it } from "vitest";
import { applyCommand, step, type Command } from "../../shared/index.ts";
import { BotCaches, decide } from "../../shared/bots/index.ts";
import { CHEAP_POWER } from "../../shared/bots/cheapPower.ts";
import { reviewSlots, reviewsOn, seatProfile } from "../../shared/bots/levels.ts";
import { newGame, player } from "../helpers/game.ts";

describe("bot levels", () => {
  it("are read off the strategy's name by decide; an unknown level names no strategy", () => {
    const g = newGame("halving-2020", 1, 1);
    expect(decide(g, "p1", "expert:trader")).toEqual([]);
    // Day 0 is seat 0's review at every level: each gives its first orders.
    for (const name of ["trader", "easy:trader", "normal:trader", "hard:trader"])
      expect(decide(g, "p1", name).length, name).toBeGreaterThan(0);
  });

  it("draw a temperament from the seed: the same for the same game, another for another seat or seed", () => {
    const a = seatProfile(CHEAP_POWER, "normal", 7, "p1");
    expect(seatProfile(CHEAP_POWER, "normal", 7, "p1")).toEqual(a);
    expect(seatProfile(CHEAP_POWER, "normal", 7, "p2")).not.toEqual(a);
    expect(seatProfile(CHEAP_POWER, "normal", 8, "p1")).not.toEqual(a);
    // Within the level's band around the strategy's knobs.
    expect(a.spendShare).toBeGreaterThanOrEqual(CHEAP_POWER.spendShare * 0.75 - 1e-9);
    expect(a.spendShare).toBeLessThanOrEqual(CHEAP_POWER.spendShare * 1.25 + 1e-9);
  });

  it("turn the knobs: an easy bot commits less and never borrows or bids; a hard one commits more, nearer breakeven", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const easy = seatProfile(CHEAP_POWER, "easy", seed, "p1");
      const hard = seatProfile(CHEAP_POWER, "hard", seed, "p1");
      expect(easy.spendShare).toBeLessThan(hard.spendShare);
      expect(easy.borrows).toBe(false);
      expect(easy.preorderBids).toBe(false);
      expect(easy.hostingBidPct).toBeUndefined();
      expect(easy.buildsSites).toBe(false);
      expect(hard.maxCostShare).toBeCloseTo(CHEAP_POWER.maxCostShare * 1.25, 9);
      expect(seatProfile(CHEAP_POWER, "normal", seed, "p1").maxCostShare).toBe(CHEAP_POWER.maxCostShare);
    }
  });

  it("an easy bot reviews its business every other week, a normal one weekly, each seat on its own day", () => {
    const days = (level: "easy" | "normal" | "hard", seat: number) =>
      Array.from({ length: 28 }, (_, t) => t).filter((t) => reviewsOn(level, t, seat));
    expect(days("easy", 0)).toEqual([0, 14]);
    expect(days("easy", 3)).toEqual([3, 17]);
    expect(days("normal", 2)).toEqual([2, 9, 16, 23]);
    expect(days("hard", 2)).toEqual([2, 9, 16, 23]);
    // decide buys and sets its ratio only on those days (the rest of the time it only reacts).
    const g = newGame("halving-2020", 3, 1);
    const bots = new BotCaches();
    const buying: number[] = [];
    while (g.tick < 300) {
      const cmds: Command[] = decide(g, "p1", "easy:trader", bots);
      if (cmds.some((c) => c.type === "setSellRatio" || c.type === "buyUsed" || c.type === "orderMachines"))
        buying.push(g.tick);
      for (const c of cmds) applyCommand(g, player(1), c);
      step(g);
    }
    expect(buying.length).toBeGreaterThan(0);
    for (const d of buying) expect(d % 14).toBe(0);
  });

  it("review in turn: each seat first in one game of every four, the others' order drawn from the seed", () => {
    const first = [0, 0, 0, 0];
    const second = [0, 0, 0, 0];
    for (let seed = 4; seed < 44; seed++) {
      const slots = reviewSlots(seed, 4);
      // One slot per seat: the order is a permutation, the same for the same game.
      expect([...slots].sort()).toEqual([0, 1, 2, 3]);
      expect(reviewSlots(seed, 4)).toEqual(slots);
      first[slots.indexOf(0)]!++;
      second[slots.indexOf(1)]!++;
    }
    expect(first).toEqual([10, 10, 10, 10]);
    // The rest is drawn: every seat comes second in some games, none in all of those it is not first.
    for (const n of second) expect(n).toBeGreaterThan(0);
    for (const n of second) expect(n).toBeLessThan(30);
  });

  it("give the first slot to each strategy in turn when a Monte-Carlo run turns them through the seats", () => {
    // Run i: seed 1 + i, strategy k in seat (k + i) mod n (tools/lib/seats.ts): with the first slot the
    // seed modulo the seats, strategy 1 had it in every run.
    for (const n of [2, 4, 5]) {
      const firsts = new Array<number>(n).fill(0);
      for (let run = 0; run < n * n; run++) {
        const seat = reviewSlots(1 + run, n).indexOf(0);
        firsts[(seat - (run % n) + n) % n]!++;
      }
      expect(firsts).toEqual(new Array<number>(n).fill(n));
    }
  });
});
