/**
 * A fraction written where a percent is expected (sharePct: 0.35 for 35%). Every *Pct field of a scenario
 * is a percent, but a small percent is often right (a 0.3% damage rate), so a value below 1 alone proves
 * nothing. Two rules that only fire when the numbers themselves say "fraction":
 *
 * - Shares that must add up to 100 (regions' and the fleet's sharePct): errors when they add up to 1
 *   instead (all written as fractions), or when multiplying just the values below 1 by 100 would make
 *   them add up to 100 (some written as fractions among percents).
 * - Any other *Pct key repeated across the entries of a list or the blocks of a map (the same quantity
 *   for several things): a warning for a value in (0, 1) whose hundredfold lies within the range the
 *   other entries' values (all ≥ 1) span: 0.12 among 8 and 16 is surely 12.
 *
 * A *Pct in (0, 1) next to a *different* *Pct ≥ 1 is not flagged: different quantities have different
 * scales (shipping's loss 0.1% beside damage 1%), so such a rule would cry wolf on sound files.
 */
import type { ScenarioFile } from "./schema.ts";

type Path = (string | number)[];

export interface PercentProblem {
  severity: "error" | "warning";
  path: Path;
  message: string;
}

/** The lists whose sharePct must add up to 100 (lint.ts checks the sums). */
const SHARE_LISTS: { path: Path; what: string }[] = [
  { path: ["regions"], what: "regions" },
  { path: ["world", "fleet"], what: "fleet tiers" },
];
const SUM_TOLERANCE = 0.5;

const isFraction = (v: number): boolean => v > 0 && v < 1;
const fmt = (n: number): string => String(Number(n.toFixed(4)));

function shareList(raw: unknown, path: Path): { sharePct?: unknown }[] {
  let node: unknown = raw;
  for (const key of path) node = (node as Record<string | number, unknown> | undefined)?.[key];
  return Array.isArray(node) ? (node as { sharePct?: unknown }[]) : [];
}

function checkShares(raw: ScenarioFile, out: PercentProblem[]): void {
  for (const { path, what } of SHARE_LISTS) {
    const values = shareList(raw, path).map((e) => (typeof e.sharePct === "number" ? e.sharePct : 0));
    const total = values.reduce((s, v) => s + v, 0);
    const fractions = values.flatMap((v, i) => (isFraction(v) ? [i] : []));
    if (fractions.length === 0) continue;
    if (values.every((v) => v <= 1) && Math.abs(total - 1) <= SUM_TOLERANCE / 100) {
      out.push({
        severity: "error",
        path,
        message: `the ${what}' sharePct add up to ${fmt(total)}: they are written as fractions, but sharePct is a percent (0.35 means 0.35%); multiply each by 100 (35 for 35%)`,
      });
      continue;
    }
    const fixed = values.reduce((s, v) => s + (isFraction(v) ? v * 100 : v), 0);
    if (Math.abs(fixed - 100) > SUM_TOLERANCE || Math.abs(total - 100) <= SUM_TOLERANCE) continue;
    for (const i of fractions) {
      const v = values[i] as number;
      out.push({
        severity: "error",
        path: [...path, i, "sharePct"],
        message: `${v} looks like a fraction: sharePct is a percent, and with ${fmt(v * 100)} here the ${what}' shares add up to 100`,
      });
    }
  }
}

const skipped = (path: Path): boolean =>
  SHARE_LISTS.some((s) => s.path.length === path.length && s.path.every((k, i) => k === path[i]));

/** The same *Pct key across sibling entries (a list's items, a map's blocks). */
function checkSiblings(node: unknown, path: Path, out: PercentProblem[]): void {
  if (node === null || typeof node !== "object") return;
  const entries: [string | number, unknown][] = Array.isArray(node)
    ? node.map((v, i) => [i, v])
    : Object.entries(node as Record<string, unknown>);
  const blocks = entries.filter(([, v]) => v !== null && typeof v === "object" && !Array.isArray(v));
  if (blocks.length >= 2 && !skipped(path)) {
    const keys = new Set(
      blocks.flatMap(([, v]) => Object.keys(v as object).filter((k) => k.endsWith("Pct"))),
    );
    for (const key of keys) {
      const values = blocks.map(([at, v]) => [at, (v as Record<string, unknown>)[key]] as const);
      const percents = values.map(([, v]) => v).filter((v): v is number => typeof v === "number" && v >= 1);
      if (percents.length === 0) continue;
      const lo = Math.min(...percents);
      const hi = Math.max(...percents);
      for (const [at, v] of values) {
        if (typeof v !== "number" || !isFraction(v) || v * 100 < lo || v * 100 > hi) continue;
        out.push({
          severity: "warning",
          path: [...path, at, key],
          message: `${v} looks like a fraction: ${key} is a percent, and the other entries have ${fmt(lo)}..${fmt(hi)}; did you mean ${fmt(v * 100)}?`,
        });
      }
    }
  }
  for (const [at, v] of entries) checkSiblings(v, [...path, at], out);
}

export function lintPercents(raw: ScenarioFile): PercentProblem[] {
  const out: PercentProblem[] = [];
  checkShares(raw, out);
  checkSiblings(raw, [], out);
  return out;
}
