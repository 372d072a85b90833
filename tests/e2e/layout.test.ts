/**
 * Readable on a laptop and on a tablet: at 1280×720, at a tablet's 1024×768 landscape and 768×1024
 * portrait (touch), the game's fixed parts — HUD, the left rail (host bar, drawer toggles, toolbar), the
 * right rail (leaderboard and map key toggles), game bar, news ticker — are all on screen and none covers
 * another, with the drawers closed (the map is the screen) and with the leaderboard drawer open; the page
 * never scrolls sideways.
 */
import { describe, expect, it } from "vitest";
import { browserSuite } from "./helpers/suite.ts";
import { CHROMIUM, see, shot, type Player } from "./helpers/browser.ts";
import { clock, closeDrawers, createGame, openDrawer, seePhase } from "./helpers/flows.ts";

const PORT = 2590;
const SCREENS = [
  { name: "laptop-1280x720", width: 1280, height: 720, touch: false },
  { name: "tablet-1024x768", width: 1024, height: 768, touch: true },
  { name: "tablet-768x1024", width: 768, height: 1024, touch: true },
] as const;
const PARTS = {
  hud: ".hud",
  toolbar: '[data-testid="toolbar"]',
  leftRail: ".rail-left",
  rightRail: ".rail-right",
  gamebar: ".gamebar",
  ticker: ".ticker",
} as const;
/** The leaderboard drawer opened: it joins the parts (the left rail's toolbar is inside the rail). */
const WITH_BOARD = { ...PARTS, leaderboard: ".side" } as const;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1;

describe.skipIf(!CHROMIUM)("layout on laptops and tablets (Chromium)", { timeout: 240_000 }, () => {
  const suite = browserSuite(PORT);

  for (const screen of SCREENS) {
    it(`keeps every part on screen and apart at ${screen.name}`, async () => {
      const p = await suite.open({
        name: "Lin",
        lang: screen.width < 1000 ? "zh" : "en",
        viewport: { width: screen.width, height: screen.height },
        touch: screen.touch,
      });
      await createGame(p, { scenario: "halving-2020", seats: 2, pace: 1, bots: true, mode: "play" });
      await clock(p, "game.start");
      await seePhase(p, "running");
      await closeDrawers(p);
      await checkParts(p, screen, PARTS, `layout-${screen.name}`);
      await openDrawer(p, "board");
      await checkParts(p, screen, WITH_BOARD, `layout-${screen.name}-board`);
      const sideways = await p.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(sideways, "the page scrolls sideways").toBeLessThanOrEqual(0);
      expect(p.errors, "uncaught errors in the page").toEqual([]);
    });
  }
});

/** Every part on screen, none covering another but the rail and the toolbar it holds. */
async function checkParts(
  p: Player,
  screen: (typeof SCREENS)[number],
  parts: Record<string, string>,
  name: string,
): Promise<void> {
  const boxes: Record<string, Box> = {};
  for (const [part, selector] of Object.entries(parts)) {
    const box = await (await see(p, p.page.locator(selector).first(), `the ${part}`)).boundingBox();
    if (!box) throw new Error(`the ${part} has no box`);
    boxes[part] = box;
    expect(box.x, `${part} left edge on screen`).toBeGreaterThanOrEqual(0);
    expect(box.y, `${part} top edge on screen`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${part} right edge on screen`).toBeLessThanOrEqual(screen.width + 1);
    expect(box.y + box.height, `${part} bottom edge on screen`).toBeLessThanOrEqual(screen.height + 1);
  }
  const names = Object.keys(boxes).filter((n) => n !== "toolbar");
  const clashes = names.flatMap((a, i) =>
    names
      .slice(i + 1)
      .filter((b) => overlaps(boxes[a]!, boxes[b]!))
      .map((b) => `${a} × ${b}`),
  );
  await shot(p, name);
  expect(clashes, `parts covering each other: ${JSON.stringify(boxes)}`).toEqual([]);
}
