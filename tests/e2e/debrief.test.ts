/**
 * The end of a lesson: a teacher (English) runs a classroom game with a student (Chinese), opens the
 * projector view for the class, then ends the game. Both see the debrief in their language; only the
 * teacher gets the CSV downloads, and the file that downloads is a real table with a header row; the
 * replay slider moves the debrief through the days played.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { browserSuite } from "./helpers/suite.ts";
import { CHROMIUM, see, seeText, shot, SLOW_MS, type Player } from "./helpers/browser.ts";
import { clock, createGame, joinByCode, seePhase, teacher } from "./helpers/flows.ts";

const PORT = 2595;
const E2E_MS = 180_000;
let host: Player;
let student: Player;
let code = "";

const debrief = (p: Player) => p.page.getByTestId("debrief");

describe.skipIf(!CHROMIUM)("the debrief after the host ends the game (Chromium)", { timeout: E2E_MS }, () => {
  const suite = browserSuite(PORT);

  it("a classroom game runs for a few weeks with a student in it", async () => {
    host = await suite.open({ name: "Grace", lang: "en" });
    student = await suite.open({ name: "小明", lang: "zh" });
    code = await createGame(host, { scenario: "halving-2020", seats: 2, pace: 16, mode: "classroom" });
    await joinByCode(student, code);
    await clock(host, "game.start");
    await seePhase(student, "running");
    // A few weeks of days, so that the debrief has a history to chart and to replay.
    await seeText(student, ".hud", /2020年2月/, "the date to reach February 2020", SLOW_MS);
  });

  it("the teacher opens the projector view: the game for the class, with its join code", async () => {
    const [projector] = await Promise.all([
      host.context.waitForEvent("page", { timeout: SLOW_MS }),
      teacher(host).getByTestId("open-projector").click(),
    ]);
    if (!projector) throw new Error("no projector window opened");
    const viewer: Player = { ...host, name: "the projector", page: projector, errors: [] };
    projector.on("pageerror", (e) => viewer.errors.push(e.message));
    await see(viewer, projector.getByTestId("projector"), "the projector view");
    await seeText(viewer, "[data-testid=projector]", code, "the game's join code on the projector");
    // A spectator, with no controls: no teacher console, no fleet, no toolbar.
    expect(await projector.locator("section.teacher:visible, section.fleet:visible").count()).toBe(0);
    await shot(viewer, "projector-en");
    expect(viewer.errors, "uncaught errors on the projector page").toEqual([]);
    await projector.close();
  });

  it("the host ends the game and both see the debrief in their language", async () => {
    await teacher(host)
      .getByRole("button", { name: host.say("teacher.end"), exact: true })
      .click();
    await see(host, debrief(host), "the debrief after ending the game", SLOW_MS);
    await see(student, debrief(student), "the debrief when the host ends the game", SLOW_MS);
    await seeText(host, "[data-testid=debrief]", host.say("debrief.title"), "the debrief's title");
    await seeText(student, "[data-testid=debrief]", student.say("debrief.title"), "the debrief's title");
    const ended = (p: Player) =>
      new RegExp(p.say("debrief.statusEnded", { day: "@@" }).replace("@@", "\\d+"));
    await seeText(host, "[data-testid=debrief]", ended(host), "how many days the game lasted", SLOW_MS);
    await seeText(student, "[data-testid=debrief]", ended(student), "how many days the game lasted", SLOW_MS);
    // The game ends on the podium; "See the debrief" steps past it to the charts.
    await shot(host, "podium-en");
    // Two companies: the student's, and the bot's that filled the empty seat, tagged as the bot's.
    await expect.poll(() => host.page.locator("[data-testid=podium] .step").count()).toBe(2);
    expect(await host.page.getByTestId("podium-bot").count(), "companies tagged bot on the podium").toBe(1);
    for (const p of [host, student]) await p.page.getByTestId("podium-continue").click();
    await shot(host, "debrief-en");
    await shot(student, "debrief-zh");
  });

  it("the host downloads the companies-by-day CSV: a header row, then data", async () => {
    const button = await see(host, host.page.getByTestId("debrief-csv-company-days"), "the CSV download");
    const [download] = await Promise.all([
      host.page.waitForEvent("download", { timeout: SLOW_MS }),
      button.click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${code}-company-days.csv`);
    const path = await download.path();
    const lines = readFileSync(path, "utf8").trim().split(/\r?\n/);
    const header = (lines[0] ?? "").split(",");
    expect(header, `the CSV's first line: ${lines[0]}`).toEqual(
      expect.arrayContaining(["scenarioHash", "seed", "engineVersion"]),
    );
    expect(lines.length, "rows under the header (one per company and day)").toBeGreaterThan(10);
    // Every row has as many fields as the header (the simple tables here have no quoted commas).
    const widths = new Set(lines.slice(1, 50).map((l) => l.split(",").length));
    expect([...widths]).toEqual([header.length]);
    // Students see the debrief but not the host's exports.
    expect(await student.page.getByTestId("debrief-csv-company-days").count()).toBe(0);
  });

  it("the replay slider takes the debrief back to the first day", async () => {
    await host.page.getByTestId("debrief-tab-replay").click();
    const slider = await see(host, host.page.getByTestId("debrief-slider"), "the replay's day slider");
    const when = host.page.locator("[data-testid=debrief] .replay-when");
    const last = await when.innerText();
    // As a keyboard user would: Home takes a range input to its first value.
    await slider.focus();
    await host.page.keyboard.press("Home");
    await expect
      .poll(() => when.innerText(), { timeout: SLOW_MS, message: "the replay's day" })
      .not.toBe(last);
    const first = host.say("debrief.replayDay", { day: 1, days: "@@" }).replace("@@", "\\d+");
    await seeText(host, "[data-testid=debrief] .replay-when", new RegExp(`1 Jan 2020 · ${first}`), "day 1");
    expect(host.errors, "uncaught errors in the host's page").toEqual([]);
    expect(student.errors, "uncaught errors in the student's page").toEqual([]);
  });
});
