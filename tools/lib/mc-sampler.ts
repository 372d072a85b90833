/**
 * What a Monte-Carlo run samples along the way for the designer's report (report*.ts): once a week, each
 * company's equity and the network's difficulty, hashprice and hashrate; and every accepted command by
 * type. Read-only: sampling never changes the game (the run's final hash is the same with or without).
 */
import { difficultyFromBits } from "../../shared/bitcoin/index.ts";
import { equityCents, type Command, type EngineCaches, type GameState } from "../../shared/index.ts";
import type { NetworkDayReport } from "../../shared/engine/step.ts";

/** Days between samples: weekly is fine-grained enough for a chart of a game of months or years. */
export const SAMPLE_EVERY_DAYS = 7;

export interface WeekSample {
  date: string;
  /** Each company's equity, USD, in seat order. */
  equityUsd: number[];
  difficulty: number;
  /** USD per TH/s per day. */
  hashpriceUsd: number;
  networkEhs: number;
}

/** Whether day `tick` (1-based, after the step) is sampled: the first day, every 7th after it, the last. */
export function isSampleDay(tick: number, lastTick: number): boolean {
  return (tick - 1) % SAMPLE_EVERY_DAYS === 0 || tick >= lastTick;
}

export function sampleWeek(
  state: GameState,
  report: Pick<NetworkDayReport, "date" | "networkThs">,
  caches: EngineCaches,
): WeekSample {
  return {
    date: report.date,
    equityUsd: state.companies.map((c) => equityCents(state, c, caches) / 100),
    difficulty: difficultyFromBits(state.chain.bits),
    hashpriceUsd: state.market.hashpriceMicroUsd / 1e6,
    networkEhs: report.networkThs / 1e6,
  };
}

/** Counts an accepted command by its type, in `counts` (a company's tally). */
export function countCommand(counts: Record<string, number>, command: Command): void {
  counts[command.type] = (counts[command.type] ?? 0) + 1;
}
