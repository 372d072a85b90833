/**
 * The decade (issue #16): history-2016-2026 with no players, its world run by one set of numbers fitted
 * on 2016-2019 alone (world.calibrationYears). Bounds sit a little above what the scenario measured when
 * it was calibrated (npm run simulate -- --scenario history-2016-2026: calibration 0.108 difficulty and
 * 0.114 hashrate |ln err|, 2020 out of sample 0.067 / 0.061, every year out of sample 0.248 / 0.249), so a regression fails here; the years after
 * 2021 are reported, not bounded tightly: the report says how far off they are and why.
 */
import { describe, expect, it } from "vitest";
import { recordGame } from "../../node/recorder.ts";
import { fitByYear, type YearFit } from "../../node/historyFit.ts";
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
    expect(cal.difficultyLnError).toBeLessThan(0.125);
    expect(cal.hashrateLnError).toBeLessThan(0.13);
    expect(cal.hashpriceLnError).toBeLessThan(0.14);
  });

  it("retraces 2020, out of sample, about as well as the halving-2020 scenario tuned on it", () => {
    const y2020 = row(fits, "2020");
    expect(y2020.set).toBe("out of sample");
    expect(y2020.difficultyLnError).toBeLessThan(0.08);
    expect(y2020.hashrateLnError).toBeLessThan(0.075);
  });

  it("keeps the whole decade within its measured out-of-sample error", () => {
    const out = row(fits, "out of sample");
    expect(out.hashrateLnError).toBeLessThan(0.275);
    expect(out.difficultyLnError).toBeLessThan(0.275);
  });

  it("empties China after the 2021 ban", () => {
    const china = (date: string) => rec.days.find((d) => d.date === date)?.sharesByCountry.CN ?? NaN;
    expect(china("2021-05-01")).toBeGreaterThan(0.3);
    expect(china("2021-10-01")).toBeLessThan(0.01);
  });
});
