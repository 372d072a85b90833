/**
 * The gradient trade (issue #13 §2): the cheap-power bot buys used lots in another region's market and
 * ships them to cheap power, through legal commands; the other bots keep working.
 */
import { describe, expect, it } from "vitest";
import { gradientShipments, runBots } from "./run.ts";

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
});
