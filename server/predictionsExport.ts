/**
 * The predictions export (predictions.csv / .json): one row per answer, and one row for a question
 * nobody answered, with the question, the company and its answer in words, and the outcome.
 */
import { formatIsoDate } from "../shared/math/calendar.ts";
import { forecastPoints } from "./game/forecastScore.ts";
import type { Question } from "./game/predictions.ts";

export interface PredictionRow {
  question: number;
  askedDate: string;
  askedTick: number;
  promptEn: string;
  promptZh: string;
  kind: string;
  company: string | null;
  name: string | null;
  answer: string | number | null;
  outcome: string | null;
  outcomeValuePct: number | null;
  /** The answer is the choice the outcome fell in (null when the outcome names no choice). */
  correct: boolean | null;
  /** The answer's forecast points (server/game/forecastScore.ts); null when nothing was measured. */
  forecastPoints: number | null;
}

/** An answer in words: the choice's English text, or the number. */
const answerText = (q: Question, given: number): string | number =>
  q.kind === "choice" ? (q.choices[given]?.en ?? String(given)) : given;

export function predictionRows(
  questions: readonly Question[],
  names: ReadonlyMap<string, string>,
): PredictionRow[] {
  const rows: PredictionRow[] = [];
  for (const q of questions) {
    const base = {
      question: q.id,
      askedDate: formatIsoDate(q.askedDay),
      askedTick: q.askedTick,
      promptEn: q.prompt.en,
      promptZh: q.prompt.zh,
      kind: q.kind,
    };
    // Column order: the question, who answered what, then what happened.
    const after = { outcome: q.outcome?.text.en ?? null, outcomeValuePct: q.outcome?.value ?? null };
    const answers = Object.entries(q.answers).sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true }));
    if (answers.length === 0)
      rows.push({
        ...base,
        company: null,
        name: null,
        answer: null,
        correct: null,
        ...after,
        forecastPoints: null,
      });
    for (const [seat, given] of answers) {
      const right = q.outcome?.choice;
      rows.push({
        ...base,
        company: seat,
        name: names.get(seat) ?? seat,
        answer: answerText(q, given),
        correct: right === null || right === undefined || q.kind !== "choice" ? null : right === given,
        ...after,
        forecastPoints: forecastPoints(q, given),
      });
    }
  }
  return rows;
}
