/**
 * The replay tab: a time slider over the days played. Scrubbing it sets the map (regions' share of
 * hashrate and policy, from the nearest frame) and the leaderboard to that day; play runs through the
 * game in about fifteen seconds. Leaving the tab gives the map back to the live game.
 */
import type { DebriefPayload } from "../../../../shared/protocol/debrief.ts";
import { pick, t, type Lang } from "../../i18n/index.ts";
import type { GameServer } from "../../net/Server.ts";
import type { GameView } from "../../net/view.ts";
import { fill, h } from "../dom.ts";
import { formatCents, formatDate, formatDay, formatHashpriceMicro, formatThs } from "../format.ts";
import type { MapSink } from "../game.ts";
import { createLeaderboard } from "../leaderboard.ts";
import { formatIsoDate } from "../../../../shared/math/calendar.ts";
import { viewAt } from "./replayModel.ts";

const PLAY_MS = 100;
const PLAY_SECONDS = 15;

/** The day's hashprice, bitcoin price and network hashrate. */
function figures(view: GameView, lang: Lang): HTMLElement[] {
  return [
    h("dt", { text: t("projector.hashprice") }),
    h("dd", {
      text: `${formatHashpriceMicro(view.hashpriceMicroUsd, lang)} ${t("projector.hashpriceUnit")}`,
    }),
    h("dt", { text: t("projector.price") }),
    h("dd", { text: formatCents(view.priceCents, lang) }),
    h("dt", { text: t("projector.network") }),
    h("dd", { text: formatThs(view.networkThs, lang) }),
  ];
}

/** The day's two latest headlines. */
function headlines(view: GameView, lang: Lang): HTMLElement[] {
  return [...view.news]
    .reverse()
    .slice(0, 2)
    .map((n) =>
      h(
        "li",
        {},
        h("span", { class: "muted", text: `${formatDate(formatIsoDate(n.day), lang)} ` }),
        pick(n, lang),
      ),
    );
}

/**
 * Play and pause: steps through the days so that the whole game plays in about PLAY_SECONDS, showing
 * each (`show`) and stopping at the last; the button says what a press would do.
 */
function playback(days: number, day: () => number, show: (day: number) => void) {
  let timer: ReturnType<typeof setInterval> | null = null;
  const button = h("button", { type: "button", class: "primary", onclick: () => (timer ? stop() : start()) });

  function start(): void {
    if (day() >= days - 1) show(0);
    const stride = Math.max(1, Math.round(days / ((PLAY_SECONDS * 1000) / PLAY_MS)));
    timer = setInterval(() => {
      if (day() >= days - 1) return stop();
      show(day() + stride);
    }, PLAY_MS);
    button.textContent = t("debrief.replayPause");
  }

  function stop(): void {
    if (timer) clearInterval(timer);
    timer = null;
    button.textContent = t("debrief.replayPlay");
  }

  return { button, stop };
}

export function renderReplay(
  el: HTMLElement,
  p: DebriefPayload,
  lang: Lang,
  deps: { map: MapSink; server: GameServer },
): { destroy(): void } {
  const days = p.dates.length;
  let day = Math.max(0, days - 1);
  let view: GameView | null = null;
  const play = playback(days, () => day, show);
  const slider = h("input", {
    type: "range",
    id: "debrief-slider",
    "data-testid": "debrief-slider",
    min: 0,
    max: Math.max(0, days - 1),
    step: 1,
    value: day,
    "aria-label": t("debrief.replaySlider"),
    oninput: () => {
      play.stop();
      show(Number(slider.value));
    },
  });
  const when = h("div", { class: "replay-when", "aria-live": "polite" });
  const figuresBox = h("dl", { class: "replay-figures" });
  const boardBox = h("div", {});
  const board = createLeaderboard(boardBox);
  const news = h("ul", { class: "replay-news", "aria-label": t("debrief.replayNews") });

  // The slider and the day's headlines along the bottom, the figures and standings in a box at the
  // bottom right: the map's northern half, where the regions are, stays in view.
  fill(
    el,
    h("div", { class: "replay-bar" }, h("div", { class: "row" }, play.button, slider, when), news),
    h("div", { class: "replay-side" }, figuresBox, boardBox),
  );

  function show(next: number): void {
    day = Math.max(0, Math.min(days - 1, next));
    slider.value = String(day);
    view = viewAt(deps.server.view, p, day, lang);
    deps.map.setView(view);
    board.update(view, p.seat);
    when.textContent = `${formatDay(view.day, lang)} · ${t("debrief.replayDay", { day: day + 1, days: p.totalDays })}`;
    fill(figuresBox, ...figures(view, lang));
    fill(news, ...headlines(view, lang));
  }

  // The live game still sends state (someone leaves, a name changes) and the game UI forwards it to the
  // map: put the replayed day back once every listener has run.
  const off = deps.server.events.on("state", () =>
    queueMicrotask(() => {
      if (view) deps.map.setView(view);
    }),
  );

  play.stop();
  if (days > 0) show(day);
  else fill(el, h("p", { class: "muted", text: t("debrief.noDays") }));

  return {
    destroy() {
      play.stop();
      off();
      const live = deps.server.view;
      if (live) deps.map.setView(live);
    },
  };
}
