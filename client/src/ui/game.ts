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
import { reasonOf, relabelDone } from "./act.ts";
import { formatBps, formatPowerMicro, mwOfKw } from "./format.ts";
import { createFleet } from "./fleet.ts";
import { createGameBar, TUTORIAL_EVENT } from "./gamebar.ts";
import { createHud } from "./hud.ts";
import { createLeaderboard } from "./leaderboard.ts";
import { breakevenModels } from "./breakeven.ts";
import { createLegend } from "./legend.ts";
import { createPanels } from "./panels.ts";
import { createDrawers, isSmallScreen as isSmall } from "./drawers.ts";
import { createHostBar } from "./hostBar.ts";
import { INSETS_EVENT } from "../map/focus.ts";
import { createTeacher } from "./teacher.ts";
import { createTicker } from "./ticker.ts";
import { createVeil, veilFor, veilForSeat, type Veil } from "./veil.ts";
import { createAwayCard } from "./awaySummary.ts";
import { createTutorial } from "./tutorial.ts";
import { createPredictCard } from "./predictCard.ts";
import { createRoundOverlay } from "./roundOverlay.ts";
import { watchReadyLots } from "./readyLots.ts";
import { plainIds } from "./shipmentName.ts";
import { createEquityHint } from "./equityHint.ts";

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
    server.events.on("notice", (n) => toast(plainIds(pick(n.text)), "info", 8000)),
    server.events.on("broadcast", (b) => toast(`${t("game.broadcast")}: ${b.text}`, "info", 12000)),
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

/** The prediction card as this connection uses it (the host runs it, players answer); returns its remover. */
function predictCardFor(el: HTMLElement, server: GameServer) {
  const role = () => server.welcome?.role;
  return createPredictCard(el, server, () =>
    role() === "host" ? "host" : role() === "player" ? "student" : "watch",
  );
}

/** The cards a class sees over the map: the prediction card and the round overlay; their removers. */
function classCards(el: HTMLElement, server: GameServer) {
  const role = () => (server.welcome?.role === "host" ? "host" : "player");
  return [predictCardFor(el, server), createRoundOverlay(el, server, role)];
}

/**
 * The edges of the map-first screen: the left rail (the host bar of a game among friends, the drawer
 * toggles and the toolbar) with its drawer (fleet, teacher console); the right rail with its drawer
 * (leaderboard, map key). The map frames itself in what the rails leave free.
 */
function edges(el: HTMLElement) {
  // Drawers opening or closing change what the map may use: it frames itself again.
  const drawers = createDrawers(() => document.dispatchEvent(new Event(INSETS_EVENT)));
  const left = h("div", { class: "rail rail-left", "data-testid": "rail-left" });
  const right = h("div", { class: "rail rail-right", "data-testid": "rail-right" });
  const dock = h("div", { class: "dock drawer", id: "drawer-left" });
  const side = h("div", { class: "side drawer", id: "drawer-right" });
  el.append(left, dock, right, side);
  const hostBar = createHostBar();
  left.append(hostBar.el);
  const toggles = h("div", { class: "rail-toggles" });
  left.append(toggles);
  return { left, right, dock, side, hostBar, toggles, drawers };
}

/** A player's fleet and a classroom host's console share the left drawer (one of them shows). */
function addDrawers(edge: ReturnType<typeof edges>, el: HTMLElement): void {
  const { drawers } = edge;
  const legend = el.querySelector<HTMLElement>(".legend") ?? h("div", {});
  legend.id = "drawer-legend";
  drawers.add("fleet", edge.dock, edge.toggles, "map.drawer.fleet");
  drawers.add("console", edge.dock, edge.toggles, "map.drawer.console", true);
  drawers.add("board", edge.side, edge.right, "map.drawer.board");
  drawers.add("legend", legend, edge.right, "map.drawer.legend");
}

/**
 * Who sees what at the edges: the host bar (a game among friends) or the console (a classroom), the
 * fleet for a player; new machines open the fleet to show them (on a big screen: a small one keeps its
 * one panel).
 */
function arranger(
  server: GameServer,
  edge: ReturnType<typeof edges>,
  teacher: ReturnType<typeof createTeacher>,
) {
  let lots = -1;
  return (view: GameView): void => {
    const me = server.welcome;
    const classroomHost = me?.role === "host" && !me.seat;
    const mine = view.companies.find((c) => c.seat === me?.seat)?.priv ?? null;
    edge.drawers.show("fleet", mine !== null);
    edge.drawers.show("console", classroomHost);
    edge.hostBar.update(view, me, server, me?.role === "host" && !!me.seat);
    teacher.update(view, classroomHost ? me : null);
    const count = mine?.lots.length ?? 0;
    if (lots >= 0 && count > lots && !isSmall()) edge.drawers.open("fleet");
    lots = count;
  };
}

/** The map key, whose breakeven overlay prices my machines (or the first company's, for a watcher). */
function legendFor(el: HTMLElement, server: GameServer, map: MapSink, seat: () => string | null) {
  return createLegend(el, {
    onPick: (kind) => map.setOverlay(kind),
    onBreakeven: (usd) => map.setBreakeven(usd),
    models: () => breakevenModels(server, seat() ?? server.view?.companies[0]?.seat),
  });
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
  const edge = edges(el);
  const board = createLeaderboard(edge.side);
  const seat = () => server.welcome?.seat ?? null;
  const legend = legendFor(el, server, map, seat);
  const equityHint = createEquityHint(el); // on the open map: the leaderboard may sit in a closed drawer
  const bar = createGameBar(el, server, toLobby(server, onExit));
  const ticker = createTicker(el);
  const panels = createPanels(el, edge.left, server, () => edge.drawers.makeRoom());
  const fleet = createFleet(edge.dock, server, panels.fleetHooks);
  const teacher = createTeacher(edge.dock, server);
  addDrawers(edge, el);
  watchReadyLots(el, server, panels.fleetHooks, seat); // "ready at the factory: ship it" notices
  const tip = h("div", { class: "tooltip", hidden: true });
  el.append(tip);
  const tour = createTutorial(el);
  const replayTour = () => tour.start();
  document.addEventListener(TUTORIAL_EVENT, replayTour);
  const arrange = arranger(server, edge, teacher);

  function render(view: GameView): void {
    hud.update(view, seat());
    board.update(view, seat());
    equityHint.update(view, seat());
    legend.update(view.regions, view.day);
    bar.update(view, server.welcome);
    ticker.update(view);
    fleet.update(view, seat());
    panels.update(view, seat());
    arrange(view);
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
    ...classCards(el, server),
    ...toastMessages(server, createVeil(el, toLobby(server, onExit), takeBack(server))),
    server.events.on("away", (summary) => createAwayCard(el).show(summary)),
  ];

  return {
    relabel() {
      relabelDone(el);
      edge.drawers.relabel();
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
