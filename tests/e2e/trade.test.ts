/**
 * Shipping with time counted (issue #13 §4), through the ship dialog: each mode shows its landed cost
 * with the time it costs; the dialog preselects the lowest landed cost; choosing the premium customs
 * broker asks the engine again and shows its fee; the lot ships with that broker. Screenshots of the
 * dialog with each broker.
 */
import { describe, expect, it } from "vitest";
import type { Locator } from "playwright-core";
import { browserSuite } from "./helpers/suite.ts";
import { CHROMIUM, see, seeText, shot, SLOW_MS, type Player } from "./helpers/browser.ts";
import { clock, seePhase, seeEnabled, startPaused } from "./helpers/flows.ts";

const PORT = 2870;
const E2E_MS = 240_000;
let me: Player;
let lot = "";

const whenEnabled = (what: string, target: Locator): Promise<Locator> => seeEnabled(me, target, what);

describe.skipIf(!CHROMIUM)("landed cost and the customs broker (Chromium)", { timeout: E2E_MS }, () => {
  const suite = browserSuite(PORT);

  it("orders machines and opens the ship dialog once the factory has made them", async () => {
    me = await suite.open({ name: "Satoshi", lang: "en" });
    await startPaused(me, { scenario: "halving-2020", seats: 1, pace: 8, bots: false, mode: "play" });
    await (await see(me, me.page.getByTestId("open-shop"), "the shop button")).click();
    const model = me.page.locator('[data-testid^="shop-model-"]:not([disabled])').first();
    await (await see(me, model, "a model on sale", SLOW_MS)).click();
    await me.page.getByTestId("shop-qty").fill("150");
    await (await whenEnabled("the shop's Buy button", me.page.getByTestId("shop-buy"))).click();
    await seeText(me, "[data-testid=shop-status]", me.say("act.done"), "the order accepted");
    await me.page.getByTestId("shop-close").click();
    const row = await see(me, me.page.locator('[data-testid^="fleet-lot-"]'), "the lot in the fleet");
    lot = ((await row.getAttribute("data-testid")) ?? "").replace("fleet-lot-", "");
    await clock(me, "game.resume");
    const ship = me.page.getByTestId(`ship-${lot}`);
    await see(me, ship, "the Ship button once the factory has made the machines", SLOW_MS);
    await clock(me, "game.pause");
    await seePhase(me, "paused");
    await ship.click();
    await see(me, me.page.getByTestId("ship"), "the ship dialog");
  });

  it("shows each mode's landed cost with its time cost, and preselects the lowest", async () => {
    await me.page.getByTestId("ship-dest").selectOption("us-texas");
    await seeText(
      me,
      "[data-testid=ship-landed-air]",
      /landed ≈ \$[\d,]+ · time \$[\d,]+/,
      "air's landed cost",
    );
    await seeText(
      me,
      "[data-testid=ship-landed-sea]",
      /landed ≈ \$[\d,]+ · time \$[\d,]+/,
      "sea's landed cost",
    );
    const landed = async (mode: string) =>
      Number(
        (
          (await me.page.getByTestId(`ship-landed-${mode}`).innerText()).match(/landed ≈ \$([\d,]+)/)?.[1] ??
          ""
        ).replaceAll(",", ""),
      );
    const [air, sea] = [await landed("air"), await landed("sea")];
    const cheaper = air <= sea ? "air" : "sea";
    await expect
      .poll(() => me.page.getByTestId(`ship-mode-${cheaper}`).getAttribute("aria-pressed"), {
        message: "the lowest landed cost preselected",
      })
      .toBe("true");
    await seeText(
      me,
      "[data-testid=ship-quote]",
      /Landed cost about/,
      "the chosen mode's landed cost spelt out",
    );
    await shot(me, "trade-ship-landed-cost", me.page.getByTestId("ship"));
  });

  it("asks again with the premium broker, shows its fee, and ships with it", async () => {
    await me.page.getByTestId("ship-broker").selectOption("premium");
    await seeText(me, "[data-testid=ship]", /broker \$[1-9][\d,]*/, "the premium broker's fee");
    await shot(me, "trade-ship-premium-broker", me.page.getByTestId("ship"));
    await (await whenEnabled("the ship dialog's Send button", me.page.getByTestId("ship-send"))).click();
    await seeText(me, `[data-testid=fleet-lot-${lot}]`, me.say("lotStatus.inTransit"), "the lot in transit");
  });
});
