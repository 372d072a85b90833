/**
 * The report's static charts leave room for every strategy's name: a strategy file's path
 * (./examples/strategies/simple.ts) was cut at the chart's left edge ("ples/strategies/simple.ts") when
 * the label column was a fixed 150 px.
 */
import { describe, expect, it } from "vitest";
import { boxPlotSvg, sweepWinSvg, winRateSvg } from "../../tools/lib/report-svg.ts";

/** A generous width for 12 px sans-serif text, px a character (wider than the chart's own estimate). */
const GLYPH_PX = 7;

/** Each right-aligned label's left end (its x less its text's width) and the svg's width. */
function labelRoom(svg: string): { lefts: number[]; width: number } {
  const lefts = [
    ...svg.matchAll(/<text x="([\d.]+)"[^>]*text-anchor="end" font-size="12">([^<]*)<\/text>/g),
  ].map((m) => Number(m[1]) - (m[2] as string).length * GLYPH_PX);
  const width = Number(/<svg[^>]* width="(\d+)"/.exec(svg)?.[1]);
  return { lefts, width };
}

const NAMES = ["./examples/strategies/simple.ts", "efficiency", "hard:cheap-power"];
const dist = { min: 1e6, p10: 2e6, median: 3e6, p90: 4e6, max: 5e6, mean: 3e6 };

describe("report charts", () => {
  it("fit a file's path in the box plot and the win-rate bars, and keep short names' charts as wide as before", () => {
    const box = labelRoom(
      boxPlotSvg(
        NAMES.map((strategy) => ({ strategy, equityUsd: dist })),
        "t",
      ),
    );
    const wins = labelRoom(
      winRateSvg(
        NAMES.map((strategy) => ({ strategy, winRate: 0.3, low: 0.1, high: 0.5 })),
        "t",
      ),
    );
    for (const chart of [box, wins]) {
      expect(chart.lefts).toHaveLength(NAMES.length);
      for (const left of chart.lefts) expect(left).toBeGreaterThanOrEqual(0);
    }
    const short = labelRoom(boxPlotSvg([{ strategy: "trader", equityUsd: dist }], "t"));
    expect(short.width).toBe(720);
    expect(box.width).toBeGreaterThan(720);
  });

  it("keep the sweep's legend clear of its percentages", () => {
    const svg = sweepWinSvg(
      ["1", "2"],
      NAMES.map((strategy) => ({ strategy, winRates: [0.2, 0.8] })),
      "t",
    );
    const legendRight = Math.max(
      ...[...svg.matchAll(/<text x="8"[^>]*>([^<]*)<\/text>/g)].map(
        (m) => 8 + (m[1] as string).length * GLYPH_PX,
      ),
    );
    const percentLefts = [...svg.matchAll(/<text x="([\d.]+)"[^>]*font-size="11">(\d+%)<\/text>/g)].map(
      (m) => Number(m[1]) - (m[2] as string).length * GLYPH_PX,
    );
    expect(percentLefts).toHaveLength(5);
    for (const left of percentLefts) expect(left).toBeGreaterThan(legendRight);
  });
});
