/**
 * What the prediction card shows, worked out without the DOM (tests/client/predict.test.ts): the bars
 * of a choice tally, a number tally's median, an answer in words.
 */
import type { Question } from "../net/Server.ts";

export interface Bar {
  label: string;
  count: number;
  /** Share of all answers, 0..100 (rounded). */
  pct: number;
  /** The outcome fell in this choice. */
  right: boolean;
  mine: boolean;
}

/** One bar per choice (empty when the tally is hidden from this reader, or for number questions). */
export function choiceBars(q: Question, label: (i: number) => string): Bar[] {
  if (q.kind !== "choice" || !q.tally) return [];
  const total = q.tally.reduce((a, b) => a + b, 0);
  return q.tally.map((count, i) => ({
    label: label(i),
    count,
    pct: total ? Math.round((count / total) * 100) : 0,
    right: q.outcome?.choice === i,
    mine: q.mine === i,
  }));
}

/** The middle of the numbers answered (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Numbers answered, in up to `bins` equal bins between the smallest and the largest. */
export function numberBins(
  values: readonly number[],
  bins = 6,
): { from: number; to: number; count: number }[] {
  if (!values.length) return [];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const n = lo === hi ? 1 : bins;
  const width = (hi - lo) / n || 1;
  const out = Array.from({ length: n }, (_, i) => ({
    from: lo + i * width,
    to: lo + (i + 1) * width,
    count: 0,
  }));
  for (const v of values) {
    const i = Math.min(n - 1, Math.floor((v - lo) / width));
    (out[i] as { count: number }).count++;
  }
  return out;
}

/** Whole seconds left, counted from when the message arrived. */
export const secondsLeft = (deadline: number, now: number): number =>
  Math.max(0, Math.ceil((deadline - now) / 1000));
