/**
 * The order in which a day's stand-ins act (shared/bots/order.ts): each seat on the state the seats
 * before it left, in an order drawn each day from the game's seed; the same rule for a room's stand-ins
 * and a Monte-Carlo run. With a fixed order the first seat took a crunch's last free kW whenever two bots
 * wanted it; with one that turned with the day, the same seat did on a scenario's crunch date every game.
 */
import { describe, expect, it } from "vitest";
import { actingOrder } from "../../shared/bots/index.ts";

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

/** How often each seat comes first over `draws`, as counts. */
function firsts(draws: number[][], seats: number): number[] {
  const counts = new Array<number>(seats).fill(0);
  for (const order of draws) counts[order[0] as number]! += 1;
  return counts;
}

describe("the acting order", () => {
  it("is every seat once a day, the same for the same game and day", () => {
    for (let tick = 0; tick < 50; tick++) {
      expect(sorted(actingOrder(7, tick, 5))).toEqual([0, 1, 2, 3, 4]);
      expect(actingOrder(7, tick, 5)).toEqual(actingOrder(7, tick, 5));
    }
    expect(actingOrder(7, 3, 1)).toEqual([0]);
    expect(actingOrder(7, 3, 0)).toEqual([]);
    // Another game or another day, another order (not always: 1 in 24 orders of four seats are equal).
    const days = Array.from({ length: 24 }, (_, t) => actingOrder(7, t, 4).join());
    expect(new Set(days).size).toBeGreaterThan(10);
  });

  it("puts each seat first about as often, day after day in one game", () => {
    const counts = firsts(
      Array.from({ length: 4000 }, (_, t) => actingOrder(3, t, 4)),
      4,
    );
    for (const c of counts) expect(c).toBeGreaterThan(900);
  });

  it("puts each seat first about as often on one date over many games, whichever seat a strategy holds", () => {
    // A scenario's crunch falls on the same date in every game: who acts first then must change with the
    // seed, and not in step with the Monte-Carlo runs' turning of the strategies (run i: seed 1 + i,
    // strategy k in seat (k + i) mod n; tools/lib/seats.ts).
    const n = 4;
    const crunch = 140;
    const bySeat = firsts(
      Array.from({ length: 400 }, (_, run) => actingOrder(1 + run, crunch, n)),
      n,
    );
    const byStrategy = new Array<number>(n).fill(0);
    for (let run = 0; run < 400; run++) {
      const seat = actingOrder(1 + run, crunch, n)[0] as number;
      byStrategy[(seat - (run % n) + n) % n]! += 1;
    }
    for (const c of [...bySeat, ...byStrategy]) expect(c).toBeGreaterThan(70);
  });
});
