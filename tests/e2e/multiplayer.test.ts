/**
 * A lesson with two people in two browsers: a teacher (English) creates a classroom game and a student
 * (Chinese) joins with the code. The teacher starts, pauses, bans mining in Texas from the console and
 * resumes; the student reads the news in Chinese. The student's browser closes; a new one with the same
 * storage takes the same seat back. Every step is checked on someone's screen.
 */
import { describe, expect, it } from "vitest";
import { translate } from "../../client/src/i18n/index.ts";
import { browserSuite } from "./helpers/suite.ts";
import { CHROMIUM, see, seeText, SLOW_MS, type Player } from "./helpers/browser.ts";
import { clock, createGame, inject, joinByCode, joinCodeShown, seePhase, teacher } from "./helpers/flows.ts";

const PORT = 2593;
const E2E_MS = 180_000;
let host: Player;
let student: Player;
let code = "";

const hudDate = (p: Player) => p.page.locator(".hud .stat .v").first().innerText();
const rosterRow = (name: string) => teacher(host).locator("ul.roster li", { hasText: name });

describe.skipIf(!CHROMIUM)("a teacher and a student in two browsers (Chromium)", { timeout: E2E_MS }, () => {
  const suite = browserSuite(PORT);

  it("the host creates a game and a second player joins it by its code", async () => {
    host = await suite.open({ name: "Grace", lang: "en" });
    student = await suite.open({ name: "小红", lang: "zh" });
    code = await createGame(host, { scenario: "halving-2020", seats: 3, pace: 2, mode: "classroom" });
    await seeText(host, ".gamebar", host.say("role.host"), "their role, Host, in the game bar");
    await joinByCode(student, code);
    expect(await joinCodeShown(student)).toBe(code);
    await seeText(student, ".gamebar", student.say("game.waiting"), "that the host has not started yet");
    // The teacher's roster lists the student, connected, in a seat of their own.
    await see(host, rosterRow(student.name), `${student.name} in the teacher console's roster`);
    await seeText(host, "section.teacher ul.roster", host.say("teacher.connected"), "the student connected");
  });

  it("the host starts and pauses the clock; the student's date moves, then stops", async () => {
    await clock(host, "game.start");
    await seePhase(student, "running");
    const first = await hudDate(student);
    await student.page.waitForFunction(
      (d) => document.querySelector(".hud .stat .v")?.textContent !== d,
      first,
      { timeout: SLOW_MS },
    );
    await clock(host, "game.pause");
    await seePhase(student, "paused");
    await seePhase(host, "paused");
    const paused = await hudDate(student);
    // At 2 days a second, 3 s of a running clock would move the date by about six days.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(await hudDate(student), "the student's date while the game is paused").toBe(paused);
  });

  it("the host bans mining in Texas from the teacher console; the game takes it", async () => {
    await inject(host, "ban", ["us-texas"]);
    // The ban shows on the map (the policy overlay's colour), which a test cannot read by region;
    // the state the map is drawn from can be (the client's window.atlas measurement hook).
    const policy = () =>
      student.page.evaluate(() => {
        const atlas = (
          window as unknown as {
            atlas?: { server: { view: { regions: { id: string; policy: string }[] } | null } };
          }
        ).atlas;
        return atlas?.server.view?.regions.find((r) => r.id === "us-texas")?.policy ?? "(no view)";
      });
    await expect
      .poll(policy, { timeout: SLOW_MS, message: "Texas's policy on the student's map" })
      .toBe("banned");
    // The console's "Done." follows a language switch (it once stayed English on a Chinese screen).
    const done = "fieldset.inject:not(.ask) .status";
    await host.page.locator(".gamebar").getByRole("button", { name: "中文" }).click();
    await seeText(host, done, translate("zh", "act.done"), "the shock's Done. in Chinese after switching");
    await host.page.locator(".gamebar").getByRole("button", { name: "English" }).click();
    await seeText(host, done, host.say("act.done"), "the shock's Done. in English again");
    await clock(host, "game.resume");
    await seePhase(student, "running");
  });

  it("both read the ban's headline in the news ticker, each in their language", async () => {
    await seeText(
      student,
      ".ticker",
      /德克萨斯.*禁止比特币挖矿/,
      "the ban's headline in the news ticker",
      SLOW_MS,
    );
    await seeText(
      host,
      ".ticker",
      /Texas.*bans bitcoin mining/,
      "the ban's headline in the news ticker",
      SLOW_MS,
    );
    expect(student.errors, "uncaught errors in the student's page").toEqual([]);
    expect(host.errors, "uncaught errors in the host's page").toEqual([]);
  });

  it("a dropped student reopens the browser and resumes the same seat", async () => {
    const seatBefore = (await rosterRow(student.name).locator("span.grow").innerText()).trim();
    const storage = await student.context.storageState();
    await student.context.close();
    // The teacher sees the seat kept under the student's name, nobody acting in it meanwhile.
    await expect
      .poll(() => rosterRow(student.name).locator(".tag").innerText(), {
        timeout: SLOW_MS,
        message: "the student's seat in the teacher's roster, kept while they are gone",
      })
      .toBe(host.say("hud.awayKept"));
    const back = await suite.open({
      name: student.name,
      lang: "zh",
      storageState: storage,
    });
    const resume = back.page.getByRole("button", { name: back.say("lobby.resume"), exact: true });
    await (await see(back, resume, "the lobby's button to resume the last game")).click();
    await see(back, back.page.locator(".gamebar"), "the game screen after resuming");
    expect(await joinCodeShown(back)).toBe(code);
    // Their own company again: marked "you" on the leaderboard, with its private fleet panel.
    await seeText(back, ".board li.me", student.name, "their company marked as theirs on the leaderboard");
    await see(back, back.page.locator("section.fleet"), "their fleet panel (their company's private view)");
    await expect
      .poll(() => rosterRow(student.name).locator(".tag").innerText(), {
        timeout: SLOW_MS,
        message: "the student's seat in the teacher's roster, human and connected again",
      })
      .toBe(host.say("teacher.connected"));
    // The same seat, not a new one: one row with their name, with the seat id it had before.
    expect(await rosterRow(student.name).count()).toBe(1);
    expect((await rosterRow(student.name).locator("span.grow").innerText()).trim()).toBe(seatBefore);
    expect(back.errors, "uncaught errors in the resumed page").toEqual([]);
  });
});
