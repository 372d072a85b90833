/**
 * The connection's state over the whole game screen, so that nobody plays on a frozen game without a
 * word: reconnecting (the seat is kept), the server out of reach (the page keeps trying and comes back
 * by itself), or removed by the host. A button leads back to the lobby where that makes sense.
 */
import { onLangChange, t, type MessageKey } from "../i18n/index.ts";
import type { Connection } from "../net/Server.ts";
import { fill, h } from "./dom.ts";
import { langToggle } from "./langToggle.ts";

export type VeilKind = "reconnecting" | "lost" | "removed";

/** What a connection event shows: a veil, or none (null). */
export function veilFor(connection: Connection): VeilKind | null {
  return connection === "reconnecting" || connection === "lost" || connection === "removed"
    ? connection
    : null;
}

export interface Veil {
  set(kind: VeilKind | null): void;
  relabel(): void;
}

export function createVeil(root: HTMLElement, toLobby: () => void): Veil {
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
        shown === "reconnecting"
          ? null
          : h("button", {
              type: "button",
              class: "primary",
              "data-testid": "veil-lobby",
              text: t("veil.lobby"),
              onclick: toLobby,
            }),
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
