/**
 * A player's core loop, through the panels, in one browser (the host plays a company too): buy
 * machines in the shop, ship them from the factory to Texas by air, watch them arrive, lease power
 * there, install them and mine bitcoin; then sell the bitcoin and a machine. The host pauses the clock while acting, as a careful player
 * would, so that a slow machine does not let the game run away between clicks.
 */
import { describe, expect, it } from "vitest";
import type { Locator } from "playwright-core";
import { browserSuite } from "./helpers/suite.ts";
import { CHROMIUM, see, seeText, SLOW_MS, type Player } from "./helpers/browser.ts";
import { clock, createGame, seePhase, seeEnabled } from "./helpers/flows.ts";

const PORT = 2596;
const E2E_MS = 240_000;
const UNITS = 20;
let me: Player;
let lot = "";

const fleet = () => me.page.locator("section.fleet");

async function click(what: string, target: Locator): Promise<void> {
  await (await see(me, target, what)).click();
}

/** Waits for a button the engine's preview enables (the panels gate actions on its verdict). */
const whenEnabled = (what: string, target: Locator): Promise<Locator> => seeEnabled(me, target, what);

async function pause(): Promise<void> {
  await clock(me, "game.pause");
  await seePhase(me, "paused");
}

async function resume(): Promise<void> {
  await clock(me, "game.resume");
  await seePhase(me, "running");
}

describe.skipIf(!CHROMIUM)("buy, ship, lease, install and mine (Chromium)", { timeout: E2E_MS }, () => {
  const suite = browserSuite(PORT);

  it("buys machines in the shop; they appear in the fleet, on order", async () => {
    me = await suite.open({ name: "Satoshi", lang: "en" });
    await createGame(me, { scenario: "halving-2020", seats: 1, pace: 8, bots: false, mode: "play" });
    await clock(me, "game.start");
    await pause();
    // Closed panels stay out of the way of the map.
    const open = me.page.locator("section.dialog:visible");
    await expect.poll(() => open.count(), { message: "panels shown before any was opened" }).toBe(0);
    await click("the toolbar's Machine shop button", me.page.getByTestId("open-shop"));
    await see(me, me.page.getByTestId("shop"), "the machine shop");
    const model = me.page.locator('[data-testid^="shop-model-"]:not([disabled])').first();
    await see(me, model, "a model on sale in the shop", SLOW_MS);
    const name = (await model.innerText()).trim();
    await model.click();
    await me.page.getByTestId("shop-qty").fill(String(UNITS));
    await (await whenEnabled("the shop's Buy button", me.page.getByTestId("shop-buy"))).click();
    await seeText(me, "[data-testid=shop-status]", me.say("act.done"), "the order accepted");
    await me.page.getByTestId("shop-close").click();
    await expect.poll(() => open.count(), { message: "panels shown after closing the shop" }).toBe(0);
    const row = await see(me, fleet().locator('[data-testid^="fleet-lot-"]'), `the ${name} lot in the fleet`);
    lot = ((await row.getAttribute("data-testid")) ?? "").replace("fleet-lot-", "");
    expect(lot, "the new lot's id").not.toBe("");
    await seeText(me, `[data-testid=fleet-lot-${lot}]`, name, "the model bought");
    await seeText(me, `[data-testid=fleet-lot-${lot}]`, me.say("lotStatus.onOrder"), "the lot on order");
  });

  it("ships the lot to Texas by air when the factory has made it; it arrives", async () => {
    await resume();
    const ship = me.page.getByTestId(`ship-${lot}`);
    await see(me, ship, "the Ship button once the factory has made the machines", SLOW_MS);
    await pause();
    await ship.click();
    await see(me, me.page.getByTestId("ship"), "the ship dialog");
    await me.page.getByTestId("ship-dest").selectOption("us-texas");
    await click("the air freight option with its quote", me.page.getByTestId("ship-mode-air"));
    await (await whenEnabled("the ship dialog's Send button", me.page.getByTestId("ship-send"))).click();
    await seeText(me, `[data-testid=fleet-lot-${lot}]`, me.say("lotStatus.inTransit"), "the lot in transit");
    await resume();
    // Arrived: stored in the Texas warehouse, where it can be installed.
    await see(
      me,
      me.page.getByTestId(`install-${lot}`),
      "the Install button once the lot is in Texas",
      SLOW_MS,
    );
    await seeText(me, `[data-testid=fleet-lot-${lot}]`, /Texas/, "the lot's place: Texas");
    await seeText(me, `[data-testid=fleet-lot-${lot}]`, me.say("lotStatus.stored"), "the lot in storage");
    await pause();
  });

  it("leases power in Texas from the region panel", async () => {
    await click("the toolbar's Regions button", me.page.getByTestId("open-region"));
    await see(me, me.page.getByTestId("region-panel"), "the region panel");
    await me.page.getByTestId("region-select").selectOption("us-texas");
    // Generous: even the hungriest 2020 model draws under 3.5 kW a unit.
    await me.page.getByTestId("lease-kw").fill(String(UNITS * 10));
    await (await whenEnabled("the region panel's Lease button", me.page.getByTestId("lease-submit"))).click();
    await seeText(me, "[data-testid=region-status]", me.say("act.done"), "the lease accepted");
    await me.page.getByTestId("region-panel-close").click();
    await see(me, me.page.getByTestId("lease-us-texas"), "the Texas lease in the fleet panel");
    await seeText(me, "section.fleet", /Texas[^:]*: 200 kW/, "the leased kW");
  });

  it("installs the machines; they run and mine bitcoin", async () => {
    await me.page.getByTestId(`install-${lot}`).click();
    await seeText(me, `[data-testid=fleet-lot-${lot}]`, me.say("lotStatus.installed"), "the lot installed");
    await seeText(me, `[data-testid=fleet-lot-${lot}]`, me.say("fleet.isOn"), "the machines powered on");
    // Keep what is mined, so that it shows as a BTC balance rather than being sold for cash each day.
    await me.page.locator("#fleet-ratio").fill("0");
    await fleet().locator("[data-k=ratio-set]").click();
    await seeText(me, "section.fleet", me.say("fleet.sellRatio", { pct: "0" }), "the sell ratio at 0%");
    await resume();
    await seeText(me, "section.fleet .money", /BTC 0\.0*[1-9]/, "a BTC balance above zero", SLOW_MS);
    expect(me.errors, "uncaught errors in the page").toEqual([]);
  });

  it("sells the BTC mined and one machine, each once the engine says yes", async () => {
    await pause();
    await click("the toolbar's Finance button", me.page.getByTestId("open-finance"));
    const sellBtc = me.page.getByTestId("finance-sell");
    await me.page.getByTestId("finance-sell-btc").fill("1000");
    await seeText(me, "[data-testid=finance-sell-reason]", /\b1,000 BTC\b/, "why 1000 BTC cannot be sold");
    expect(await sellBtc.isEnabled(), "Sell enabled for more BTC than held").toBe(false);
    await click("the finance panel's All button", me.page.getByTestId("finance-sell-all"));
    await (await whenEnabled("the finance panel's Sell button", sellBtc)).click();
    await seeText(me, "[data-testid=finance-status]", me.say("act.done"), "the BTC sold");
    await seeText(me, "section.fleet .money", /BTC 0\.0+ BTC$/, "no BTC left");
    await me.page.getByTestId("finance-close").click();
    // What the lot holds now: customs or the trip may have damaged a unit or two on the way.
    const units = `[data-testid=fleet-lot-${lot}] td:nth-child(2)`;
    const before = Number((await me.page.locator(units).innerText()).trim());
    expect(before).toBeGreaterThan(1);
    await click("the toolbar's Used market button", me.page.getByTestId("open-market"));
    await me.page.getByTestId("market-sell-lot").selectOption(lot);
    await me.page.getByTestId("market-sell-qty").fill("1");
    await (await whenEnabled("the market's Sell button", me.page.getByTestId("market-sell"))).click();
    await seeText(me, "[data-testid=market-status]", me.say("act.done"), "one machine sold");
    await me.page.getByTestId("market-close").click();
    await seeText(me, units, new RegExp(`^${before - 1}$`), "one machine fewer in the lot");
    expect(me.errors, "uncaught errors in the page").toEqual([]);
  });
});
