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
