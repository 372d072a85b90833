/**
 * A round-robin tournament of strategies (`npm run tournament`): every listed strategy plays every game,
 * over seeds and scenarios; in each scenario and seed the game is played once per rotation of the
 * seats (strategy i sits in seat (i + r) mod n in rotation r), so that seat order — who acts first on
 * a day, which weekday a bot reviews on — gives nobody an edge. Ranked by wins, then mean rank; the
 * median final equity is given relative to the starting cash (1.00: kept its money).
 */
import { loadScenario } from "../../node/scenarios.ts";
import { fixed, int, table } from "./format.ts";
import { runPool } from "./mc-pool.ts";
import type { McConfig, RunResult } from "./montecarlo.ts";
import { rotation } from "./seats.ts";

export interface TournamentConfig {
  scenarios: string[];
  /** Seeds 1..seeds. */
  seeds: number;
  bots: string[];
  days: number | null;
  jobs: number;
  strategyTimeoutMs?: number;
}

export interface Standing {
  strategy: string;
  games: number;
  wins: number;
  /** Mean over games of its rank (1 = highest final equity; ties share the mean of their places). */
  meanRank: number;
  /** Median over games of final equity ÷ starting cash. */
  medianEquityRatio: number;
  /** Games in which it was stopped (a strategy from a file that failed). */
  stopped: number;
}

interface Tally {
  games: number;
  wins: number;
  rankSum: number;
  ratios: number[];
  stopped: number;
}

/** Ranks of final equities (1 = best; tied companies share the mean of their places). */
export function ranks(equities: readonly number[]): number[] {
  return equities.map((e) => {
    const above = equities.filter((x) => x > e).length;
    const tied = equities.filter((x) => x === e).length;
    return above + (tied + 1) / 2;
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  if (sorted.length === 0) return 0;
  return Number.isInteger(mid)
    ? ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
    : (sorted[Math.floor(mid)] as number);
}

/** Adds one game's outcome; a win needs the top equity alone (a tie for first wins for nobody). */
function score(tallies: Map<string, Tally>, run: RunResult, startingUsd: number): void {
  const companies = run.companies;
  const r = ranks(companies.map((c) => c.equityUsd));
  companies.forEach((c, i) => {
    const t = tallies.get(c.strategy) as Tally;
    t.games++;
    t.rankSum += r[i] as number;
    if (r[i] === 1) t.wins++;
    t.ratios.push(c.equityUsd / startingUsd);
    if (c.failure) t.stopped++;
  });
}

/** Plays the tournament; `onGame` hears of each game as it ends. */
export async function playTournament(config: TournamentConfig, onGame?: () => void): Promise<Standing[]> {
  if (new Set(config.bots).size !== config.bots.length)
    throw new Error("each strategy plays once per game: list it once");
  const tallies = new Map<string, Tally>(
    config.bots.map((b) => [b, { games: 0, wins: 0, rankSum: 0, ratios: [], stopped: 0 }]),
  );
  for (const id of config.scenarios) {
    const startingUsd = loadScenario(id).company.startingCashCents / 100;
    for (let r = 0; r < config.bots.length; r++) {
      const mc: McConfig = {
        scenario: id,
        bots: rotation(config.bots, r),
        seed: 1,
        runs: config.seeds,
        days: config.days,
        ...(config.strategyTimeoutMs ? { strategyTimeoutMs: config.strategyTimeoutMs } : {}),
      };
      const { results } = await runPool(mc, { jobs: config.jobs, onResult: () => onGame?.() });
      for (const run of results) score(tallies, run, startingUsd);
    }
  }
  const standings = [...tallies].map(([strategy, t]) => ({
    strategy,
    games: t.games,
    wins: t.wins,
    meanRank: t.games > 0 ? t.rankSum / t.games : 0,
    medianEquityRatio: median(t.ratios),
    stopped: t.stopped,
  }));
  return standings.sort(
    (a, b) => b.wins - a.wins || a.meanRank - b.meanRank || a.strategy.localeCompare(b.strategy),
  );
}

/** The ranked table, for people. */
export function standingLines(standings: readonly Standing[]): string[] {
  const rows = [["#", "strategy", "games", "wins", "win %", "mean rank", "median equity ÷ start", "stopped"]];
  standings.forEach((s, i) =>
    rows.push([
      String(i + 1),
      s.strategy,
      int(s.games),
      int(s.wins),
      s.games > 0 ? `${fixed((100 * s.wins) / s.games, 1)}%` : "-",
      fixed(s.meanRank, 2),
      fixed(s.medianEquityRatio, 2),
      int(s.stopped),
    ]),
  );
  return table(rows, ["r", "l", "r", "r", "r", "r", "r", "r"]);
}
