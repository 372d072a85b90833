/**
 * The game bar: my role, the join code with its link and QR code (for private rooms above all), a
 * classroom host's clock button (the host who plays has the host bar on the left rail instead), the
 * language toggle and leave. Host actions go through the façade.
 */
import { t } from "../i18n/index.ts";
import { joinAddress, joinLinkAt, type JoinAddress } from "../net/joinAddress.ts";
import type { GameServer, Welcome } from "../net/Server.ts";
import type { GameView } from "../net/view.ts";
import { fill, h, toast } from "./dom.ts";
import { langToggle } from "./langToggle.ts";

/** Fired on document by the game bar's "Tutorial" button. */
export const TUTORIAL_EVENT = "atlas:tutorial";

export function createGameBar(root: HTMLElement, server: GameServer, onLeave: () => void) {
  const el = h("div", { class: "gamebar panel" });
  const qrBox = h("div", {});
  root.append(el);
  let qrFor = "";
  // The address students reach (PUBLIC_URL or the LAN address, not localhost): the next update uses it.
  let address: JoinAddress = { origin: location.origin, path: null, source: "page" };
  void joinAddress().then((a) => (address = a));

  async function showQr(link: string, canvas: HTMLCanvasElement): Promise<void> {
    // Loaded only when a private room needs it: most players never see a QR code.
    const { default: QRCode } = await import("qrcode");
    await QRCode.toCanvas(canvas, link, { width: 132, margin: 1 });
  }

  function hostButton(view: GameView): HTMLElement | null {
    const act = (action: Parameters<GameServer["host"]>[0]) => () =>
      void server
        .host(action)
        .catch((e: unknown) => toast(e instanceof Error ? e.message : String(e), "error"));
    if (view.phase === "lobby")
      return h("button", { class: "primary", text: t("game.start"), onclick: act({ type: "start" }) });
    if (view.phase === "running")
      return h("button", { text: t("game.pause"), onclick: act({ type: "pause" }) });
    if (view.phase === "paused")
      return h("button", { text: t("game.resume"), onclick: act({ type: "resume" }) });
    return null;
  }

  return {
    update(view: GameView, me: Welcome | null) {
      const code = me?.code || view.code;
      const link = joinLinkAt(address, location.pathname, code);
      if (view.privateRoom && code && qrFor !== link) {
        qrFor = link;
        const canvas = h("canvas", { class: "qr", role: "img", "aria-label": `${t("game.qr")}: ${link}` });
        fill(qrBox, h("div", { class: "muted", text: t("game.qr") }), canvas);
        void showQr(link, canvas);
      }
      fill(
        el,
        view.privateRoom ? qrBox : null,
        h(
          "div",
          {},
          h("div", {
            class: "muted",
            text: `${me ? t(`role.${me.role}`) : ""} · ${t(`phase.${view.phase}` as "phase.lobby")}`,
          }),
          h("strong", { text: t("game.code", { code }) }),
          " ",
          h("button", {
            type: "button",
            text: t("game.copyLink"),
            onclick: () =>
              void navigator.clipboard?.writeText(link).then(
                () => toast(t("game.copied")),
                () => toast(link),
              ),
          }),
        ),
        me?.role === "host" && !me.seat ? hostButton(view) : null,
        view.phase === "lobby" && me?.role !== "host"
          ? h("span", { class: "muted", text: t("game.waiting") })
          : null,
        langToggle(),
        me?.seat
          ? h("button", {
              type: "button",
              "data-testid": "open-tutorial",
              text: t("tour.replay"),
              // The tutorial lives with the game UI; a DOM event keeps the bar from knowing it.
              onclick: () => document.dispatchEvent(new CustomEvent(TUTORIAL_EVENT)),
            })
          : null,
        h("button", { type: "button", text: t("game.leave"), onclick: onLeave }),
      );
    },
  };
}
