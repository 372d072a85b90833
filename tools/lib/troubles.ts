/**
 * What went wrong with strategies from files over a batch of runs, for the person who wrote them: each
 * strategy stopped (it threw, answered garbage or timed out: the first message, and in how many runs),
 * and malformed commands (not commands by the engine's schema: dropped, counted as rejected).
 */
import type { RunResult } from "./montecarlo.ts";

export function strategyTroubles(results: readonly RunResult[]): string[] {
  const stopped = new Map<string, { first: string; runs: number }>();
  const malformed = new Map<string, number>();
  for (const run of results) {
    for (const c of run.companies) {
      if (c.failure) {
        const seen = stopped.get(c.strategy);
        if (seen) seen.runs++;
        else stopped.set(c.strategy, { first: c.failure, runs: 1 });
      }
      const bad = c.rejectedByCode.MALFORMED ?? 0;
      if (bad > 0) malformed.set(c.strategy, (malformed.get(c.strategy) ?? 0) + bad);
    }
  }
  const lines: string[] = [];
  for (const { first, runs } of stopped.values())
    lines.push(
      `error: ${first}${runs > 1 ? ` (stopped in ${runs} runs)` : ""}; its seat sat idle, the others played on`,
    );
  for (const [strategy, n] of malformed)
    lines.push(
      `warning: strategy ${strategy} answered ${n} malformed command${n > 1 ? "s" : ""} (dropped, counted as rejected)`,
    );
  return lines;
}
