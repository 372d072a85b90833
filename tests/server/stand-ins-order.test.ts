/**
 * A room's stand-ins act in the day's acting order (shared/bots/order.ts), as a Monte-Carlo run's bots
 * do: each on the state the seats before it left, in an order drawn afresh each day. Before, the first
 * seat always acted first and took a crunch's last free kW from the others.
 */
import { describe, expect, it } from "vitest";
import { actingOrder, BotCaches } from "../../shared/bots/index.ts";
import { step } from "../../shared/index.ts";
import { startLog } from "../../shared/replay/index.ts";
import { HeldTokens } from "../../server/game/heldTokens.ts";
import { newSeats } from "../../server/game/seats.ts";
import { standInsPlay } from "../../server/game/standIns.ts";
import { newGame } from "../helpers/game.ts";

describe("stand-ins' order", () => {
  it("applies a day's bot commands seat after seat in the acting order", () => {
    const strategies = ["efficiency", "cheap-power", "cautious", "trader"];
    const state = newGame("exodus-2021", 1, strategies.length);
    const seats = newSeats(strategies.length, strategies).map((seat, i) => ({
      ...seat,
      kind: "bot" as const,
      strategy: strategies[i] as string,
    }));
    const bots = new BotCaches();
    const game = { state, log: startLog(state, seats), caches: bots.engine };
    const roster = { seats, members: new Map(), tokens: new HeldTokens() };
    let daysWithSeveral = 0;
    for (let day = 0; day < 60; day++) {
      const from = game.log.actions.length;
      standInsPlay(game, roster, bots);
      const actors = game.log.actions.slice(from).map((a) => (a.actor as { companyId: string }).companyId);
      const rank = actingOrder(state.seed, state.tick, seats.length).map((i) => `p${i + 1}`);
      const ranks = actors.map((id) => rank.indexOf(id));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      if (new Set(actors).size > 1) daysWithSeveral++;
      step(state, game.caches);
    }
    // The check means something: several seats acted on the same day, on some days.
    expect(daysWithSeveral).toBeGreaterThan(5);
  });
});
