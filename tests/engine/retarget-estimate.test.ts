/**
 * The HUD's "next retarget" estimate is the engine's, with the protocol's constants: the period's pace
 * so far stretched to 2016 blocks, clamped as Bitcoin Core clamps the timespan (the server once worked
 * it out itself with 2016 and 600 written in, and without the clamp).
 */
import { describe, expect, it } from "vitest";
import { retargetEstimatePct } from "../../shared/engine/chain.ts";
import type { ChainState } from "../../shared/engine/state.ts";
import { step } from "../../shared/index.ts";
import { newGame, stepUntil } from "../helpers/game.ts";

const chain = (blocks: number, seconds: number): ChainState => ({
  ...newGame("halving-2020").chain,
  height: 2016 * 300 + blocks,
  periodFirstTime: 1_600_000_000,
  tipTime: 1_600_000_000 + seconds,
});

describe("the next retarget's estimate", () => {
  it("says nothing until the period has a few blocks", () => {
    expect(retargetEstimatePct(chain(5, 1))).toBe(0);
  });

  it("is the pace so far: blocks twice as fast as 600 s ⇒ +100%, half as fast ⇒ −50%", () => {
    expect(retargetEstimatePct(chain(1000, 1000 * 300))).toBeCloseTo(100, 9);
    expect(retargetEstimatePct(chain(1000, 1000 * 1200))).toBeCloseTo(-50, 9);
  });

  it("is clamped as Core clamps the timespan: at most ×4, at least ÷4", () => {
    expect(retargetEstimatePct(chain(1000, 1000 * 10))).toBeCloseTo(300, 9);
    expect(retargetEstimatePct(chain(1000, 1000 * 6000))).toBeCloseTo(-75, 9);
  });

  it("on the last day before a retarget, is within a few points of the change the engine makes", () => {
    const g = newGame("halving-2020");
    stepUntil(g, "2020-03-01");
    for (let n = 0; n < 5; n++) {
      let estimate = 0;
      let made: number | undefined;
      while (made === undefined) {
        estimate = retargetEstimatePct(g.chain);
        made = step(g).retargets[0]?.changePpm;
      }
      // The last day adds a day's blocks at a slightly different pace: close, not equal.
      expect(Math.abs(estimate - made / 1e4)).toBeLessThan(3);
    }
  });
});
