/**
 * A report's headline figures as one flat list (win share, median equity, bankrupt share, place, mode
 * shares per strategy; fit to history), so that two reports (--compare) or a sweep's reports can be set
 * side by side row by row.
 */
import type { McReport } from "./mc-report.ts";
import { shortUsd } from "./report-svg.ts";

/** A Monte-Carlo document with or without its per-run results (report.json or --json). */
export type ReportDoc = Omit<McReport, "results"> & { results?: McReport["results"] };

export type FigureKind = "pct" | "usd" | "num" | "log";

export interface Figure {
  key: string;
  kind: FigureKind;
  value: number | null;
}

export function formatFigure(kind: FigureKind, value: number | null): string {
  if (value === null) return "—";
  switch (kind) {
    case "pct":
      return `${(value * 100).toFixed(1)}%`;
    case "usd":
      return shortUsd(value);
    case "num":
      return value.toFixed(2);
    case "log":
      return value.toFixed(3);
  }
}

/** The change from a to b, formatted (percentage points for shares). */
export function formatChange(kind: FigureKind, a: number | null, b: number | null): string {
  if (a === null || b === null) return "—";
  const d = b - a;
  const size = Math.abs(d);
  const text =
    kind === "pct"
      ? `${(size * 100).toFixed(1)} pp`
      : kind === "usd"
        ? shortUsd(size)
        : size.toFixed(kind === "log" ? 3 : 2);
  // A change too small to show is no change: "±0.00", not "-0.00".
  const sign = /[1-9]/.test(text) ? (d > 0 ? "+" : "-") : "±";
  return `${sign}${text}`;
}

export function figuresOf(report: ReportDoc): Figure[] {
  const out: Figure[] = [];
  const extra = new Map((report.figures?.strategies ?? []).map((f) => [f.strategy, f]));
  for (const s of report.strategies) {
    const f = extra.get(s.strategy);
    out.push(
      { key: `win share: ${s.strategy}`, kind: "pct", value: s.winRate },
      { key: `median equity: ${s.strategy}`, kind: "usd", value: s.equityUsd.median },
      { key: `bankrupt: ${s.strategy}`, kind: "pct", value: s.bankruptcyRate },
      { key: `mean place: ${s.strategy}`, kind: "num", value: f?.meanRank ?? null },
      { key: `last or next to last: ${s.strategy}`, kind: "pct", value: f?.lastTwoShare ?? null },
    );
  }
  for (const f of report.figures?.strategies ?? [])
    for (const [mode, share] of Object.entries(f.modes).sort())
      out.push({ key: `mode share ${mode}: ${f.strategy}`, kind: "pct", value: share });
  out.push(
    { key: "shares vs CCAF, mean |error| pp", kind: "num", value: report.shares.meanAbsErrorPp },
    { key: "shares vs CCAF, RMS pp", kind: "num", value: report.figures?.fidelity.sharesRmsPp ?? null },
    {
      key: "hashrate vs history, RMS log",
      kind: "log",
      value: report.figures?.fidelity.hashrateRmsLog ?? null,
    },
  );
  return out;
}

/** Rows key → one formatted value per report (missing figures as "—"), in first-seen order. */
export function figureTable(
  reports: ReportDoc[],
): { key: string; kind: FigureKind; values: (number | null)[] }[] {
  const rows = new Map<string, { kind: FigureKind; values: (number | null)[] }>();
  reports.forEach((report, i) => {
    for (const f of figuresOf(report)) {
      let row = rows.get(f.key);
      if (!row) rows.set(f.key, (row = { kind: f.kind, values: reports.map(() => null) }));
      row.values[i] = f.value;
    }
  });
  return [...rows].map(([key, row]) => ({ key, ...row }));
}
