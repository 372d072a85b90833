/**
 * What the start view frames and what covers the map: the box from the Americas to East Asia (the US
 * regions, China, Kazakhstan, Russia, the Nordics, Paraguay, Ethiopia all lie inside it), and the screen
 * edges the HUD and the bottom bars cover. Also the DOM event the panels send to bring a region into view.
 */
import type { GeoProjection } from "d3-geo";
import type { WorldBox } from "./camera.ts";

/** Fired on document with a region id as detail: the map glides to that region. */
export const FOCUS_EVENT = "atlas:focus-region";

/** Longitudes and latitudes the start view shows: Vancouver to Tokyo, Patagonia's top to Norway. */
const WEST = -126;
const EAST = 146;
const SOUTH = -36;
const NORTH = 66;

export function focusBox(projection: GeoProjection): WorldBox {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let lon = WEST; lon <= EAST; lon += 4)
    for (const lat of [SOUTH, 0, NORTH]) {
      const p = projection([lon, lat]);
      if (!p) continue;
      xs.push(p[0]);
      ys.push(p[1]);
    }
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
}

/** Fired on document when the edges of the screen changed (a drawer opened or closed): refit the map. */
export const INSETS_EVENT = "atlas:map-insets";

export interface Insets {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The right edge of the left rail and its open drawer, the left edge of the right ones, on screen. */
function sideInsets(): { left: number; right: number } {
  let left = 0;
  let right = 0;
  const width = window.innerWidth;
  for (const el of Array.from(
    document.querySelectorAll<HTMLElement>(".rail-left, .dock, .rail-right, .side"),
  )) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.left < width / 2) left = Math.max(left, r.right);
    else right = Math.max(right, width - r.left);
  }
  return { left, right };
}

/**
 * Screen pixels covered at each edge: the HUD at the top, the news ticker at the bottom, the rails and
 * any open drawer at the sides (none in the lobby).
 */
export function screenInsets(): Insets {
  if (document.querySelector(".ticker") === null) return { top: 0, bottom: 0, left: 0, right: 0 };
  const css = getComputedStyle(document.documentElement);
  const top = Number.parseFloat(css.getPropertyValue("--hud-bottom")) || 0;
  return { top, bottom: 44, ...sideInsets() };
}

/** Asks the map to bring a region into view (from a panel: the map module itself may not be loaded). */
export function focusRegion(id: string): void {
  document.dispatchEvent(new CustomEvent(FOCUS_EVENT, { detail: id }));
}
