/** The real series the debrief sets beside a game: difficulty in force, Cambridge's shares, hashprice. */
import { describe, expect, it } from "vitest";
import { parseIsoDate } from "../../shared/math/calendar.ts";
import { realCountryShares, realDifficulty, realHashprice, realHashrate7d } from "../../node/history.ts";
import { loadDatasets } from "../../node/scenarios.ts";

const data = loadDatasets();
const day = (iso: string) => parseIsoDate(iso);

describe("real history for the debrief", () => {
  it("gives the difficulty of the epoch in force, changing at the real retarget", () => {
    // The retarget after the May 2020 halving: 2020-05-20 (-6.0%).
    const before = realDifficulty(data, day("2020-05-18"));
    const after = realDifficulty(data, day("2020-05-22"));
    expect(before).toBeGreaterThan(1.5e13);
    expect(after).toBeLessThan(before as number);
    expect(realDifficulty(data, day("2010-01-01"))).toBeNull();
    expect(realDifficulty(data, day("2040-01-01"))).toBeNull();
  });

  it("reads Cambridge's month as ISO shares, only where Cambridge has data", () => {
    const shares = realCountryShares(data, day("2020-04-15"));
    expect(shares?.CN).toBeGreaterThan(0.5);
    expect(Object.keys(shares ?? {})).toContain("US");
    expect(realCountryShares(data, day("2024-01-01"))).toBeNull();
  });

  it("estimates hashprice near what miners were paid (about $0.1 per TH/s a day in 2020)", () => {
    const jan = realHashprice(data, day("2020-01-15"));
    const june = realHashprice(data, day("2020-06-15"));
    expect(jan).toBeGreaterThan(0.09);
    expect(jan).toBeLessThan(0.2);
    // The halving cut the subsidy in half in May: June pays less than January.
    expect(june).toBeLessThan(jan as number);
    expect(realHashrate7d(data, day("2020-06-15"))).toBeGreaterThan(80);
  });

  it("is what a TH/s earned at the real difficulty, as the game's hashprice and the reference's series", () => {
    // The reference's derived series (Hashrate Atlas reference btc_hashprice_daily_derived.csv, USD per
    // PH/s a day: (subsidy + fees / 144) x 86400 x 1e15 / (difficulty x 2^32) x close). Dividing 144
    // blocks' reward by the 7-day hashrate, as this once did, was 2-6% off on these dates.
    const derived: [string, number][] = [
      ["2021-07-15", 285.22],
      ["2021-10-20", 421.76],
      ["2022-11-21", 55.23],
      ["2024-08-05", 38.2],
      ["2025-06-30", 58.13],
    ];
    for (const [date, perPh] of derived) {
      const perTh = realHashprice(data, day(date)) as number;
      expect(Math.abs(Math.log(perTh / (perPh / 1000))), date).toBeLessThan(0.002);
    }
  });
});
