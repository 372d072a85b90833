/**
 * The time-series charts of the designer's report as plain specs (dates, series, bands) that the page's
 * script (report-page.js) hands to uPlot: equity per strategy, the chain's paths against history, and
 * the hashrate share of the largest countries against Cambridge's monthly figures.
 */
import type { ReportDoc } from "./report-figures.ts";
import type { Band } from "./report-data.ts";
import { colorOf } from "./report-svg.ts";
import { TEXT } from "./report-strings.ts";

export interface SeriesSpec {
  label: string;
  color: string;
  values: (number | null)[];
  dash?: boolean;
  width?: number;
}

export interface ChartSpec {
  /** The element the chart is drawn into. */
  id: string;
  dates: string[];
  series: SeriesSpec[];
  /** uPlot bands: series indices (1-based, upper then lower) and their fill. */
  bands: { series: [number, number]; fill: string }[];
  log?: boolean;
}

const rgba = (hex: string, alpha: number): string => {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
};

/** Median, p90 and p10 series of `band`, and the band between the last two. */
function banded(spec: ChartSpec, name: string, band: Band, color: string): void {
  const at = spec.series.length + 1;
  spec.series.push(
    { label: `${name} ${TEXT.series.median}`, color, values: band.median },
    { label: `${name} p90`, color: rgba(color, 0.4), values: band.p90, width: 1 },
    { label: `${name} p10`, color: rgba(color, 0.4), values: band.p10, width: 1 },
  );
  spec.bands.push({ series: [at + 1, at + 2], fill: rgba(color, 0.12) });
}

function equityChart(report: ReportDoc, id: string): ChartSpec | null {
  const f = report.figures;
  if (!f || f.dates.length === 0) return null;
  const spec: ChartSpec = { id, dates: f.dates, series: [], bands: [] };
  report.strategies.forEach((s, i) => {
    const band = f.equityUsd[s.strategy];
    if (band) banded(spec, s.strategy, band, colorOf(i));
  });
  return spec;
}

function chainChart(
  report: ReportDoc,
  id: string,
  key: "difficulty" | "hashpriceUsd" | "networkEhs",
): ChartSpec | null {
  const f = report.figures;
  if (!f || f.dates.length === 0) return null;
  const spec: ChartSpec = { id, dates: f.dates, series: [], bands: [], log: key === "difficulty" };
  banded(spec, "simulated", f.chain[key], "#1f77b4");
  if (f.history[key].some((v) => v !== null))
    spec.series.push({ label: TEXT.series.history, color: "#222", values: f.history[key], dash: true });
  return spec;
}

function sharesChart(report: ReportDoc, id: string, top = 6): ChartSpec | null {
  const months = report.shares.months;
  if (months.length === 0) return null;
  const spec: ChartSpec = { id, dates: months.map((m) => m.date), series: [], bands: [] };
  report.shares.countries.slice(0, top).forEach((country, i) => {
    const color = colorOf(i);
    spec.series.push({ label: country, color, values: months.map((m) => (m.sim[country] ?? 0) * 100) });
    if (months.some((m) => m.real?.[country] !== undefined)) {
      const real = months.map((m) =>
        m.real?.[country] === undefined ? null : (m.real[country] as number) * 100,
      );
      spec.series.push({ label: `${country} ${TEXT.series.ccaf}`, color, values: real, dash: true });
    }
  });
  return spec;
}

/** Every time-series chart of one report, its element ids prefixed by `prefix`. */
export function reportCharts(report: ReportDoc, prefix = ""): ChartSpec[] {
  const charts = [
    equityChart(report, `${prefix}chart-equity`),
    sharesChart(report, `${prefix}chart-shares`),
    chainChart(report, `${prefix}chart-difficulty`, "difficulty"),
    chainChart(report, `${prefix}chart-hashprice`, "hashpriceUsd"),
    chainChart(report, `${prefix}chart-hashrate`, "networkEhs"),
  ];
  return charts.filter((c): c is ChartSpec => c !== null);
}
