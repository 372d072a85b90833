/** Small form helpers shared by the gameplay panels. */
import { t, type MessageKey } from "../i18n/index.ts";
import type { LotView } from "../net/view.ts";
import { fill, h } from "./dom.ts";
import { placeName, statusLabel } from "./fleet.ts";

/** How a lot reads in a list: model × units · where · status. */
export function lotLabel(l: LotView): string {
  return `${l.name ?? l.model} ×${l.quantity} · ${placeName(l.placeId)} · ${statusLabel(l.status)}`;
}

/**
 * Replaces a select's options, keeping the choice when it is still offered. Does nothing when the
 * options are the same, so that a select the player has open is not redrawn under them every day.
 */
export function fillSelect(select: HTMLSelectElement, options: [string, string][]): void {
  const key = JSON.stringify(options);
  if (select.dataset.options === key) return;
  select.dataset.options = key;
  const keep = select.value;
  fill(select, ...options.map(([value, text]) => h("option", { value, text })));
  if (options.some(([v]) => v === keep)) select.value = keep;
}

/**
 * A panel's fixed texts (labels, headings): each made with its message, all translated again at once
 * when the language changes, so that a panel's relabel does not list them one by one.
 */
export function texts() {
  const all: [HTMLElement, () => string][] = [];
  const add = <E extends HTMLElement>(el: E, text: () => string): E => {
    all.push([el, text]);
    el.textContent = text();
    return el;
  };
  return {
    add,
    label: (forId: string, key: MessageKey) => add(h("label", { for: forId }), () => t(key)),
    heading: (key: MessageKey) => add(h("h3", {}), () => t(key)),
    relabel(): void {
      for (const [el, text] of all) el.textContent = text();
    },
  };
}
