import { describe, expect, it } from "vitest";
import {
  chartSpecs,
  companyLabel,
  dayToSeconds,
  fitSummary,
  topCountries,
} from "../../client/src/ui/debrief/series.ts";
import { fixture } from "./debrief-fixture.ts";

describe("debrief charts", () => {
  it("puts one point per day played on a UTC time axis in every line", () => {
    const p = fixture();
    expect(dayToSeconds("2020-01-02") - dayToSeconds("2020-01-01")).toBe(86_400);
    expect(dayToSeconds("1970-01-01")).toBe(0);
    for (const spec of chartSpecs(p, "en")) {
      expect(spec.x.length, spec.id).toBe(3);
      for (const line of spec.lines) expect(line.values.length, `${spec.id} ${line.label}`).toBe(3);
    }
  });

  it("draws equity and carbon per company, with the company's colour in both", () => {
    const specs = chartSpecs(fixture(), "en");
    const equity = specs.find((s) => s.id === "equity");
    const carbon = specs.find((s) => s.id === "carbon");
    expect(equity?.lines.map((l) => l.label)).toEqual(["Wei", "Seat 2"]);
    expect(equity?.lines[1]?.values).toEqual([1000, 1050, 1150]);
    expect(carbon?.lines.map((l) => l.color)).toEqual(equity?.lines.map((l) => l.color));
  });

  it("sets the class against history, dashed, and leaves history out where the data is silent", () => {
    const specs = chartSpecs(fixture(), "zh");
    const network = specs.find((s) => s.id === "network");
    expect(network?.lines.map((l) => [l.label, l.dash])).toEqual([
      ["全班", false],
      ["历史", true],
    ]);
    const hashprice = specs.find((s) => s.id === "hashprice");
    expect(hashprice?.lines).toHaveLength(1); // no real hashprice on these days
    expect(hashprice?.lines[0]?.values[0]).toBeCloseTo(100); // per PH/s per day
  });

  it("shows the biggest countries (and the players) with Cambridge's figure beside those it covers", () => {
    const p = fixture();
    expect(topCountries(p, 2)).toEqual(["CN", "US", "PLAYERS"]);
    const lines = chartSpecs(p, "en").find((s) => s.id === "countries")?.lines ?? [];
    expect(lines.map((l) => l.label)).toEqual([
      "China (game)",
      "China (real)",
      "United States (game)",
      "Kazakhstan (game)",
      "Kazakhstan (real)",
      "Players (game)",
    ]);
    expect(lines[0]?.color).toBe(lines[1]?.color);
  });

  it("names companies as the reader may see them", () => {
    const hidden = fixture({ access: "player", hideNames: true, seat: "p1" });
    expect(companyLabel(hidden, 1, "en")).toBe("Company 2");
    expect(companyLabel(hidden, 1, "zh")).toBe("公司 2");
    expect(companyLabel(fixture({ hideNames: true }), 0, "en")).toBe("Wei"); // the host sees names
  });

  it("sums up the fit to history in either language", () => {
    expect(fitSummary(fixture(), "en")).toEqual([
      "Network hashrate off history by 2.5% on average (RMS, 2 days).",
    ]);
    const none = fixture({
      fit: {
        hashrateDays: 0,
        hashrateRmsLogError: null,
        hashrateMeanLogError: null,
        retargetMeanAbsErrorPp: null,
        retargets: [],
      },
    });
    expect(fitSummary(none, "zh")).toEqual(["真实数据未覆盖这些日期。"]);
    // With retargets, the class's error and what luck alone leaves (3.55 pp, shared/bitcoin/retargetLuck.ts).
    const retargets = fixture({ fit: { ...none.fit, retargetMeanAbsErrorPp: 4.26 } });
    expect(fitSummary(retargets, "en")).toEqual([
      "Retargets off the real ones by 4.3 percentage points on average.",
      "A game that followed history exactly would still be off by about 3.6 percentage points on average: blocks come by luck, in a game as in history.",
    ]);
    expect(fitSummary(retargets, "zh")[1]).toBe(
      "即使一局游戏完全照着历史走，难度调整仍会平均相差约 3.6 个百分点：出块快慢有运气成分，游戏里和历史上都一样。",
    );
  });
});
