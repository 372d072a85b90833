/**
 * The in-game UI over the map: HUD, leaderboard, overlay legend, game bar, news ticker, the region
 * tooltip, my fleet, the host's teacher console and toasts for notices, broadcasts and errors. Fed
 * by the façade's events only.
 */
import catalog from "virtual:atlas-catalog";
import { lang, pick, t } from "../i18n/index.ts";
import type { RegionHover } from "../map/layers/regions.ts";
import type { OverlayKind } from "../map/overlays.ts";
import type { GameServer } from "../net/Server.ts";
import type { GameView } from "../net/view.ts";
import { h, toast } from "./dom.ts";
import { formatBps, formatPowerMicro, mwOfKw } from "./format.ts";
import { createFleet } from "./fleet.ts";
import { createGameBar, TUTORIAL_EVENT } from "./gamebar.ts";
import { createHud } from "./hud.ts";
import { createLeaderboard } from "./leaderboard.ts";
import { breakevenModels } from "./breakeven.ts";
import { createLegend } from "./legend.ts";
import { createPanels } from "./panels.ts";
import { createTeacher } from "./teacher.ts";
import { createTicker } from "./ticker.ts";
import { createVeil, veilFor, veilForSeat, type Veil } from "./veil.ts";
import { createAwayCard } from "./awaySummary.ts";
import { reasonOf } from "./act.ts";
import { createTutorial } from "./tutorial.ts";

/** What the game UI needs from the map; main.ts forwards to the scene once Phaser has loaded. */
export interface MapSink {
  setView(view: GameView): void;
  setOverlay(kind: OverlayKind): void;
  setSeat(seat: string | null): void;
  /** The breakeven overlay's machine: its breakeven power price today, USD/kWh (null: none). */
  setBreakeven(usdPerKwh: number | null): void;
}

export interface GameUi {
  relabel(): void;
  hover(h: RegionHover | null): void;
  /** A region clicked on the map: opens its panel (players only). */
  selectRegion(id: string): void;
  destroy(): void;
}

/** The region tooltip's text: name, power price, share and free MW (or just the name, before a state). */
function regionTip(hover: RegionHover): string {
  const s = hover.state;
  if (!s) return pick(catalog.regions.find((r) => r.id === hover.info.id)?.name ?? hover.info.name);
  return t("map.regionTip", {
    name: pick(hover.info.name),
    power: formatPowerMicro(s.powerMicroUsdPerKwh, lang()),
    share: formatBps(s.shareBps, lang()),
    mw: Math.round(mwOfKw(s.freeKw)),
  });
}

/**
 * Toasts for what the server says outside the state (notices, broadcasts, prompts, the end, errors);
 * the connection's state goes on the veil over the whole screen. Returns the unsubscribers.
 */
function toastMessages(server: GameServer, veil: Veil): (() => void)[] {
  return [
    server.events.on("notice", (n) => toast(pick(n.text), "info", 8000)),
    server.events.on("broadcast", (b) => toast(`${t("game.broadcast")}: ${b.text}`, "info", 12000)),
    server.events.on("predict", (p) => toast(`${t("game.predict")}: ${pick(p.prompt)}`, "info", 20000)),
    server.events.on("ended", (e) => {
      const reason =
        e.reason === "host" || e.reason === "finished" ? t(`game.endedBy.${e.reason}`) : e.reason;
      toast(t("game.ended", { reason }), "info", 20000);
    }),
    server.events.on("error", (e) => toast(pick(e.message), "error")),
    server.events.on("connection", (c) => {
      veil.set(veilFor(c));
      if (c === "reconnected") toast(t("conn.back"));
    }),
    server.events.on("seat", (s) => veil.set(veilForSeat(s))),
  ];
}

/** Takes my seat back from the bot the teacher put in; a refusal (locked) is shown. */
const takeBack = (server: GameServer) => () =>
  void server.takeSeat().catch((e: unknown) => toast(reasonOf(e), "error"));

/** Leaves the game (if still in it) and shows the lobby. */
const toLobby = (server: GameServer, onExit: () => void) => () => void server.leave().then(onExit);

export function createGameUi(
  root: HTMLElement,
  server: GameServer,
  map: MapSink,
  onExit: () => void,
): GameUi {
  const el = h("div", { class: "game" });
  root.append(el);
  const hud = createHud(el);
  const side = h("div", { class: "side" });
  el.append(side);
  const board = createLeaderboard(side);
  const seat = () => server.welcome?.seat ?? null;
  const legend = createLegend(el, {
    onPick: (kind) => map.setOverlay(kind),
    onBreakeven: (usd) => map.setBreakeven(usd),
    models: () => breakevenModels(server, seat() ?? server.view?.companies[0]?.seat),
  });
  const bar = createGameBar(el, server, toLobby(server, onExit));
  const ticker = createTicker(el);
  const dock = h("div", { class: "dock" });
  el.append(dock);
  const panels = createPanels(el, dock, server);
  const fleet = createFleet(dock, server, panels.fleetHooks);
  const teacher = createTeacher(dock, server);
  const tip = h("div", { class: "tooltip", hidden: true });
  el.append(tip);
  const tour = createTutorial(el);
  const replayTour = () => tour.start();
  document.addEventListener(TUTORIAL_EVENT, replayTour);

  function render(view: GameView): void {
    hud.update(view, seat());
    board.update(view, seat());
    legend.update(view.regions, view.day);
    bar.update(view, server.welcome);
    ticker.update(view);
    fleet.update(view, seat());
    panels.update(view, seat());
    teacher.update(view, server.welcome);
    tour.update(view, seat());
  }

  const off = [
    server.events.on("state", (view) => {
      render(view);
      map.setView(view);
    }),
    server.events.on("welcome", (w) => {
      map.setSeat(w.seat);
      tour.offer(w.seat); // first game in this browser: the guided tour starts by itself
      if (server.view) render(server.view);
    }),
    ...toastMessages(server, createVeil(el, toLobby(server, onExit), takeBack(server))),
    server.events.on("away", (summary) => createAwayCard(el).show(summary)),
  ];

  return {
    relabel() {
      fleet.relabel();
      panels.relabel();
      teacher.relabel();
      tour.relabel();
      if (server.view) render(server.view);
    },
    hover(hover) {
      tip.hidden = !hover;
      if (!hover) return;
      tip.style.left = `${hover.screen.x + 14}px`;
      tip.style.top = `${hover.screen.y + 14}px`;
      tip.textContent = regionTip(hover);
    },
    selectRegion: (id) => panels.selectRegion(id),
    destroy() {
      panels.destroy();
      tour.destroy();
      document.removeEventListener(TUTORIAL_EVENT, replayTour);
      for (const f of off) f();
      el.remove();
    },
  };
}
