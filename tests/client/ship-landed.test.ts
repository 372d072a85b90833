/**
 * The ship dialog's landed cost: each mode's line shows the engine's landed cost and time cost, fees and
 * holds when there are any, air's extra aircraft, in both languages; the dialog preselects the lowest
 * landed cost (time included), not the lowest freight.
 */
import { describe, expect, it } from "vitest";
import type { PreviewReply, ShipQuote } from "../../shared/protocol/index.ts";
import { cheapestLanded, feesLine, landedLine, landedSummary } from "../../client/src/ui/shipLanded.ts";

const quote = (mode: ShipQuote["mode"], over: Partial<ShipQuote>): ShipQuote => ({
  mode,
  km: 12_000,
  days: 9,
  arriveDate: "2024-06-10",
  customsDate: "2024-06-12",
  weightKg: 1_550,
  freightCents: 1_500_000,
  insuranceCents: 0,
  declaredValueCents: 20_000_000,
  international: true,
  tariffBps: 0,
  tariffCents: 0,
  vatBps: 0,
  vatCents: 0,
  licenceMeanDays: 0,
  lossBps: 5,
  damageBps: 30,
  payNowCents: 1_500_000,
  expectedTotalCents: 1_500_000,
  warnings: [],
  broker: "standard",
  brokerFeeCents: 0,
  licenceFeeCents: 0,
  departures: 1,
  expectedHoldDays: 0,
  expectedStorageCents: 0,
  timeCostPerDayCents: 66_000,
  timeCostCents: 594_000,
  landedCostCents: 2_094_000,
  ...over,
});

describe("the ship dialog's landed cost", () => {
  it("shows landed cost and what time costs, in English and Chinese", () => {
    const q = quote("air", {});
    expect(landedLine(q, "en")).toBe("landed ≈ $20,940 · time $5,940 ($660/day)");
    expect(landedLine(q, "zh")).toContain("到岸总成本");
    expect(feesLine(q, "en")).toBeNull();
    expect(landedSummary(q, "en")).toContain("9 days");
  });

  it("names fees, expected holds and extra aircraft when there are some", () => {
    const q = quote("air", {
      brokerFeeCents: 250_000,
      licenceFeeCents: 250_000,
      expectedHoldDays: 22.1,
      departures: 3,
    });
    expect(feesLine(q, "en")).toBe(
      "broker $2,500 · licence $2,500 · expected hold 22.1 days · needs 3 aircraft: dearer and later",
    );
    expect(feesLine(q, "zh")).toContain("3 架飞机");
  });

  it("preselects the lowest landed cost the engine accepts, not the cheapest freight", () => {
    const reply: PreviewReply = {
      ok: true,
      quote: {
        kind: "ship",
        modes: [
          { mode: "air", ok: true, quote: quote("air", { landedCostCents: 2_000_000 }) },
          {
            mode: "sea",
            ok: true,
            quote: quote("sea", {
              freightCents: 300_000,
              expectedTotalCents: 300_000,
              landedCostCents: 3_000_000,
            }),
          },
          { mode: "rail", ok: false, quote: quote("rail", { landedCostCents: 1_000_000 }) },
        ],
      },
    };
    expect(cheapestLanded(reply)).toBe("air");
    expect(cheapestLanded(null)).toBeNull();
  });
});
