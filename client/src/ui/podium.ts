/**
 * The winner moment: an ended game opens on a podium (the top three companies, the reader's own rank)
 * before the debrief's charts. "See the debrief" goes on to them.
 */
import type { DebriefPayload } from "../../../shared/protocol/debrief.ts";
import { lang, t } from "../i18n/index.ts";
import { h } from "./dom.ts";
import { formatCents } from "./format.ts";
import { podium } from "./podiumModel.ts";
import "./podium.css";

export function podiumView(p: DebriefPayload, onContinue: () => void): HTMLElement {
  const { top, mine } = podium(p);
  // Second, first, third from left to right: the winner stands in the middle, highest.
  const order = [top[1], top[0], top[2]].filter((c) => c !== undefined);
  return h(
    "section",
    { class: "podium", "data-testid": "podium", "aria-labelledby": "podium-title" },
    h("h2", { id: "podium-title", text: t("podium.title") }),
    h(
      "ol",
      { class: "podium-steps" },
      ...order.map((c) =>
        h(
          "li",
          { class: `step step-${c.rank}${c.id === p.seat ? " mine" : ""}`, value: c.rank },
          h("strong", { class: "name", text: c.name }),
          // The standings say which companies a bot played, as the CSVs do.
          c.bot ? h("span", { class: "tag", "data-testid": "podium-bot", text: t("hud.bot") }) : null,
          h("span", {
            class: "equity",
            text: t("podium.equity", { v: formatCents(Math.round(c.equityUsd * 100), lang(), true) }),
          }),
          h("span", { class: "block", text: String(c.rank) }),
        ),
      ),
    ),
    mine
      ? h("p", {
          class: "podium-mine",
          "data-testid": "podium-mine",
          text: t("podium.yourRank", { rank: mine.rank, of: p.companies.length }),
        })
      : null,
    h("button", {
      type: "button",
      class: "primary",
      "data-testid": "podium-continue",
      text: t("podium.continue"),
      onclick: onContinue,
    }),
  );
}
