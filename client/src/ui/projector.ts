/**
 * The classroom projector: the game on a big screen, joined as a spectator, with no controls. A big
 * map, the join code very large with the link and a QR code, the date and hashprice in large type, the
 * leaderboard (names hidden when the host hides them: the server already sends them hidden) and a
 * large news ticker. Opened from the teacher console (?projector=CODE) in a window of its own.
 *
 * It keeps its own façade with a seat store in memory: the teacher's browser stores the host's seat in
 * localStorage, and the projector, in the same browser, must never overwrite it.
 */
import { lang, onLangChange, setLang, t } from "../i18n/index.ts";
import { normalizeCode } from "../net/http.ts";
import { joinAddress, joinLinkAt, type JoinAddress } from "../net/joinAddress.ts";
import { GameServer } from "../net/Server.ts";
import { SeatStore, type KeyValue } from "../net/storage.ts";
import type { GameView } from "../net/view.ts";
import { fill, h } from "./dom.ts";
import {
  formatBps,
  formatCents,
  formatDay,
  formatHashpriceMicro,
  formatNumber,
  formatThs,
} from "./format.ts";
import type { MapSink } from "./game.ts";
import { createLeaderboard } from "./leaderboard.ts";
import { createJoinedPanel } from "./projectorJoined.ts";
import "./projector.css";
import { createTicker } from "./ticker.ts";
import { createPredictCard } from "./predictCard.ts";
import { createRoundOverlay } from "./roundOverlay.ts";
import { createBroadcastBanner } from "./broadcastBanner.ts";

function memory(): KeyValue {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
  };
}

/** The phase banner's text, or null while the game runs (nothing to say then). */
export function phaseText(phase: string): string | null {
  if (phase === "lobby") return t("projector.waiting");
  if (phase === "paused") return t("projector.paused");
  if (phase === "ended") return t("projector.ended");
  return null;
}

/**
 * The join code very large, the link under it, and the QR code of the link. The link is the address
 * students reach (the server's answer: PUBLIC_URL or the LAN address); until it is known, none shows.
 */
function joinCard(code: string, address: JoinAddress | null, qr: HTMLCanvasElement): HTMLElement[] {
  const link = address ? joinLinkAt(address, location.pathname, code) : "…";
  return [
    h(
      "div",
      {},
      h("div", { class: "proj-label", text: t("projector.code") }),
      h("div", { class: "proj-code", text: code }),
      h("div", { class: "proj-label", text: t("projector.joinAt") }),
      h("div", { class: "proj-link", "data-source": address?.source ?? "", text: link }),
      // Only this machine can open a localhost address: say so rather than show a QR code that fails.
      address?.source === "loopback" ? h("div", { class: "error", text: t("class.unreachable") }) : null,
    ),
    h("div", {}, qr, h("div", { class: "proj-label", text: t("projector.scan") })),
  ];
}

function stat(label: string, value: string, sub?: string): HTMLElement {
  return h(
    "div",
    { class: "proj-stat" },
    h("div", { class: "proj-label", text: label }),
    h("div", { class: "proj-value", text: value }),
    sub ? h("div", { class: "proj-sub", text: sub }) : null,
  );
}

/** The date (and day of how many), hashprice, the bitcoin price and the network's hashrate. */
function stats(v: GameView): HTMLElement[] {
  const l = lang();
  return [
    stat(
      t("projector.date"),
      v.day ? formatDay(v.day, l) : "–",
      t("projector.day", { day: formatNumber(v.tick, l), days: formatNumber(v.days, l) }),
    ),
    stat(
      t("projector.hashprice"),
      formatHashpriceMicro(v.hashpriceMicroUsd, l),
      t("projector.hashpriceUnit"),
    ),
    stat(t("projector.price"), formatCents(v.priceCents, l)),
    stat(t("projector.network"), formatThs(v.networkThs, l)),
    stat(
      t("cw.shareLabel"),
      formatBps(v.networkThs > 0 ? Math.round((v.playerThs / v.networkThs) * 10_000) : 0, l),
      v.classWorld ? t("cw.option") : undefined,
    ),
  ];
}

export function startProjector(root: HTMLElement, rawCode: string, map: MapSink): void {
  const code = normalizeCode(rawCode) ?? rawCode;
  const server = new GameServer(new SeatStore(memory()));
  const el = h("div", { class: "projector", "data-testid": "projector" });
  const statsBox = h("div", { class: "proj-stats" });
  const banner = h("div", { class: "proj-banner", hidden: true, "aria-live": "polite" });
  const join = h("div", { class: "proj-join panel" });
  const side = h("div", { class: "proj-side" });
  const message = h("p", { class: "proj-message", "aria-live": "polite" });
  root.append(el);
  // Along the bottom, over the southern oceans: the map's regions (nearly all in the north) stay in view.
  el.append(banner, h("div", { class: "proj-band" }, join, statsBox, side), message);
  const board = createLeaderboard(side, 8); // a class of 40: the leaders, and "+ 32 more"
  const joined = createJoinedPanel(el);
  const ticker = createTicker(el);
  const qr = h("canvas", { class: "qr", role: "img", "aria-label": t("projector.scan") });
  let address: JoinAddress | null = null;
  let latest: GameView | null = null;
  // The class's prediction (distribution before the reveal, then the answer) and the teacher's broadcasts.
  createPredictCard(el, server, () => "projector");
  createRoundOverlay(el, server, () => "projector");
  createBroadcastBanner(el, server);

  function render(v: GameView): void {
    fill(statsBox, ...stats(v));
    const phase = phaseText(v.phase);
    banner.hidden = phase === null || v.phase === "lobby"; // the roll call says it while the class joins
    banner.textContent = phase ?? "";
    board.update(v, null);
    joined.update(v);
    ticker.update(v);
  }

  server.events.on("state", (v) => {
    latest = v;
    message.textContent = "";
    render(v);
    map.setView(v);
  });
  server.events.on("connection", (c) => {
    if (c === "lost") message.textContent = t("projector.lost");
  });
  // The teacher switches language in their own window: follow it (both windows share localStorage).
  window.addEventListener("storage", (e) => {
    if (e.key === "atlas.lang" && (e.newValue === "en" || e.newValue === "zh")) setLang(e.newValue);
  });
  onLangChange(() => {
    fill(join, ...joinCard(code, address, qr));
    if (latest) render(latest);
  });

  fill(join, ...joinCard(code, null, qr));
  message.textContent = t("projector.connecting", { code });
  map.setSeat(null);
  void Promise.all([joinAddress(), import("qrcode")]).then(async ([a, { default: QRCode }]) => {
    const link = joinLinkAt(a, location.pathname, code);
    await QRCode.toCanvas(qr, link, { width: 220, margin: 1 });
    qr.setAttribute("aria-label", `${t("projector.scan")}: ${link}`);
    address = a;
    fill(join, ...joinCard(code, a, qr));
  });
  server
    .joinByCode(code, t("projector.title"), "spectator")
    .then((ok) => {
      if (!ok) message.textContent = t("projector.notFound", { code });
    })
    .catch(() => (message.textContent = t("projector.notFound", { code })));
}
