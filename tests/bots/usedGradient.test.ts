/**
 * The gradient trade (issue #13 §2): the cheap-power bot buys used lots in another region's market and
 * ships them to cheap power, through legal commands; the other bots keep working. And the search for
 * the cheapest source market, which quotes as few markets as it can, finds what quoting them all finds.
 */
import { describe, expect, it } from "vitest";
import { gradientShipments, runBots } from "./run.ts";
import { BotCaches } from "../../shared/bots/index.ts";
import { paybackLimit, survey, tierLeaders, unitMarginAt } from "../../shared/bots/buy.ts";
import { CHEAP_POWER } from "../../shared/bots/cheapPower.ts";
import { makeCtx, type Ctx } from "../../shared/bots/common.ts";
import { dutyOf } from "../../shared/bots/duties.ts";
import { landedAt, landingOf } from "../../shared/bots/econ.ts";
import { usedShippedOffer } from "../../shared/bots/usedGradient.ts";
import { licenceOf, worldOf } from "../../shared/bots/world.ts";
import { hostingPriceCents } from "../../shared/engine/hosting.ts";
import { quoteUsedLot, stockUnits } from "../../shared/engine/usedMarket.ts";
import type { GameState } from "../../shared/engine/state.ts";
import type { AsicModel } from "../../shared/scenario/types.ts";

/** The lot a shipped offer is priced for, and the days it waits (usedGradient.ts). */
const QUOTE_UNITS = 50;
const SHIPPED_WAIT_DAYS = 35;

/** The plain search usedShippedOffer stands for: quote every open market, keep the cheapest that pays. */
function quotingEveryMarket(ctx: Ctx, model: AsicModel, r: number, marginCents: number, limit: number) {
  const { state, world: w } = ctx;
  const licenceMeanDays = licenceOf(w, r);
  const arrival = { shipped: true as const, duty: dutyOf(w, r, model.origin), licenceMeanDays };
  const landing = landingOf(state, r, model, arrival, hostingPriceCents(state, r));
  let best: { from: number; unitCents: number; landed: number } | null = null;
  for (let s = 0; s < state.scenario.regions.length; s++) {
    if (s === r || w.closed[s] || stockUnits(state, s, model) < QUOTE_UNITS) continue;
    const quote = quoteUsedLot(state, s, model, QUOTE_UNITS);
    if (!quote) continue;
    const landed = landedAt(quote.unitCents, landing);
    if (!(landed / marginCents + SHIPPED_WAIT_DAYS + licenceMeanDays <= limit)) continue;
    if (!best || landed < best.landed) best = { from: s, unitCents: quote.unitCents, landed };
  }
  return best;
}

describe("cheap-power and the regional used markets", () => {
  it("buys used lots where they stand and ships them to cheap power", () => {
    const shippedUsed = new Set<string>();
    const r = runBots("exodus-2021", 3, ["cheap-power", "trader", "cautious", "efficiency"], {
      days: 240,
      onDay: (state) => {
        for (const s of gradientShipments(state, "p1")) shippedUsed.add(s.id);
      },
    });
    expect(shippedUsed.size).toBeGreaterThan(0);
    expect(r.losingPurchases).toEqual([]);
    expect(r.bannedShipments).toEqual([]);
    expect(r.companies.every((c) => !c.bankrupt)).toBe(true);
  });

  it("finds the source market that quoting every market finds", () => {
    const found = { offers: 0, none: 0 };
    const compare = (state: GameState): void => {
      const ctx = makeCtx(worldOf(state, new BotCaches()), state.companies[0]!, CHEAP_POWER, true);
      const sv = survey(ctx);
      for (const model of tierLeaders(ctx))
        for (let r = 0; r < state.scenario.regions.length; r++) {
          const margin = unitMarginAt(ctx, sv, model, r);
          // Its callers ask only where a unit earns a margin (shippedUsedOffers, the trader).
          if (margin === null || margin <= 0) continue;
          // Paybacks short and long: none pays, some do, all do.
          for (const m of [margin, margin / 5])
            for (const limit of [60, paybackLimit(ctx), 5000]) {
              const offer = usedShippedOffer(ctx, model, r, m, limit);
              const plain = quotingEveryMarket(ctx, model, r, m, limit);
              expect(offer && { from: offer.from, unitCents: offer.unitCents, landed: offer.landed }).toEqual(
                plain,
              );
              found[offer ? "offers" : "none"]++;
            }
        }
    };
    runBots("exodus-2021", 5, ["cheap-power", "trader", "cautious", "efficiency"], {
      days: 200,
      onDay: (state) => {
        if (state.tick % 40 === 10) compare(state);
      },
    });
    expect(found.offers).toBeGreaterThan(50);
    expect(found.none).toBeGreaterThan(50);
  });
});
