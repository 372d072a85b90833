/**
 * Bots give no command the engine refuses for a reason they could have seen at the time: a second
 * purchase from a used market's stock of a model, sized on the stock before the first (BAD_QUANTITY); a
 * direct lease in a region after a request queued there for another lot the same day (ALREADY_SO: one
 * request per region), with the install chained to it (NO_LEASE_ROOM); a loan's whole principal repaid
 * after a margin call's part the same day (BAD_QUANTITY). Each game below met the first two before.
 */
import { describe, expect, it } from "vitest";
import { runBots } from "./run.ts";

const seeing = new Set(["BAD_QUANTITY", "ALREADY_SO", "NO_LEASE_ROOM"]);
const four = ["efficiency", "cheap-power", "cautious", "trader"];

describe("bots' commands the engine refuses", () => {
  it.each([
    ["sandbox", 1, four],
    ["sandbox", 5, four],
    ["exodus-2021", 1, [...four, ...four]],
  ])("%s, seed %i: none for a reason they could see", (scenario, seed, seats) => {
    const r = runBots(scenario, seed, seats);
    expect(r.commands).toBeGreaterThan(1000);
    expect(r.rejections.filter((x) => seeing.has(x.code))).toEqual([]);
  });
});
