/**
 * Scored forecasts (issue #13 §5): a prediction with a measured outcome is scored, so the debrief can
 * say who read the game best. A number is scored by closeness: 100 points when exact, halving with
 * every HALF_POINTS percentage points off (a retarget moves difficulty by a few percent, so guessing
 * "no change" earns little and reading the estimate well earns most). A choice scores 100 when it is
 * the range the outcome fell in, 0 otherwise. A question with nothing measured scores nobody.
 */
import type { Question } from "./predictions.ts";

/** Percentage points off at which a numeric forecast earns half the points. */
export const HALF_POINTS = 2;
export const FULL_POINTS = 100;

/** The points one answer earns, or null when the question has no measured outcome to score against. */
export function forecastPoints(q: Pick<Question, "kind" | "outcome">, given: number): number | null {
  const outcome = q.outcome;
  if (!outcome) return null;
  if (q.kind === "choice") return outcome.choice === null ? null : outcome.choice === given ? FULL_POINTS : 0;
  if (outcome.value === null) return null;
  return Math.round(FULL_POINTS * 2 ** (-Math.abs(given - outcome.value) / HALF_POINTS));
}

/** Whether a question is scored (its outcome was measured). */
export const scored = (q: Pick<Question, "kind" | "outcome">): boolean => forecastPoints(q, 0) !== null;

export interface ForecastScore {
  company: string;
  /** Points over every scored question (an unanswered one earns none). */
  points: number;
  /** Scored questions the company answered, of `asked` scored questions. */
  answered: number;
  asked: number;
}

/** Each company's forecast score, for the companies that answered anything, by seat. */
export function forecastScores(questions: readonly Question[]): ForecastScore[] {
  const counted = questions.filter(scored);
  const byCompany = new Map<string, ForecastScore>();
  for (const q of counted) {
    for (const [company, given] of Object.entries(q.answers)) {
      const row = byCompany.get(company) ?? { company, points: 0, answered: 0, asked: counted.length };
      row.points += forecastPoints(q, given) ?? 0;
      row.answered++;
      byCompany.set(company, row);
    }
  }
  return [...byCompany.values()].sort((a, b) => a.company.localeCompare(b.company, "en", { numeric: true }));
}
