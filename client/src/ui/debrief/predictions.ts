/** The debrief's predictions tab: each question, the class's answers (bars or numbers) and the outcome. */
import type { DebriefPayload, DebriefPrediction } from "../../../../shared/protocol/debrief.ts";
import { lang, pick, t } from "../../i18n/index.ts";
import { fill, h } from "../dom.ts";
import { formatAnswer } from "../format.ts";
import { median } from "../predictModel.ts";
import { forecastScores, pointsText } from "./forecasts.ts";

const num = (v: number): string => formatAnswer(v, lang());

function answerText(q: DebriefPrediction, a: number): string {
  return q.kind === "choice" ? pick(q.choices[a] ?? { en: "?", zh: "?" }) : num(a);
}

function tallyList(q: DebriefPrediction): HTMLElement {
  if (q.kind === "number") {
    const mid = median(q.tally);
    return h("p", {
      text:
        mid === null
          ? t("predict.noAnswers")
          : `${q.tally.map(num).join(" · ")} — ${t("predict.median", { v: num(mid), n: q.tally.length })}`,
    });
  }
  const total = q.tally.reduce((a, b) => a + b, 0);
  return h(
    "ol",
    { class: "predict-bars" },
    ...q.choices.map((c, i) => {
      const count = q.tally[i] ?? 0;
      const pct = total ? Math.round((count / total) * 100) : 0;
      const right = q.outcome?.choice === i;
      return h(
        "li",
        { class: right ? "right" : "" },
        h("span", { class: "label", text: right ? `✓ ${pick(c)}` : pick(c) }),
        h("span", { class: "bar", style: `--pct:${pct}%` }),
        h("span", { class: "count", text: `${count} · ${pct}%` }),
      );
    }),
  );
}

function question(q: DebriefPrediction): HTMLElement {
  return h(
    "article",
    { class: "debrief-prediction", "data-testid": "debrief-prediction" },
    h("h3", { text: pick(q.prompt) }),
    h("p", { class: "muted", text: t("debrief.predictions.asked", { date: q.date }) }),
    tallyList(q),
    q.answers.length
      ? h(
          "ul",
          {},
          ...q.answers.map((a) =>
            h("li", { text: `${a.name}: ${answerText(q, a.answer)}${pointsText(a.points)}` }),
          ),
        )
      : null,
    h("p", {
      class: "predict-outcome",
      text: q.outcome
        ? t("debrief.predictions.outcome", { text: pick(q.outcome.text) })
        : t("debrief.predictions.pending"),
    }),
  );
}

export function renderPredictions(body: HTMLElement, p: DebriefPayload): void {
  const list = p.predictions ?? [];
  if (!list.length) return fill(body, h("p", { class: "muted", text: t("debrief.predictions.none") }));
  fill(body, forecastScores(p), h("div", { class: "debrief-predictions" }, ...list.map(question)));
}
