/**
 * The hosting layer in the region card, end to end (issue #13 §3): Quebec's use, hosting price and queue
 * from the engine's quote (Quebec, the cheapest host: a lease larger than what is free must cost less
 * than a company's starting cash to queue, and Texas's dated fee is several times Quebec's); a lease
 * larger than what is free joins the queue; an own site is started with its quote; both show as mine in
 * the card. Screenshots of the card before and after.
 */
import { describe, it } from "vitest";
import type { Locator } from "playwright-core";
import { browserSuite } from "./helpers/suite.ts";
import { CHROMIUM, see, seeText, shot, SLOW_MS, type Player } from "./helpers/browser.ts";
import { seeEnabled, startPaused } from "./helpers/flows.ts";

const PORT = 2851;
const E2E_MS = 180_000;
let me: Player;

const whenEnabled = (what: string, target: Locator): Promise<Locator> => seeEnabled(me, target, what);

describe.skipIf(!CHROMIUM)("hosting in the region card (Chromium)", { timeout: E2E_MS }, () => {
  const suite = browserSuite(PORT);

  it("shows Quebec's use, price and queue, queues a lease and starts an own site", async () => {
    me = await suite.open({ name: "Satoshi", lang: "en" });
    await startPaused(me, { scenario: "halving-2020", seats: 1, pace: 8, bots: false, mode: "play" });
    await (await see(me, me.page.getByTestId("open-region"), "the toolbar's Regions button")).click();
    const card = me.page.getByTestId("region-panel");
    await see(me, card, "the region panel");
    await me.page.getByTestId("region-select").selectOption("ca-quebec");
    await seeText(
      me,
      "[data-testid=hosting-facts]",
      /% used · hosting \$/,
      "Quebec's use and price",
      SLOW_MS,
    );
    await shot(me, "hosting-region-card", card);

    // More than Quebec has free: the lease waits in the queue, with its expected wait.
    await me.page.getByTestId("hosting-kw").fill("300000");
    await seeText(
      me,
      "[data-testid=hosting-facts]",
      /would wait about \d+ days/,
      "the expected wait",
      SLOW_MS,
    );
    await (await whenEnabled("the queue button", me.page.getByTestId("hosting-queue"))).click();
    await seeText(me, "[data-testid=region-status]", me.say("act.done"), "the request accepted");
    await seeText(
      me,
      "[data-testid=hosting-mine]",
      /queued for 300,000 kW/,
      "my place in the queue",
      SLOW_MS,
    );

    // An own site: its capital, build time and upkeep quoted, then started.
    await me.page.getByTestId("site-kw").fill("1000");
    await seeText(
      me,
      "[data-testid=site-quote]",
      /Capital \$400,000 now · ready/,
      "the site's quote",
      SLOW_MS,
    );
    await (await whenEnabled("the build site button", me.page.getByTestId("site-build"))).click();
    await seeText(
      me,
      "[data-testid=hosting-mine]",
      /own site 1,000 kW, ready/,
      "my site under construction",
      SLOW_MS,
    );
    await shot(me, "hosting-queued-and-site", card);

    // Out of the queue again: nothing was paid while waiting.
    await (await whenEnabled("the leave-the-queue button", me.page.getByTestId("hosting-leave"))).click();
    await seeText(
      me,
      "[data-testid=hosting-mine]",
      /^Mine here: own site 1,000 kW, ready/,
      "only my site left",
      SLOW_MS,
    );
  });
});
