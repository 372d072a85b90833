/**
 * Rows kept across updates, keyed by id. A panel fed every game day used to rebuild its table: at 16×
 * pace the button under the player's pointer was replaced between mouse-down and mouse-up and the
 * click was lost (four in ten), and hover, focus and a half-typed field went with it. Here a row is
 * built once for its key, brought up to date in place (only what changed is written), moved only when
 * the order changes, and removed when its key is gone.
 */

export interface RowSpec<T, R extends Element> {
  key(item: T): string;
  /** Builds the row for a key seen for the first time (update() fills it right after). */
  create(item: T): R;
  /** Brings a row up to date with its item: write only what changed (setText, setAttr). */
  update(row: R, item: T): void;
}

export interface KeyedRows<R extends Element> {
  /** Makes `parent`'s children exactly the items' rows, in the items' order. */
  sync(items: readonly unknown[]): void;
  /** The row kept for a key, if it is shown. */
  get(key: string): R | undefined;
  /** Forgets every row (the next sync builds them again, e.g. after a language change). */
  reset(): void;
}

export function keyedRows<T, R extends Element>(parent: Element, spec: RowSpec<T, R>): KeyedRows<R> {
  let rows = new Map<string, R>();
  return {
    sync(items) {
      const next = new Map<string, R>();
      for (const item of items as readonly T[]) {
        const key = spec.key(item);
        const row = rows.get(key) ?? spec.create(item);
        spec.update(row, item);
        next.set(key, row);
      }
      for (const [key, row] of rows) if (!next.has(key)) row.remove();
      rows = next;
      place(parent, [...next.values()]);
    },
    get: (key) => rows.get(key),
    reset() {
      for (const row of rows.values()) row.remove();
      rows = new Map();
    },
  };
}

/**
 * Puts `wanted` as `parent`'s children in order, moving only rows that are out of place (a row moved
 * in the DOM loses hover and may lose a click, so rows already in order stay where they are).
 */
function place(parent: Element, wanted: readonly Element[]): void {
  let at: Element | null = parent.firstElementChild;
  for (const row of wanted) {
    if (row === at) {
      at = at.nextElementSibling;
      continue;
    }
    parent.insertBefore(row, at);
  }
  // Anything after the last kept row is not ours (a placeholder line): it goes.
  while (at) {
    const next: Element | null = at.nextElementSibling;
    at.remove();
    at = next;
  }
}

/** Sets an element's text only when it differs (a write restarts screen readers and selection). */
export function setText(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

/** Sets (or, with null, removes) an attribute only when it differs. */
export function setAttr(el: Element, name: string, value: string | null): void {
  if (value === null) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
  } else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/**
 * A select's options brought to `options` in place, keeping the player's choice when it is still
 * offered: an open drop-down is not closed under the player by a daily price change.
 */
export function syncOptions(select: HTMLSelectElement, options: readonly [string, string][]): void {
  const keep = select.value;
  const existing = new Map(Array.from(select.options, (o) => [o.value, o] as const));
  const wanted = options.map(([value, text]) => {
    const o = existing.get(value) ?? Object.assign(document.createElement("option"), { value });
    setText(o, text);
    return o;
  });
  place(select, wanted);
  if (options.some(([v]) => v === keep)) select.value = keep;
}
