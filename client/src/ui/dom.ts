/** A few DOM helpers: build elements declaratively, without a framework. */
type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === "function") el.addEventListener(key.replace(/^on/, "").toLowerCase(), value);
    else if (key === "class") el.className = String(value);
    else if (key === "text") el.textContent = String(value);
    else if (value === true) el.setAttribute(key, "");
    else el.setAttribute(key, String(value));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

export function clear(el: Element): void {
  while (el.firstChild) el.firstChild.remove();
}

/** Replaces an element's children. */
export function fill(el: Element, ...children: Child[]): void {
  clear(el);
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
}

/** At most this many notices on screen: a burst (a day of breakdowns) replaces the oldest, not the view. */
const MAX_TOASTS = 4;

/** A short message at the bottom of the screen, read out by screen readers (role=status). */
export function toast(text: string, kind: "info" | "error" = "info", ms = 5000): void {
  let box = document.getElementById("toasts");
  if (!box) {
    box = h("div", { id: "toasts", role: "status", "aria-live": "polite" });
    document.body.append(box);
  }
  const item = h("div", { class: `toast toast-${kind}`, text });
  box.append(item);
  // An error outlives the notices around it: the oldest notice goes first.
  while (box.children.length > MAX_TOASTS)
    (box.querySelector(".toast-info") ?? box.firstElementChild)?.remove();
  setTimeout(() => item.remove(), ms);
}

/**
 * Replaces children like fill, but gives focus back to the control the keyboard was on: the one with
 * the same data-k, so that a panel re-rendered by a state update does not throw the user out.
 */
export function fillKeepFocus(el: Element, ...children: Child[]): void {
  const active = document.activeElement;
  const key = active && el.contains(active) ? active.getAttribute("data-k") : null;
  fill(el, ...children);
  if (key) el.querySelector<HTMLElement>(`[data-k="${CSS.escape(key)}"]`)?.focus();
}

/** A live region for the outcome of a panel's requests. */
export function status(): HTMLElement {
  return h("p", { class: "status", role: "status", "aria-live": "polite" });
}
