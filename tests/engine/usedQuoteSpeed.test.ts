/**
 * The used market's speed-ups give the same numbers as the plain rules (issue #14 §3 speed): a quote
 * whose curve sits at one bound takes its level from two powers instead of one per slice, and a buyer
 * comparing markets skips those whose floor (usedUnitFloorCents) cannot beat its best ask. Checked
 * against the slice-by-slice walk, over gluts, scarcities and everything between.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { lotThs } from "../../shared/engine/fleet.ts";
import { usedFairCentsPerTh, usedTierOf } from "../../shared/engine/market.ts";
import type { GameState } from "../../shared/engine/state.ts";
import { tariffBps } from "../../shared/engine/logistics/customs.ts";
import {
  quoteUsedLot,
  referenceStockThs,
  regionalFactorBps,
  usedUnitFloorCents,
} from "../../shared/engine/usedMarket.ts";
import { conditionBps, usedAgeDays } from "../../shared/engine/usedMarketWear.ts";
import { roundHalfAway } from "../../shared/math/money.ts";
import type { AsicModel } from "../../shared/scenario/types.ts";
import { marketCases, usedMarketWorld, withMarket } from "../helpers/usedMarket.ts";

const QUOTE_SLICES = 16;

/** The quote's total as the rules state it: every slice's factor from its own stock and pressure. */
function walkedTotal(g: GameState, r: number, model: AsicModel, quantity: number): number {
  const spec = g.scenario.usedMarkets;
  const tier = usedTierOf(model.efficiencyJPerTh);
  const market = g.usedMarkets.regions[r];
  const unitThs = lotThs(model, 1);
  const fair = usedFairCentsPerTh(g, tier);
  const spread = g.scenario.usedMarket.spreadBps / 10_000;
  const condition = conditionBps(spec, usedAgeDays(g, model));
  const landed = 1 + tariffBps(g, g.scenario.regions[r]?.country ?? "", model.origin) / 10_000;
  const floorUnit = Math.ceil(fair * unitThs * (1 - spread));
  const reference = referenceStockThs(g, r, tier);
  const stock = market?.stockThs[tier] ?? 0;
  const pressure = market?.pressureThs[tier] ?? 0;
  const slices = Math.min(quantity, QUOTE_SLICES);
  let total = 0;
  let taken = 0;
  for (let s = 0; s < slices; s++) {
    const units = Math.floor(quantity / slices) + (s < quantity % slices ? 1 : 0);
    const mid = (taken + units / 2) * unitThs;
    const factor = regionalFactorBps(spec, reference, stock - mid, pressure + mid) / 10_000;
    const unit = roundHalfAway(fair * unitThs * factor * (condition / 10_000) * (1 + spread) * landed);
    total += units * Math.max(floorUnit, unit);
    taken += units;
  }
  return total;
}

let base: GameState;
let models: AsicModel[];
beforeAll(() => ({ base, models } = usedMarketWorld()));

describe("used quotes, fast and plain", () => {
  it("give the same total and never fall below the floor, whatever the stock and pressure", () => {
    expect(models.length).toBeGreaterThan(2);
    const regions = base.scenario.regions.length;
    fc.assert(
      fc.property(marketCases(regions, models.length), fc.integer({ min: 1, max: 400 }), (c, quantity) => {
        // Enough stock for the lot: a quote beyond the stock is refused either way.
        const set = withMarket(base, models, c, (model) => lotThs(model, quantity));
        if (!set) return;
        const { g, model } = set;
        const r = c.r;
        const quote = quoteUsedLot(g, r, model, quantity);
        expect(quote?.totalCents).toBe(walkedTotal(g, r, model, quantity));
        expect(quote?.unitCents).toBeGreaterThanOrEqual(usedUnitFloorCents(g, r, model));
      }),
      { numRuns: 400, seed: 14 },
    );
  });
});
