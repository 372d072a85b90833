/**
 * The debrief's predictions: each question the class answered, its tally and outcome, and the answers
 * the reader may see (the host: every company's, named as the debrief names them; a player: their own).
 */
import { formatIsoDate } from "../shared/math/calendar.ts";
import type { DebriefForecastScore, DebriefPrediction } from "../shared/protocol/debrief.ts";
import { forecastPoints, forecastScores } from "./game/forecastScore.ts";
import { tally, type Question } from "./game/predictions.ts";

export function debriefPredictions(
  questions: readonly Question[],
  seat: string | null,
  name: (company: string) => string,
): DebriefPrediction[] {
  return questions.map((q) => ({
    id: q.id,
    date: formatIsoDate(q.askedDay),
    prompt: { en: q.prompt.en, zh: q.prompt.zh },
    kind: q.kind,
    choices: q.choices.map((c) => ({ en: c.en, zh: c.zh })),
    tally: tally(q),
    answers: Object.entries(q.answers)
      .filter(([company]) => seat === null || company === seat)
      .sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true }))
      .map(([company, answer]) => ({
        company,
        name: name(company),
        answer,
        points: forecastPoints(q, answer),
      })),
    outcome: q.outcome ? { text: q.outcome.text, value: q.outcome.value, choice: q.outcome.choice } : null,
  }));
}

/** Each company's forecast score, as the reader may see them (the host: all; a player: their own). */
export function debriefForecasts(
  questions: readonly Question[],
  seat: string | null,
  name: (company: string) => string,
): DebriefForecastScore[] {
  return forecastScores(questions)
    .filter((s) => seat === null || s.company === seat)
    .map((s) => ({ ...s, name: name(s.company) }));
}
