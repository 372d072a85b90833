/**
 * The mining cycle as the bots read it (shared/bots/cycle.ts): the hashprice over what the world's fleet
 * pays for power says whether a boom's hashprice can last, and a bot's level says how much it believes it.
 */
import { describe, expect, it } from "vitest";
import { EngineCaches } from "../../shared/engine/caches.ts";
import { cycleCut } from "../../shared/bots/cycle.ts";
import { networkPowerCostPerThDay } from "../../shared/engine/networkPowerCost.ts";
import { seatProfile } from "../../shared/bots/levels.ts";
import { EFFICIENCY } from "../../shared/bots/efficiency.ts";
import { newGame, stepUntil } from "../helpers/game.ts";
import { viewOf } from "../../shared/view/project.ts";
import { emptyNewsBoard } from "../../shared/view/news.ts";

describe("the mining cycle", () => {
  it("cuts the hashprice in the 2021 boom, not after the 2020 halving, and not at all for an easy bot", () => {
    const boom = newGame("exodus-2021", 1);
    stepUntil(boom, "2021-08-01");
    const caches = new EngineCaches();
    const cost = networkPowerCostPerThDay(boom, caches);
    // The 2021 boom: the hashprice stood several times above the world fleet's power cost.
    expect(boom.market.hashpriceMicroUsd / cost).toBeGreaterThan(4);
    const normal = cycleCut(boom, caches, 0.25);
    const strong = cycleCut(boom, caches, 0.5);
    expect(normal).toBeLessThan(1);
    expect(strong).toBeLessThan(normal);
    expect(cycleCut(boom, caches, 0)).toBe(1);
    // Summer 2020, after the halving: near twice the cost, a market that holds.
    const calm = newGame("halving-2020", 1);
    stepUntil(calm, "2020-07-01");
    expect(cycleCut(calm, new EngineCaches(), 0.5)).toBe(1);
  });

  it("is read more closely the higher the bot's level: not at all, by a rule of thumb, as a path", () => {
    const profile = (level: "easy" | "normal" | "hard") => seatProfile(EFFICIENCY, level, 1, "p1");
    expect(profile("easy").cyclePower ?? 0).toBe(0);
    expect(profile("easy").readsBoom).toBeUndefined();
    expect(profile("normal").cyclePower).toBeGreaterThan(0);
    expect(profile("normal").readsBoom).toBeUndefined();
    // A hard bot reads the boom's path back to normal (boom.test.ts), not the flat cut.
    expect(profile("hard").readsBoom).toBe(true);
    expect(profile("hard").cyclePower).toBeUndefined();
  });
});

describe("the network's power cost, public", () => {
  it("is in every player's view, the figure the bots read the cycle by", () => {
    const game = newGame("exodus-2021", 1, 2);
    stepUntil(game, "2021-08-01");
    const caches = new EngineCaches();
    const seats = game.companies.map((c) => ({ name: c.name, kind: "human" as const, connected: true }));
    const input = { seats, hideNames: false, hashing: new Map(), news: emptyNewsBoard() };
    const view = viewOf(game, input, caches);
    expect(view.networkPowerCostMicroUsdPerThDay).toBeGreaterThan(0);
    expect(view.networkPowerCostMicroUsdPerThDay).toBe(networkPowerCostPerThDay(game, caches));
    // And the hashprice machine prices are set on, which a hard bot reads a falling market by.
    expect(view.machinePriceHashpriceMicroUsd).toBeGreaterThan(0);
    expect(view.machinePriceHashpriceMicroUsd).toBe(game.market.hashpriceMemoryMicroUsd);
  });
});
