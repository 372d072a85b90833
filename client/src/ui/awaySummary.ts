/**
 * "While you were away": what stand-ins did in a student's company while they were not playing it (the
 * caretaker past the grace period, or a bot the teacher put in), shown once when they come back, in the
 * reader's language, until they dismiss it.
 */
import { pick, t } from "../i18n/index.ts";
import type { AwaySummary } from "../net/Server.ts";
import { fill, h } from "./dom.ts";

export interface AwayCard {
  show(summary: AwaySummary): void;
}

export function createAwayCard(root: HTMLElement): AwayCard {
  const el = h("section", {
    class: "panel dialog away-summary",
    role: "dialog",
    "aria-labelledby": "away-title",
    "data-testid": "away-summary",
    hidden: true,
  });
  root.append(el);
  return {
    show(summary) {
      const rows = summary.actions.map((a) =>
        h(
          "li",
          {},
          h("span", { class: "tag", text: `${a.date} · ${t(`away.by.${a.by}`)}` }),
          ` ${pick(a.text)}`,
        ),
      );
      fill(
        el,
        h("h2", { id: "away-title", text: t("away.title") }),
        h("p", { text: t("away.intro") }),
        h("ul", {}, ...rows),
        h("button", {
          type: "button",
          class: "primary",
          "data-testid": "away-ok",
          text: t("away.ok"),
          onclick: () => (el.hidden = true),
        }),
      );
      el.hidden = false;
    },
  };
}
