/**
 * The report's two static charts, drawn as SVG here (uPlot draws series against time, not these):
 * final equity as box plots per strategy, and win rates as bars with their 95% interval.
 */
import type { Distribution } from "./mc-report.ts";

export const escapeHtml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const ROW = 34;
/** Width of the plotting area, px: a chart is its label column, this, and RIGHT. */
const PLOT = 546;
const RIGHT = 24;
const AXIS = 28;
/** The label column: at least this wide, and wide enough for the longest label (a file's path). */
const MIN_LEFT = 150;
const MAX_LEFT = 420;
/** About the advance of a character of 12 px sans-serif, px (generous, so that labels are never cut). */
const CHAR_PX = 7.2;

/** Room for a grid line's percentage ("100%") right of a legend, px. */
const PERCENT_LABEL = 40;

/** Width of the label column for these labels, px. */
function labelColumn(labels: readonly string[]): number {
  const longest = Math.max(0, ...labels.map((l) => l.length));
  return Math.min(MAX_LEFT, Math.max(MIN_LEFT, Math.ceil(longest * CHAR_PX) + 16));
}
const COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"];

export const colorOf = (i: number): string => COLORS[i % COLORS.length] as string;

/** Short money: $1.2M, $350k, -$4.0M. */
export function shortUsd(x: number): string {
  const a = Math.abs(x);
  const sign = x < 0 ? "-" : "";
  if (a >= 1e9) return `${sign}$${(a / 1e9).toFixed(1)}B`;
  if (a >= 1e6) return `${sign}$${(a / 1e6).toFixed(1)}M`;
  if (a >= 1e3) return `${sign}$${(a / 1e3).toFixed(0)}k`;
  return `${sign}$${a.toFixed(0)}`;
}

/** Five ticks over [lo, hi] along the x axis, with labels. */
function axis(
  left: number,
  lo: number,
  hi: number,
  x: (v: number) => number,
  label: (v: number) => string,
  y: number,
): string {
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => lo + (hi - lo) * f);
  const marks = ticks.map(
    (v) =>
      `<line x1="${x(v)}" y1="${y}" x2="${x(v)}" y2="${y + 4}" stroke="#666"/>` +
      `<text x="${x(v)}" y="${y + 16}" text-anchor="middle" font-size="11">${escapeHtml(label(v))}</text>`,
  );
  return `<line x1="${left}" y1="${y}" x2="${left + PLOT}" y2="${y}" stroke="#666"/>${marks.join("")}`;
}

function svg(width: number, height: number, title: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><title>${escapeHtml(title)}</title>${body}</svg>`;
}

function frame(left: number, rows: number, body: string, title: string): string {
  return svg(left + PLOT + RIGHT, rows * ROW + AXIS + 8, title, body);
}

function scale(left: number, lo: number, hi: number): (v: number) => number {
  const span = hi - lo || 1;
  return (v) => Math.round((left + ((v - lo) / span) * PLOT) * 10) / 10;
}

/** One box per strategy: whiskers min..max, box p10..p90, a bar at the median. */
export function boxPlotSvg(rows: { strategy: string; equityUsd: Distribution }[], title: string): string {
  const lo = Math.min(0, ...rows.map((r) => r.equityUsd.min));
  const hi = Math.max(1, ...rows.map((r) => r.equityUsd.max));
  const left = labelColumn(rows.map((r) => r.strategy));
  const x = scale(left, lo, hi);
  const body = rows.map((r, i) => {
    const d = r.equityUsd;
    const mid = i * ROW + ROW / 2;
    const c = colorOf(i);
    return (
      `<g class="box" data-strategy="${escapeHtml(r.strategy)}">` +
      `<text x="${left - 8}" y="${mid + 4}" text-anchor="end" font-size="12">${escapeHtml(r.strategy)}</text>` +
      `<line x1="${x(d.min)}" y1="${mid}" x2="${x(d.max)}" y2="${mid}" stroke="${c}"/>` +
      `<line x1="${x(d.min)}" y1="${mid - 6}" x2="${x(d.min)}" y2="${mid + 6}" stroke="${c}"/>` +
      `<line x1="${x(d.max)}" y1="${mid - 6}" x2="${x(d.max)}" y2="${mid + 6}" stroke="${c}"/>` +
      `<rect x="${x(d.p10)}" y="${mid - 10}" width="${Math.max(1, x(d.p90) - x(d.p10))}" height="20" fill="${c}" fill-opacity="0.25" stroke="${c}"/>` +
      `<line x1="${x(d.median)}" y1="${mid - 10}" x2="${x(d.median)}" y2="${mid + 10}" stroke="${c}" stroke-width="3"/>` +
      `</g>`
    );
  });
  return frame(
    left,
    rows.length,
    body.join("") + axis(left, lo, hi, x, shortUsd, rows.length * ROW + 4),
    title,
  );
}

/** A bar per strategy at its win rate, with a line across its interval. */
export function winRateSvg(
  rows: { strategy: string; winRate: number; low: number; high: number }[],
  title: string,
): string {
  const left = labelColumn(rows.map((r) => r.strategy));
  const x = scale(left, 0, 1);
  const body = rows.map((r, i) => {
    const mid = i * ROW + ROW / 2;
    const c = colorOf(i);
    return (
      `<g class="win" data-strategy="${escapeHtml(r.strategy)}">` +
      `<text x="${left - 8}" y="${mid + 4}" text-anchor="end" font-size="12">${escapeHtml(r.strategy)}</text>` +
      `<rect x="${left}" y="${mid - 9}" width="${Math.max(0, x(r.winRate) - left)}" height="18" fill="${c}" fill-opacity="0.6"/>` +
      `<line x1="${x(r.low)}" y1="${mid}" x2="${x(r.high)}" y2="${mid}" stroke="#222" stroke-width="2"/>` +
      `<line x1="${x(r.low)}" y1="${mid - 5}" x2="${x(r.low)}" y2="${mid + 5}" stroke="#222"/>` +
      `<line x1="${x(r.high)}" y1="${mid - 5}" x2="${x(r.high)}" y2="${mid + 5}" stroke="#222"/>` +
      `</g>`
    );
  });
  const pct = (v: number): string => `${Math.round(v * 100)}%`;
  return frame(left, rows.length, body.join("") + axis(left, 0, 1, x, pct, rows.length * ROW + 4), title);
}

/**
 * Win share per strategy across a sweep's values (evenly spaced, in the order given): where a line
 * falls is where that strategy stops dominating.
 */
export function sweepWinSvg(
  values: string[],
  lines: { strategy: string; winRates: number[] }[],
  title: string,
): string {
  // The legend (a strategy a line) stands in the label column, clear of the percentages beside the grid.
  const left = labelColumn(lines.map((l) => l.strategy)) + PERCENT_LABEL;
  const top = 16;
  const height = Math.max(240, top + 14 * lines.length + AXIS + 24);
  const bottom = height - AXIS - 24;
  const x = (i: number): number =>
    Math.round(left + (values.length > 1 ? (i / (values.length - 1)) * PLOT : 0));
  const y = (v: number): number => Math.round(bottom - v * (bottom - top));
  const grid = [0, 0.25, 0.5, 0.75, 1].map(
    (v) =>
      `<line x1="${left}" y1="${y(v)}" x2="${left + PLOT}" y2="${y(v)}" stroke="#ddd"/>` +
      `<text x="${left - 6}" y="${y(v) + 4}" text-anchor="end" font-size="11">${Math.round(v * 100)}%</text>`,
  );
  const ticks = values.map(
    (v, i) =>
      `<text x="${x(i)}" y="${bottom + 16}" text-anchor="middle" font-size="11">${escapeHtml(v)}</text>`,
  );
  const paths = lines.map((l, k) => {
    const points = l.winRates.map((r, i) => `${x(i)},${y(r)}`).join(" ");
    const legend = `<text x="8" y="${top + 14 * k + 4}" font-size="12" fill="${colorOf(k)}">${escapeHtml(l.strategy)}</text>`;
    return `<g class="sweep-line" data-strategy="${escapeHtml(l.strategy)}"><polyline points="${points}" fill="none" stroke="${colorOf(k)}" stroke-width="2"/>${legend}</g>`;
  });
  return svg(left + PLOT + RIGHT, height, title, grid.join("") + ticks.join("") + paths.join(""));
}
