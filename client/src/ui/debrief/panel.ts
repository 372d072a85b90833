/**
 * The debrief overlay: status, the host's CSV downloads and three tabs (charts, decisions, replay).
 * Loaded on demand (entry.ts imports it dynamically), with uPlot and the debrief's styles.
 */
import type { DebriefPayload } from "../../../../shared/protocol/debrief.ts";
import { lang, pick, t, type MessageKey } from "../../i18n/index.ts";
import type { GameServer } from "../../net/Server.ts";
import { fill, h, status } from "../dom.ts";
import { formatCents, formatDate } from "../format.ts";
import type { MapSink } from "../game.ts";
import { downloadCsv, EXPORT_TABLES, fetchDebrief, type Credentials, type ExportTable } from "./api.ts";
import { drawCharts, type Charts } from "./charts.ts";
import "./debrief.css";
import { renderReplay } from "./replay.ts";
import { standingsAt } from "./replayModel.ts";
import { chartSpecs, fitSummary } from "./series.ts";
import { renderTimeline } from "./timeline.ts";

export type Tab = "charts" | "decisions" | "replay";
const TABS: Tab[] = ["charts", "decisions", "replay"];
const TAB_KEYS: Record<Tab, MessageKey> = {
  charts: "debrief.tabCharts",
  decisions: "debrief.tabDecisions",
  replay: "debrief.tabReplay",
};
const CSV_KEYS: Record<ExportTable, MessageKey> = {
  "company-days": "debrief.csvCompanyDays",
  events: "debrief.csvEvents",
  commands: "debrief.csvCommands",
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

export function createDebriefPanel(deps: DebriefDeps): DebriefPanel {
  const el = h("section", {
    class: "debrief panel",
    "data-testid": "debrief",
    role: "dialog",
    "aria-labelledby": "debrief-title",
  });
  const head = h("header", { class: "debrief-head" });
  const body = h("div", { class: "debrief-body" });
  const out = status();
  el.append(head, out, body);
  deps.root.append(el);
  deps.root.classList.add("debrief-open");

  let payload: DebriefPayload | null = null;
  let tab: Tab = "charts";
  let charts: Charts | null = null;
  let replay: { destroy(): void } | null = null;
  let loading = false;

  function teardown(): void {
    charts?.destroy();
    charts = null;
    replay?.destroy();
    replay = null;
  }

  function csvButtons(p: DebriefPayload, c: Credentials): HTMLElement {
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

  function statusLine(p: DebriefPayload): string {
    const day = p.dates.length;
    if (p.status === "running") return t("debrief.statusRunning", { day, days: p.totalDays });
    return t(p.status === "ended" ? "debrief.statusEnded" : "debrief.statusAbandoned", { day });
  }

  function renderHead(): void {
    const p = payload;
    const c = deps.credentials();
    fill(
      head,
      h("h2", {
        id: "debrief-title",
        text: p ? `${t("debrief.title")} · ${pick(p.scenarioName)}` : t("debrief.title"),
      }),
      p ? h("span", { class: "muted", text: statusLine(p) }) : null,
      p && p.verified !== null
        ? h("span", {
            class: p.verified ? "badge good" : "badge bad",
            text: t(p.verified ? "debrief.verified" : "debrief.unverified"),
          })
        : null,
      h(
        "nav",
        { class: "tabs", role: "tablist" },
        ...TABS.map((k) =>
          h("button", {
            type: "button",
            role: "tab",
            "data-testid": `debrief-tab-${k}`,
            "aria-selected": String(k === tab),
            "aria-pressed": String(k === tab),
            text: t(TAB_KEYS[k]),
            onclick: () => {
              tab = k;
              render();
            },
          }),
        ),
      ),
      p && p.access === "host" && c?.hostSecret ? csvButtons(p, c) : null,
      p?.status === "running"
        ? h("button", { type: "button", text: t("debrief.refresh"), onclick: () => void panel.refresh() })
        : null,
      h("button", {
        type: "button",
        class: "close",
        "data-testid": "debrief-close",
        "aria-label": t("debrief.close"),
        title: t("debrief.close"),
        text: "×",
        onclick: () => deps.onClose(),
      }),
    );
  }

  function renderCharts(p: DebriefPayload): void {
    const l = lang();
    const final = standingsAt(p, p.dates.length - 1, l);
    const grid = h("div", { class: "chart-grid" });
    fill(
      body,
      h(
        "div",
        { class: "debrief-summary" },
        h(
          "div",
          {},
          h("h3", {
            text:
              p.status === "running"
                ? t("debrief.standings", { date: formatDate(p.dates.at(-1) ?? "", l) })
                : t("debrief.final"),
          }),
          h(
            "ol",
            { class: "board" },
            ...final.map((c) =>
              h(
                "li",
                { class: c.seat === p.seat ? "me" : "" },
                h("span", { text: `${c.rank}.` }),
                h("span", { class: "grow", text: c.name }),
                h("span", { text: formatCents(c.equityCents, l, true) }),
              ),
            ),
          ),
        ),
        h("div", {}, ...fitSummary(p, l).map((s) => h("p", { class: "muted", text: s }))),
      ),
      grid,
    );
    charts = drawCharts(grid, chartSpecs(p, l), l);
  }

  function render(): void {
    teardown();
    renderHead();
    el.classList.toggle("replay", tab === "replay");
    const p = payload;
    if (!p) return;
    if (p.dates.length === 0 && tab !== "decisions")
      return fill(body, h("p", { class: "muted", text: t("debrief.noDays") }));
    if (tab === "charts") renderCharts(p);
    else if (tab === "decisions") renderTimeline(body, p, lang());
    else replay = renderReplay(body, p, lang(), deps);
  }

  const panel: DebriefPanel = {
    async refresh() {
      const c = deps.credentials();
      if (loading) return;
      loading = true;
      out.classList.remove("error");
      out.textContent = t("debrief.loading");
      const result = c ? await fetchDebrief(c) : ({ ok: false, code: "NO_CREDENTIALS", reason: "" } as const);
      loading = false;
      if (result.ok) {
        payload = result.payload;
        out.textContent = "";
      } else {
        out.classList.add("error");
        out.textContent =
          result.code === "NETWORK"
            ? t("debrief.errorNetwork")
            : t(`debrief.error${result.code}`, { reason: result.reason });
      }
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
