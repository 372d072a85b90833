/**
 * The connection's state over the whole game screen, so that nobody plays on a frozen game without a
 * word: reconnecting (the seat is kept), the server out of reach (the page keeps trying and comes back
 * by itself), removed by the host, or a bot the host put in playing the company (with "Take it back",
 * unless the host locked the seat). A button leads back to the lobby where that makes sense.
 */
import { onLangChange, t, type MessageKey } from "../i18n/index.ts";
import type { Connection, SeatStanding } from "../net/Server.ts";
import { fill, h } from "./dom.ts";
import { langToggle } from "./langToggle.ts";

export type VeilKind = "reconnecting" | "lost" | "removed" | "bot" | "botLocked";

/** What a connection event shows: a veil, or none (null). */
export function veilFor(connection: Connection): VeilKind | null {
  return connection === "reconnecting" || connection === "lost" || connection === "removed"
    ? connection
    : null;
}

/** What the seat's standing shows: a bot playing for me (locked or not), or nothing. */
export function veilForSeat(seat: SeatStanding): VeilKind | null {
  if (!seat.bot) return null;
  return seat.locked ? "botLocked" : "bot";
}

/** The veil's button: back to the lobby, take the seat back from the bot, or none while reconnecting. */
function veilButton(kind: VeilKind, toLobby: () => void, takeBack: () => void): HTMLElement | null {
  if (kind === "reconnecting" || kind === "botLocked") return null;
  const bot = kind === "bot";
  return h("button", {
    type: "button",
    class: "primary",
    "data-testid": bot ? "veil-take-back" : "veil-lobby",
    text: t(bot ? "veil.bot.take" : "veil.lobby"),
    onclick: bot ? takeBack : toLobby,
  });
}

export interface Veil {
  set(kind: VeilKind | null): void;
  relabel(): void;
}

export function createVeil(root: HTMLElement, toLobby: () => void, takeBack: () => void = () => {}): Veil {
  const el = h("div", {
    class: "veil",
    role: "alertdialog",
    "aria-modal": "true",
    "aria-labelledby": "veil-title",
    "data-testid": "veil",
    hidden: true,
  });
  root.append(el);
  let shown: VeilKind | null = null;

  function render(): void {
    el.hidden = shown === null;
    if (shown === null) return;
    el.dataset.kind = shown;
    // The language button just pressed keeps the keyboard's focus through the redraw.
    const pressed = el.contains(document.activeElement) ? document.activeElement?.getAttribute("lang") : null;
    fill(
      el,
      h(
        "div",
        { class: "veil-card" },
        h("h2", { id: "veil-title", text: t(`veil.${shown}.title` as MessageKey) }),
        h("p", { text: t(`veil.${shown}.text` as MessageKey) }),
        // The veil covers the game bar's language buttons: its own let the player read it in theirs.
        langToggle(),
        veilButton(shown, toLobby, takeBack),
      ),
    );
    if (pressed) el.querySelector<HTMLElement>(`button[lang="${pressed}"]`)?.focus();
  }

  // A language switched while the veil shows relabels it (the game screen's relabel does not reach it);
  // the listener goes with the game screen that held the veil.
  const off = onLangChange(() => (el.isConnected ? render() : off()));

  return {
    set(kind) {
      if (kind === shown) return;
      shown = kind;
      render();
    },
    relabel: render,
  };
}
