/**
 * The tournament (tools/tournament.ts): every strategy plays every game, seats rotated so that each
 * strategy sits in each seat once per seed and scenario; ranks add up; a strategy file that fails is
 * counted as stopped and the games go on.
 */
import { describe, expect, it } from "vitest";
import { rotation } from "../../tools/lib/seats.ts";
import { playTournament, ranks, standingLines } from "../../tools/lib/tournament.ts";

describe("tournament", () => {
  it("rotates the seats: each strategy sits in every seat once", () => {
    const bots = ["a", "b", "c"];
    const rotations = [0, 1, 2].map((r) => rotation(bots, r));
    expect(rotations).toEqual([
      ["a", "b", "c"],
      ["c", "a", "b"],
      ["b", "c", "a"],
    ]);
    for (let seat = 0; seat < 3; seat++)
      expect(new Set(rotations.map((r) => r[seat]))).toEqual(new Set(bots));
  });

  it("ranks by final equity, ties sharing their places", () => {
    expect(ranks([5, 9, 5, 1])).toEqual([2.5, 1, 2.5, 4]);
  });

  it("plays a tiny round robin and ranks it", async () => {
    const bots = ["cheap-power", "idle", "./tests/fixtures/strategies/throws.ts"];
    const config = { scenarios: ["halving-2020"], seeds: 1, bots, days: 25, jobs: 1 };
    const standings = await playTournament(config);
    expect(standings.map((s) => s.games)).toEqual([3, 3, 3]);
    // Places 1..3 in each of three games: the mean ranks add up to 1 + 2 + 3.
    expect(standings.reduce((sum, s) => sum + s.meanRank, 0)).toBeCloseTo(6, 9);
    expect(standings.find((s) => s.strategy === bots[2])?.stopped).toBe(3);
    // Idle keeps its cash (a little interest on it, no more): about 1.00 of the start.
    expect(standings.find((s) => s.strategy === "idle")?.medianEquityRatio).toBeCloseTo(1, 1);
    const lines = standingLines(standings);
    expect(lines[0]).toMatch(
      /#\s+strategy\s+games\s+wins\s+win %\s+mean rank\s+median equity ÷ start\s+stopped/,
    );
    expect(lines).toHaveLength(2 + bots.length);
  });
});
