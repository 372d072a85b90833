/**
 * A student away, and a bot that stands in only when the teacher says so (issue #12 §1). A teacher runs
 * a classroom game; Ana's browser closes for a while, during which the game runs on for 160 days
 * (20 seconds at 8×, counted in game days, not by the clock): nothing is done in Ana's name. She
 * comes back to the same seat. Then the teacher hands her company to a bot (confirmed in the page): her
 * screen says a bot is playing for her; what the bot does is marked as the bot's in the teacher's
 * timeline and the commands CSV; she takes her company back and reads what was done while the bot played.
 */
import { describe, expect, it } from "vitest";
import { browserSuite } from "./helpers/suite.ts";
import { CHROMIUM, see, seeText, shot, SLOW_MS, type Player } from "./helpers/browser.ts";
import { clock, createGame, joinByCode, seePhase, teacher } from "./helpers/flows.ts";

const PORT = 2770;
const E2E_MS = 240_000;
let host: Player;
let ana: Player;
let code = "";

interface Atlas {
  server: {
    view: { tick: number; companies: { seat: string; away: boolean; bot: boolean }[] } | null;
    welcome: { seat: string | null } | null;
  };
}

/** The game's tick as this person's client last received it. */
const tickOf = (p: Player) =>
  p.page.evaluate(() => (window as unknown as { atlas?: Atlas }).atlas?.server.view?.tick ?? -1);

/** The host's secret and the room, from the host browser's storage (what the console's exports use). */
async function hostKeys(p: Player): Promise<{ roomId: string; secret: string }> {
  return p.page.evaluate(() => {
    const atlas = (
      window as unknown as { atlas?: { server: { seat?: { roomId: string; hostSecret: string } } } }
    ).atlas;
    return { roomId: atlas?.server.seat?.roomId ?? "", secret: atlas?.server.seat?.hostSecret ?? "" };
  });
}

interface StoredRow {
  tick: number;
  actor: string;
}

/** The commands stored for seat p1 (the JSON export: the log as stored, actor with `by`). */
async function p1Commands(): Promise<{ tick: number; by: string | null }[]> {
  const { roomId, secret } = await hostKeys(host);
  const r = await fetch(`${suiteUrl()}/api/export/${roomId}/commands.json`, {
    headers: { "x-host-secret": secret },
  });
  const rows = ((await r.json()) as { rows: StoredRow[] }).rows;
  return rows
    .map((row) => ({ tick: row.tick, actor: JSON.parse(row.actor) as { companyId?: string; by?: string } }))
    .filter((row) => row.actor.companyId === "p1")
    .map((row) => ({ tick: row.tick, by: row.actor.by ?? null }));
}

let suiteUrl: () => string = () => "";

describe.skipIf(!CHROMIUM)(
  "a student away, and a bot only when the teacher hands it over",
  { timeout: E2E_MS },
  () => {
    const suite = browserSuite(PORT);
    suiteUrl = () => suite.server.url;

    it("the teacher starts a classroom game with Ana in seat p1", async () => {
      // A tall screen: at 800 px the console's roster sits below the fold, out of reach (the map layout
      // is being reworked apart; see issue #12 §4).
      host = await suite.open({ name: "Grace", lang: "en", viewport: { width: 1280, height: 1600 } });
      ana = await suite.open({ name: "Ana", lang: "en" });
      code = await createGame(host, { scenario: "sandbox", seats: 2, pace: 8, mode: "classroom" });
      await joinByCode(ana, code);
      await see(host, teacher(host).locator("ul.roster li", { hasText: "Ana" }), "Ana in the roster");
      await clock(host, "game.start");
      await seePhase(ana, "running");
    });

    it("Ana is away while 160 game days pass (20 s at 8×): nothing is done in her name", async () => {
      const storage = await ana.context.storageState();
      await ana.context.close();
      await seeText(host, "[data-testid=tags-p1]", host.say("hud.awayKept"), "Ana away, her seat kept");
      await shot(host, "absence-away-roster");
      const from = await tickOf(host);
      await host.page.waitForFunction(
        (start) => ((window as unknown as { atlas?: Atlas }).atlas?.server.view?.tick ?? 0) >= start + 160,
        from,
        { timeout: SLOW_MS },
      );
      expect(await p1Commands(), "commands stored for Ana's company while she was away").toEqual([]);
      // She comes back with the same browser storage: the same seat, and nothing to report.
      ana = await suite.open({ name: "Ana", lang: "en", storageState: storage });
      await ana.page.getByRole("button", { name: ana.say("lobby.resume") }).click();
      await see(ana, ana.page.locator(".gamebar"), "the game again after Resume");
      await ana.page.waitForFunction(
        () => (window as unknown as { atlas?: Atlas }).atlas?.server.welcome?.seat === "p1",
        undefined,
        { timeout: SLOW_MS },
      );
      await seeText(host, "[data-testid=tags-p1]", host.say("teacher.connected"), "Ana connected again");
      expect(await ana.page.getByTestId("away-summary").isVisible()).toBe(false);
      expect(await p1Commands()).toEqual([]);
    });

    it("the teacher hands Ana's company to a bot, after confirming; Ana's screen says so", async () => {
      const row = teacher(host).locator("ul.roster li[data-seat=p1]");
      const toBot = row.locator("[data-k=p1-botSeat]");
      expect(await toBot.getAttribute("aria-label")).toBe(`${host.say("teacher.toBot")}: Ana`);
      await toBot.click();
      const confirm = await see(host, host.page.getByTestId("confirm-p1"), "the in-page confirmation");
      await shot(host, "absence-confirm-hand-to-bot");
      await confirm.locator("[data-k=p1-yes]").click();
      await seeText(
        host,
        "[data-testid=tags-p1]",
        host.say("roster.botFor"),
        "the seat tagged as bot-played",
      );
      const veil = await see(ana, ana.page.getByTestId("veil"), "the veil saying a bot plays for her");
      await seeText(ana, "[data-testid=veil]", ana.say("veil.bot.title"), "'A bot is playing for you'");
      await shot(ana, "absence-bot-playing-for-you");
      // The bot acts (by state: until a command of Ana's company is stored), each marked as a stand-in's.
      await expect
        .poll(async () => (await p1Commands()).length, { timeout: SLOW_MS, message: "the bot's commands" })
        .toBeGreaterThan(0);
      expect((await p1Commands()).every((c) => c.by === "standIn")).toBe(true);
      expect(await veil.isVisible()).toBe(true);
    });

    it("the teacher's commands CSV and timeline mark the bot's decisions as the bot's", async () => {
      const { roomId, secret } = await hostKeys(host);
      const csv = await (
        await fetch(`${suite.server.url}/api/export/${roomId}/commands.csv`, {
          headers: { "x-host-secret": secret },
        })
      ).text();
      const lines = csv.trim().split(/\r?\n/);
      expect(lines[0]).toContain("actedBy");
      expect(lines.some((l) => l.includes("bot (standing in for Ana)"))).toBe(true);
      expect(csv).not.toContain('{"type"'); // plain words, not JSON
      await teacher(host).getByTestId("open-debrief").click();
      await see(host, host.page.getByTestId("debrief"), "the debrief", SLOW_MS);
      await host.page.getByTestId("debrief-tab-decisions").click();
      await seeText(
        host,
        "ol.decisions",
        "Bot standing in for Ana",
        "the bot's decisions marked in the timeline",
      );
      await shot(host, "absence-timeline-marked");
      await host.page.keyboard.press("Escape");
    });

    it("Ana takes her company back and reads what the bot did while it played", async () => {
      // The bot's day brings a burst of notices (breakdowns): a few at a time, and none in the way.
      expect(await ana.page.locator("#toasts .toast").count()).toBeLessThanOrEqual(4);
      await ana.page.getByTestId("veil-take-back").click();
      await see(ana, ana.page.getByTestId("away-summary"), "the 'while you were away' summary");
      await seeText(ana, "[data-testid=away-summary]", ana.say("away.title"), "its title");
      await shot(ana, "absence-while-you-were-away");
      expect(await ana.page.getByTestId("veil").isVisible()).toBe(false);
      await ana.page.getByTestId("away-ok").click();
      expect(await ana.page.getByTestId("away-summary").isVisible()).toBe(false);
      await seeText(host, "[data-testid=tags-p1]", host.say("teacher.connected"), "Ana playing again");
      expect(host.errors, `the teacher page errors: ${host.errors.join(" | ")}`).toEqual([]);
      expect(ana.errors, `Ana page errors: ${ana.errors.join(" | ")}`).toEqual([]);
    });
  },
);
