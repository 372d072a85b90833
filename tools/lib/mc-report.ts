/**
 * The Monte-Carlo report: per strategy, the final equity distribution, win, bankruptcy and rejection
 * rates; the network's hashrate share by country over time (mean over runs) beside Cambridge's monthly
 * figures where the dates overlap; and warnings about degenerate strategies. Deterministic: the same
 * runs give the same report (timing is added by the caller under its own key).
 */
import type { McConfig, RunResult } from "./montecarlo.ts";
import { int, share, table } from "./format.ts";
import { CCAF_COUNTRIES } from "../../node/history.ts";
import { buildFigures, type ReportFigures } from "./report-data.ts";
import type { HistoryData } from "./report-history.ts";

export const MC_FORMAT = "hashrate-atlas/montecarlo@1";

export interface Distribution {
  min: number;
  p10: number;
  median: number;
  p90: number;
  max: number;
  mean: number;
}

export interface StrategyReport {
  strategy: string;
  /** Companies playing it in each run. */
  seats: number;
  /** Final equity of each of its companies in each run, USD. */
  equityUsd: Distribution;
  wins: number;
  /** Share of runs won by one of its companies. */
  winRate: number;
  bankruptcies: number;
  /** Share of its company-runs that ended bankrupt. */
  bankruptcyRate: number;
  /** Rejected commands per company per run. */
  meanRejected: number;
  /** Accepted commands per company per run. */
  meanAccepted: number;
}

export interface ShareMonth {
  date: string;
  /** Mean over runs of the simulated share by country, 0..1. */
  sim: Record<string, number>;
  /** CCAF's share for the month (0..1, mapped countries only); null where the data has no such month. */
  real: Record<string, number> | null;
}

export interface McReport {
  format: typeof MC_FORMAT;
  scenario: string;
  engineVersion: string;
  botsSource: string;
  bots: string[];
  seed: number;
  runs: number;
  /** Days played per run (the scenario's length, or --days). */
  days: number;
  strategies: StrategyReport[];
  shares: {
    /** Countries by mean share over the whole game, largest first. */
    countries: string[];
    months: ShareMonth[];
    /** Over months and mapped countries with both figures: mean |sim − real|, percentage points. */
    meanAbsErrorPp: number | null;
    comparedMonths: number;
  };
  warnings: string[];
  /** The designer's report's figures (report-data.ts); absent in documents written before them. */
  figures?: ReportFigures;
  /** Every run's results; report.json (--report) leaves them out, the --json document has them. */
  results: RunResult[];
}

/** Linear-interpolated quantile of sorted values (q in 0..1). */
function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}

export function distribution(values: number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.length > 0 ? sorted.reduce((s, x) => s + x, 0) / sorted.length : 0;
  return {
    min: sorted[0] ?? 0,
    p10: quantile(sorted, 0.1),
    median: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    max: sorted[sorted.length - 1] ?? 0,
    mean,
  };
}

function strategyReports(config: McConfig, results: RunResult[]): StrategyReport[] {
  const names = [...new Set(config.bots)];
  return names.map((strategy) => {
    const equity: number[] = [];
    let wins = 0;
    let bankruptcies = 0;
    let rejected = 0;
    let accepted = 0;
    for (const run of results) {
      const winner = run.companies.find((c) => c.id === run.winner);
      if (winner?.strategy === strategy) wins++;
      for (const c of run.companies) {
        if (c.strategy !== strategy) continue;
        equity.push(c.equityUsd);
        if (c.bankrupt) bankruptcies++;
        rejected += c.rejected;
        accepted += c.accepted;
      }
    }
    const companyRuns = Math.max(1, equity.length);
    return {
      strategy,
      seats: config.bots.filter((b) => b === strategy).length,
      equityUsd: distribution(equity),
      wins,
      winRate: results.length > 0 ? wins / results.length : 0,
      bankruptcies,
      bankruptcyRate: bankruptcies / companyRuns,
      meanRejected: rejected / companyRuns,
      meanAccepted: accepted / companyRuns,
    };
  });
}

/**
 * Share of a strategy's commands the engine may refuse before the report asks whether it reads the game
 * right. The built-in bots have none refused (each seat acts on what the seats before it did that day,
 * shared/bots/order.ts; when every bot decided on the same state, 1.8-3.6% of the later seats' commands
 * in exodus-2021's crunch were refused for kW the earlier ones had just taken).
 */
const REFUSED_SHARE_WARNING = 0.05;

/**
 * Degenerate strategies: one that nearly always wins, one that never wins, one that mostly goes bust,
 * one whose commands the engine often refuses (a strategy file that misreads its view, for one).
 */
export function degenerateWarnings(strategies: StrategyReport[], runs: number): string[] {
  const warnings: string[] = [];
  const contest = strategies.length >= 2;
  for (const s of strategies) {
    if (contest && s.winRate > 0.8) {
      warnings.push(`${s.strategy} wins ${(s.winRate * 100).toFixed(0)}% of runs (> 80%): too strong?`);
    }
    if (contest && runs >= 20 && s.wins === 0)
      warnings.push(`${s.strategy} never wins in ${runs} runs: too weak?`);
    if (s.bankruptcyRate > 0.5) {
      warnings.push(
        `${s.strategy} goes bankrupt in ${(s.bankruptcyRate * 100).toFixed(0)}% of its games (> 50%)`,
      );
    }
    const given = s.meanAccepted + s.meanRejected;
    if (given > 0 && s.meanRejected / given > REFUSED_SHARE_WARNING) {
      const pct = ((s.meanRejected / given) * 100).toFixed(0);
      warnings.push(
        `the engine refuses ${pct}% of ${s.strategy}'s commands (> 5%): does it read its view right?`,
      );
    }
  }
  return warnings;
}

function shareMonths(results: RunResult[], ccaf: Map<string, Map<string, number>>): McReport["shares"] {
  const sums = new Map<string, { n: number; shares: Map<string, number> }>();
  const totals = new Map<string, number>();
  for (const run of results) {
    for (const m of run.monthly) {
      let entry = sums.get(m.date);
      if (!entry) sums.set(m.date, (entry = { n: 0, shares: new Map() }));
      entry.n++;
      for (const [country, x] of Object.entries(m.shares)) {
        entry.shares.set(country, (entry.shares.get(country) ?? 0) + x);
        totals.set(country, (totals.get(country) ?? 0) + x);
      }
    }
  }
  const countries = [...totals.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([c]) => c);
  let errorSum = 0;
  let errorCount = 0;
  let comparedMonths = 0;
  const months = [...sums.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([date, entry]): ShareMonth => {
      const sim: Record<string, number> = {};
      for (const c of countries) sim[c] = Math.round(((entry.shares.get(c) ?? 0) / entry.n) * 1e6) / 1e6;
      const row = ccaf.get(date.slice(0, 7));
      if (!row) return { date, sim, real: null };
      const real: Record<string, number> = {};
      for (const [name, iso] of Object.entries(CCAF_COUNTRIES)) {
        const pct = row.get(name);
        if (pct === undefined) continue;
        real[iso] = pct / 100;
        errorSum += Math.abs((sim[iso] ?? 0) - pct / 100) * 100;
        errorCount++;
      }
      comparedMonths++;
      return { date, sim, real };
    });
  return {
    countries,
    months,
    meanAbsErrorPp: errorCount > 0 ? errorSum / errorCount : null,
    comparedMonths,
  };
}

export interface ReportContext {
  engineVersion: string;
  botsSource: string;
  ccaf: Map<string, Map<string, number>>;
  /** The real chain, for the figures' history lines (none: no history lines). */
  history?: HistoryData;
}

export function buildReport(config: McConfig, results: RunResult[], context: ReportContext): McReport {
  const strategies = strategyReports(config, results);
  const shares = shareMonths(results, context.ccaf);
  return {
    format: MC_FORMAT,
    scenario: config.scenario,
    engineVersion: context.engineVersion,
    botsSource: context.botsSource,
    bots: [...config.bots],
    seed: config.seed,
    runs: results.length,
    days: results[0]?.days ?? 0,
    strategies,
    shares,
    warnings: degenerateWarnings(strategies, results.length),
    figures: buildFigures({ strategies, shares }, results, context.history ?? null),
    results,
  };
}

const usd = (x: number): string => `${x < 0 ? "-" : ""}$${int(Math.abs(x))}`;
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** The report for people: strategies, shares by country against CCAF, warnings. */
export function reportLines(report: McReport, topCountries = 6): string[] {
  const lines = [
    `Monte-Carlo: ${report.scenario}, ${report.runs} runs of ${int(report.days)} days, seeds ${report.seed}..` +
      `${report.seed + report.runs - 1}; bots: ${report.bots.join(", ")} (${report.botsSource})`,
    "",
    "Strategies (final equity per company, USD)",
  ];
  const header = [
    "strategy",
    "seats",
    "min",
    "p10",
    "median",
    "p90",
    "max",
    "mean",
    "wins",
    "bankrupt",
    "rejected/run",
  ];
  const rows = report.strategies.map((s) => [
    s.strategy,
    String(s.seats),
    usd(s.equityUsd.min),
    usd(s.equityUsd.p10),
    usd(s.equityUsd.median),
    usd(s.equityUsd.p90),
    usd(s.equityUsd.max),
    usd(s.equityUsd.mean),
    pct(s.winRate),
    pct(s.bankruptcyRate),
    s.meanRejected.toFixed(1),
  ]);
  lines.push(...table([header, ...rows], ["l", "r", "r", "r", "r", "r", "r", "r", "r", "r", "r"]));

  const shown = report.shares.countries.slice(0, topCountries);
  lines.push("", "Hashrate share by country on the 1st of each month (mean over runs; CCAF in brackets)");
  const shareRows = report.shares.months.map((m) => [
    m.date,
    ...shown.map((c) => {
      const real = m.real?.[c];
      return `${share(m.sim[c] ?? 0)}${real === undefined ? "" : ` (${share(real)})`}`;
    }),
  ]);
  lines.push(...table([["date", ...shown], ...shareRows], ["l", ...shown.map(() => "r" as const)]));
  if (report.shares.meanAbsErrorPp !== null) {
    lines.push(
      `  against CCAF over ${report.shares.comparedMonths} months: mean |sim − real| ` +
        `${report.shares.meanAbsErrorPp.toFixed(1)} percentage points per country`,
    );
  } else lines.push("  (no CCAF months overlap this game: Cambridge's data covers 2019-09 .. 2022-01)");

  lines.push("");
  if (report.warnings.length === 0) lines.push("No degenerate strategy detected.");
  else lines.push("Warnings:", ...report.warnings.map((w) => `  ! ${w}`));
  return lines;
}

/** One row per run per company. */
export function reportCsv(results: RunResult[]): string {
  const lines = ["run,seed,company,strategy,final_equity_usd,bankrupt,winner"];
  for (const run of results) {
    for (const c of run.companies) {
      const strategy = /[",\n]/.test(c.strategy) ? `"${c.strategy.replace(/"/g, '""')}"` : c.strategy;
      lines.push(
        [run.run, run.seed, c.id, strategy, c.equityUsd.toFixed(2), c.bankrupt, c.id === run.winner].join(
          ",",
        ),
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
