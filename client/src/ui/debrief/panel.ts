/**
 * The debrief overlay: status, the host's CSV downloads and three tabs (charts, decisions, replay).
 * Loaded on demand (entry.ts imports it dynamically), with uPlot and the debrief's styles.
 */
import { measureName, measureText } from "../scoreMeasure.ts";
import type { DebriefPayload } from "../../../../shared/protocol/debrief.ts";
import { lang, pick, t, type Lang, type MessageKey } from "../../i18n/index.ts";
import type { GameServer } from "../../net/Server.ts";
import { fill, h, status } from "../dom.ts";
import { formatDate } from "../format.ts";
import type { MapSink } from "../game.ts";
import { downloadCsv, EXPORT_TABLES, fetchDebrief, type Credentials, type ExportTable } from "./api.ts";
import { drawCharts, type Charts } from "./charts.ts";
import "./debrief.css";
import { renderReplay } from "./replay.ts";
import { standingsAt } from "./replayModel.ts";
import { chartSpecs, fitSummary } from "./series.ts";
import { renderTimeline } from "./timeline.ts";
import { renderPredictions } from "./predictions.ts";
import { podiumView } from "../podium.ts";

export type Tab = "charts" | "decisions" | "replay" | "predictions";
const TABS: Tab[] = ["charts", "decisions", "replay", "predictions"];
const TAB_KEYS: Record<Tab, MessageKey> = {
  charts: "debrief.tabCharts",
  decisions: "debrief.tabDecisions",
  replay: "debrief.tabReplay",
  predictions: "debrief.tab.predictions",
};
const CSV_KEYS: Record<ExportTable, MessageKey> = {
  "company-days": "debrief.csvCompanyDays",
  events: "debrief.csvEvents",
  commands: "debrief.csvCommands",
  predictions: "debrief.predictions.csv",
};

export interface DebriefDeps {
  root: HTMLElement;
  server: GameServer;
  map: MapSink;
  credentials(): Credentials | null;
  onClose(): void;
}

export interface DebriefPanel {
  refresh(): Promise<void>;
  relabel(): void;
  destroy(): void;
}

/** The host's CSV downloads; a failed one says why in `out`. */
function csvButtons(p: DebriefPayload, c: Credentials, out: HTMLElement): HTMLElement {
  return h(
    "div",
    { class: "csv", role: "group", "aria-label": t("debrief.csvTitle") },
    h("span", { class: "muted", text: t("debrief.csvTitle") }),
    ...EXPORT_TABLES.map((table) =>
      h("button", {
        type: "button",
        "data-testid": `debrief-csv-${table}`,
        text: t(CSV_KEYS[table]),
        onclick: () =>
          void downloadCsv(c, table, p.code).catch((e: unknown) => {
            out.classList.add("error");
            out.textContent = t("debrief.csvFailed", {
              reason: e instanceof Error ? e.message : String(e),
            });
          }),
      }),
    ),
  );
}

function statusText(p: DebriefPayload): string {
  const day = p.dates.length;
  if (p.status === "running") return t("debrief.statusRunning", { day, days: p.totalDays });
  return t(p.status === "ended" ? "debrief.statusEnded" : "debrief.statusAbandoned", { day });
}

function tabButtons(tab: Tab, choose: (k: Tab) => void): HTMLElement {
  return h(
    "nav",
    { class: "tabs", role: "tablist" },
    ...TABS.map((k) =>
      h("button", {
        type: "button",
        role: "tab",
        id: `debrief-tab-${k}`,
        "aria-controls": "debrief-body",
        "data-testid": `debrief-tab-${k}`,
        // aria-selected says which tab is open; aria-pressed is not allowed on a tab (axe).
        "aria-selected": String(k === tab),
        text: t(TAB_KEYS[k]),
        onclick: () => choose(k),
      }),
    ),
  );
}

interface HeadActions {
  tab(k: Tab): void;
  refresh(): void;
  close(): void;
}

/** The title and status, whether the record verifies, the tabs, CSVs (host), refresh (running) and close. */
function headParts(
  p: DebriefPayload | null,
  c: Credentials | null,
  tab: Tab,
  on: HeadActions,
  out: HTMLElement,
) {
  return [
    h("h2", {
      id: "debrief-title",
      text: p ? `${t("debrief.title")} · ${pick(p.scenarioName)}` : t("debrief.title"),
    }),
    p ? h("span", { class: "muted", text: statusText(p) }) : null,
    p && p.verified !== null
      ? h("span", {
          class: p.verified ? "badge good" : "badge bad",
          text: t(p.verified ? "debrief.verified" : "debrief.unverified"),
        })
      : null,
    tabButtons(tab, on.tab),
    p && p.access === "host" && c?.hostSecret ? csvButtons(p, c, out) : null,
    p?.status === "running"
      ? h("button", { type: "button", text: t("debrief.refresh"), onclick: () => on.refresh() })
      : null,
    h("button", {
      type: "button",
      class: "close",
      "data-testid": "debrief-close",
      "aria-label": t("debrief.close"),
      title: t("debrief.close"),
      text: "×",
      onclick: () => on.close(),
    }),
  ];
}

/** The standings (final, or as of the last day played) and how close the class came to history. */
function summary(p: DebriefPayload, l: Lang): HTMLElement {
  const final = standingsAt(p, p.dates.length - 1, l);
  const title =
    p.status === "running"
      ? t("debrief.standings", { date: formatDate(p.dates.at(-1) ?? "", l) })
      : t("debrief.final");
  return h(
    "div",
    { class: "debrief-summary" },
    h(
      "div",
      {},
      h("h3", { text: title }),
      h(
        "ol",
        { class: "board" },
        ...final.map((c) =>
          h(
            "li",
            { class: c.seat === p.seat ? "me" : "" },
            h("span", { text: `${c.rank}.` }),
            h("span", { class: "grow", text: c.name }),
            h("span", { text: measureText(p.scoreBy, c.scoreValue, l) }),
          ),
        ),
      ),
      h("p", {
        class: "muted",
        "data-testid": "debrief-score-by",
        text: t("score.debriefBy", { measure: measureName(p.scoreBy) }),
      }),
    ),
    h("div", {}, ...fitSummary(p, l).map((s) => h("p", { class: "muted", text: s }))),
  );
}

function renderCharts(body: HTMLElement, p: DebriefPayload): Charts {
  const grid = h("div", { class: "chart-grid" });
  fill(body, summary(p, lang()), grid);
  return drawCharts(grid, chartSpecs(p, lang()), lang());
}

/** Fetches the debrief, saying so in `out` (and why it failed); null when it did. */
async function load(c: Credentials | null, out: HTMLElement): Promise<DebriefPayload | null> {
  out.classList.remove("error");
  out.textContent = t("debrief.loading");
  const result = c ? await fetchDebrief(c) : ({ ok: false, code: "NO_CREDENTIALS", reason: "" } as const);
  if (result.ok) {
    out.textContent = "";
    return result.payload;
  }
  out.classList.add("error");
  out.textContent =
    result.code === "NETWORK"
      ? t("debrief.errorNetwork")
      : t(`debrief.error${result.code}`, { reason: result.reason });
  return null;
}

export function createDebriefPanel(deps: DebriefDeps): DebriefPanel {
  const el = h("section", {
    class: "debrief panel",
    "data-testid": "debrief",
    role: "dialog",
    "aria-labelledby": "debrief-title",
  });
  const head = h("header", { class: "debrief-head" });
  // The tab's panel scrolls: it takes focus so that a keyboard can scroll it (axe: scrollable region).
  const body = h("div", { class: "debrief-body", id: "debrief-body", role: "tabpanel", tabindex: 0 });
  const out = status();
  el.append(head, out, body);
  deps.root.append(el);
  deps.root.classList.add("debrief-open");

  let payload: DebriefPayload | null = null;
  let tab: Tab = "charts";
  let charts: Charts | null = null;
  let replay: { destroy(): void } | null = null;
  let loading = false;
  /** An ended game opens on its podium, once, before the charts. */
  let podiumShown = false;

  function teardown(): void {
    charts?.destroy();
    charts = null;
    replay?.destroy();
    replay = null;
  }

  const actions: HeadActions = {
    tab: (k) => {
      tab = k;
      render();
    },
    refresh: () => void panel.refresh(),
    close: () => deps.onClose(),
  };

  function render(): void {
    teardown();
    fill(head, ...headParts(payload, deps.credentials(), tab, actions, out));
    el.classList.toggle("replay", tab === "replay");
    body.setAttribute("aria-labelledby", `debrief-tab-${tab}`);
    const p = payload;
    if (!p) return;
    if (p.status === "ended" && !podiumShown && tab === "charts")
      return fill(
        body,
        podiumView(p, () => ((podiumShown = true), render())),
      );
    if (tab === "predictions") return renderPredictions(body, p);
    if (p.dates.length === 0 && tab !== "decisions")
      return fill(body, h("p", { class: "muted", text: t("debrief.noDays") }));
    if (tab === "charts") charts = renderCharts(body, p);
    else if (tab === "decisions") renderTimeline(body, p, lang());
    else replay = renderReplay(body, p, lang(), deps);
  }

  const panel: DebriefPanel = {
    async refresh() {
      if (loading) return;
      loading = true;
      const next = await load(deps.credentials(), out);
      loading = false;
      // A failed refresh keeps what was shown (and says why above it).
      if (next) payload = next;
      render();
    },
    relabel: render,
    destroy() {
      teardown();
      el.remove();
      deps.root.classList.remove("debrief-open");
    },
  };
  render();
  return panel;
}
