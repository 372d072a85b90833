/**
 * The map is the game (issue #12 §4): on a laptop at 1280×720 and on a 768×1024 touch tablet, with the
 * panels closed, the US regions and China are on the map and in the part of the screen nothing covers
 * (measured through the client's window.atlas hook: where the map draws each region now); a player
 * orders machines, taps Texas on the map, its card opens (with the kW the machines need) and a
 * lease made there is in the game's state. And the idle map sleeps: with nothing moving, it stops
 * drawing frames.
 */
import { describe, expect, it } from "vitest";
import { browserSuite } from "./helpers/suite.ts";
import { CHROMIUM, see, seeText, shot, SLOW_MS, type Player } from "./helpers/browser.ts";
import { clock, closeDrawers, createGame, seePhase } from "./helpers/flows.ts";

const PORT = 2800;
const E2E_MS = 240_000;
const WANTED = ["us-texas", "us-washington", "us-newyork", "cn-sichuan", "cn-north"];

interface Seen {
  free: { left: number; right: number; top: number; bottom: number };
  at: Record<string, { x: number; y: number } | null>;
}

/** Where each wanted region is on screen, and the rectangle the HUD, rails and bars leave free. */
function whereRegions(p: Player): Promise<Seen> {
  return p.page.evaluate((ids) => {
    type Scene = { regionOnScreen(id: string): { x: number; y: number } | null };
    const scene = (window as unknown as { atlas: { mapScene: Scene } }).atlas.mapScene;
    const box = (sel: string) => document.querySelector(sel)?.getBoundingClientRect();
    const hud = box(".hud");
    const ticker = box(".ticker");
    return {
      free: {
        left: box(".rail-left")?.right ?? 0,
        right: box(".rail-right")?.left ?? window.innerWidth,
        top: hud?.bottom ?? 0,
        bottom: ticker?.top ?? window.innerHeight,
      },
      at: Object.fromEntries(ids.map((id) => [id, scene.regionOnScreen(id)])),
    };
  }, WANTED);
}

async function expectRegionsFree(p: Player): Promise<Seen> {
  // The camera glides (and frames itself once the HUD is in place): wait until every region is in.
  let seen: Seen | null = null;
  await expect
    .poll(
      async () => {
        seen = await whereRegions(p);
        const { free, at } = seen;
        return WANTED.filter((id) => {
          const pt = at[id];
          return !pt || pt.x < free.left || pt.x > free.right || pt.y < free.top || pt.y > free.bottom;
        });
      },
      { timeout: SLOW_MS, message: "US and China regions outside the free part of the map" },
    )
    .toEqual([]);
  return seen as unknown as Seen;
}

async function startGame(p: Player): Promise<void> {
  await createGame(p, { scenario: "halving-2020", seats: 2, pace: 1, bots: true, mode: "play" });
  await clock(p, "game.start");
  await seePhase(p, "running");
  await closeDrawers(p);
}

describe.skipIf(!CHROMIUM)("the map is the screen (Chromium)", { timeout: E2E_MS }, () => {
  const suite = browserSuite(PORT);

  it("at 1280×720 the US and China are on the open map; Texas tapped, leased from its card", async () => {
    const p = await suite.open({ name: "Ada", lang: "en", viewport: { width: 1280, height: 720 } });
    await startGame(p);
    await expectRegionsFree(p);
    await shot(p, "map-laptop-1280x720");
    // Machines on order first, so that the card has something of mine to tell about.
    await p.page.getByTestId("open-shop").click();
    const model = p.page.locator('[data-testid^="shop-model-"]:not([disabled])').first();
    await (await see(p, model, "a model on sale in the shop", SLOW_MS)).click();
    await p.page.getByTestId("shop-qty").fill("20");
    const buy = p.page.getByTestId("shop-buy");
    await expect.poll(() => buy.isEnabled(), { timeout: SLOW_MS, message: "Buy enabled" }).toBe(true);
    await buy.click();
    await seeText(p, "[data-testid=shop-status]", p.say("act.done"), "the order accepted");
    await p.page.getByTestId("shop-close").click();
    // The fleet opened to show the new lot; the map is measured again with it closed.
    await closeDrawers(p);
    await expectRegionsFree(p);
    const texas = (await whereRegions(p)).at["us-texas"] as { x: number; y: number };
    await p.page.mouse.click(texas.x, texas.y);
    const card = await see(
      p,
      p.page.getByTestId("region-panel"),
      "Texas's card after clicking it on the map",
    );
    await seeText(p, "[data-testid=region-panel] h2", /Texas/, "the card is Texas's");
    await seeText(p, "[data-testid=region-facts]", p.say("overlay.power"), "the power price on the card");
    await seeText(p, "[data-testid=region-here]", p.say("map.here.title"), "my machines and this region");
    // "Your 20 <model> need N kW": the lot's nameplate power, as the engine's view gives it.
    await seeText(p, "[data-testid=region-here]", /\b20\b.* [\d,]+ kW/, "the power my 20 machines need");
    await p.page.getByTestId("lease-kw").fill("150");
    const lease = p.page.getByTestId("lease-submit");
    await expect.poll(() => lease.isEnabled(), { timeout: SLOW_MS, message: "Lease enabled" }).toBe(true);
    await lease.click();
    await seeText(p, "[data-testid=region-status]", p.say("act.done"), "the lease accepted");
    // In the game's state: my company now leases 150 kW in Texas.
    await expect
      .poll(
        () =>
          p.page.evaluate(() => {
            type V = { companies: { seat: string; priv?: { leases: { region: string; kw: number }[] } }[] };
            const s = (window as unknown as { atlas: { server: { view: V; welcome: { seat: string } } } })
              .atlas.server;
            const mine = s.view.companies.find((c) => c.seat === s.welcome.seat);
            return mine?.priv?.leases.find((l) => l.region === "us-texas")?.kw ?? 0;
          }),
        { timeout: SLOW_MS, message: "the Texas lease in my company's state" },
      )
      .toBe(150);
    await shot(p, "map-region-card-leased", card);
    expect(p.errors, "uncaught errors in the page").toEqual([]);
  });

  it("on a 768×1024 touch tablet the map shows the US and China; a tap opens a region's card", async () => {
    const p = await suite.open({
      name: "小明",
      lang: "zh",
      viewport: { width: 768, height: 1024 },
      touch: true,
    });
    await startGame(p);
    const seen = await expectRegionsFree(p);
    await shot(p, "map-tablet-768x1024");
    const china = seen.at["cn-sichuan"] as { x: number; y: number };
    await p.page.touchscreen.tap(china.x, china.y);
    await see(p, p.page.getByTestId("region-panel"), "Sichuan's card after a tap on the map");
    await seeText(p, "[data-testid=region-panel] h2", /四川|Sichuan/, "the card is Sichuan's");
    await shot(p, "map-tablet-region-card");
    // One thing at a time on a small screen: opening the leaderboard closes the card.
    await p.page.getByTestId("drawer-board").tap();
    await expect.poll(() => p.page.getByTestId("region-panel").isVisible()).toBe(false);
    await see(p, p.page.locator(".side .board"), "the leaderboard drawer");
    expect(p.errors, "uncaught errors in the page").toEqual([]);
  });

  it("an idle map stops drawing: no frames while nothing moves", async () => {
    const p = await suite.open({ name: "Lin", lang: "en", viewport: { width: 1280, height: 720 } });
    await see(p, p.page.getByRole("button", { name: p.say("lobby.createButton"), exact: true }), "Create");
    const frames = () =>
      p.page.evaluate(
        () =>
          (window as unknown as { atlas: { mapScene?: { frames: number } } }).atlas.mapScene?.frames ?? -1,
      );
    // Wait until two reads a second apart agree (the first frames have settled), then check it holds.
    let last = -2;
    await expect
      .poll(
        async () => {
          const before = last;
          last = await frames();
          return last >= 0 && last === before;
        },
        { timeout: SLOW_MS, interval: 1000, message: "the map to settle" },
      )
      .toBe(true);
    const settled = last;
    // Something to show (another overlay, as the legend would ask): the map wakes and draws it.
    await p.page.evaluate(() =>
      (window as unknown as { atlas: { map: { setOverlay(k: string): void } } }).atlas.map.setOverlay(
        "share",
      ),
    );
    await expect.poll(frames, { message: "a change draws frames again" }).toBeGreaterThan(settled);
  });
});
