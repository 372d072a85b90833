/**
 * Bot levels in the teacher's roster (issue #14 §1): a classroom game filled with bots; the teacher
 * picks a bot seat's level in the roster (EN), and the seat's tag says the level and strategy; in
 * Chinese the picker and the tag read 困难 (hard). Screenshots of the roster with the picker.
 */
import { describe, expect, it } from "vitest";
import { browserSuite } from "./helpers/suite.ts";
import { CHROMIUM, see, seeText, shot, type Player } from "./helpers/browser.ts";
import { clock, createGame, teacher } from "./helpers/flows.ts";

const PORT = 2932;
const E2E_MS = 180_000;

describe.skipIf(!CHROMIUM)("bot levels in the teacher's roster", { timeout: E2E_MS }, () => {
  const suite = browserSuite(PORT);
  let host: Player;

  it("the teacher sets seat p1's bot to hard; its tag says so", async () => {
    host = await suite.open({ name: "Grace", lang: "en", viewport: { width: 1280, height: 1600 } });
    await createGame(host, { scenario: "sandbox", seats: 2, pace: 1, mode: "classroom", bots: true });
    await clock(host, "game.start");
    const row = teacher(host).locator("ul.roster li[data-seat=p1]");
    const level = await see(host, row.locator("select[data-k=p1-level]"), "p1's level picker");
    expect(await level.inputValue()).toBe("normal");
    await level.selectOption("hard");
    await seeText(host, "[data-testid=tags-p1]", host.say("level.hard"), "p1 tagged as a hard bot");
    expect(await row.locator("select[data-k=p1-level]").inputValue()).toBe("hard");
    expect(await row.locator("button.term[data-term=botLevel]").count()).toBe(1);
    await shot(host, "bot-levels-roster-en", teacher(host).locator("ul.roster"));
  });

  it("in Chinese the picker and the tag read the level", async () => {
    const zh = await suite.open({ name: "Grace", lang: "zh", viewport: { width: 1280, height: 1600 } });
    await createGame(zh, { scenario: "sandbox", seats: 2, pace: 1, mode: "classroom", bots: true });
    await clock(zh, "game.start");
    const level = await see(zh, teacher(zh).locator("select[data-k=p2-level]"), "p2's level picker");
    await level.selectOption("easy");
    await seeText(zh, "[data-testid=tags-p2]", "简单", "p2 tagged 简单 (easy)");
    await shot(zh, "bot-levels-roster-zh", teacher(zh).locator("ul.roster"));
  });
});
