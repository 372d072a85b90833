/**
 * What people do in the lobby and the teacher console, as a person would: by labels and button names in
 * their own language (the dictionaries the client uses), so a test reads like the steps of a lesson.
 */
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { see, seeText, SLOW_MS, type Player } from "./browser.ts";

export interface NewGame {
  scenario?: string;
  seats?: number;
  /** Game days per second. */
  pace?: number;
  bots?: boolean;
  /** "classroom": the creator runs the game without a company of their own. */
  mode?: "play" | "classroom";
}

export async function setNickname(p: Player): Promise<void> {
  const box = await see(p, p.page.locator("#nickname"), "the nickname box in the lobby");
  await box.fill(p.name);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The six-letter join code the game bar shows ("Code ABC234" / "代码 ABC234"). */
export async function joinCodeShown(p: Player): Promise<string> {
  const template = escapeRegExp(p.say("game.code", { code: "@@" })).replace("@@", "([A-Z0-9]{6})");
  const text = await seeText(p, ".gamebar", new RegExp(template), "the game's join code in the game bar");
  const code = new RegExp(template).exec(text)?.[1];
  if (!code) throw new Error(`no join code in the game bar: "${text}"`);
  return code;
}

/** Fills the "create a game" form and creates it; returns the join code. */
export async function createGame(p: Player, game: NewGame = {}): Promise<string> {
  await setNickname(p);
  const { page } = p;
  if (game.scenario) await page.locator("#scenario").selectOption(game.scenario);
  if (game.seats) await page.locator("#seats").selectOption(String(game.seats));
  if (game.pace) await page.locator("#pace").selectOption(String(game.pace));
  if (game.mode) await page.getByTestId(`create-mode-${game.mode}`).check();
  const bots = page.locator("section[aria-labelledby=create] input[type=checkbox]").first();
  if (game.bots !== undefined) await bots.setChecked(game.bots);
  await page.getByRole("button", { name: p.say("lobby.createButton"), exact: true }).click();
  await see(p, page.locator(".gamebar"), "the game screen (its game bar) after creating a game");
  const code = await joinCodeShown(p);
  if (game.mode !== "classroom") await openDrawer(p, "fleet");
  return code;
}

/**
 * The map is the screen: the fleet, the console, the leaderboard and the map key are drawers opened from
 * the edge rails. Opens one (if not open yet) as a person would, with its rail button; the browser then
 * remembers it open (a reload keeps it). Flows that read the fleet or the console open theirs first.
 */
export async function openDrawer(p: Player, name: "fleet" | "console" | "board" | "legend"): Promise<void> {
  const button = await see(p, p.page.getByTestId(`drawer-${name}`), `the rail's ${name} button`);
  if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
  await expect
    .poll(() => button.getAttribute("aria-expanded"), { message: `the ${name} drawer to open` })
    .toBe("true");
}

/** Closes every open drawer (the map alone on screen, with its rails). */
export async function closeDrawers(p: Player): Promise<void> {
  for (const name of ["fleet", "console", "board", "legend"]) {
    const button = p.page.getByTestId(`drawer-${name}`);
    if ((await button.count()) && (await button.getAttribute("aria-expanded")) === "true")
      await button.click();
  }
  await expect
    .poll(() => p.page.locator('.rail-toggle[aria-expanded="true"]').count(), { message: "drawers closed" })
    .toBe(0);
}

/** Types the code into "join with a code" and joins. */
export async function joinByCode(p: Player, code: string): Promise<void> {
  await setNickname(p);
  const { page } = p;
  await page.locator("#code").fill(code);
  await page
    .locator("form", { has: page.locator("#code") })
    .getByRole("button", { name: p.say("lobby.join"), exact: true })
    .click();
  await see(p, page.locator(".gamebar"), `the game screen (its game bar) after joining with code ${code}`);
  // A player opens their fleet (a spectator has none: nothing to open).
  await page.waitForFunction(() => document.querySelector(".board li") !== null);
  if (await page.getByTestId("drawer-fleet").isVisible()) await openDrawer(p, "fleet");
}

export function teacher(p: Player) {
  return p.page.locator("section.teacher");
}

/**
 * The host's clock button (Start / Pause / Resume) once it says `label`, then clicks it: on the host bar
 * of a game the host plays in, on the game bar of a classroom (its console has one too).
 */
export async function clock(p: Player, label: "game.start" | "game.pause" | "game.resume"): Promise<void> {
  const button = p.page
    .locator(".hostbar, .gamebar")
    .getByRole("button", { name: p.say(label), exact: true });
  await (await see(p, button, `the host's "${p.say(label)}" button`)).click();
}

/** The phase the game bar shows ("Host · Running"): waits until it is `phase`. */
export async function seePhase(p: Player, phase: "running" | "paused" | "lobby" | "ended"): Promise<void> {
  await seeText(p, ".gamebar", p.say(`phase.${phase}`), `the game bar to say the game is ${phase}`);
}

/** Injects a shock from the teacher console; waits for the server's "Done." in the form. */
export async function inject(p: Player, template: string, targets: string[]): Promise<void> {
  const console_ = teacher(p);
  await see(p, console_.locator("#inject-template"), "the shock picker in the teacher console");
  await console_.locator("#inject-template").selectOption(template);
  const picker = console_.locator("#inject-targets");
  // The targets list fills from the game's regions once the first state has arrived.
  await p.page.waitForFunction(
    (ids) => {
      const s = document.querySelector<HTMLSelectElement>("#inject-targets");
      return !!s && ids.every((id) => Array.from(s.options).some((o) => o.value === id));
    },
    targets,
    { timeout: SLOW_MS },
  );
  await picker.selectOption(targets);
  await console_
    .locator("fieldset.inject")
    .getByRole("button", { name: p.say("teacher.send") })
    .click();
  await seeText(
    p,
    "fieldset.inject:not(.ask) .status",
    p.say("act.done"),
    "the server to accept the injected shock",
  );
}

/** Leaves the page open but hides the UI and toasts, so a screenshot shows only the map canvas. */
export async function withUiHidden<T>(page: Page, run: () => Promise<T>): Promise<T> {
  const hide = (on: boolean) =>
    page.evaluate((hidden) => {
      for (const id of ["ui", "toasts"]) {
        const el = document.getElementById(id);
        if (el) el.style.visibility = hidden ? "hidden" : "";
      }
    }, on);
  await hide(true);
  try {
    return await run();
  } finally {
    await hide(false);
  }
}

/** Waits until `target` is visible and enabled (the engine's quote said yes), and returns it to click. */
export async function seeEnabled(p: Player, target: Locator, what: string): Promise<Locator> {
  await see(p, target, what);
  await expect
    .poll(() => target.isEnabled(), { timeout: SLOW_MS, message: `${what} to be enabled` })
    .toBe(true);
  return target;
}

/** Creates a game, starts it and pauses it at once, so that a test acts on its first day. */
export async function startPaused(p: Player, game: NewGame): Promise<void> {
  await createGame(p, game);
  await clock(p, "game.start");
  await clock(p, "game.pause");
  await seePhase(p, "paused");
}
