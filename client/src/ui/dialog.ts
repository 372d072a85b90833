/**
 * A panel that opens over the map as a (non-modal) dialog: focus moves into it when it opens and goes
 * back to what opened it when it closes; Escape or its close button closes it. One is open at a time,
 * so that the map stays visible (the region panel follows clicks on the map while open).
 */
import { t } from "../i18n/index.ts";
import { h } from "./dom.ts";

export interface Dialog {
  readonly el: HTMLElement;
  readonly body: HTMLElement;
  readonly isOpen: boolean;
  open(opener?: Element | null): void;
  close(): void;
  setTitle(text: string): void;
  /** Moves focus to the first control (after the panel has drawn its content). */
  focusFirst(): void;
}

const openDialogs = new Set<Dialog>();

/** The first control a keyboard user wants: an input, a select, or a button other than "close". */
const FOCUSABLE =
  "input:not([disabled]), select:not([disabled]), textarea, button:not([disabled]):not(.close)";

export function createDialog(parent: HTMLElement, id: string, onClose?: () => void): Dialog {
  const title = h("h2", { id: `${id}-title`, tabindex: -1 });
  const body = h("div", { class: "dialog-body" });
  const closeButton = h("button", {
    type: "button",
    class: "close",
    "data-testid": `${id}-close`,
    text: "×",
    onclick: () => dialog.close(),
  });
  const el = h(
    "section",
    {
      class: `panel dialog ${id}`,
      role: "dialog",
      "aria-modal": "false",
      "aria-labelledby": `${id}-title`,
      "data-testid": id,
      hidden: true,
    },
    h("header", { class: "row" }, title, closeButton),
    body,
  );
  parent.append(el);
  let opener: HTMLElement | null = null;

  el.addEventListener("keydown", (e: KeyboardEvent) => {
    if (e.key !== "Escape") return;
    e.stopPropagation();
    dialog.close();
  });

  const dialog: Dialog = {
    el,
    body,
    get isOpen() {
      return !el.hidden;
    },
    open(from) {
      for (const other of [...openDialogs]) if (other !== dialog) other.close();
      const active = from ?? document.activeElement;
      // Keep the first opener while the dialog stays open (re-opening for another region or lot).
      if (el.hidden) opener = active instanceof HTMLElement && !el.contains(active) ? active : null;
      el.hidden = false;
      openDialogs.add(dialog);
      closeButton.setAttribute("aria-label", t("panels.close"));
      dialog.focusFirst();
    },
    close() {
      if (el.hidden) return;
      el.hidden = true;
      openDialogs.delete(dialog);
      onClose?.();
      if (opener?.isConnected) opener.focus();
      opener = null;
    },
    setTitle(text) {
      title.textContent = text;
    },
    focusFirst() {
      if (el.hidden) return;
      if (el.contains(document.activeElement) && document.activeElement !== title) return;
      (body.querySelector<HTMLElement>(FOCUSABLE) ?? title).focus();
    },
  };
  return dialog;
}

/** Closes whichever dialog is open (leaving the game, for one). */
export function closeDialogs(): void {
  for (const d of [...openDialogs]) d.close();
}
