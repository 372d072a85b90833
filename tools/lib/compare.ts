/**
 * --compare A.json B.json: what changed between two Monte-Carlo runs, figure by figure (report-figures.ts),
 * as a table; with --report DIR also as a page with both runs' charts side by side. A and B are the
 * Monte-Carlo document: a report directory's report.json or the --json output (the same format; the
 * latter also holds every run's results, which the comparison does not need).
 */
import { readFileSync } from "node:fs";
import { parseFlags, pathFlag, UsageError } from "./cli.ts";
import { table } from "./format.ts";
import { MC_FORMAT } from "./mc-report.ts";
import { reportCharts } from "./report-charts.ts";
import { figureTable, formatChange, formatFigure, type ReportDoc } from "./report-figures.ts";
import { page, reportSections, runLine, tableHtml } from "./report-html.ts";
import { escapeHtml } from "./report-svg.ts";
import { TEXT } from "./report-strings.ts";
import { writeReportDir } from "./report-write.ts";

export function readReportDoc(path: string): ReportDoc {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new UsageError(
      `--compare: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const format = (doc as { format?: unknown } | null)?.format;
  if (format !== MC_FORMAT)
    throw new UsageError(
      `--compare: ${path} is not a Monte-Carlo report (format "${String(format)}", expected "${MC_FORMAT}": a report.json of --report, or the --json of a --bots run)`,
    );
  return doc as ReportDoc;
}

/** Rows: figure, A, B, B − A. */
export function compareRows(a: ReportDoc, b: ReportDoc): string[][] {
  return figureTable([a, b]).map((r) => [
    r.key,
    formatFigure(r.kind, r.values[0] ?? null),
    formatFigure(r.kind, r.values[1] ?? null),
    formatChange(r.kind, r.values[0] ?? null, r.values[1] ?? null),
  ]);
}

export function compareLines(a: ReportDoc, b: ReportDoc, names: [string, string]): string[] {
  const c = TEXT.columns;
  const lines = [`A: ${names[0]}  ${runLine(a)}`, `B: ${names[1]}  ${runLine(b)}`, ""];
  if (a.scenario !== b.scenario || a.bots.join() !== b.bots.join())
    lines.push("note: A and B differ in scenario or bots; figures are matched by name", "");
  lines.push(...table([[c.figure, c.a, c.b, c.change], ...compareRows(a, b)], ["l", "r", "r", "r"]));
  const warnings = (label: string, doc: ReportDoc) => doc.warnings.map((w) => `  ${label}: ! ${w}`);
  lines.push("", "Warnings", ...warnings("A", a), ...warnings("B", b));
  return lines;
}

export function compareHtml(a: ReportDoc, b: ReportDoc, names: [string, string]): string {
  const c = TEXT.columns;
  const chartsA = reportCharts(a, "a-");
  const chartsB = reportCharts(b, "b-");
  const summary = tableHtml([c.figure, c.a, c.b, c.change], compareRows(a, b));
  const column = (label: string, name: string, doc: ReportDoc, charts: typeof chartsA, prefix: string) =>
    `<div><h2>${label}: ${escapeHtml(name)}</h2><p>${escapeHtml(runLine(doc))}</p>${reportSections(doc, charts, prefix)}</div>`;
  const body =
    `<section id="compare-summary"><h2>${escapeHtml(c.change)}</h2>${summary}</section>` +
    `<div class="cols">${column("A", names[0], a, chartsA, "a-")}${column("B", names[1], b, chartsB, "b-")}</div>`;
  return page(TEXT.compareTitle, body, [...chartsA, ...chartsB]);
}

/** `simulate --compare A.json B.json [--report DIR]`. */
export function compareMain(argv: string[]): void {
  const at = argv.indexOf("--compare");
  const files = argv.slice(at + 1, at + 3);
  if (files.length < 2 || files.some((f) => f.startsWith("--")))
    throw new UsageError("--compare needs two files: --compare A.json B.json");
  const flags = parseFlags([...argv.slice(0, at), ...argv.slice(at + 3)], { report: { type: "string" } });
  const [pa, pb] = files as [string, string];
  const a = readReportDoc(pa);
  const b = readReportDoc(pb);
  console.log(compareLines(a, b, [pa, pb]).join("\n"));
  const dir = pathFlag("report", flags.report);
  if (dir)
    console.log(
      `\nwrote ${writeReportDir(dir, compareHtml(a, b, [pa, pb]), { format: "hashrate-atlas/compare@1", a, b }).join(", ")}`,
    );
}
