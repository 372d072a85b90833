/**
 * The decisions tab: a timeline with one lane per company (marks by day; hover or focus a mark for the
 * day's decisions), then the list of decisions, filtered by company.
 */
import type { DebriefPayload } from "../../../../shared/protocol/debrief.ts";
import { pick, t, type Lang } from "../../i18n/index.ts";
import { fill, h } from "../dom.ts";
import { formatDate } from "../format.ts";
import { companyLabel } from "./series.ts";
import { decisionRows, timelineLanes } from "./timelineModel.ts";

type Mark = ReturnType<typeof timelineLanes>[number]["marks"][number];

/** A mark on a lane: the day's decisions as its name, their count shown when there are several. */
function markButton(m: Mark, color: string, lang: Lang, onclick: () => void): HTMLButtonElement {
  const label = m.lines.map((l) => `${formatDate(l.date, lang)}: ${l.text}`).join("\n");
  const count = m.lines.length > 1 ? String(m.lines.length) : "";
  // The count a mark shows is part of its name (a screen reader says what is seen first).
  const named = count ? `${t("debrief.markDecisions", { count })}\n${label}` : label;
  const mark = h("button", {
    type: "button",
    class: "mark",
    title: label,
    "aria-label": named,
    text: count,
    onclick,
  });
  mark.style.left = `${(m.at * 100).toFixed(2)}%`;
  mark.style.background = color;
  return mark;
}

export function renderTimeline(el: HTMLElement, p: DebriefPayload, lang: Lang): void {
  let filter = "all";
  const lanes = timelineLanes(p, lang);
  const list = h("ol", { class: "decisions" });
  const names = new Map(p.companies.map((c, i) => [c.id, companyLabel(p, i, lang)]));

  const lanesEl = h(
    "div",
    { class: "timeline", role: "list" },
    ...lanes.map((lane) =>
      h(
        "div",
        { class: "lane", role: "listitem" },
        h("span", { class: "lane-label", text: `${lane.label} (${lane.count})` }),
        h(
          "div",
          { class: "lane-track" },
          ...lane.marks.map((m) =>
            markButton(m, lane.color, lang, () => {
              filter = lane.seat ?? "host";
              select.value = filter;
              renderList([m.day, m.lastDay]);
            }),
          ),
        ),
      ),
    ),
  );

  const select = h("select", {
    id: "debrief-filter",
    onchange: () => {
      filter = select.value;
      renderList(null);
    },
  });
  select.append(h("option", { value: "all", text: t("debrief.decisionsAll") }));
  for (const lane of lanes) select.append(h("option", { value: lane.seat ?? "host", text: lane.label }));

  /** `focus`: the days of a clicked mark, highlighted and scrolled to. */
  function renderList(focus: [number, number] | null): void {
    const rows = decisionRows(p, filter);
    if (rows.length === 0) return fill(list, h("li", { class: "muted", text: t("debrief.decisionsNone") }));
    fill(
      list,
      ...rows.map((d) => {
        const who = d.seat === null ? t("debrief.host") : (names.get(d.seat) ?? d.seat);
        return h(
          "li",
          { class: focus && d.day >= focus[0] && d.day <= focus[1] ? "focus" : "", "data-day": d.day },
          h("span", { class: "when", text: formatDate(d.date, lang) }),
          h("span", { class: "who", text: who }),
          h("span", { class: "what", text: pick(d.summary, lang) }),
        );
      }),
    );
    if (focus) list.querySelector(".focus")?.scrollIntoView({ block: "nearest" });
  }

  fill(
    el,
    lanesEl,
    h(
      "div",
      { class: "row" },
      h("label", { for: "debrief-filter", class: "inline", text: t("debrief.decisionsFilter") }),
      select,
      h("span", { class: "muted", text: t("debrief.decisionsCount", { n: p.decisions.length }) }),
    ),
    list,
  );
  renderList(null);
}
