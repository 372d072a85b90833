/** What the guided tour points at, as a person sees it: its ring drawn around a button. */
import type { Player } from "./browser.ts";

/** Whether the tour's ring encloses one of the buttons reading `label` (the bar's or the console's Start). */
export function ringOnButton(page: Player["page"], label: string): Promise<boolean> {
  return page.evaluate((text) => {
    const ring = document.querySelector(".tour-ring");
    if (!(ring instanceof HTMLElement) || ring.hidden) return false;
    const r = ring.getBoundingClientRect();
    return Array.from(document.querySelectorAll(".game button")).some((b) => {
      const x = b.getBoundingClientRect();
      const inside = r.left <= x.left && r.right >= x.right && r.top <= x.top && r.bottom >= x.bottom;
      return b.textContent?.trim() === text && inside;
    });
  }, label);
}

/** Whether the tour's ring encloses the first element matching `selector` that is on screen. */
export function ringEncloses(page: Player["page"], selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const ring = document.querySelector(".tour-ring");
    if (!(ring instanceof HTMLElement) || ring.hidden) return false;
    const r = ring.getBoundingClientRect();
    const target = Array.from(document.querySelectorAll(sel)).find((el) => el.getClientRects().length > 0);
    if (!target) return false;
    const x = target.getBoundingClientRect();
    // The ring is drawn 4 px outside its target; a pixel of rounding either way still counts.
    return r.left <= x.left + 1 && r.right >= x.right - 1 && r.top <= x.top + 1 && r.bottom >= x.bottom - 1;
  }, selector);
}
