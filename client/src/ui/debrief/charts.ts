/**
 * Draws chart specifications (series.ts) with uPlot. This module and uPlot load only when a debrief
 * opens (panel.ts is imported dynamically), so the lobby's first load does not carry them.
 */
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { t, type Lang } from "../../i18n/index.ts";
import { fill, h } from "../dom.ts";
import { formatDifficulty, formatHashrate, formatNumber, formatUsd } from "../format.ts";
import type { ChartSpec, ChartUnit } from "./series.ts";

const AXIS = "#9fb3c8";
const GRID = "#2c4660";
const HEIGHT = 220;

export function formatValue(unit: ChartUnit, v: number, lang: Lang): string {
  switch (unit) {
    case "usd":
      return formatUsd(v, lang, true);
    case "ehs":
      return formatHashrate(v, lang);
    case "difficulty":
      return formatDifficulty(v, lang);
    case "hashprice":
      return formatUsd(v, lang);
    case "tonnes":
      return `${formatNumber(v, lang, v < 10 ? 1 : 0)} t`;
  }
}

/**
 * Month and weekday names for uPlot's time axis in the page's language, from the browser's own locale
 * data (uPlot's defaults are English).
 */
function dateNames(lang: Lang) {
  const locale = lang === "zh" ? "zh-CN" : "en-US";
  const fmt = (opts: Intl.DateTimeFormatOptions, i: number, day: boolean) =>
    new Intl.DateTimeFormat(locale, { ...opts, timeZone: "UTC" }).format(
      Date.UTC(2023, day ? 0 : i, day ? 1 + i : 1), // 1 Jan 2023 was a Sunday
    );
  const months = (month: "long" | "short") => Array.from({ length: 12 }, (_, i) => fmt({ month }, i, false));
  const days = (weekday: "long" | "short") => Array.from({ length: 7 }, (_, i) => fmt({ weekday }, i, true));
  return { MMMM: months("long"), MMM: months("short"), WWWW: days("long"), WWW: days("short") };
}

export interface Charts {
  destroy(): void;
}

/** One uPlot per specification in `grid`, sized to the grid's columns and kept so on resize. */
export function drawCharts(grid: HTMLElement, specs: ChartSpec[], lang: Lang): Charts {
  const plots: { plot: uPlot; box: HTMLElement }[] = [];
  fill(grid);
  const width = (box: HTMLElement) => Math.max(260, Math.floor(box.clientWidth) - 4);
  const names = dateNames(lang);
  for (const spec of specs) {
    const body = h("div", { class: "chart-body" });
    const box = h(
      "figure",
      { class: "chart", "data-chart": spec.id },
      h("figcaption", { text: spec.title }),
      body,
      spec.note ? h("p", { class: "muted note", text: spec.note }) : null,
    );
    grid.append(box);
    const fmt = (v: number | null) => (v === null || v === undefined ? "–" : formatValue(spec.unit, v, lang));
    const opts: uPlot.Options = {
      width: width(box),
      height: HEIGHT,
      // Game dates are UTC days: show them as such whatever the classroom's time zone.
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), "Etc/UTC"),
      fmtDate: (tpl) => uPlot.fmtDate(tpl, names),
      scales: { x: { time: true } },
      axes: [
        { stroke: AXIS, grid: { stroke: GRID, width: 1 }, ticks: { stroke: GRID, width: 1 } },
        {
          stroke: AXIS,
          size: 78,
          grid: { stroke: GRID, width: 1 },
          ticks: { stroke: GRID, width: 1 },
          values: (_u, vals) => vals.map((v) => fmt(v)),
        },
      ],
      series: [
        { label: t("projector.date") },
        ...spec.lines.map((l) => ({
          label: l.label,
          stroke: l.color,
          width: l.dash ? 1.5 : 2,
          ...(l.dash ? { dash: [6, 4] } : {}),
          value: (_u: uPlot, v: number | null) => fmt(v),
        })),
      ],
    };
    const data: uPlot.AlignedData = [spec.x, ...spec.lines.map((l) => l.values)];
    plots.push({ plot: new uPlot(opts, data, body), box });
  }
  const resize = new ResizeObserver(() => {
    for (const { plot, box } of plots) plot.setSize({ width: width(box), height: HEIGHT });
  });
  resize.observe(grid);
  return {
    destroy() {
      resize.disconnect();
      for (const { plot } of plots) plot.destroy();
      fill(grid);
    },
  };
}
