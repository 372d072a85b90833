/**
 * Each round's scored forecast (issue #13 §5): when a round's window opens, the class is asked for the
 * next retarget's difficulty change as a number (unless a question of the host's is still pending);
 * when the window ends its answers close and it waits for the retarget, which measures it; the
 * debrief scores each answer by closeness (forecastScore.ts). It is an ordinary prediction question
 * (predictions.ts), asked and revealed through the host's controls, so it is stored and exported.
 */
import type { AskAction } from "../../shared/protocol/index.ts";
import { current } from "./predictions.ts";
import type { GameSession } from "./session.ts";

export const FORECAST_PROMPT = {
  en: "Forecast: by how much will the next retarget change difficulty (%)?",
  zh: "预测：下一次难度调整会让难度变化多少（%）？",
};

/**
 * Whether round mode asked this question (a window's end reveals only its own, never the host's):
 * known by its prompt, so that the stored question needs no new field.
 */
const isForecast = (prompt: { en: string }) => prompt.en === FORECAST_PROMPT.en;

/** Asks the round's forecast, open for the window's seconds; false if a question is pending. */
export function askForecast(session: GameSession, seconds: number, now: number): boolean {
  const last = current(session.predictions);
  if (last && last.status !== "revealed") return false;
  const ask: AskAction = {
    type: "ask",
    prompt: FORECAST_PROMPT,
    kind: "number",
    choices: [],
    seconds,
    measure: "retarget",
  };
  return session.host(ask, now) === null;
}

/** At the window's end: the round's forecast stops taking answers and waits for the retarget. */
export function revealForecast(session: GameSession): boolean {
  const q = current(session.predictions);
  if (!q || !isForecast(q.prompt) || (q.status !== "open" && q.status !== "closed")) return false;
  return session.host({ type: "reveal" }) === null;
}
