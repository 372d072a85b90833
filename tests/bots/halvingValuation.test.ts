/**
 * How the bots value a machine before a halving (shared/bots/econ.ts paybackHashprice, buy.ts survey):
 * the months before the halving earn today's revenue and the rest the fees and half the subsidy, by the
 * engine's own outlook (machinePrice.ts), and the resale is not cut for a halving today's mark already
 * prices. (Halving the whole horizon left every strategy but the longest-sighted one out of the machines
 * that cheapen before a halving: efficiency won 92% of halving-2020 games.)
 */
import { describe, expect, it } from "vitest";
import { outlookToday } from "../../shared/engine/machinePrice.ts";
import { paybackHashprice, planningHashprice } from "../../shared/bots/econ.ts";
import { newGame, stepUntil } from "../helpers/game.ts";

describe("a bot's valuation before a halving", () => {
  it("counts the months before the 2020 halving at today's revenue: above the planning hashprice, below today's", () => {
    const state = newGame("halving-2020", 1);
    stepUntil(state, "2020-02-01");
    const m = state.market;
    const base = Math.min(m.hashpriceMicroUsd, m.hashpriceAvgMicroUsd);
    const earning = paybackHashprice(state, 450);
    // The halving (May 2020) falls within 450 days: the average lies between the halved and the full.
    expect(earning).toBeGreaterThan(planningHashprice(state) * 1.1);
    expect(earning).toBeLessThan(base);
    // The same outlook the engine prices machines with, not a copy of it.
    expect(earning).toBeCloseTo(base * outlookToday(state, 450) * 0.85, 6);
  });

  it("equals the planning hashprice when no halving falls within the horizon", () => {
    const state = newGame("exodus-2021", 1);
    stepUntil(state, "2021-06-01");
    expect(outlookToday(state, 450)).toBe(1);
    expect(paybackHashprice(state, 450)).toBeCloseTo(planningHashprice(state), 6);
  });
});
