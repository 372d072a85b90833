/**
 * The decade (issue #16): history-2016-2026 with no players, its world run by one set of numbers fitted
 * on 2016-2019 alone (world.calibrationYears), on the episodes' rules (breakeven, covert mining after the
 * 2021 bans, seasonal hydro migration), with capacity that follows demand (buildOut.ts), racks that pass
 * through each episode's (capacityGrowthSteps) and the 2021 chip shortage's order book (orderBook.ts).
 * Bounds sit a little above what the merged engine measures (npm run simulate -- --scenario
 * history-2016-2026, seed 1: calibration 0.102 difficulty, 0.107 hashrate and 0.106 hashprice |ln err|;
 * out of sample 2020 0.061 / 0.053, 2021 0.084 / 0.090, 2022 0.092 / 0.099, 2023 0.094 / 0.099,
 * 2024-2025 at most 0.055, every year out of sample 0.072 / 0.073; halvings -12.9% in 2020 and -5.1%
 * in 2024), so a regression fails here. Before the shortage and the racks, 2021-2022 overshot by
 * 0.43 / 0.39 (output followed 2021's revenue into empty racks everywhere). Before retirement waited
 * (worldRetire.ts retirePatienceDays; engine 2.2.0), 2020 was 0.083 / 0.073, 2022-2023 0.079 / 0.084
 * and 0.065 / 0.073, 2024 0.074 / 0.076, and the halvings took -8.9% and -2.8% (real -22.1%, -8.6%).
 */
import { describe, expect, it } from "vitest";
import { recordGame } from "../../node/recorder.ts";
import { fitByYear, type YearFit } from "../../node/historyFit.ts";
import { halvingDrops } from "../../node/halvingDrop.ts";
import { loadDatasets } from "../../node/scenarios.ts";
import { newGame, scenario } from "../helpers/game.ts";

const row = (fits: YearFit[], year: string): YearFit => {
  const fit = fits.find((f) => f.year === year);
  if (!fit) throw new Error(`no fit row ${year}`);
  return fit;
};

describe("history-2016-2026, seed 1", () => {
  const s = scenario("history-2016-2026");
  const rec = recordGame(newGame("history-2016-2026", 1));
  const fits = fitByYear(rec, loadDatasets(), s.world.calibrationYears);

  it("runs on the industry's output, fitted on 2016-2019, and retires switched-off machines", () => {
    expect(s.world.supply).toBeDefined();
    expect(s.world.deployments).toEqual([]);
    expect(s.world.calibrationYears).toEqual([2016, 2019]);
    expect(s.world.supply?.retireIdlePctPerMonth).toBeGreaterThan(0);
    expect(rec.days[rec.days.length - 1]?.date).toBe("2026-03-27");
  });

  it("has the decade's three halvings from the chain itself", () => {
    expect(rec.halvings.map((h) => h.height)).toEqual([420_000, 630_000, 840_000]);
    expect(rec.halvings[0]?.date.slice(0, 7)).toBe("2016-07");
  });

  it("retraces its calibration years", () => {
    const cal = row(fits, "calibration");
    expect(cal.difficultyLnError).toBeLessThan(0.11);
    expect(cal.hashrateLnError).toBeLessThan(0.115);
    expect(cal.hashpriceLnError).toBeLessThan(0.135);
  });

  it("retraces 2020, out of sample, about as well as the halving-2020 scenario tuned on it", () => {
    const y2020 = row(fits, "2020");
    expect(y2020.set).toBe("out of sample");
    expect(y2020.difficultyLnError).toBeLessThan(0.075);
    expect(y2020.hashrateLnError).toBeLessThan(0.07);
  });

  it("retraces 2024-2025, out of sample, once hosts build where machines wait", () => {
    for (const year of ["2024", "2025"]) {
      const y = row(fits, year);
      expect(y.set).toBe("out of sample");
      expect(y.difficultyLnError).toBeLessThan(0.07);
      expect(y.hashrateLnError).toBeLessThan(0.07);
    }
  });

  it("holds 2021-2023 near history through the chip shortage and the exodus into the episodes' racks", () => {
    const bound: Record<string, number> = { "2021": 0.1, "2022": 0.11, "2023": 0.11 };
    for (const [year, most] of Object.entries(bound)) {
      const y = row(fits, year);
      expect(y.difficultyLnError).toBeLessThan(most);
      expect(y.hashrateLnError).toBeLessThan(most);
    }
  });

  it("keeps the whole decade within its measured out-of-sample error", () => {
    const out = row(fits, "out of sample");
    expect(out.hashrateLnError).toBeLessThan(0.085);
    expect(out.difficultyLnError).toBeLessThan(0.085);
  });

  it("keeps old machines through a dip, so its 2020 and 2024 halvings find some to switch off", () => {
    const drops = halvingDrops(rec, loadDatasets());
    const sim = (height: number) => drops.find((d) => d.height === height)?.simPct ?? NaN;
    // Seed 1 gives -12.9% and -5.1% (real -22.1% and -8.6%); engine 2.2.0, without patience, -8.9% and -2.8%.
    expect(sim(630_000)).toBeLessThan(-11);
    expect(sim(840_000)).toBeLessThan(-4);
    expect(sim(840_000)).toBeGreaterThan(-12);
  });

  it("empties China after the 2021 ban until its covert fleet restarts, as Cambridge shows", () => {
    const china = (date: string) => rec.days.find((d) => d.date === date)?.sharesByCountry.CN ?? NaN;
    expect(china("2021-05-01")).toBeGreaterThan(0.3);
    // CCAF: 0% in July and August 2021, 18-22% from September 2021 to January 2022.
    expect(china("2021-07-15")).toBeLessThan(0.01);
    expect(china("2022-01-01")).toBeGreaterThan(0.1);
    expect(china("2022-01-01")).toBeLessThan(0.3);
  });
});
