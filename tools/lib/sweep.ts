/**
 * --sweep path.to.param=a,b,c: the same Monte-Carlo runs (same bots, same seeds) once per value of one
 * scenario parameter, and the headline figures per value side by side (report-figures.ts), to find
 * where a strategy stops dominating. With --report DIR, a page with each value's box plot and win rates
 * and report.json with each value's report; with --json, that document.
 */
import { writeFileSync } from "node:fs";
import { ENGINE_VERSION } from "../../shared/index.ts";
import { loadDatasets, scenarioPathOf } from "../../node/scenarios.ts";
import { table } from "./format.ts";
import { buildReport, type McReport } from "./mc-report.ts";
import { defaultJobs, runPool } from "./mc-pool.ts";
import { mcConfigOf } from "./montecarlo.ts";
import { figureTable, formatFigure } from "./report-figures.ts";
import { page, section, tableHtml } from "./report-html.ts";
import { boxPlotSvg, sweepWinSvg, winRateSvg } from "./report-svg.ts";
import { TEXT } from "./report-strings.ts";
import { reportDocument, writeReportDir } from "./report-write.ts";
import { sweepScenarios, type SweepSpec } from "./sweep-scenario.ts";

export { parseSweep, type SweepSpec } from "./sweep-scenario.ts";

export const SWEEP_FORMAT = "hashrate-atlas/sweep@1";

export interface SweepOptions {
  bots: string[];
  runs: number;
  seed: number;
  days: number | null;
  jobs: number | null;
  quiet: boolean;
  json: string | undefined;
  report: string | undefined;
  botsSource: string;
}

export interface SweepEntry {
  value: string;
  report: McReport;
}

export function sweepLines(param: string, entries: SweepEntry[]): string[] {
  const rows = figureTable(entries.map((e) => e.report)).map((r) => [
    r.key,
    ...r.values.map((v) => formatFigure(r.kind, v)),
  ]);
  const header = ["figure", ...entries.map((e) => `${param}=${e.value}`)];
  const first = entries[0]?.report;
  const lines = first
    ? [
        `Sweep of ${param} over ${entries.length} values: ${first.scenario}, ${first.runs} runs of ${first.days} days each, seeds ${first.seed}..${first.seed + first.runs - 1}`,
        "",
      ]
    : [];
  lines.push(...table([header, ...rows], ["l", ...entries.map((): "r" => "r")]));
  for (const e of entries) for (const w of e.report.warnings) lines.push(`  ${param}=${e.value}: ! ${w}`);
  return lines;
}

export function sweepHtml(param: string, entries: SweepEntry[]): string {
  const rows = figureTable(entries.map((e) => e.report)).map((r) => [
    r.key,
    ...r.values.map((v) => formatFigure(r.kind, v)),
  ]);
  const summary = tableHtml(["figure", ...entries.map((e) => `${param}=${e.value}`)], rows);
  const perValue = entries.map((e, i) => {
    const bars = e.report.strategies.map((s) => {
      const f = e.report.figures?.strategies.find((x) => x.strategy === s.strategy);
      return {
        strategy: s.strategy,
        winRate: s.winRate,
        low: f?.winLow ?? s.winRate,
        high: f?.winHigh ?? s.winRate,
      };
    });
    const body =
      boxPlotSvg(e.report.strategies, TEXT.sections.equityDistribution) +
      winRateSvg(bars, TEXT.sections.winRates);
    return section(`value-${i}`, `${param} = ${e.value}`, body);
  });
  const strategies = entries[0]?.report.strategies.map((s) => s.strategy) ?? [];
  const lines = strategies.map((strategy) => ({
    strategy,
    winRates: entries.map((e) => e.report.strategies.find((s) => s.strategy === strategy)?.winRate ?? 0),
  }));
  const chart = sweepWinSvg(
    entries.map((e) => e.value),
    lines,
    `${param}: ${TEXT.columns.winRate}`,
  );
  const body = `${section("sweep-summary", `${param}: figures per value`, chart + summary)}\n${perValue.join("\n")}`;
  return page(TEXT.sweepTitle, body, []);
}

export async function runSweep(ref: string, spec: SweepSpec, options: SweepOptions): Promise<void> {
  const path = scenarioPathOf(ref);
  if (!path) throw new Error(`no scenario file for "${ref}"`);
  const variants = sweepScenarios(path, spec);
  const data = loadDatasets();
  const entries: SweepEntry[] = [];
  for (const { value, scenario } of variants) {
    const config = mcConfigOf(scenario.id, options, true);
    const outcome = await runPool(config, { jobs: options.jobs ?? defaultJobs(options.runs), scenario });
    const report = buildReport(config, outcome.results, {
      engineVersion: ENGINE_VERSION,
      botsSource: options.botsSource,
      ccaf: data.ccaf,
      history: data,
    });
    entries.push({ value, report });
    if (!options.quiet) console.error(`${spec.param}=${value}: ${outcome.results.length} runs done`);
  }
  const doc = {
    format: SWEEP_FORMAT,
    param: spec.param,
    values: spec.values,
    reports: entries.map((e) => ({ value: e.value, report: reportDocument(e.report) })),
  };
  if (options.json) writeFileSync(options.json, `${JSON.stringify(doc, null, 2)}\n`);
  const files = options.report ? writeReportDir(options.report, sweepHtml(spec.param, entries), doc) : [];
  if (options.quiet) return;
  console.log(sweepLines(spec.param, entries).join("\n"));
  const written = [options.json, ...files].filter((p) => p !== undefined);
  if (written.length > 0) console.log(`wrote ${written.join(", ")}`);
}
