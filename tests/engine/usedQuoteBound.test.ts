/**
 * The bots' cheaper used quotes (issue #14 §3 speed): a quote's lower bound (usedQuoteBoundCents, one
 * power) never exceeds the quote and is null exactly where the quote is; every tier's reference stock in
 * one pass (referenceStocksThs) equals the tier-by-tier figure; a quote given that reference is the
 * plain quote. Over gluts, scarcities, buyers' pressure and lot sizes.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { lotThs } from "../../shared/engine/fleet.ts";
import { USED_TIERS, usedTierOf } from "../../shared/engine/market.ts";
import type { GameState } from "../../shared/engine/state.ts";
import {
  quoteUsedLot,
  referenceStocksThs,
  referenceStockThs,
  stockUnits,
} from "../../shared/engine/usedMarket.ts";
import { usedQuoteBoundCents } from "../../shared/engine/usedQuoteBound.ts";
import type { AsicModel } from "../../shared/scenario/types.ts";
import { marketCases, usedMarketWorld, withMarket } from "../helpers/usedMarket.ts";

let base: GameState;
let models: AsicModel[];
beforeAll(() => ({ base, models } = usedMarketWorld()));

describe("a used quote's lower bound", () => {
  it("is never above the quote, and null exactly where the quote is", () => {
    expect(models.length).toBeGreaterThan(2);
    const regions = base.scenario.regions.length;
    let below = 0;
    fc.assert(
      fc.property(
        marketCases(regions, models.length),
        fc.integer({ min: 1, max: 400 }),
        // Sometimes more than the stock holds: both must refuse.
        fc.boolean(),
        (c, quantity, short) => {
          const set = withMarket(base, models, c, (model) => (short ? 0 : lotThs(model, quantity)));
          if (!set) return;
          const { g, model } = set;
          const r = c.r;
          const quote = quoteUsedLot(g, r, model, quantity);
          const bound = usedQuoteBoundCents(g, r, model, quantity);
          if (quote === null) {
            expect(bound).toBeNull();
            return;
          }
          expect(bound).not.toBeNull();
          expect(bound as number).toBeLessThanOrEqual(quote.unitCents);
          if ((bound as number) < quote.unitCents) below++;
        },
      ),
      { numRuns: 400, seed: 15 },
    );
    // A bound is of use only if it is close: most curves rise within a lot, so it is often below.
    expect(below).toBeGreaterThan(0);
  });

  it("refuses what the quote refuses: no units, or more than the stock", () => {
    const model = models[0] as AsicModel;
    const r = base.usedMarkets.regions.findIndex((_, i) => stockUnits(base, i, model) > 0);
    expect(r).toBeGreaterThanOrEqual(0);
    expect(usedQuoteBoundCents(base, r, model, 0)).toBeNull();
    expect(usedQuoteBoundCents(base, r, model, stockUnits(base, r, model) + 1)).toBeNull();
  });
});

describe("every tier's reference stock in one pass", () => {
  it("is each tier's reference stock, and a quote given it is the plain quote", () => {
    for (let r = 0; r < base.scenario.regions.length; r++) {
      const all = referenceStocksThs(base, r);
      expect(all).toHaveLength(USED_TIERS.length);
      all.forEach((ths, tier) => expect(ths).toBe(referenceStockThs(base, r, tier)));
      for (const model of models) {
        const tier = usedTierOf(model.efficiencyJPerTh);
        for (const n of [1, 2, 3, 50]) {
          expect(quoteUsedLot(base, r, model, n, all[tier])).toEqual(quoteUsedLot(base, r, model, n));
        }
      }
    }
  });
});
