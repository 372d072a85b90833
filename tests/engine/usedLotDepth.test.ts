/**
 * Sizing a used lot by depth (usedLotDepth.ts, the bots' buy.ts; issue #14 §3 speed) finds what the
 * plain search finds: halving the range of sizes with a full quote (quoteUsedLot) per size tried. Over
 * gluts, scarcities, buyers' pressure, ceilings near and far from the ask, and caps, and with a least
 * cost under which it may give up (then only where the plain lot would cost less than that).
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { lotThs } from "../../shared/engine/fleet.ts";
import { usedTierOf } from "../../shared/engine/market.ts";
import type { GameState } from "../../shared/engine/state.ts";
import { quoteUsedLot, referenceStockThs, stockUnits } from "../../shared/engine/usedMarket.ts";
import { usedLotWithin } from "../../shared/engine/usedLotDepth.ts";
import type { AsicModel } from "../../shared/scenario/types.ts";
import { marketCases, usedMarketWorld, withMarket } from "../helpers/usedMarket.ts";

/** The plain search buy.ts made before: a full quote per size tried. */
function plainSearch(g: GameState, r: number, model: AsicModel, maxUnits: number, ceiling: number) {
  let lo = 0;
  let loTotal = 0;
  let hi = Math.min(maxUnits, stockUnits(g, r, model));
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const q = quoteUsedLot(g, r, model, mid);
    if (q && q.unitCents <= ceiling) {
      lo = mid;
      loTotal = q.totalCents;
    } else hi = mid - 1;
  }
  return { units: lo, totalCents: loTotal };
}

let base: GameState;
let models: AsicModel[];
beforeAll(() => ({ base, models } = usedMarketWorld()));

describe("a used lot sized by depth", () => {
  it("is the plain search's lot, or none only where that lot costs less than the least asked", () => {
    expect(models.length).toBeGreaterThan(2);
    const regions = base.scenario.regions.length;
    let bought = 0;
    let gaveUp = 0;
    fc.assert(
      fc.property(
        marketCases(regions, models.length),
        // The ceiling: a share above (or below) the one-unit ask; or, for searches that meet lots priced
        // right at it, a lot's own average (of a share of the sizes searched) give or take a cent.
        fc.double({ min: 0.9, max: 1.6, noNaN: true }),
        fc.option(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: -1, max: 1 }))),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 2_000_000_00 }),
        (c, slack, atLot, maxUnits, least) => {
          const set = withMarket(base, models, c, (model) => lotThs(model, 3));
          if (!set) return;
          const { g, model } = set;
          const r = c.r;
          const reference = referenceStockThs(g, r, usedTierOf(model.efficiencyJPerTh));
          const ask = quoteUsedLot(g, r, model, 1);
          if (!ask) return;
          const most = Math.min(maxUnits, stockUnits(g, r, model));
          const at = atLot ? quoteUsedLot(g, r, model, Math.max(1, Math.ceil(atLot[0] * most))) : null;
          const ceiling = at && atLot ? at.unitCents + atLot[1] : ask.unitCents * slack;
          const plain = plainSearch(g, r, model, maxUnits, ceiling);
          expect(usedLotWithin(g, r, model, maxUnits, ceiling)).toEqual(plain);
          expect(usedLotWithin(g, r, model, maxUnits, ceiling, reference)).toEqual(plain);
          const sized = usedLotWithin(g, r, model, maxUnits, ceiling, reference, least);
          if (plain.totalCents >= least) expect(sized).toEqual(plain);
          else expect(sized.units === 0 || sized.totalCents === plain.totalCents).toBe(true);
          if (plain.units > 0) bought++;
          if (sized.units === 0 && plain.units > 0) gaveUp++;
        },
      ),
      { numRuns: 500, seed: 14 },
    );
    // Both branches were exercised: lots found, and searches given up below the least cost.
    expect(bought).toBeGreaterThan(50);
    expect(gaveUp).toBeGreaterThan(0);
  });
});
