/**
 * The news ticker: the latest headlines, newest first, in the chosen language; hover or focus pauses it.
 * News days are epoch days (days since 1970-01-01), as everywhere in the engine.
 */
import { lang, pick, t } from "../i18n/index.ts";
import type { GameView } from "../net/view.ts";
import { fill, h } from "./dom.ts";
import { formatIsoDate } from "../../../shared/math/calendar.ts";
import { formatDate } from "./format.ts";

export function createTicker(root: HTMLElement): { update(view: GameView): void } {
  const label = h("span", { class: "label" });
  const items = h("div", { class: "items", tabindex: 0 });
  root.append(
    h(
      "div",
      { class: "ticker", role: "marquee", "aria-live": "off" },
      label,
      h("div", { class: "track" }, items),
    ),
  );
  let signature = "";
  return {
    update(view) {
      const news = [...view.news].reverse().slice(0, 12);
      const sig = `${lang()}|${news.map((n) => `${n.day}:${n.en}`).join("|")}`;
      if (sig === signature) return; // restarting the scroll every day would make it unreadable
      signature = sig;
      label.textContent = t("hud.news");
      if (news.length === 0) return fill(items, h("span", { class: "muted", text: t("hud.noNews") }));
      fill(
        items,
        ...news.map((n) =>
          h(
            "span",
            {},
            h("span", { class: "muted", text: `${formatDate(formatIsoDate(n.day), lang())} ` }),
            pick(n),
          ),
        ),
      );
    },
  };
}
