/**
 * Writes a report directory: index.html (the page) and report.json (the data it shows: the Monte-Carlo
 * document without the per-run results, which --json keeps), for --compare and for reading later.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { McReport } from "./mc-report.ts";
import { reportHtml } from "./report-html.ts";

/** The Monte-Carlo document as report.json holds it: everything but the per-run results. */
export function reportDocument(report: McReport): Omit<McReport, "results"> {
  const { results: _results, ...rest } = report;
  return rest;
}

export function writeReportDir(dir: string, html: string, json: unknown): string[] {
  mkdirSync(dir, { recursive: true });
  const files = [join(dir, "index.html"), join(dir, "report.json")];
  writeFileSync(files[0] as string, html);
  writeFileSync(files[1] as string, `${JSON.stringify(json, null, 2)}\n`);
  return files;
}

export function writeMcReport(dir: string, report: McReport): string[] {
  return writeReportDir(dir, reportHtml(report), reportDocument(report));
}
