/**
 * The designer's report opens from file:// in a browser with the network cut off (everything it needs
 * is inlined): every chart is drawn, no script fails, and a screenshot of each page is kept in
 * tests/e2e/screenshots/ (report, comparison, sweep). No game server: the pages are plain files.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../node/scenarios.ts";
import { CHROMIUM, launchBrowser, SLOW_MS } from "./helpers/browser.ts";

const simulate = (args: string[]) => {
  const out = spawnSync(process.execPath, ["--import", "tsx", "tools/simulate.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (out.status !== 0) throw new Error(`simulate ${args.join(" ")} failed: ${out.stderr}`);
};

const SHOTS = join(ROOT, "tests/e2e/screenshots");

describe.skipIf(!CHROMIUM)("the Monte-Carlo report page (Chromium, offline)", { timeout: 180_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), "report-page-"));
  let browser: Browser | null = null;
  beforeAll(async () => {
    const run = [
      "--scenario",
      "halving-2020",
      "--bots",
      // A strategy file's path is the longest label a report shows.
      "./examples/strategies/simple.ts,efficiency,trader,idle",
      "--runs",
      "2",
      "--days",
      "50",
    ];
    simulate([...run, "--jobs", "1", "--quiet", "--report", join(dir, "a")]);
    simulate([...run, "--jobs", "1", "--quiet", "--seed", "9", "--json", join(dir, "b.json")]);
    simulate(["--compare", join(dir, "a", "report.json"), join(dir, "b.json"), "--report", join(dir, "c")]);
    simulate([
      ...run,
      "--jobs",
      "1",
      "--quiet",
      "--sweep",
      "usedMarket.spreadPct=8,16",
      "--report",
      join(dir, "s"),
    ]);
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  /**
   * Opens a page with every request other than the file itself refused; returns the script errors, and
   * says so when the page is wider than the window.
   */
  async function open(file: string, charts: number, shot: string): Promise<string[]> {
    const context = await (browser as Browser).newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    const fetched: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith("file:")) return route.continue();
      fetched.push(url);
      return route.abort();
    });
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction((n) => document.querySelectorAll(".uplot canvas").length >= n, charts, {
      timeout: SLOW_MS,
    });
    // Nothing runs off the page sideways (a wide table scrolls in its own box; labels fit their charts).
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) errors.push(`the page is ${overflow} px wider than the window`);
    mkdirSync(SHOTS, { recursive: true });
    writeFileSync(join(SHOTS, `${shot}.png`), await page.screenshot({ fullPage: true }));
    await context.close();
    return [...errors, ...fetched.map((u) => `fetched ${u}`)];
  }

  it("draws the report's five time-series charts with nothing fetched", async () => {
    expect(await open(join(dir, "a", "index.html"), 5, "workbench-report")).toEqual([]);
  });

  it("draws both runs' charts on the comparison page", async () => {
    expect(await open(join(dir, "c", "index.html"), 10, "workbench-compare")).toEqual([]);
  });

  it("shows a sweep's page (static SVG: no chart to wait for)", async () => {
    expect(await open(join(dir, "s", "index.html"), 0, "workbench-sweep")).toEqual([]);
  });
});
