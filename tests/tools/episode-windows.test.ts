/**
 * The episodes as windows of a longer run (node/episodeWindows.ts, issue #16): which episodes a run
 * holds, and the hashrate fit over each one's period by the measure the README gives each episode.
 */
import { describe, expect, it } from "vitest";
import { episodeWindowLines, episodeWindows } from "../../node/episodeWindows.ts";
import { realHashrate7d } from "../../node/history.ts";
import { loadDatasets } from "../../node/scenarios.ts";
import { formatIsoDate, parseIsoDate } from "../../shared/math/calendar.ts";

const data = loadDatasets();
const decade = {
  id: "history-2016-2026",
  historical: true,
  period: { start: "2016-06-08", end: "2026-03-27" },
};
const episodes = [
  decade,
  { id: "halving-2020", period: { start: "2020-01-01", end: "2021-03-31" } },
  { id: "tariffs-2025", period: { start: "2024-01-06", end: "2025-12-31" } },
  { id: "sandbox", period: { start: "2024-01-01", end: "2027-01-01" } },
];

/** A run that stands `factor` times the real 7-day hashrate every day of 2019-2021. */
function runAt(factor: (date: string) => number) {
  const days = [];
  for (let d = parseIsoDate("2019-01-01"); d <= parseIsoDate("2021-12-31"); d++) {
    const date = formatIsoDate(d);
    days.push({ date, networkEhs: (realHashrate7d(data, d) ?? 0) * factor(date) });
  }
  return { days } as Parameters<typeof episodeWindows>[0];
}

describe("episode windows", () => {
  it("holds the episodes inside the run's period, not itself nor one reaching past its end", () => {
    const windows = episodeWindows(
      runAt(() => 1),
      data,
      decade,
      episodes,
    );
    expect(windows.map((w) => w.id)).toEqual(["halving-2020", "tariffs-2025"]);
  });

  it("holds none in a run of an invented market, whose dates are not history's", () => {
    const sandbox = { id: "sandbox", historical: false, period: { start: "2024-01-01", end: "2027-01-01" } };
    const inside = [{ id: "tariffs-2025", period: { start: "2024-01-06", end: "2025-12-31" } }];
    expect(
      episodeWindows(
        runAt(() => 1),
        data,
        sandbox,
        inside,
      ),
    ).toEqual([]);
    expect(
      episodeWindows(
        runAt(() => 1),
        data,
        { ...sandbox, historical: true },
        inside,
      ),
    ).toHaveLength(1);
  });

  it("measures each window alone: exact in one, 10% high in the other", () => {
    const run = runAt((date) => (date >= "2020-01-01" && date <= "2021-03-31" ? 1 : 1.1));
    const [halving] = episodeWindows(run, data, decade, episodes);
    expect(halving?.fit?.rmsLogError).toBeCloseTo(0, 9);
    const high = episodeWindows(
      runAt(() => 1.1),
      data,
      decade,
      episodes,
    )[0];
    expect(high?.fit?.rmsLogError).toBeCloseTo(Math.log(1.1), 9);
    expect(high?.fit?.meanLogError).toBeCloseTo(Math.log(1.1), 9);
    expect(high?.fit?.days).toBe(456);
  });

  it("says when a window has no run days, and prints nothing for a run holding no episode", () => {
    const lines = episodeWindowLines(
      episodeWindows(
        runAt(() => 1),
        data,
        decade,
        episodes,
      ),
    );
    expect(lines.find((l) => l.includes("tariffs-2025"))).toMatch(
      /no day with both the run's and the real hashrate/,
    );
    expect(lines.find((l) => l.includes("halving-2020"))).toMatch(/RMS 0\.0%/);
    expect(episodeWindowLines([])).toEqual([]);
  });
});
