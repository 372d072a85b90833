/**
 * A small typed dictionary: t(key, params) in the chosen language, switchable at any time and
 * remembered in localStorage. Listeners re-render when the language changes.
 */
import { en, type Dictionary, type MessageKey } from "./en.ts";
import { zh } from "./zh.ts";

export type Lang = "en" | "zh";
export type { MessageKey };
export const DICTIONARIES: Record<Lang, Dictionary> = { en, zh };
/** System fonts with Chinese glyphs, for the page and for text drawn on the canvas. */
export const FONT_STACK = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

const STORAGE_KEY = "atlas.lang";
let current: Lang = "en";
const listeners = new Set<(lang: Lang) => void>();

/** Fills {name} placeholders; an unknown placeholder stays visible so that a gap is easy to spot. */
export function interpolate(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  return interpolate(DICTIONARIES[lang][key], params);
}

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(current, key, params);
}

export function lang(): Lang {
  return current;
}

/** The stored choice, else the browser's language (zh-* → zh), else English. */
export function initialLang(stored: string | null, browser: readonly string[]): Lang {
  if (stored === "en" || stored === "zh") return stored;
  return browser.some((l) => l.toLowerCase().startsWith("zh")) ? "zh" : "en";
}

export function setLang(next: Lang): void {
  current = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Private modes may refuse storage: the choice still holds for this page.
  }
  if (typeof document !== "undefined") document.documentElement.lang = next === "zh" ? "zh-CN" : "en";
  for (const fn of listeners) fn(next);
}

export function onLangChange(fn: (lang: Lang) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Picks the language text of a bilingual {en, zh} pair from the server or the catalog. */
export function pick(text: { en: string; zh: string }, l: Lang = current): string {
  return (l === "zh" ? text.zh : text.en) || text.en;
}

export function loadLang(): void {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    stored = null;
  }
  setLang(initialLang(stored, typeof navigator === "undefined" ? [] : navigator.languages));
}
