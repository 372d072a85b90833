/**
 * Bots do not send machines round in circles (issue #14 §1: no losses through carelessness). In
 * exodus-2021's crunch a lot that lands where space has run out waits in the warehouse or the region's
 * queue rather than sailing on to the next full region: each trip costs freight, damage and weeks.
 * (Before the fix a lot of seed 2 took eight trips, Sichuan-Bhutan-Ethiopia-Bhutan-Norway-...; an
 * evacuation, a second move after the next ban and a part of a lot sent on from a full region make 4.)
 */
import { describe, expect, it } from "vitest";
import { applyCommand, step, EngineCaches } from "../../shared/index.ts";
import { BotCaches, decide, STRATEGIES } from "../../shared/bots/index.ts";
import { newGame, player } from "../helpers/game.ts";

/** The most shipments any one lot took in a game. */
function mostTripsPerLot(seed: number): number {
  const g = newGame("exodus-2021", seed, STRATEGIES.length);
  const caches = new EngineCaches();
  const bots = new BotCaches(caches);
  const trips = new Map<string, number>();
  while (!g.finished) {
    g.companies.forEach((c, i) => {
      for (const cmd of decide(g, c.id, STRATEGIES[i] as string, bots)) {
        const ok = applyCommand(g, player(i + 1), cmd, caches).ok;
        if (ok && cmd.type === "shipLot") trips.set(cmd.lot, (trips.get(cmd.lot) ?? 0) + 1);
      }
    });
    step(g, caches);
  }
  return Math.max(0, ...trips.values());
}

describe("bots in a crunch", () => {
  it.each([2, 3])("ship no lot more than four times (exodus-2021, seed %i)", (seed) => {
    expect(mostTripsPerLot(seed)).toBeLessThanOrEqual(4);
  });
});
