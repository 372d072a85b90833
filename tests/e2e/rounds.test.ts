/**
 * Round mode in Chromium (issue #13 §5): the teacher picks the classroom preset in the create form (the
 * expected length says how long the match lasts), sets a round each month from the console, and starts;
 * at January's end the game pauses and every screen, the projector too, shows the round summary with
 * its countdown (a student in Chinese); the teacher continues at once and the game runs again.
 * Screenshots of each step.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { see, seeText, shot, SLOW_MS, type Player } from "./helpers/browser.ts";
import { clock, createGame, joinByCode, seePhase, setNickname, teacher } from "./helpers/flows.ts";
import { browserSuite } from "./helpers/suite.ts";

const PORT = 2882;

describe("round mode: a summary at each month's end, on every screen", () => {
  const suite = browserSuite(PORT);
  let host: Player;
  let students: Player[] = [];
  let projector: Player;

  const overlay = (p: Player | Page) => ("page" in p ? p.page : p).getByTestId("round-overlay");

  it("the create form's presets say how long the match lasts", async () => {
    host = await suite.open({ name: "Ms Li", lang: "en" });
    await setNickname(host);
    const { page } = host;
    await page.locator("#scenario").selectOption("halving-2020");
    const expected = "[data-testid=create-expected]";
    // The lobby preset: halving-2020's 456 days at 0.25 days a second, about half an hour, no rounds.
    await seeText(
      host,
      expected,
      host.say("lobby.expected", { min: 30, days: 456, pace: 0.25, extra: "" }),
      "the lobby preset's length",
    );
    expect(await page.locator("#pace").inputValue()).toBe("0.25");
    await page.getByTestId("create-preset").selectOption("classroom");
    const rounds = host.say("lobby.expected.rounds", { n: 14, s: 20 });
    await seeText(host, expected, rounds, "the classroom preset's rounds in the length");
    await shot(host, "rounds-create-preset", page.locator("section[aria-labelledby=create]"));
    // A pace picked by hand makes the preset custom; the length follows it.
    await page.locator("#pace").selectOption("16");
    expect(await page.getByTestId("create-preset").inputValue()).toBe("custom");
    await seeText(host, expected, /456 .*16×/, "the length at the pace picked");
  });

  it("the teacher creates the game, two students and the projector join, the console sets monthly rounds", async () => {
    const code = await createGame(host, {
      scenario: "halving-2020",
      seats: 2,
      pace: 16,
      bots: false,
      mode: "classroom",
    });
    students = [await suite.open({ name: "Ana", lang: "en" }), await suite.open({ name: "Bo", lang: "zh" })];
    for (const s of students) await joinByCode(s, code);
    const [page] = await Promise.all([
      host.context.waitForEvent("page", { timeout: SLOW_MS }),
      teacher(host).getByTestId("open-projector").click(),
    ]);
    if (!page) throw new Error("no projector window opened");
    projector = { ...host, name: "the projector", page, errors: [] };
    page.on("pageerror", (e) => projector.errors.push(e.message));
    await see(projector, page.getByTestId("projector"), "the projector view");
    const select = await see(host, teacher(host).getByTestId("teacher-rounds"), "the console's round mode");
    await select.selectOption("month:90");
    await expect.poll(() => select.inputValue(), { timeout: SLOW_MS }).toBe("month:90");
    await seeText(
      host,
      "[data-testid=teacher-rounds-status]",
      host.say("act.done"),
      "the server to take the round mode",
    );
  });

  it("at January's end the game pauses and every screen shows the round summary", async () => {
    await clock(host, "game.start");
    for (const p of [students[0]!, students[1]!, projector, host])
      await see(p, overlay(p), `the round summary on ${p.name}'s screen`, SLOW_MS);
    await seePhase(students[0]!, "paused");
    const title = (p: Player) => p.say("rounds.title", { n: 1, from: "2020-01-01", to: "2020-01-31" });
    await seeText(students[0]!, "[data-testid=round-overlay] h2", title(students[0]!), "round 1's title");
    await seeText(
      students[1]!,
      "[data-testid=round-overlay] h2",
      title(students[1]!),
      "round 1's title in Chinese",
    );
    await seeText(
      projector,
      "[data-testid=round-companies]",
      /Ana: /,
      "what each company did, on the projector",
    );
    await seeText(students[0]!, "[data-testid=round-clock]", /\d+ s to decide/, "the window's countdown");
    await seeText(
      students[0]!,
      "[data-testid=round-next]",
      /Next retarget in \d+ blocks/,
      "the next retarget",
    );
    expect(await overlay(students[0]!).getByTestId("round-continue").count()).toBe(0); // only the host continues
    await shot(students[0]!, "rounds-summary-student");
    await shot(students[1]!, "rounds-summary-student-zh");
    await shot(projector, "rounds-summary-projector");
    await shot(host, "rounds-summary-teacher");
  });

  it("a student forecasts the next retarget on the prediction card", async () => {
    const ana = students[0]!;
    const card = ana.page.getByTestId("predict-card");
    await seeText(ana, "[data-testid=predict-card]", /Forecast: by how much/, "the round's forecast");
    await card.locator("#predict-number").fill("2.5");
    await card.getByRole("button", { name: ana.say("predict.send"), exact: true }).click();
    await seeText(
      ana,
      "[data-testid=predict-card]",
      ana.say("predict.answered", { n: 1, m: 2 }),
      "my forecast taken",
    );
  });

  it("the teacher continues: the summary goes and the game runs again", async () => {
    await overlay(host).getByTestId("round-continue").click();
    await seePhase(students[0]!, "running");
    await expect.poll(() => overlay(students[0]!).isHidden(), { timeout: SLOW_MS }).toBe(true);
  });

  it("the retarget measures the forecast; when the game ends the debrief shows the student's forecast score", async () => {
    const ana = students[0]!;
    await seeText(
      ana,
      "[data-testid=predict-outcome]",
      /changed difficulty by/,
      "the retarget measuring the forecast",
      SLOW_MS,
    );
    await teacher(host)
      .getByRole("button", { name: host.say("teacher.end"), exact: true })
      .click();
    await see(ana, ana.page.getByTestId("podium"), "the podium when the game ends", SLOW_MS);
    await ana.page.getByTestId("podium-continue").click();
    await ana.page.getByTestId("debrief-tab-predictions").click();
    await seeText(
      ana,
      "[data-testid=debrief-forecasts]",
      /Ana: \d+ points \(1 of 1 forecasts\)/,
      "my forecast score",
    );
    await seeText(
      ana,
      "[data-testid=debrief-prediction]",
      /Ana: 2\.5 \(\d+ points\)/,
      "my forecast's points",
    );
    await shot(ana, "rounds-debrief-forecast-score");
    for (const p of [host, projector, ...students])
      expect(p.errors, `uncaught errors for ${p.name}`).toEqual([]);
  });
});
