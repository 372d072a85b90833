/**
 * The designer's report as one HTML file (issue #14 §3): opens from file:// and works offline, because
 * uPlot's script and stylesheet are read from node_modules and inlined when the report is written, and
 * the data sits in the page as JSON. Static figures (box plots, win-rate bars, tables) are SVG and HTML
 * written here; the time series are drawn by uPlot in the browser (report-page.js).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ReportDoc } from "./report-figures.ts";
import { reportCharts, type ChartSpec } from "./report-charts.ts";
import { boxPlotSvg, escapeHtml, shortUsd, winRateSvg } from "./report-svg.ts";
import { TEXT } from "./report-strings.ts";

const require = createRequire(import.meta.url);
const PAGE_SCRIPT = fileURLToPath(new URL("./report-page.js", import.meta.url));

/** uPlot's browser build and stylesheet, from the installed package (nothing is downloaded). */
function uplotAssets(): { js: string; css: string } {
  const js = require.resolve("uplot/dist/uPlot.iife.min.js");
  return {
    js: readFileSync(js, "utf8"),
    css: readFileSync(join(dirname(js), "uPlot.min.css"), "utf8"),
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const num = (x: number | null | undefined, digits = 2): string =>
  x === null || x === undefined ? "—" : x.toFixed(digits);

/** A table in a box that scrolls sideways when it is wider than the page (the box keeps the page's width). */
export function tableHtml(header: string[], rows: string[][]): string {
  const head = header.map((h) => `<th>${escapeHtml(h)}</th>`).join("");
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join("")}</tr>`).join("");
  return `<div class="table"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

export function section(id: string, title: string, body: string, note?: string): string {
  const p = note ? `<p class="note">${escapeHtml(note)}</p>` : "";
  return `<section id="${id}"><h2>${escapeHtml(title)}</h2>${p}${body}</section>`;
}

const chartDiv = (charts: ChartSpec[], id: string, missing: string): string =>
  charts.some((c) => c.id === id)
    ? `<div class="chart" id="${id}"></div>`
    : `<p class="note">${escapeHtml(missing)}</p>`;

function equitySection(report: ReportDoc): string {
  const c = TEXT.columns;
  const rows = report.strategies.map((s) => [
    s.strategy,
    ...[
      s.equityUsd.min,
      s.equityUsd.p10,
      s.equityUsd.median,
      s.equityUsd.p90,
      s.equityUsd.max,
      s.equityUsd.mean,
    ].map(shortUsd),
  ]);
  const body =
    boxPlotSvg(report.strategies, TEXT.sections.equityDistribution) +
    tableHtml([c.strategy, c.min, c.p10, c.median, c.p90, c.max, c.mean], rows);
  return section(
    "equity-distribution",
    TEXT.sections.equityDistribution,
    body,
    TEXT.notes.equityDistribution,
  );
}

function winSection(report: ReportDoc): string {
  const c = TEXT.columns;
  const figures = new Map((report.figures?.strategies ?? []).map((f) => [f.strategy, f]));
  const bars = report.strategies.map((s) => {
    const f = figures.get(s.strategy);
    return {
      strategy: s.strategy,
      winRate: s.winRate,
      low: f?.winLow ?? s.winRate,
      high: f?.winHigh ?? s.winRate,
    };
  });
  const rows = report.strategies.map((s) => {
    const f = figures.get(s.strategy);
    return [
      s.strategy,
      String(s.wins),
      pct(s.winRate),
      f ? `${pct(f.winLow)} – ${pct(f.winHigh)}` : "—",
      num(f?.meanRank),
      f ? pct(f.lastTwoShare) : "—",
    ];
  });
  const table = tableHtml([c.strategy, c.wins, c.winRate, c.interval, c.meanRank, c.lastTwo], rows);
  return section(
    "win-rates",
    TEXT.sections.winRates,
    winRateSvg(bars, TEXT.sections.winRates) + table,
    TEXT.notes.winRates,
  );
}

function commandsSection(report: ReportDoc): string {
  const figures = report.figures?.strategies ?? [];
  const types = [...new Set(figures.flatMap((f) => Object.keys(f.commands)))].sort();
  if (types.length === 0)
    return section("commands", TEXT.sections.commands, `<p class="note">${TEXT.notes.noCommands}</p>`);
  // A command a row, a strategy a column: a dozen command types side by side ran off the page.
  const rows = types.map((t) => [t, ...figures.map((f) => num(f.commands[t] ?? 0, 1))]);
  const modes = [...new Set(figures.flatMap((f) => Object.keys(f.modes)))].sort();
  // A strategy that shipped nothing has no shares: a dash, not 0% of every mode.
  const modeRows = figures.map((f) => {
    const shipped = Object.keys(f.modes).length > 0;
    return [f.strategy, ...modes.map((m) => (shipped ? pct(f.modes[m] ?? 0) : "—"))];
  });
  const modeTable =
    modes.length > 0
      ? `<h3>${TEXT.sections.modes}</h3>${tableHtml([TEXT.columns.strategy, ...modes], modeRows)}`
      : "";
  return section(
    "commands",
    TEXT.sections.commands,
    tableHtml([TEXT.columns.command, ...figures.map((f) => f.strategy)], rows) + modeTable,
  );
}

function bankruptSection(report: ReportDoc): string {
  const c = TEXT.columns;
  const rows = report.strategies.map((s) => [
    s.strategy,
    String(s.bankruptcies),
    pct(s.bankruptcyRate),
    s.meanRejected.toFixed(1),
  ]);
  return section(
    "bankruptcies",
    TEXT.sections.bankruptcies,
    tableHtml([c.strategy, c.bankruptcies, c.bankruptRate, c.rejected], rows),
  );
}

function warningsSection(report: ReportDoc): string {
  const body =
    report.warnings.length === 0
      ? `<p>${TEXT.notes.noWarnings}</p>`
      : `<ul>${report.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join("")}</ul>`;
  return section("warnings", TEXT.sections.warnings, body);
}

function fidelitySection(report: ReportDoc): string {
  const f = report.figures?.fidelity;
  const rows = [
    [TEXT.fidelity.sharesMaePp, num(report.shares.meanAbsErrorPp)],
    [TEXT.fidelity.sharesRmsPp, num(f?.sharesRmsPp)],
    [TEXT.fidelity.hashrateRmsLog, num(f?.hashrateRmsLog, 3)],
  ];
  return section(
    "fidelity",
    TEXT.sections.fidelity,
    tableHtml([TEXT.columns.figure, TEXT.columns.value], rows),
  );
}

/** Every section of one report; chart element ids prefixed by `prefix` (two reports on one page). */
export function reportSections(report: ReportDoc, charts: ChartSpec[], prefix = ""): string {
  const s = TEXT.sections;
  const n = TEXT.notes;
  return [
    equitySection(report),
    winSection(report),
    section("equity-over-time", s.equityOverTime, chartDiv(charts, `${prefix}chart-equity`, n.noSamples)),
    section(
      "hashrate-by-country",
      s.hashrateByCountry,
      chartDiv(charts, `${prefix}chart-shares`, n.noSamples),
      report.shares.comparedMonths === 0 ? n.noCcaf : undefined,
    ),
    section("difficulty", s.difficulty, chartDiv(charts, `${prefix}chart-difficulty`, n.noSamples)),
    section("hashprice", s.hashprice, chartDiv(charts, `${prefix}chart-hashprice`, n.noSamples)),
    section("network-hashrate", s.networkHashrate, chartDiv(charts, `${prefix}chart-hashrate`, n.noSamples)),
    commandsSection(report),
    bankruptSection(report),
    warningsSection(report),
    fidelitySection(report),
  ].join("\n");
}

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:24px auto;max-width:1000px;color:#222}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}
td:first-child,th:first-child{text-align:left}.note{color:#555;font-size:12px}section{margin-bottom:28px}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:16px}.chart{min-height:340px}
div.table{max-width:100%;overflow-x:auto}.cols>*{min-width:0}svg{max-width:100%;height:auto}`;

/** A whole page: `body` and the charts its divs name, with uPlot and the page script inlined. */
export function page(title: string, body: string, charts: ChartSpec[]): string {
  const { js, css } = uplotAssets();
  // "<" escaped so that no string in the data can close the script element.
  const data = JSON.stringify(charts).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>${css}\n${STYLE}</style></head>
<body><h1>${escapeHtml(title)}</h1>
${body}
<p class="note">${TEXT.notes.offline}</p>
<script type="application/json" id="report-charts">${data}</script>
<script>${js}</script>
<script>${readFileSync(PAGE_SCRIPT, "utf8")}</script>
</body></html>
`;
}

export function runLine(report: ReportDoc): string {
  const seeds = `${report.seed}..${report.seed + report.runs - 1}`;
  return TEXT.runLine(report.scenario, report.runs, report.days, seeds, report.bots.join(", "));
}

/** The Monte-Carlo report page. */
export function reportHtml(report: ReportDoc): string {
  const charts = reportCharts(report);
  const body = `<p>${escapeHtml(runLine(report))} (engine ${escapeHtml(report.engineVersion)})</p>\n${reportSections(report, charts)}`;
  return page(TEXT.title, body, charts);
}
