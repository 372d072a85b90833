/**
 * What a visitor sees, in English and in Chinese: the lobby, then a running game over the world map.
 * The map canvas must be drawn (countries and regions, not a blank background), Chinese text must come
 * out in a CJK font as real glyphs (not boxes), and screenshots of each screen are kept for people.
 */
import { afterAll, describe, expect, it } from "vitest";
import { browserSuite } from "./helpers/suite.ts";
import { CHROMIUM, see, seeText, shot, SLOW_MS, type Lang, type Player } from "./helpers/browser.ts";
import { clock, createGame, seePhase, teacher } from "./helpers/flows.ts";
import { glyphReport, mapStats } from "./helpers/pixels.ts";

const PORT = 2594;
// WebGL on SwiftShader draws a few frames a second here: a game screen can take a minute under load.
const E2E_MS = 180_000;

describe.skipIf(!CHROMIUM)(
  "the lobby and the map, in English and Chinese (Chromium)",
  { timeout: E2E_MS },
  () => {
    const suite = browserSuite(PORT, "webgl");

    describe.each(["en", "zh"] as Lang[])("in %s", (lang) => {
      let p: Player;
      // A WebGL page left open keeps drawing on the CPU and would slow the next language's pages.
      afterAll(() => p?.context.close());

      it("shows the lobby in the visitor's language, the map drawn behind it", async () => {
        p = await suite.open({ name: lang === "zh" ? "小明" : "Ada", lang });
        await seeText(p, "h1", p.say("app.title"), "the game's title in the lobby");
        await see(
          p,
          p.page.getByRole("button", { name: p.say("lobby.createButton"), exact: true }),
          "Create",
        );
        const { stats } = await mapStats(p);
        // A blank canvas is one colour; the world map has land, sea, borders and region markers.
        expect(stats.colours, `distinct colours on the map canvas: ${JSON.stringify(stats)}`).toBeGreaterThan(
          12,
        );
        expect(stats.drawnShare, `share of the canvas drawn over the sea colour`).toBeGreaterThan(0.05);
        await shot(p, `lobby-${lang}`);
      });

      // Registered for Chinese only (rather than skipped in English, which would count as a skip).
      if (lang === "zh")
        it("draws Chinese in a CJK font, as distinct glyphs rather than boxes", async () => {
          const report = await glyphReport(p.page, "h1");
          const summary = JSON.stringify(report);
          expect(report.chars.length, `Han characters in the title: ${summary}`).toBeGreaterThanOrEqual(3);
          const cjk = report.fonts.filter((f) =>
            /CJK|Hei|Song|Ming|YaHei|PingFang|WenQuanYi/i.test(f.familyName),
          );
          expect(cjk.length, `fonts Chromium used for the title: ${summary}`).toBeGreaterThan(0);
          // Tofu: every missing character is drawn as the same box, so distinct glyphs prove real ones.
          expect(report.distinctGlyphs, summary).toBe(report.chars.length);
          expect(report.blank, summary).toBe(0);
        });

      it("runs a game over the drawn map, with the host bar for the host who plays", async () => {
        await createGame(p, { scenario: "halving-2020", seats: 2, pace: 4, bots: true, mode: "play" });
        await clock(p, "game.start");
        await seePhase(p, "running");
        // The HUD's date moves on as the days tick: the game really runs.
        await seeText(p, ".hud", p.say("hud.price"), "the HUD with the BTC price");
        const firstDate = await p.page.locator(".hud .stat .v").first().innerText();
        await p.page.waitForFunction(
          (d) => document.querySelector(".hud .stat .v")?.textContent !== d,
          firstDate,
          { timeout: SLOW_MS },
        );
        const { stats } = await mapStats(p);
        expect(
          stats.colours,
          `distinct colours on the map in a game: ${JSON.stringify(stats)}`,
        ).toBeGreaterThan(12);
        expect(stats.drawnShare).toBeGreaterThan(0.05);
        await shot(p, `game-${lang}`);
        // A game among friends: the small host bar (clock, pace, invite), not the classroom console.
        const hostBar = await see(p, p.page.getByTestId("hostbar"), "the host bar on the left rail");
        await see(p, p.page.getByTestId("host-invite"), "the host bar's Invite button");
        expect(await teacher(p).isVisible(), "the classroom console shown in a game among friends").toBe(
          false,
        );
        await shot(p, `hostbar-${lang}`, hostBar);
        expect(p.errors, "uncaught errors in the page").toEqual([]);
      });
    });
  },
);
