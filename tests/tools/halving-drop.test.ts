/** The halving-drop measure (node/halvingDrop.ts) on the real data and on a made-up series. */
import { describe, expect, it } from "vitest";
import { dropAround, halvingDropLines, REAL_HALVING_DATES } from "../../node/halvingDrop.ts";
import { loadDatasets } from "../../node/scenarios.ts";
import { parseIsoDate } from "../../shared/math/calendar.ts";

describe("the halving drop", () => {
  it("finds the real drops: -8.0% in 2016, -22.1% in 2020, -8.6% in 2024", () => {
    const data = loadDatasets();
    const real = (h: number) =>
      dropAround((d) => data.hashrateEhs.get(d), parseIsoDate(REAL_HALVING_DATES[h]!));
    expect(real(420_000)).toBeCloseTo(-8.0, 1);
    expect(real(630_000)).toBeCloseTo(-22.1, 1);
    expect(real(840_000)).toBeCloseTo(-8.6, 1);
  });

  it("takes the lowest 14-day mean in the four weeks after, and is null where data is missing", () => {
    // 100 before day 0; 80 on days 10..23; 100 elsewhere after: the trough window is exactly 80.
    const series = (d: number) => (d >= 10 && d <= 23 ? 80 : d > 100 ? undefined : 100);
    expect(dropAround(series, 0)).toBeCloseTo(-20, 9);
    expect(dropAround(() => undefined, 0)).toBeNull();
    expect(
      halvingDropLines([{ height: 840_000, date: "2024-04-20", simPct: -4, realPct: null }]).at(-1),
    ).toContain("sim -4.0%  (real n/a)");
  });
});
