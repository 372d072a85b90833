/**
 * The map is the screen: the panels live in drawers at its edges, each opened and closed by a button on
 * the edge rails (left: the player's fleet or the teacher's console; right: the leaderboard and the map
 * key). On a small screen (a tablet, a narrow window) one thing is open at a time: a drawer closes the
 * dialogs and the other drawers, and a dialog closes the drawers. Which drawers a person left open is
 * remembered in this browser (a reload keeps them).
 */
import { t, type MessageKey } from "../i18n/index.ts";
import { closeDialogs } from "./dialog.ts";
import { h } from "./dom.ts";

export type DrawerName = "fleet" | "console" | "board" | "legend";

const STORE_KEY = "atlas.drawers";
/** Below this width the screen holds the map and one panel at most. */
const SMALL_SCREEN = "(max-width: 1100px)";

export const isSmallScreen = (): boolean => globalThis.matchMedia?.(SMALL_SCREEN).matches ?? false;

function remembered(): Partial<Record<DrawerName, boolean>> {
  try {
    return JSON.parse(localStorage.getItem(STORE_KEY) ?? "{}") as Partial<Record<DrawerName, boolean>>;
  } catch {
    return {};
  }
}

function remember(name: DrawerName, open: boolean): void {
  try {
    localStorage.setItem(STORE_KEY, JSON.stringify({ ...remembered(), [name]: open }));
  } catch {
    // Private mode without storage: the drawer just is not remembered.
  }
}

interface Drawer {
  panel: HTMLElement;
  button: HTMLButtonElement;
  label: MessageKey;
  open: boolean;
  shown: boolean;
}

export function createDrawers(onChange: () => void) {
  const drawers = new Map<DrawerName, Drawer>();

  function apply(name: DrawerName): void {
    const d = drawers.get(name);
    if (!d) return;
    d.button.hidden = !d.shown;
    d.button.setAttribute("aria-expanded", String(d.open && d.shown));
    // Two drawers may share a panel (the fleet and the console): it shows while either is open.
    const open = [...drawers.values()].some((o) => o.panel === d.panel && o.open && o.shown);
    d.panel.classList.toggle("drawer-closed", !open);
  }

  function set(name: DrawerName, open: boolean, byPerson: boolean): void {
    const d = drawers.get(name);
    if (!d) return;
    if (open && isSmallScreen()) {
      closeDialogs();
      for (const other of drawers.keys()) if (other !== name) set(other, false, false);
    }
    d.open = open;
    if (byPerson) remember(name, open);
    apply(name);
    onChange();
  }

  return {
    /** A drawer: `panel` is shown while open; its button goes on `rail`. `byDefault`: open at first. */
    add(name: DrawerName, panel: HTMLElement, rail: HTMLElement, label: MessageKey, byDefault = false): void {
      const button = h("button", {
        type: "button",
        class: "rail-toggle",
        "data-testid": `drawer-${name}`,
        "aria-controls": panel.id,
        onclick: () => set(name, !(drawers.get(name)?.open ?? false), true),
      });
      rail.append(button);
      const wanted = remembered()[name] ?? byDefault;
      drawers.set(name, { panel, button, label, open: wanted && !isSmallScreen(), shown: true });
      apply(name);
    },
    /** Whether this person has the drawer at all (a spectator has no fleet, a player no console). */
    show(name: DrawerName, shown: boolean): void {
      const d = drawers.get(name);
      if (!d || d.shown === shown) return;
      d.shown = shown;
      apply(name);
      onChange();
    },
    open: (name: DrawerName) => set(name, true, false),
    isOpen: (name: DrawerName) => {
      const d = drawers.get(name);
      return !!d && d.open && d.shown;
    },
    /** A dialog is opening: on a small screen it takes the place of the drawers. */
    makeRoom(): void {
      if (!isSmallScreen()) return;
      for (const name of drawers.keys()) set(name, false, false);
    },
    relabel(): void {
      for (const d of drawers.values()) d.button.textContent = t(d.label);
    },
  };
}
