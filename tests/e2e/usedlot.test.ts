/**
 * The used market has a place (issue #13 §2), end to end in one browser: a used lot bought on
 * Kazakhstan's used market from the region card, at the engine's quote; shipped to Texas by air; cleared
 * by US customs (duty by where the machines were made); installed in a Texas lease. Screenshots at each
 * stage (tests/e2e/screenshots/usedlot-*.png). The host pauses while acting, as in economy.test.ts.
 */
import { describe, expect, it } from "vitest";
import type { Locator } from "playwright-core";
import { browserSuite } from "./helpers/suite.ts";
import { CHROMIUM, see, seeText, shot, SLOW_MS, type Player } from "./helpers/browser.ts";
import { clock, createGame, seePhase, seeEnabled } from "./helpers/flows.ts";
import { stockedModel } from "../helpers/usedMarket.ts";

const PORT = 2830;
const E2E_MS = 300_000;
const UNITS = 20;
const FROM = "kz-ekibastuz";
let me: Player;
let lot = "";

const whenEnabled = (what: string, target: Locator): Promise<Locator> => seeEnabled(me, target, what);

async function pause(): Promise<void> {
  await clock(me, "game.pause");
  await seePhase(me, "paused");
}

async function resume(): Promise<void> {
  await clock(me, "game.resume");
  await seePhase(me, "running");
}

async function openRegion(id: string): Promise<void> {
  await (await see(me, me.page.getByTestId("open-region"), "the toolbar's Regions button")).click();
  await see(me, me.page.getByTestId("region-panel"), "the region panel");
  await me.page.getByTestId("region-select").selectOption(id);
}

describe.skipIf(!CHROMIUM)("a used lot: Kazakhstan → Texas (Chromium)", { timeout: E2E_MS }, () => {
  const suite = browserSuite(PORT);

  it("buys a used lot on Kazakhstan's market from the region card, at the engine's quote", async () => {
    const model = stockedModel("exodus-2021", FROM, UNITS);
    me = await suite.open({ name: "Satoshi", lang: "en" });
    await createGame(me, { scenario: "exodus-2021", seats: 1, pace: 8, bots: false, mode: "play" });
    await clock(me, "game.start");
    await pause();
    await openRegion(FROM);
    const used = await see(me, me.page.getByTestId("used-here"), "the region card's used market");
    // Options are not "visible" to the browser: wait for the engine's catalog to list the model.
    await expect
      .poll(() => used.locator(`option[value="${model}"]`).count(), {
        timeout: SLOW_MS,
        message: `${model} among the used models`,
      })
      .toBe(1);
    await me.page.getByTestId("used-here-model").selectOption(model);
    await me.page.getByTestId("used-here-qty").fill(String(UNITS));
    const buy = await whenEnabled("the used market's Buy here button", me.page.getByTestId("used-here-buy"));
    // The quote: units on sale here, the price, the machines' age and failure rate.
    await seeText(me, "[data-testid=used-here-quote]", /for sale here .* months old/, "the used lot's quote");
    await shot(me, "usedlot-1-quote-kazakhstan", me.page.getByTestId("region-panel"));
    // More than the market holds is refused, with the stock named (the engine's reason).
    await me.page.getByTestId("used-here-qty").fill("100000");
    await seeText(me, "[data-testid=used-here-reason]", /holds only/, "why 100,000 cannot be bought here");
    expect(await buy.isEnabled(), "Buy enabled beyond the stock").toBe(false);
    await me.page.getByTestId("used-here-qty").fill(String(UNITS));
    await (await whenEnabled("Buy here again", buy)).click();
    await seeText(me, "[data-testid=region-status]", me.say("act.done"), "the purchase accepted");
    await me.page.getByTestId("region-panel-close").click();
    // Not a lot of exodus-2021's starting fleet (data-given): the one just bought.
    const bought = me.page.locator('section.fleet [data-testid^="fleet-lot-"]:not([data-given])');
    const row = await see(me, bought, "the used lot");
    lot = ((await row.getAttribute("data-testid")) ?? "").replace("fleet-lot-", "");
    expect(lot, "the new lot's id").not.toBe("");
    await seeText(
      me,
      `[data-testid=fleet-lot-${lot}]`,
      /Kazakhstan|Ekibastuz/,
      "the lot where it was bought",
    );
    await seeText(me, `[data-testid=fleet-lot-${lot}]`, me.say("lotStatus.stored"), "the lot in storage");
    await shot(me, "usedlot-2-bought");
  });

  it("ships it to Texas by air; US customs clears it", async () => {
    await (await see(me, me.page.getByTestId(`ship-${lot}`), "the used lot's Ship button")).click();
    await see(me, me.page.getByTestId("ship"), "the ship dialog");
    await me.page.getByTestId("ship-dest").selectOption("us-texas");
    await (await see(me, me.page.getByTestId("ship-mode-air"), "the air option with its quote")).click();
    await (await whenEnabled("the ship dialog's Send button", me.page.getByTestId("ship-send"))).click();
    await seeText(me, `[data-testid=fleet-lot-${lot}]`, me.say("lotStatus.inTransit"), "the lot in transit");
    await shot(me, "usedlot-3-shipped");
    await resume();
    await see(me, me.page.getByTestId(`install-${lot}`), "the Install button once cleared in Texas", SLOW_MS);
    await pause();
    await seeText(me, `[data-testid=fleet-lot-${lot}]`, /Texas/, "the lot's place: Texas");
    await shot(me, "usedlot-4-cleared-texas");
  });

  it("leases power in Texas and installs the used machines", async () => {
    await openRegion("us-texas");
    await me.page.getByTestId("lease-kw").fill(String(UNITS * 10));
    await (await whenEnabled("the region panel's Lease button", me.page.getByTestId("lease-submit"))).click();
    await seeText(me, "[data-testid=region-status]", me.say("act.done"), "the lease accepted");
    await me.page.getByTestId("region-panel-close").click();
    await (await see(me, me.page.getByTestId(`install-${lot}`), "the Install button")).click();
    await seeText(me, `[data-testid=fleet-lot-${lot}]`, me.say("lotStatus.installed"), "the lot installed");
    await shot(me, "usedlot-5-installed");
    expect(me.errors, "uncaught errors in the page").toEqual([]);
  });
});
