/**
 * Golden numbers for the formulas, each derived in its comment from first principles, so that a change
 * of rule shows as a changed number here rather than as a drift nobody notices.
 */
import { describe, expect, it } from "vitest";
import { applyCommand, computeHashprice, step } from "../../shared/index.ts";
import { hashesPerBlockForBits } from "../../shared/engine/chain.ts";
import { energyCostCents, satsValueCents } from "../../shared/math/money.ts";
import { parseIsoDate } from "../../shared/math/calendar.ts";
import { loadDatasets } from "../../node/scenarios.ts";
import { newGame, player, shipAndWait, stepUntil } from "../helpers/game.ts";

describe("hashprice", () => {
  it("at block 630000 with no fees and BTC at $8,700 is 780.7 sats or $0.0679 per TH/s per day", () => {
    // Bits 0x17117a39: target = 0x117a39 × 256^(0x17 − 3). Expected hashes per block are exactly
    // 2^256 / (target + 1) (Core's GetBlockProof) = 6.9168e22 (difficulty 16.1048 T × 2^32 × 65536/65535).
    // One TH/s finds 86,400 × 1e12 / 6.9168e22 = 1.2491e-6 blocks a day, each paying 6.25 BTC =
    // 625,000,000 sats: 780.7 sats a day; at 870,000 cents per BTC, 67,920 micro-USD.
    const target = 0x117a39n * 256n ** (0x17n - 3n);
    const work = Number(2n ** 256n / (target + 1n));
    const hp = computeHashprice(hashesPerBlockForBits(0x17117a39), 630_000, 0, 870_000);
    const sats = (625_000_000 * 86_400e12) / work;
    expect(hp.milliSats / 1000).toBeCloseTo(sats, 2);
    expect(sats).toBeCloseTo(780.68, 1);
    expect(hp.microUsd).toBe(Math.round((sats * 870_000) / 10_000));
  });

  it("matches the reference's own derivation on 12 May 2020 within 0.5%", () => {
    // reference btc_hashprice_daily_derived.csv: 0.008759 BTC per PH/s per day = 875.9 sats per TH/s,
    // computed from that day's difficulty (epoch 629 with bits 0x17117a39) and fees spread over 144 blocks.
    const data = loadDatasets();
    const fees = data.feesBtc.get(parseIsoDate("2020-05-12")) ?? NaN;
    const feesPerBlock = Math.round((fees / 144) * 1e8);
    const hp = computeHashprice(hashesPerBlockForBits(0x17117a39), 630_100, feesPerBlock, 100);
    expect(hp.milliSats / 1000 / 875.9).toBeGreaterThan(0.995);
    expect(hp.milliSats / 1000 / 875.9).toBeLessThan(1.005);
  });
});

describe("money", () => {
  it("values satoshis at a price exactly, even where the product passes 2^53", () => {
    // 21,000,000 BTC at $126,000.01: 2.1e15 sats × 12,600,001 cents would overflow a double's integers.
    expect(satsValueCents(2_100_000_000_000_000, 12_600_001)).toBe(21_000_000 * 12_600_001);
    expect(satsValueCents(150_000_000, 6_300_000)).toBe(9_450_000); // 1.5 BTC at $63,000
    expect(satsValueCents(1, 6_300_000)).toBe(0); // 0.063 cents rounds to 0
    expect(satsValueCents(10, 6_300_000)).toBe(1); // 0.63 cents rounds to 1
  });

  it("prices energy in micro-dollars per kWh and rounds once", () => {
    // 733.2 kWh at 0.028 $/kWh = $20.5296 → 2,053 cents.
    expect(energyCostCents(733.2, 28_000)).toBe(2_053);
  });
});

describe("a mining day, to the cent and the satoshi", () => {
  it("charges power and hosting and pays the pool share of the day's rewards", () => {
    const g = newGame("halving-2020", 21, 1);
    stepUntil(g, "2020-06-01");
    expect(applyCommand(g, player(1), { type: "orderMachines", model: "s19-pro", quantity: 10 }).ok).toBe(
      true,
    );
    stepUntil(g, "2020-07-16"); // 45 days of lead time
    shipAndWait(g, 1, "lot-1", "us-texas"); // by air: about 9 days door to door, still July
    expect(g.day).toBeLessThan(parseIsoDate("2020-08-01"));
    expect(applyCommand(g, player(1), { type: "leaseCapacity", region: "us-texas", kw: 33 }).ok).toBe(true);
    expect(applyCommand(g, player(1), { type: "installLot", lot: "lot-1", region: "us-texas" }).ok).toBe(
      true,
    );
    expect(applyCommand(g, player(1), { type: "setSellRatio", ratioBps: 0 }).ok).toBe(true);
    const report = step(g); // late July 2020 in Texas: 90% uptime, 0.028 $/kWh, $16/kW-month hosting (its 2016-2020 step)

    // Power: 10 × 3,250 W = 32.5 kW × 0.90 × 24 h = 702 kWh; × 28,000 µ$/kWh / 1e4 = 1,965.6 → 1,966 cents.
    const ledger = report.ledgers[0]?.entries ?? [];
    expect(ledger.find((e) => e.kind === "power")?.cents).toBe(-1_966);
    // Hosting: 33 kW × 1,600 cents per kW-month / 30 days = 1,760 cents a day.
    expect(ledger.find((e) => e.kind === "hosting")?.cents).toBe(-1_760);
    // Revenue: 10 × 110 TH/s × 0.90 = 990 TH/s of the network; the pool pays that share of the day's
    // reward (subsidy + fees of every block) less 2%, rounded down to the satoshi.
    expect(report.playerThs).toBeCloseTo(990, 9);
    const expected = Math.floor((g.chain.rewardToday * 990 * 0.98) / report.networkThs);
    expect(ledger.find((e) => e.kind === "miningRevenue")?.sats).toBe(expected);
    expect(g.companies[0]?.btcSats).toBe(expected);
  });
});
