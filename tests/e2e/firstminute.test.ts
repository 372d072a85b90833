/**
 * A newcomer's first minute (issue #12 §5–6), in Chromium: one click on Play now makes a game against
 * bots with the tour on, the tour starts at Start (not in an empty shop) and moves on when the game
 * runs and when the order is in the state; buying says why equity dipped; when the machines are ready
 * at the factory a notice says so and "Ship it" opens the ship dialog for that lot. On a touch tablet a
 * tap on "?" shows the definition, on a 44-pixel target. axe finds no serious or critical problem in
 * the lobby, the game screen with the tour card, and the debrief.
 */
import { describe, expect, it } from "vitest";
import { axeFindings } from "./helpers/axe.ts";
import { browserSuite } from "./helpers/suite.ts";
import { ringOnButton } from "./helpers/tour.ts";
import { CHROMIUM, see, seeText, shot, SLOW_MS, type Player } from "./helpers/browser.ts";
import { clock } from "./helpers/flows.ts";

const PORT = 2810;
const E2E_MS = 300_000;
/** Machines take 45–90 game days to build; at Play now's 2 days a second, under a minute on a fast machine. */
const FACTORY_MS = 150_000;

const tour = "[data-testid=tutorial]";
const title = (p: Player, id: string) => p.say(`tour.${id}.title` as never);

async function playNow(p: Player): Promise<void> {
  await (await see(p, p.page.getByTestId("play-now"), "the Play now button in the lobby")).click();
  await see(p, p.page.locator(".gamebar"), "the game screen after Play now", SLOW_MS);
}

describe.skipIf(!CHROMIUM)("a newcomer's first minute (Chromium)", { timeout: E2E_MS }, () => {
  const suite = browserSuite(PORT);
  let me: Player;

  it("the lobby passes axe, and Play now opens a game with the tour pointing at Start", async () => {
    me = await suite.open({ name: "Newcomer", lang: "en", tutorial: true });
    await see(me, me.page.getByTestId("play-now"), "the Play now button");
    expect(await axeFindings(me.page), "axe on the lobby").toEqual([]);
    await shot(me, "firstminute-lobby-en");
    // No nickname typed, no form: one click.
    await playNow(me);
    await seeText(me, tour, title(me, "welcome"), "the tour's first card, in the game's lobby phase");
    // The ring is on the Start button, not on an empty shop.
    const ring = me.page.locator(".tour-ring");
    await see(me, ring, "the tour's ring");
    // The ring glides to its target (a short transition): wait until it is there.
    await expect
      .poll(() => ringOnButton(me.page, me.say("game.start")), { message: "the ring encloses Start" })
      .toBe(true);
    // Four companies, three of them bots.
    await expect.poll(() => me.page.locator(".board li").count(), { timeout: SLOW_MS }).toBe(4);
    expect(await axeFindings(me.page), "axe on the game screen with the tour card").toEqual([]);
    await shot(me, "firstminute-tour-start-en");
  });

  it("the tour moves on when the game runs; buying moves it on and says why equity dipped", async () => {
    await clock(me, "game.start");
    await seeText(me, tour, title(me, "order"), "the order step once the game runs", SLOW_MS);
    await me.page.getByTestId("open-shop").click();
    const model = me.page.locator('[data-testid^="shop-model-"]:not([disabled])').first();
    await see(me, model, "a model on sale", SLOW_MS);
    await model.click();
    await me.page.getByTestId("shop-qty").fill("20");
    const buy = me.page.getByTestId("shop-buy");
    await expect.poll(() => buy.isEnabled(), { timeout: SLOW_MS, message: "Buy enabled" }).toBe(true);
    await buy.click();
    await seeText(me, tour, title(me, "lease"), "the lease step after the order", SLOW_MS);
    await me.page.getByTestId("shop-close").click();
    await see(me, me.page.getByTestId("equity-hint"), "the hint saying why equity dropped", SLOW_MS);
    await seeText(me, "[data-testid=equity-hint]", me.say("equityHint.text"), "the equity hint's words");
    await shot(me, "firstminute-equity-hint-en");
  });

  it("leases power in Texas (a kW field that says kW); the ship step waits for the factory", async () => {
    await me.page.getByTestId("open-region").click();
    await see(me, me.page.getByTestId("region-panel"), "the region panel");
    await me.page.getByTestId("region-select").selectOption("us-texas");
    const kw = me.page.getByTestId("lease-kw");
    await kw.fill("0");
    await seeText(me, "[data-testid=lease-quote]", me.say("count.kw.min", { min: 1 }), "kW: at least 1 kW");
    await kw.fill("2000000");
    const most = me.say("count.kw.max", { max: "1,000,000" });
    await seeText(me, "[data-testid=lease-quote]", most, "kW: at most 1,000,000 kW");
    await kw.fill("200");
    const lease = me.page.getByTestId("lease-submit");
    await expect.poll(() => lease.isEnabled(), { timeout: SLOW_MS, message: "Lease enabled" }).toBe(true);
    await lease.click();
    await see(me, me.page.getByTestId("lease-us-texas"), "the Texas lease in the fleet panel", SLOW_MS);
    await me.page.getByTestId("region-panel-close").click();
    // While the machines are built the tour reads what money costs and how the score is made (Next),
    // then the ship step says until when they are built, rather than pointing at nothing.
    await seeText(me, tour, title(me, "money"), "the money step after the lease", SLOW_MS);
    await me.page.getByTestId("tutorial-next").click();
    await seeText(me, tour, title(me, "score"), "the score step");
    await me.page.getByTestId("tutorial-next").click();
    await seeText(me, tour, title(me, "ship"), "the ship step after reading", SLOW_MS);
  });

  it("tells the player when the lot is ready at the factory, and Ship it opens the ship dialog", async () => {
    const ship = me.page.locator('[data-testid^="ready-ship-"]').first();
    await see(me, ship, "the ready-at-the-factory notice", FACTORY_MS);
    await seeText(me, ".lot-notices", me.say("ready.title"), "the notice's title");
    await shot(me, "firstminute-ready-en");
    await ship.click();
    const dest = me.page.getByTestId("ship-dest");
    await see(me, dest, "the ship dialog opened from the notice");
    await seeText(me, "[data-testid=ship-from]", /.+/, "where the lot leaves from");
    // Where the player leases power is chosen already.
    expect(await dest.inputValue(), "the destination preselected").toBe("us-texas");
    await shot(me, "firstminute-ship-en");
    const send = me.page.getByTestId("ship-send");
    await expect.poll(() => send.isEnabled(), { timeout: SLOW_MS, message: "Send enabled" }).toBe(true);
    await send.click();
    // Shipped: the notice goes, and the tour moves on to installing (waiting for customs).
    await expect
      .poll(() => me.page.locator('[data-testid^="ready-ship-"]').count(), { timeout: SLOW_MS })
      .toBe(0);
    await seeText(me, tour, title(me, "install"), "the install step after shipping", SLOW_MS);
    await seeText(me, "section.fleet", me.say("shipment.label", { n: "" }).trim(), "the shipment named");
    expect(me.errors, "uncaught errors in the page").toEqual([]);
  });

  it("the finance panel shows no red reasons as it stands", async () => {
    await me.page.getByTestId("open-finance").click();
    await see(me, me.page.getByTestId("finance"), "the finance panel");
    await seeText(me, "[data-testid=finance-money]", /\$/, "the money in the finance panel");
    // The previews of the settings as they stand have come back (Set stays off), and say nothing red.
    const set = me.page.getByTestId("finance-ratio-set");
    await expect.poll(() => set.isDisabled()).toBe(true);
    for (const id of ["finance-ratio-reason", "finance-payout-reason", "finance-sell-reason"])
      await expect.poll(() => me.page.getByTestId(id).isHidden(), { message: `${id} hidden` }).toBe(true);
    await shot(me, "firstminute-finance-en");
    await me.page.getByTestId("finance-close").click();
  });

  it("the debrief passes axe (tabs, keyboard-reachable scroll area)", async () => {
    await me.page.keyboard.press("Escape");
    await (await see(me, me.page.getByTestId("open-debrief"), "the debrief button")).click();
    await see(me, me.page.getByTestId("debrief"), "the debrief", SLOW_MS);
    await see(me, me.page.getByTestId("debrief-tab-charts"), "the debrief's tabs");
    expect(await axeFindings(me.page, "[data-testid=debrief]"), "axe on the debrief").toEqual([]);
    await shot(me, "firstminute-debrief-en");
    // The decisions tab: a list that scrolls, reachable by keyboard.
    await me.page.getByTestId("debrief-tab-decisions").click();
    await expect
      .poll(() => me.page.getByTestId("debrief-tab-decisions").getAttribute("aria-selected"))
      .toBe("true");
    expect(await axeFindings(me.page, "[data-testid=debrief]"), "axe on the debrief's decisions").toEqual([]);
  });

  it("on a touch tablet a tap on '?' shows the definition, on a 44-pixel target", async () => {
    const tablet = await suite.open({
      name: "平板",
      lang: "zh",
      viewport: { width: 768, height: 1024 },
      touch: true,
    });
    await playNow(tablet);
    const mark = tablet.page.locator('[data-stat="hud.hashprice"] button.term');
    await see(tablet, mark, "the ? beside hashprice");
    // The target's size once the layout has settled (the CJK font may still be loading on a busy machine).
    const side = async (): Promise<number> => {
      const box = await mark.boundingBox();
      return box ? Math.min(box.width, box.height) : 0;
    };
    await expect.poll(side, { message: "a 44 px target", timeout: SLOW_MS }).toBeGreaterThanOrEqual(44);
    await mark.tap();
    await seeText(tablet, ".glossary-pop", tablet.say("term.hashprice.text"), "the definition after a tap");
    await shot(tablet, "firstminute-touch-tip-zh");
    // A tap elsewhere closes it.
    await tablet.page.locator(".ticker").first().tap({ force: true });
    await expect.poll(() => tablet.page.locator(".glossary-pop").count()).toBe(0);
    expect(tablet.errors, "uncaught errors in the page").toEqual([]);
  });
});
