/**
 * The order in which a day's stand-ins act (issue #14: bots worth beating on equal terms). Each seat a
 * bot plays decides on the state its predecessors that day left and has its commands applied before the
 * next one decides, so no bot is refused for a room or a stock another took the same day unseen. The
 * order is drawn afresh each day from the game's seed: with a fixed order the first seat took a region's
 * last free kW and a market's cheapest lots whenever two bots wanted them the same day (exodus-2021, the
 * strategies turned through the seats game by game: the first seat won 33% of the games, the last 19%).
 * An order that only turned with the day (first seat = day mod seats) put the same seat first on the same
 * date in every game, and a scenario's crunch falls on the same date in every game: exodus-2021's seats
 * then won 20/7/35/38%. The server's stand-ins and the Monte-Carlo runs both act in this order, so a run
 * plays a room's game.
 */
import { createRng, nextFloat } from "../math/rng.ts";

/** Seat indexes `0 … seats-1` in the order they act on day `tick` of the game with seed `seed`. */
export function actingOrder(seed: number, tick: number, seats: number): number[] {
  const order = Array.from({ length: Math.max(0, seats) }, (_, i) => i);
  if (order.length < 2) return order;
  // One stream a day (Weyl step on the day, so neighbouring days' seeds differ in every bit).
  const rng = createRng((seed + Math.imul(tick, 0x9e3779b1)) >>> 0, "bot:actingOrder");
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(nextFloat(rng) * (i + 1));
    const t = order[i] as number;
    order[i] = order[j] as number;
    order[j] = t;
  }
  return order;
}
