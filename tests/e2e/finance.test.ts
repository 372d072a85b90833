/**
 * Finance in the browser (issue #13 §4): in the finance panel a player buys BTC for the treasury at the
 * engine's quoted total, borrows against it with the engine's loan quote on screen (rate, loan to value,
 * margin call level), sees the loan listed with its rate and collateral, and repays it in full.
 * Screenshots: tests/e2e/screenshots/finance-*.png.
 */
import { describe, expect, it } from "vitest";
import type { Locator } from "playwright-core";
import { browserSuite } from "./helpers/suite.ts";
import { CHROMIUM, see, seeText, shot, type Player } from "./helpers/browser.ts";
import { seeEnabled, startPaused } from "./helpers/flows.ts";

const PORT = 2861;
const E2E_MS = 240_000;
let me: Player;

const whenEnabled = (what: string, target: Locator): Promise<Locator> => seeEnabled(me, target, what);

describe.skipIf(!CHROMIUM)("buy BTC, borrow against it and repay (Chromium)", { timeout: E2E_MS }, () => {
  const suite = browserSuite(PORT);

  it("buys BTC at the quoted total with its fee", async () => {
    me = await suite.open({ name: "Satoshi", lang: "en" });
    await startPaused(me, { scenario: "tariffs-2025", seats: 1, pace: 8, bots: false, mode: "play" });
    await (await see(me, me.page.getByTestId("open-finance"), "the Finance button")).click();
    await seeText(me, "[data-testid=finance-rates]", /risk-free rate: 5\.22%/, "the 2024 T-bill rate");
    await me.page.getByTestId("finance-buy-btc").fill("10");
    await seeText(me, "[data-testid=finance-buy-quote]", /plus a fee of/, "the BTC purchase quote");
    await (await whenEnabled("the Buy BTC button", me.page.getByTestId("finance-buy"))).click();
    await seeText(me, "[data-testid=finance-status]", me.say("act.done"), "the BTC bought");
    await seeText(me, "[data-testid=finance-money]", /10 BTC|10\.0+ BTC/, "10 BTC held");
  });

  it("borrows against the BTC at the engine's quote; the loan is listed; repaying closes it", async () => {
    await me.page.getByTestId("finance-loan-btc").fill("10");
    await me.page.getByTestId("finance-loan-usd").fill("200000");
    await me.page.getByTestId("finance-loan-days").fill("90");
    await seeText(me, "[data-testid=finance-loan-quote]", /rate .*risk-free .*spread/, "the loan's rate");
    await seeText(
      me,
      "[data-testid=finance-loan-quote]",
      /margin call comes if/i,
      "where a margin call comes",
    );
    await shot(me, "finance-loan-quote", me.page.getByTestId("finance"));
    await (await whenEnabled("the Borrow button", me.page.getByTestId("finance-borrow"))).click();
    await seeText(me, "[data-testid=finance-loans]", /\$200,000/, "the loan listed with its principal");
    await shot(me, "finance-loan-open", me.page.getByTestId("finance"));
    await me.page.getByTestId("finance-repay-all").click();
    await (await whenEnabled("the Repay button", me.page.getByTestId("finance-repay"))).click();
    await seeText(me, "[data-testid=finance-loans]", me.say("finance.noLoans"), "no loans left");
    expect(me.errors, "uncaught errors in the page").toEqual([]);
  });
});
