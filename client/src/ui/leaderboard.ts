/**
 * The leaderboard: companies by the game's measure (equity unless the host chose another; the server
 * ranks them), with bots, absentees and me marked, and how my equity is made under it.
 */
import { lang, t } from "../i18n/index.ts";
import type { GameView } from "../net/view.ts";
import { fill, h } from "./dom.ts";
import { formatCents } from "./format.ts";
import { termTip, termTitle } from "./glossary.ts";
import { breakdownText, measureName, measureText } from "./scoreMeasure.ts";

type Row = GameView["companies"][number];

/**
 * The rows a board of at most `limit` lines shows, in rank order: the leaders, and my own row after
 * them when I am further down (a class of 40 does not fit a side panel or a projector); `rest` is how
 * many companies are left out.
 */
export function boardRows(
  companies: readonly Row[],
  seat: string | null,
  limit: number,
): { rows: Row[]; rest: number } {
  if (companies.length <= limit) return { rows: [...companies], rest: 0 };
  const mine = companies.findIndex((c) => c.seat === seat);
  const top = companies.slice(0, mine >= limit ? limit - 1 : limit);
  const rows = mine >= limit ? [...top, companies[mine] as Row] : top;
  return { rows, rest: companies.length - rows.length };
}

export function createLeaderboard(
  parent: HTMLElement,
  limit = 12,
): {
  update(view: GameView, seat: string | null): void;
} {
  const list = h("ol", { class: "board" });
  const title = h("h2", {});
  // Ranked by equity by default: its "?" says what counts (machines at the used bid with depth); the game
  // screen's equity hint says so when a purchase just cost the player their place.
  const tip = termTip("equity");
  const head = h("div", { class: "row" }, title, tip);
  // What the board ranks by, when the host chose something other than equity.
  const by = h("p", { class: "muted", "data-testid": "score-by", hidden: true });
  // How my equity is made: cash + BTC + machines at the bid with depth − owed.
  const parts = h("p", { class: "muted", "data-testid": "score-breakdown", hidden: true });
  const section = h(
    "section",
    { class: "panel", "aria-labelledby": "leaderboard-title" },
    head,
    by,
    list,
    parts,
  );
  title.id = "leaderboard-title";
  parent.append(section);
  return {
    update(view, seat) {
      title.textContent = t("hud.leaderboard");
      tip.setAttribute("aria-label", termTitle("equity")); // in the language chosen now
      const measure = view.scoreBy ?? "equity";
      by.hidden = measure === "equity";
      by.textContent = t("score.rankedBy", { measure: measureName(measure) });
      const me = view.companies.find((c) => c.seat === seat);
      const breakdown = me ? breakdownText(me, lang()) : null;
      parts.hidden = breakdown === null;
      parts.textContent = breakdown ?? "";
      parts.title = t("score.breakdown.hint");
      const { rows, rest } = boardRows(view.companies, seat, limit);
      fill(
        list,
        ...rows.map((c) => {
          const tags = [
            c.seat === seat ? t("hud.you") : "",
            c.bankrupt
              ? t("hud.bankrupt")
              : c.away
                ? t("hud.awayKept")
                : c.bot
                  ? t("hud.bot")
                  : !c.connected
                    ? t("hud.away")
                    : "",
          ].filter(Boolean);
          return h(
            "li",
            { class: c.seat === seat ? "me" : "" },
            h("span", { text: `${c.rank || "–"}.` }),
            h("span", { class: "grow", text: c.name || c.seat }),
            tags.length ? h("span", { class: "tag", text: tags.join(" · ") }) : null,
            h("span", {
              text:
                measure === "equity"
                  ? formatCents(c.equityCents, lang(), true)
                  : measureText(measure, c.scoreValue, lang()),
            }),
          );
        }),
        rest > 0 ? h("li", { class: "rest muted", text: t("class.boardRest", { n: rest }) }) : null,
      );
    },
  };
}
