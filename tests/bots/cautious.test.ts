/**
 * The cautious bot (issue #14 §1 balance): the BTC it keeps stands in for part of its cash reserve, it
 * commits more when paybacks are quick, and it buys proven used machines in another region's market and
 * ships them, insured, to its cheap power.
 */
import { describe, expect, it } from "vitest";
import { cautiousCommitment, cautiousFreeCents } from "../../shared/bots/cautious.ts";
import { gradientShipments, runBots } from "./run.ts";

describe("cautious: the cash it may commit", () => {
  it("is the cash above its reserve when it holds no BTC", () => {
    expect(cautiousFreeCents(10_000, 6_000, 0)).toBe(4_000);
    expect(cautiousFreeCents(5_000, 6_000, 0)).toBe(0);
  });

  it("counts half its BTC towards the reserve", () => {
    expect(cautiousFreeCents(10_000, 6_000, 4_000)).toBe(6_000);
  });

  it("keeps at least half the reserve in cash however much BTC it holds", () => {
    expect(cautiousFreeCents(10_000, 6_000, 1_000_000)).toBe(7_000);
    expect(cautiousFreeCents(2_000, 6_000, 1_000_000)).toBe(0);
  });
});

describe("cautious: what it commits a review", () => {
  it("commits its share, a third in a region, when paybacks are slow", () => {
    expect(cautiousCommitment(200, 450, 9_000, 3_000, 500)).toEqual([3_000, 1_000]);
  });

  it("never commits less than an order in a region", () => {
    expect(cautiousCommitment(200, 450, 9_000, 900, 500)).toEqual([900, 500]);
  });

  it("commits all it may, half in a region, when the best payback is under a third of its limit", () => {
    expect(cautiousCommitment(100, 450, 9_000, 3_000, 500)).toEqual([9_000, 4_500]);
  });

  it("commits nothing when its share is nothing and paybacks are slow", () => {
    expect(cautiousCommitment(200, 450, 9_000, 0, 500)).toEqual([0, 0]);
  });
});

describe("cautious and the regional used markets", () => {
  it("ships used lots bought in another region's market, insured, and stays solvent", () => {
    const shipped = new Map<string, boolean>();
    const r = runBots("halving-2020", 1, ["efficiency", "cheap-power", "cautious", "trader"], {
      days: 240,
      onDay: (state) => {
        for (const s of gradientShipments(state, "p3")) shipped.set(s.id, s.insured);
      },
    });
    expect(shipped.size).toBeGreaterThan(0);
    expect([...shipped.values()].every((insured) => insured)).toBe(true);
    expect(r.losingPurchases).toEqual([]);
    expect(r.bannedShipments).toEqual([]);
    expect(r.companies.every((c) => !c.bankrupt)).toBe(true);
  });
});
