/**
 * Is something really drawn? The map is a WebGL canvas (its buffer is not readable after the frame),
 * so it is judged from a screenshot of the canvas with the DOM UI hidden, decoded by the page itself.
 * Chinese text is judged by the font Chromium used for it and by whether different characters come out
 * as different glyphs: without a CJK font every character is the same empty box ("tofu").
 */
import type { Page } from "playwright-core";
import { see, SLOW_MS, type Player } from "./browser.ts";
import { withUiHidden } from "./flows.ts";

export interface CanvasStats {
  width: number;
  height: number;
  /** Distinct colours, to 4 bits a channel (antialiasing noise does not count twice). */
  colours: number;
  /** Share of pixels far from the background colour #08131f. */
  drawnShare: number;
}

/** Decodes a PNG in the page (no image library in Node) and counts what is on it. */
export async function pngStats(page: Page, png: Buffer): Promise<CanvasStats> {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement("canvas");
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const g = c.getContext("2d");
    if (!g) throw new Error("no 2D canvas");
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    let drawn = 0;
    for (let i = 0; i < d.length; i += 4) {
      const r = d[i] ?? 0;
      const gr = d[i + 1] ?? 0;
      const b = d[i + 2] ?? 0;
      seen.add(((r >> 4) << 8) | ((gr >> 4) << 4) | (b >> 4));
      if (Math.abs(r - 0x08) + Math.abs(gr - 0x13) + Math.abs(b - 0x1f) > 24) drawn++;
    }
    return { width: c.width, height: c.height, colours: seen.size, drawnShare: drawn / (d.length / 4) };
  }, png.toString("base64"));
}

/** Waits for the map's first frame (the client's data-map-ready hook), then measures the canvas alone. */
export async function mapStats(p: Player): Promise<{ stats: CanvasStats; png: Buffer }> {
  const { page } = p;
  await see(p, page.locator("#map canvas"), "the map canvas", SLOW_MS);
  await page
    .waitForFunction(() => document.body.dataset.mapReady === "1", undefined, { timeout: SLOW_MS })
    .catch(() => {
      throw new Error(`${p.name}: the map never signalled its first frame (body[data-map-ready])`);
    });
  const png = await withUiHidden(page, () => page.locator("#map canvas").screenshot());
  return { stats: await pngStats(page, png), png };
}

export interface GlyphReport {
  /** Fonts Chromium used for the element's text, with how many glyphs each drew. */
  fonts: { familyName: string; glyphCount: number }[];
  /** The Han characters checked, and how many distinct glyph images they gave. */
  chars: string;
  distinctGlyphs: number;
  /** Characters drawn with no ink at all. */
  blank: number;
}

/** What Chromium drew the Han characters of `selector` with (DevTools' platform fonts) and how. */
export async function glyphReport(page: Page, selector: string): Promise<GlyphReport> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
    const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
    if (!nodeId) throw new Error(`no ${selector} on the page`);
    const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
    const drawn = await page.evaluate((sel) => {
      const el = document.querySelector(sel);
      if (!(el instanceof HTMLElement)) throw new Error(`no ${sel}`);
      const chars = Array.from(new Set(Array.from(el.innerText).filter((ch) => /\p{Script=Han}/u.test(ch))));
      const style = getComputedStyle(el);
      const c = document.createElement("canvas");
      c.width = 64;
      c.height = 64;
      const g = c.getContext("2d", { willReadFrequently: true });
      if (!g) throw new Error("no 2D canvas");
      g.font = `48px ${style.fontFamily}`;
      g.textBaseline = "top";
      const images = new Set<string>();
      let blank = 0;
      for (const ch of chars) {
        g.clearRect(0, 0, 64, 64);
        g.fillText(ch, 4, 4);
        const d = g.getImageData(0, 0, 64, 64).data;
        let ink = 0;
        let sig = "";
        for (let i = 3; i < d.length; i += 4) {
          const a = d[i] ?? 0;
          if (a > 0) ink++;
          sig += a > 127 ? "1" : "0";
        }
        if (ink === 0) blank++;
        images.add(sig);
      }
      return { chars: chars.join(""), distinctGlyphs: images.size, blank };
    }, selector);
    return { fonts: fonts.map((f) => ({ familyName: f.familyName, glyphCount: f.glyphCount })), ...drawn };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
