/** Small form helpers shared by the gameplay panels. */
import { lang, t, type MessageKey } from "../i18n/index.ts";
import type { LotView } from "../net/view.ts";
import { fill, h } from "./dom.ts";
import { placeName, statusLabel } from "./fleet.ts";
import { formatNumber } from "./format.ts";

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

/** What a count field holds: machines (units), kW of lease, or days. */
export type CountUnit = "units" | "kw" | "days";

/**
 * Why a typed count is not accepted, saying the actual limit ("Enter at least 1 unit", "At most 20
 * units: the lot holds 20", "kW are whole numbers, from 1 to 1,000,000 kW"), or null when it is fine.
 * Same range as panelModel's parseCount, which the panels send with.
 */
export function countProblem(text: string, max: number, unit: CountUnit): string | null {
  const n = Number(text.trim());
  const l = lang();
  const limits = { min: formatNumber(1, l), max: formatNumber(max, l) };
  if (text.trim() === "" || !Number.isFinite(n)) return t(`count.${unit}.range`, limits);
  if (!Number.isInteger(n)) return t(`count.${unit}.whole`, limits);
  if (n < 1) return t(`count.${unit}.min`, limits);
  if (n > max) return t(`count.${unit}.max`, limits);
  return null;
}
