/**
 * The class-sized world and machine leases in a browser: the host creates a class-sized game from the
 * lobby's form, the HUD shows the players' share of the network, and the used market's panel shows the
 * machine-lease section (its rules, its form, the glossary tip). Screenshots of each.
 */
import { describe, expect, it } from "vitest";
import { browserSuite } from "./helpers/suite.ts";
import { CHROMIUM, see, seeText, shot, SLOW_MS, type Player } from "./helpers/browser.ts";
import { clock, seePhase, setNickname, joinCodeShown } from "./helpers/flows.ts";

const PORT = 2891;
const E2E_MS = 180_000;
let me: Player;

describe.skipIf(!CHROMIUM)("a class-sized world with machine leases (Chromium)", { timeout: E2E_MS }, () => {
  const suite = browserSuite(PORT);

  it("creates a class-sized game from the lobby and shows the players' share on the HUD", async () => {
    me = await suite.open({ name: "Satoshi", lang: "en" });
    await setNickname(me);
    const { page } = me;
    await page.locator("#scenario").selectOption("sandbox");
    await page.locator("#seats").selectOption("2");
    await page.getByTestId("create-mode-play").check();
    const box = await see(me, page.getByTestId("create-classWorld"), "the class-sized world box");
    await box.check();
    await shot(me, "classmaas-create", page.locator("section[aria-labelledby=create]"));
    await page.getByRole("button", { name: me.say("lobby.createButton"), exact: true }).click();
    await see(me, page.locator(".gamebar"), "the game screen after creating a game");
    await joinCodeShown(me);
    await clock(me, "game.start");
    await seePhase(me, "running");
    const share = '[data-stat="cw.shareLabel"]';
    await seeText(me, ".hud", me.say("cw.shareLabel"), "the players' share on the HUD");
    await expect.poll(() => page.locator(share).count(), { timeout: SLOW_MS }).toBe(1);
    await shot(me, "classmaas-hud", page.locator(".hud"));
  });

  it("shows the machine-lease section in the market panel, with its rules, in Chinese too", async () => {
    const { page } = me;
    await (await see(me, page.getByTestId("open-market"), "the toolbar's Market button")).click();
    await see(me, page.getByTestId("machine-leases"), "the machine leases list");
    await seeText(
      me,
      "section.dialog:has([data-testid=machine-leases])",
      me.say("ml.title"),
      "the machine leases heading",
    );
    await seeText(me, "section.dialog:has([data-testid=machine-leases])", me.say("ml.none"), "no lease yet");
    await see(me, page.getByTestId("mlease-send"), "the lease button");
    await seeText(me, "[data-testid=mlease-quote]", me.say("ml.fill"), "the lease quote's prompt");
    await page.getByTestId("machine-leases").scrollIntoViewIfNeeded();
    await shot(me, "classmaas-leases", page.locator("section.dialog:has([data-testid=machine-leases])"));
    const zh = await suite.open({ name: "中本聪", lang: "zh" });
    await setNickname(zh);
    await (
      await see(zh, zh.page.getByTestId("create-classWorld"), "the class-sized world box in Chinese")
    ).isVisible();
    await seeText(zh, "section[aria-labelledby=create]", zh.say("cw.option"), "班级规模世界 on the form");
    await shot(zh, "classmaas-create-zh", zh.page.locator("section[aria-labelledby=create]"));
  });
});
