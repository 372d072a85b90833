/**
 * Used purchases sized by the market's depth (shared/bots/buy.ts): one lot as large as the region's
 * stock sells near the quoted ask, rather than a few dozen machines a week (fewer, larger lots).
 */
import { describe, expect, it } from "vitest";
import { decide } from "../../shared/bots/index.ts";
import { modelOf } from "../../shared/engine/fleet.ts";
import { regionIndex } from "../../shared/engine/regions.ts";
import { quoteUsedLot } from "../../shared/engine/usedMarket.ts";
import { EngineCaches } from "../../shared/engine/caches.ts";
import { newGame } from "../helpers/game.ts";
import { step } from "../../shared/index.ts";

describe("a bot's used purchase", () => {
  it("takes what the market sells within a tenth of the ask, far more than the old 12,000 TH/s cap", () => {
    const g = newGame("sandbox", 15, 4);
    const caches = new EngineCaches();
    // Wait for the bot's first used purchase: in January 2024 the used markets hold few machines good
    // enough for it (the world's fleet is the catalog-derived mix, issue #16); it buys within months.
    let buys = decide(g, "p1", "efficiency").filter((c) => c.type === "buyUsed");
    while (buys.length === 0 && g.tick < 200) {
      step(g, caches);
      buys = decide(g, "p1", "efficiency").filter((c) => c.type === "buyUsed");
    }
    expect(buys.length).toBeGreaterThan(0);
    for (const cmd of buys) {
      if (cmd.type !== "buyUsed") continue;
      const model = modelOf(g, cmd.model, caches);
      if (!model) throw new Error(`no model ${cmd.model}`);
      const r = regionIndex(g, cmd.region, caches);
      const lot = quoteUsedLot(g, r, model, cmd.quantity);
      const ask = quoteUsedLot(g, r, model, 50);
      expect(lot).not.toBeNull();
      expect(ask).not.toBeNull();
      expect(lot!.unitCents).toBeLessThanOrEqual(ask!.unitCents * 1.1);
      expect((cmd.quantity * model.hashrateGhs) / 1000).toBeGreaterThan(12_000);
    }
  });
});
