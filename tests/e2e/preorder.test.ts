/**
 * A pre-order in the shop (issue #13 §3), in one browser: pick a model, bid a premium over list, read
 * the engine's queue line (place in the factory queue, list price, the bid's unit price, when each batch
 * ships), buy; the pre-order appears under "My pre-orders" with its place and a cancel button saying the
 * refund; cancel it. Screenshots of the quote and of the pre-order.
 */
import { describe, expect, it } from "vitest";
import { browserSuite } from "./helpers/suite.ts";
import { CHROMIUM, see, seeText, shot, SLOW_MS, type Player } from "./helpers/browser.ts";
import { clock, createGame, seePhase } from "./helpers/flows.ts";

const PORT = 2841;
const E2E_MS = 180_000;
let me: Player;

describe.skipIf(!CHROMIUM)("pre-order in the factory queue (Chromium)", { timeout: E2E_MS }, () => {
  const suite = browserSuite(PORT);

  it("quotes a bid's place and batches, buys it, lists it and cancels it", async () => {
    me = await suite.open({ name: "Satoshi", lang: "en" });
    await createGame(me, { scenario: "halving-2020", seats: 1, pace: 8, bots: false, mode: "play" });
    await clock(me, "game.start");
    await clock(me, "game.pause");
    await seePhase(me, "paused");
    await (await see(me, me.page.getByTestId("open-shop"), "the Machine shop button")).click();
    const shop = await see(me, me.page.getByTestId("shop"), "the machine shop");
    const model = me.page.locator('[data-testid^="shop-model-"]:not([disabled])').first();
    await (await see(me, model, "a model on sale", SLOW_MS)).click();
    await me.page.getByTestId("shop-qty").fill("25");
    await me.page.getByTestId("shop-premium").fill("10");
    // The engine's quote: first in the queue, the bid's unit price, and the batches' dates.
    await seeText(me, "[data-testid=shop-queue]", /Factory queue: place 1 of 1/, "the queue line");
    await seeText(me, "[data-testid=shop-queue]", /your bid \+10%/, "the bid in the queue line");
    await seeText(me, "[data-testid=shop-queue]", /25 on /, "the batch shipping date");
    await shot(me, "preorder-quote", shop);
    const buy = me.page.getByTestId("shop-buy");
    await expect.poll(() => buy.isEnabled(), { timeout: SLOW_MS, message: "Buy enabled" }).toBe(true);
    await buy.click();
    await seeText(me, "[data-testid=shop-status]", me.say("act.done"), "the pre-order accepted");
    const row = me.page.locator('[data-testid^="preorder-po-"]');
    await see(me, row, "the pre-order under My pre-orders", SLOW_MS);
    await seeText(
      me,
      '[data-testid^="preorder-po-"]',
      /25 × .*Shenzhen.*place 1 of 1, bid \+10% · ships 25 on /,
      "the pre-order's line",
    );
    await shot(me, "preorder-listed", shop);
    const cancel = me.page.locator('[data-testid^="preorder-cancel-"]');
    await seeText(me, '[data-testid^="preorder-cancel-"]', /Cancel: refund \$/, "the refund on the button");
    await cancel.click();
    await seeText(me, "[data-testid=preorders]", me.say("factoryQueue.none"), "no pre-orders left");
  });
});
