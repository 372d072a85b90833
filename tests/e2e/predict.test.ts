/**
 * A prediction a class answers, in Chromium (issue #12 §3): the teacher asks about the next retarget
 * from the console, three students answer on their own screens (one in Chinese, one changing their
 * mind), the projector shows the distribution before the reveal, the teacher closes answers and
 * reveals, and every screen shows the retarget's real change. Screenshots of each step.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { see, seeText, shot, SLOW_MS, type Player } from "./helpers/browser.ts";
import { clock, createGame, joinByCode, seePhase, teacher } from "./helpers/flows.ts";
import { browserSuite } from "./helpers/suite.ts";

const PORT = 2791;

describe("a prediction answered by three students and shown on the projector", () => {
  const suite = browserSuite(PORT);
  let host: Player;
  let students: Player[] = [];
  let projector: Player;
  let code = "";

  const card = (p: Player | Page) => ("page" in p ? p.page : p).getByTestId("predict-card");

  it("the teacher creates a classroom game, three students join, the projector opens", async () => {
    host = await suite.open({ name: "Ms Li", lang: "en" });
    code = await createGame(host, {
      scenario: "halving-2020",
      seats: 3,
      pace: 8,
      bots: false,
      mode: "classroom",
    });
    students = [
      await suite.open({ name: "Ana", lang: "en" }),
      await suite.open({ name: "Bo", lang: "zh" }),
      await suite.open({ name: "Cy", lang: "en" }),
    ];
    for (const s of students) await joinByCode(s, code);
    const [page] = await Promise.all([
      host.context.waitForEvent("page", { timeout: SLOW_MS }),
      teacher(host).getByTestId("open-projector").click(),
    ]);
    if (!page) throw new Error("no projector window opened");
    projector = { ...host, name: "the projector", page, errors: [] };
    page.on("pageerror", (e) => projector.errors.push(e.message));
    await see(projector, page.getByTestId("projector"), "the projector view");
    await clock(host, "game.start");
    await seePhase(students[0]!, "running");
  });

  it("the teacher asks about the next retarget: the game waits, every student gets the card", async () => {
    await teacher(host).getByTestId("ask-retarget").click();
    for (const s of students) {
      await see(s, card(s), "the prediction card after the teacher asked");
      await seeText(
        s,
        "[data-testid=predict-card]",
        s.say("ask.retargetPrompt"),
        "the question in my language",
      );
    }
    await seePhase(host, "paused");
    await see(projector, card(projector), "the question on the projector");
  });

  it("three students answer on their screens (one changes their mind); the projector shows the distribution", async () => {
    const pick = async (s: Player, choice: number) => {
      await card(s).locator(`button[data-choice="${choice}"]`).click();
      await s.page.waitForFunction(
        (c) =>
          document
            .querySelector(`[data-testid=predict-card] button[data-choice="${c}"]`)
            ?.getAttribute("aria-pressed") === "true",
        choice,
        { timeout: SLOW_MS },
      );
    };
    await pick(students[0]!, 3);
    await pick(students[1]!, 2);
    await pick(students[2]!, 0);
    await pick(students[0]!, 2); // changed: up 0–5%
    await shot(students[1]!, "predict-student-zh");
    await seeText(
      host,
      "[data-testid=predict-count]",
      host.say("predict.answered", { n: 3, m: 3 }),
      "3 answers",
    );
    await seeText(
      projector,
      "[data-testid=predict-count]",
      host.say("predict.answered", { n: 3, m: 3 }),
      "3 answers",
    );
    // Before the reveal: the projector's bars, one student's tally hidden.
    const bars = projector.page.locator("[data-testid=predict-tally] li .count");
    await expect
      .poll(() => bars.allInnerTexts(), { timeout: SLOW_MS })
      .toEqual(["1 · 33%", "0 · 0%", "2 · 67%", "0 · 0%"]);
    expect(await card(students[2]!).getByTestId("predict-tally").count()).toBe(0);
    await shot(projector, "predict-projector-distribution");
    await shot(host, "predict-teacher-tally");
  });

  it("the teacher closes answers and reveals: every screen shows the retarget's change", async () => {
    await card(host)
      .getByRole("button", { name: host.say("predict.close"), exact: true })
      .click();
    await seeText(
      students[0]!,
      "[data-testid=predict-card]",
      students[0]!.say("predict.closed"),
      "answers closed",
    );
    await card(host).getByTestId("predict-reveal").click();
    const outcome = /retarget at block \d+ changed difficulty by [+-]\d+\.\d\d%/;
    await seeText(projector, "[data-testid=predict-outcome]", outcome, "the measured retarget", SLOW_MS);
    await seeText(
      students[0]!,
      "[data-testid=predict-outcome]",
      outcome,
      "the reveal on a student's screen",
      SLOW_MS,
    );
    await seeText(
      students[1]!,
      "[data-testid=predict-outcome]",
      /难度调整幅度为/,
      "the reveal in Chinese",
      SLOW_MS,
    );
    // The right choice is marked on the projector's bars.
    await see(
      projector,
      projector.page.locator("[data-testid=predict-tally] li.right"),
      "the right choice marked",
    );
    await shot(projector, "predict-projector-reveal");
    await shot(students[0]!, "predict-student-reveal");
    for (const p of [host, projector, ...students])
      expect(p.errors, `uncaught errors for ${p.name}`).toEqual([]);
  });

  it("the teacher's export has the three answers", async () => {
    const roomId = await host.page.evaluate(
      () => JSON.parse(localStorage.getItem("atlas.lastSeat") ?? "{}").roomId as string,
    );
    const secret = await host.page.evaluate(
      () => JSON.parse(localStorage.getItem("atlas.lastSeat") ?? "{}").hostSecret as string,
    );
    const csv = await (
      await fetch(`${suite.server.url}/api/export/${roomId}/predictions.csv`, {
        headers: { "x-host-secret": secret },
      })
    ).text();
    expect(csv.trim().split("\n")).toHaveLength(4);
    expect(csv).toContain("p1,Ana,Up 0–5%");
  });

  it("the teacher ends the game: a podium with the student's own rank, then the debrief lists the prediction", async () => {
    const ana = students[0]!;
    await teacher(host)
      .getByRole("button", { name: host.say("teacher.end"), exact: true })
      .click();
    await see(ana, ana.page.getByTestId("podium"), "the podium when the game ends", SLOW_MS);
    await seeText(ana, "[data-testid=podium-mine]", /#[123] of 3/, "my company's rank on the podium");
    expect(await ana.page.locator("[data-testid=podium] .step").count()).toBe(3);
    await shot(ana, "predict-podium-student");
    await ana.page.getByTestId("podium-continue").click();
    await ana.page.getByTestId("debrief-tab-predictions").click();
    await seeText(ana, "[data-testid=debrief-prediction]", "Ana: Up 0–5%", "my answer in the debrief");
    await seeText(
      ana,
      "[data-testid=debrief-prediction]",
      /changed difficulty by/,
      "the outcome in the debrief",
    );
    await shot(ana, "predict-debrief-student");
    expect(ana.errors).toEqual([]);
  });
});
