/**
 * The figures of the designer's report (report-html.ts draws them; report.json keeps them for --compare):
 * win rates with Wilson 95% intervals, finishing ranks, equity over time per strategy and the chain's
 * paths (median and p10–p90 band over runs, from the weekly samples), commands by type, shipping-mode
 * shares, and the fit to history. Deterministic: the same runs give the same figures.
 */
import type { McReport, StrategyReport } from "./mc-report.ts";
import type { RunResult } from "./montecarlo.ts";
import { modeShares } from "./modeShares.ts";
import { decisionPhases } from "./decisionPhases.ts";
import { realDay, type HistoryData } from "./report-history.ts";

export interface Band {
  p10: number[];
  median: number[];
  p90: number[];
}

export interface StrategyFigures {
  strategy: string;
  /** Wilson 95% interval of the win rate. */
  winLow: number;
  winHigh: number;
  /** Mean finishing place of its companies (1 = richest). */
  meanRank: number;
  /** Share of its company-runs that finished last or next to last (the bar "holding cash" must meet). */
  lastTwoShare: number;
  /** Accepted commands per company-run, by type. */
  commands: Record<string, number>;
  /** Shipments by mode (and premium broker) as shares of its shipments. */
  modes: Record<string, number>;
  /**
   * Mean accepted decisions per company-run in each fifth of the match, and the share of its
   * company-runs with a decision in every fifth (decisionPhases.ts); absent when the runs carry no tally.
   */
  decisions?: { meanByFifth: number[]; everyFifthShare: number };
}

export interface ReportFigures {
  strategies: StrategyFigures[];
  /** Sample dates (weekly) of the series below. */
  dates: string[];
  equityUsd: Record<string, Band>;
  chain: { difficulty: Band; hashpriceUsd: Band; networkEhs: Band };
  /** The real chain on the same dates; null where the shipped data has nothing. */
  history: { difficulty: (number | null)[]; hashpriceUsd: (number | null)[]; networkEhs: (number | null)[] };
  fidelity: {
    /** RMS over months and mapped countries of (simulated − CCAF) share, percentage points. */
    sharesRmsPp: number | null;
    /** RMS of ln(median simulated hashrate / real 7-day mean) over sampled days with data. */
    hashrateRmsLog: number | null;
  };
}

const Z95 = 1.959964;

/** Wilson score interval for `wins` of `n` at 95%: sound for rates near 0 or 1 and for few runs. */
export function wilson(wins: number, n: number): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 };
  const p = wins / n;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = sorted[Math.floor(pos)] as number;
  const hi = sorted[Math.ceil(pos)] as number;
  return lo + (hi - lo) * (pos - Math.floor(pos));
}

/** p10 / median / p90 of each column: `rows[i]` holds the values of sample i. */
function band(columns: number[][]): Band {
  const out: Band = { p10: [], median: [], p90: [] };
  for (const values of columns) {
    const sorted = [...values].sort((a, b) => a - b);
    out.p10.push(quantile(sorted, 0.1));
    out.median.push(quantile(sorted, 0.5));
    out.p90.push(quantile(sorted, 0.9));
  }
  return out;
}

/** Places in one run: equity descending, ties to the earlier seat (as the winner is chosen). */
function places(run: RunResult): Map<string, number> {
  const order = run.companies
    .map((c, seat) => ({ c, seat }))
    .sort((a, b) => b.c.equityUsd - a.c.equityUsd || a.seat - b.seat);
  return new Map(order.map((x, i) => [x.c.id, i + 1]));
}

function strategyFigures(strategies: StrategyReport[], results: RunResult[]): StrategyFigures[] {
  const modes = modeShares(results);
  const phases = new Map(decisionPhases(results).map((p) => [p.strategy, p]));
  return strategies.map((s) => {
    let rankSum = 0;
    let lastTwo = 0;
    let companyRuns = 0;
    const commands: Record<string, number> = {};
    for (const run of results) {
      const place = places(run);
      const n = run.companies.length;
      for (const c of run.companies) {
        if (c.strategy !== s.strategy) continue;
        const rank = place.get(c.id) ?? n;
        companyRuns++;
        rankSum += rank;
        if (n >= 2 && rank >= n - 1) lastTwo++;
        for (const [type, k] of Object.entries(c.commands ?? {})) commands[type] = (commands[type] ?? 0) + k;
      }
    }
    const per = Math.max(1, companyRuns);
    for (const type of Object.keys(commands)) commands[type] = (commands[type] as number) / per;
    const shipped = modes.get(s.strategy) ?? {};
    const total = Object.entries(shipped).reduce((t, [m, k]) => (m === "premiumBroker" ? t : t + k), 0);
    const shares: Record<string, number> = {};
    for (const [m, k] of Object.entries(shipped)) shares[m] = total > 0 ? k / total : 0;
    const ci = wilson(s.wins, results.length);
    const phase = phases.get(s.strategy);
    return {
      strategy: s.strategy,
      winLow: ci.low,
      winHigh: ci.high,
      meanRank: rankSum / per,
      lastTwoShare: lastTwo / per,
      commands,
      modes: shares,
      ...(phase && { decisions: { meanByFifth: phase.meanByFifth, everyFifthShare: phase.everyFifthShare } }),
    };
  });
}

/** Weekly series: the dates every run sampled (runs of one report play the same days). */
function sampleDates(results: RunResult[]): string[] {
  return (results[0]?.weekly ?? []).map((w) => w.date);
}

function equityBands(strategies: string[], results: RunResult[], samples: number): Record<string, Band> {
  const out: Record<string, Band> = {};
  for (const strategy of strategies) {
    const columns: number[][] = Array.from({ length: samples }, () => []);
    for (const run of results) {
      const seats = run.companies.flatMap((c, i) => (c.strategy === strategy ? [i] : []));
      run.weekly?.slice(0, samples).forEach((w, k) => {
        for (const i of seats) columns[k]?.push(w.equityUsd[i] ?? 0);
      });
    }
    out[strategy] = band(columns);
  }
  return out;
}

function chainBand(
  results: RunResult[],
  samples: number,
  pick: (w: { difficulty: number; hashpriceUsd: number; networkEhs: number }) => number,
): Band {
  const columns: number[][] = Array.from({ length: samples }, () => []);
  for (const run of results) run.weekly?.slice(0, samples).forEach((w, k) => columns[k]?.push(pick(w)));
  return band(columns);
}

function sharesRms(shares: McReport["shares"]): number | null {
  let sum = 0;
  let n = 0;
  for (const m of shares.months) {
    if (!m.real) continue;
    for (const [country, real] of Object.entries(m.real)) {
      const d = ((m.sim[country] ?? 0) - real) * 100;
      sum += d * d;
      n++;
    }
  }
  return n > 0 ? Math.sqrt(sum / n) : null;
}

function hashrateRms(median: number[], real: (number | null)[]): number | null {
  let sum = 0;
  let n = 0;
  median.forEach((sim, i) => {
    const r = real[i];
    if (r === null || r === undefined || r <= 0 || sim <= 0) return;
    sum += Math.log(sim / r) ** 2;
    n++;
  });
  return n > 0 ? Math.sqrt(sum / n) : null;
}

export function buildFigures(
  report: Pick<McReport, "strategies" | "shares">,
  results: RunResult[],
  history: HistoryData | null,
): ReportFigures {
  const dates = sampleDates(results);
  const n = dates.length;
  const chain = {
    difficulty: chainBand(results, n, (w) => w.difficulty),
    hashpriceUsd: chainBand(results, n, (w) => w.hashpriceUsd),
    networkEhs: chainBand(results, n, (w) => w.networkEhs),
  };
  const real = dates.map((d) => (history ? realDay(history, d) : null));
  const historySeries = {
    difficulty: real.map((r) => r?.difficulty ?? null),
    hashpriceUsd: real.map((r) => r?.hashpriceUsd ?? null),
    networkEhs: real.map((r) => r?.networkEhs ?? null),
  };
  return {
    strategies: strategyFigures(report.strategies, results),
    dates,
    equityUsd: equityBands(
      report.strategies.map((s) => s.strategy),
      results,
      n,
    ),
    chain,
    history: historySeries,
    fidelity: {
      sharesRmsPp: sharesRms(report.shares),
      hashrateRmsLog: hashrateRms(chain.networkEhs.median, historySeries.networkEhs),
    },
  };
}
