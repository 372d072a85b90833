/**
 * The player's toolbar: one real button per gameplay panel (shop, regions, market, finance), reachable
 * by keyboard, above the fleet. Shown only to a connection that plays a company.
 */
import { t, type MessageKey } from "../i18n/index.ts";
import { h } from "./dom.ts";

export type PanelName = "shop" | "region" | "market" | "finance";

const BUTTONS: readonly [PanelName, MessageKey][] = [
  ["shop", "panels.toolbar.shop"],
  ["region", "panels.toolbar.region"],
  ["market", "panels.toolbar.market"],
  ["finance", "panels.toolbar.finance"],
];

export function createToolbar(parent: HTMLElement, open: (panel: PanelName, opener: Element) => void) {
  const el = h("nav", { class: "toolbar panel", "data-testid": "toolbar", hidden: true });
  parent.append(el);
  const buttons = BUTTONS.map(([name]) =>
    h("button", {
      type: "button",
      "data-testid": `open-${name}`,
      "aria-haspopup": "dialog",
      onclick: (e: Event) => open(name, e.currentTarget as Element),
    }),
  );
  el.append(...buttons);

  function relabel(): void {
    el.setAttribute("aria-label", t("panels.toolbar.label"));
    BUTTONS.forEach(([, key], i) => {
      const b = buttons[i];
      if (b) b.textContent = t(key);
    });
  }

  relabel();
  return {
    show(visible: boolean) {
      el.hidden = !visible;
    },
    relabel,
  };
}
