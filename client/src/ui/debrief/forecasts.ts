/**
 * The debrief's forecast scores (server/game/forecastScore.ts): each company's points over the
 * forecasts with a measured outcome, best first, and an answer's own points beside it.
 */
import type { DebriefPayload } from "../../../../shared/protocol/debrief.ts";
import { t } from "../../i18n/index.ts";
import { h } from "../dom.ts";
import { termTip } from "../glossary.ts";

/** The scores' list, or null when no forecast was measured. */
export function forecastScores(p: DebriefPayload): HTMLElement | null {
  const scores = [...(p.forecastScores ?? [])].sort((a, b) => b.points - a.points);
  if (!scores.length || scores[0]!.asked === 0) return null;
  return h(
    "section",
    { class: "debrief-forecasts", "data-testid": "debrief-forecasts" },
    h("h3", {}, t("debrief.forecasts"), " ", termTip("forecastScore")),
    h("p", { class: "muted", text: t("debrief.forecasts.hint") }),
    h(
      "ol",
      {},
      ...scores.map((s) =>
        h("li", {
          text: t("debrief.forecasts.row", {
            name: s.name,
            points: s.points,
            answered: s.answered,
            asked: s.asked,
          }),
        }),
      ),
    ),
  );
}

/** An answer's points in brackets, or nothing when the question was not measured. */
export const pointsText = (points: number | null | undefined): string =>
  points === null || points === undefined ? "" : ` (${t("debrief.forecasts.points", { points })})`;
