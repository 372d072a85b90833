/**
 * Boots the page: language, the DOM UI (lobby, then the game panels) over a Phaser world map that
 * loads in the background. Wires the network façade's events to the UI and the map; nothing else here
 * touches the network. A `?code=ABC234` link opens the join page (joinPage.ts): a name and Join, or my
 * seat back at once if it is the game I last played.
 */
import "./ui/style.css";
import { loadLang, onLangChange } from "./i18n/index.ts";
import type { RegionHover } from "./map/layers/regions.ts";
import type { MapScene } from "./map/MapScene.ts";
import type { OverlayKind } from "./map/overlays.ts";
import { normalizeCode } from "./net/http.ts";
import { GameServer } from "./net/Server.ts";
import { browserStorage, SeatStore } from "./net/storage.ts";
import type { GameView } from "./net/view.ts";
import { createGameUi, type GameUi, type MapSink } from "./ui/game.ts";
import { initDebrief } from "./ui/debrief/entry.ts";
import { startJoinPage } from "./ui/joinPage.ts";
import { createLobby } from "./ui/lobby.ts";
import { projectorCode } from "./ui/projectorLink.ts";

loadLang();
const ui = document.getElementById("ui") as HTMLElement;
const mapEl = document.getElementById("map") as HTMLElement;
const store = new SeatStore(browserStorage());
const server = new GameServer(store);

// The map takes what the game sends even before Phaser has loaded, and catches up when it has.
let scene: MapScene | null = null;
const pending: {
  view: GameView | null;
  overlay: OverlayKind;
  seat: string | null;
  breakeven: number | null;
} = {
  view: null,
  overlay: "power",
  seat: null,
  breakeven: null,
};
const map: MapSink = {
  setView: (v) => ((pending.view = v), scene?.setView(v)),
  setOverlay: (k) => ((pending.overlay = k), scene?.setOverlay(k)),
  setSeat: (s) => ((pending.seat = s), scene?.setSeat(s)),
  setBreakeven: (usd) => ((pending.breakeven = usd), scene?.setBreakeven(usd)),
};
let game: GameUi | null = null;
// `npm run bench:client` feeds the map synthetic views (300 shipments) through the sink the game uses.
(window as unknown as { atlas: object }).atlas = { map, server };
const hover = (hv: RegionHover | null) => game?.hover(hv);

void import("./map/boot.ts").then(({ bootMap }) => {
  const { lang } = document.documentElement;
  const s = bootMap(mapEl, {
    onHover: hover,
    onSelect: (id) => game?.selectRegion(id),
    onReady: () => {
      scene = s;
      s.setLang(lang === "zh-CN" ? "zh" : "en");
      s.setOverlay(pending.overlay);
      s.setSeat(pending.seat);
      s.setBreakeven(pending.breakeven);
      if (pending.view) s.setView(pending.view);
      // A hook for the browser tests and `npm run bench:client`: the map's first frame is on screen
      // (Phaser renders in the frame after the scene is ready, so mark the one after that).
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          performance.mark("atlas:map-ready");
          document.body.dataset.mapReady = "1";
        }),
      );
    },
  });
});

const lobby = createLobby(ui, server, store, enterGame);
initDebrief({ root: ui, server, map, store });

function enterGame(): void {
  lobby.hide();
  game?.destroy();
  game = createGameUi(ui, server, map, leaveGame);
  const view = server.view;
  if (view) map.setView(view);
  game.relabel();
}

function leaveGame(): void {
  game?.destroy();
  game = null;
  pending.view = null;
  scene?.setView({ ...emptyView() });
  lobby.show();
}

function emptyView(): GameView {
  return { ...(pending.view ?? ({} as GameView)), regions: [], companies: [], shipments: [], news: [] };
}

onLangChange((l) => {
  lobby.relabel();
  game?.relabel();
  scene?.setLang(l);
});

// A join link (?code=ABC234) opens the join page (name → Join; my own seat in it straight back).
const linkCode = normalizeCode(new URLSearchParams(location.search).get("code") ?? "");
// A projector page (?projector=CODE) shows the game to the class, as a spectator, instead of the lobby.
const projector = projectorCode(location.search);
if (projector) void import("./ui/projector.ts").then((m) => m.startProjector(ui, projector, map));
else if (linkCode) {
  const page = startJoinPage({
    root: ui,
    server,
    store,
    code: linkCode,
    onJoined: enterGame,
    onLobby: () => {
      history.replaceState(null, "", location.pathname); // the lobby, and a reload keeps it
      lobby.show();
    },
  });
  onLangChange(() => page.relabel());
} else lobby.show();
