/**
 * Headless Chromium for the browser tests, driven by playwright-core: Debian's `chromium` (or
 * CHROMIUM_PATH), never a downloaded browser. A Player is one person: a browser context (its own
 * localStorage, so its own seat) with one page, in English or Chinese. Waiting helpers fail with what
 * the person was expected to see and what their screen showed instead.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { translate, type Lang, type MessageKey } from "../../../client/src/i18n/index.ts";
import { ROOT } from "../../../node/scenarios.ts";

export type { Lang };

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium"];

/** The Chromium to drive: $CHROMIUM_PATH, else Debian's; null when none is installed. */
export function findChromium(): string | null {
  const wanted = process.env.CHROMIUM_PATH;
  if (wanted) return existsSync(wanted) ? wanted : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export const CHROMIUM = findChromium();
if (!CHROMIUM) {
  console.warn(
    "browser tests skipped: no Chromium (apt-get install chromium fonts-noto-cjk, or set CHROMIUM_PATH)",
  );
}

/**
 * With no GPU, WebGL runs on SwiftShader (which recent Chromium enables only when asked): the real
 * renderer, but a 1280×800 map then draws at 4–7 frames a second and keeps a core busy. Tests of the
 * map itself use it; tests of flows turn WebGL off, so Phaser falls back to its Canvas renderer
 * (about 40 frames a second here) and the machine stays responsive for the server and the other pages.
 */
export function launchBrowser(renderer: "webgl" | "canvas" = "canvas"): Promise<Browser> {
  if (!CHROMIUM) throw new Error("no Chromium: apt-get install chromium, or set CHROMIUM_PATH");
  const gl = renderer === "webgl" ? ["--enable-unsafe-swiftshader"] : ["--disable-webgl", "--disable-webgl2"];
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [...gl, "--no-first-run", "--disable-extensions"],
    timeout: 60_000,
  });
}

/** Short waits are for things on screen; slow ones for what a loaded 2-core machine computes. */
export const SEE_MS = 20_000;
export const SLOW_MS = 60_000;

export interface Player {
  name: string;
  lang: Lang;
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions thrown in the page since it opened. */
  errors: string[];
  /** A message as this player reads it, in their language. */
  say(key: MessageKey, params?: Record<string, string | number>): string;
}

export interface PlayerOptions {
  name: string;
  lang: Lang;
  /** A saved storage state (localStorage: nickname, seat token, host secret) to open with. */
  storageState?: Awaited<ReturnType<BrowserContext["storageState"]>>;
  /** Let the first-game tutorial offer itself (its card covers part of the screen); off by default. */
  tutorial?: boolean;
  /** Screen size (default 1280×800) and whether it is a touch screen (a tablet). */
  viewport?: { width: number; height: number };
  touch?: boolean;
}

export async function openPlayer(browser: Browser, baseUrl: string, options: PlayerOptions): Promise<Player> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    // The browser's language picks the game's (zh-* → Chinese) the way a real visitor's would.
    locale: options.lang === "zh" ? "zh-CN" : "en-US",
    viewport: options.viewport ?? { width: 1280, height: 800 },
    hasTouch: options.touch ?? false,
    acceptDownloads: true,
    ...(options.storageState ? { storageState: options.storageState } : {}),
  });
  context.setDefaultTimeout(SEE_MS);
  // These people have taken the tour before: its card would sit over the panels the flows use.
  if (!options.tutorial) {
    await context.addInitScript(() => {
      try {
        localStorage.setItem("atlas.tutorial.done", "1");
      } catch {
        // about:blank and other opaque origins have no storage; the game's page has.
      }
    });
  }
  const page = await context.newPage();
  const errors: string[] = [];
  // The message and where it was thrown (the bundle's function and position), so a failure names its place.
  page.on("pageerror", (e) => errors.push([e.message, ...(e.stack ?? "").split("\n").slice(1, 4)].join(" ")));
  // Confirmations (end the game, kick) are answered yes, as the person clicking meant.
  page.on("dialog", (d) => void d.accept());
  await page.goto("/");
  return {
    name: options.name,
    lang: options.lang,
    context,
    page,
    errors,
    say: (key, params) => translate(options.lang, key, params),
  };
}

async function screenText(page: Page): Promise<string> {
  const text = await page
    .locator("body")
    .innerText({ timeout: 2_000 })
    .catch(() => "(page unreadable)");
  return text.replace(/\s+/g, " ").trim().slice(0, 800);
}

/** Waits until `target` is visible; fails saying what `who` expected to see and what was on screen. */
export async function see(who: Player, target: Locator, what: string, timeout = SEE_MS): Promise<Locator> {
  try {
    await target.first().waitFor({ state: "visible", timeout });
    return target.first();
  } catch {
    throw new Error(
      `${who.name} (${who.lang}) expected to see ${what} within ${timeout / 1000} s.\n` +
        `Their screen showed: "${await screenText(who.page)}"` +
        (who.errors.length ? `\nPage errors: ${who.errors.join(" | ")}` : ""),
    );
  }
}

/** Waits until the text of `selector` contains `text` (or matches it). */
export async function seeText(
  who: Player,
  selector: string,
  text: string | RegExp,
  what: string,
  timeout = SEE_MS,
): Promise<string> {
  const pattern = typeof text === "string" ? { source: text, flags: "" } : text;
  const found = await who.page
    .waitForFunction(
      ({ selector, source, flags, literal }) => {
        const el = document.querySelector(selector);
        const content = el instanceof HTMLElement ? el.innerText : "";
        const hit = literal ? content.includes(source) : new RegExp(source, flags).test(content);
        return hit ? content : false;
      },
      { selector, source: pattern.source, flags: pattern.flags, literal: typeof text === "string" },
      { timeout },
    )
    .then((h) => h.jsonValue() as Promise<string>)
    .catch(() => null);
  if (found !== null) return found;
  const shown = await who.page
    .locator(selector)
    .first()
    .innerText({ timeout: 2_000 })
    .catch(() => "(not on the page)");
  throw new Error(
    `${who.name} (${who.lang}) expected ${what}: ${selector} to show ${String(text)} within ${timeout / 1000} s.\n` +
      `It showed: "${shown.replace(/\s+/g, " ").slice(0, 600)}"\nWhole screen: "${await screenText(who.page)}"`,
  );
}

const SHOTS = join(ROOT, "tests/e2e/screenshots");
const DOCS = join(ROOT, "docs/screenshots");

/**
 * Saves a screenshot for people to look at: always under tests/e2e/screenshots/ (git-ignored), and
 * under docs/screenshots/ too when `npm run screenshots` asks for the documentation set.
 */
export async function shot(who: Player, name: string, target?: Locator): Promise<Buffer> {
  const png = target ? await target.screenshot() : await who.page.screenshot();
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(join(SHOTS, `${name}.png`), png);
  if (process.env.ATLAS_DOCS_SCREENSHOTS === "1") {
    mkdirSync(DOCS, { recursive: true });
    writeFileSync(join(DOCS, `${name}.png`), png);
  }
  return png;
}

export async function closeAll(browser: Browser | null, players: Player[]): Promise<void> {
  for (const p of players) await p.context.close().catch(() => undefined);
  await browser?.close().catch(() => undefined);
}
