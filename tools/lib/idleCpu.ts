/**
 * The CPU a page's browser uses while a game runs and nobody touches it (bench:client). Playwright
 * starts Chromium as a child of this process, so the browser's processes (browser, renderers, GPU
 * process) are this process's descendants named chromium/chrome: their utime + stime from
 * /proc/<pid>/stat, before and after. Linux only (elsewhere: NaN).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { translate } from "../../client/src/i18n/index.ts";

/** Clock ticks per second of /proc's times (USER_HZ: 100 on every Linux this runs on). */
const TICKS = 100;

export interface IdleCpu {
  seconds: number;
  cpuSeconds: number;
  coreShare: number;
  processes: number;
  /** Frames the map drew meanwhile (the client's window.atlas.mapScene.frames; null: not counted). */
  mapFrames: number | null;
}

const FRAMES = `(() => { const s = window.atlas && window.atlas.mapScene; return s && typeof s.frames === "number" ? s.frames : null; })()`;

interface Proc {
  pid: number;
  ppid: number;
  comm: string;
  ticks: number;
}

function procs(): Proc[] {
  if (!existsSync("/proc/self/stat")) return [];
  return readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .flatMap((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, "utf8");
        // The name is in parentheses and may hold spaces: the fields after the last ")" are fixed.
        const close = stat.lastIndexOf(")");
        const comm = stat.slice(stat.indexOf("(") + 1, close);
        const f = stat.slice(close + 2).split(" ");
        return [{ pid: Number(d), ppid: Number(f[1]), comm, ticks: Number(f[11]) + Number(f[12]) }];
      } catch {
        return []; // gone meanwhile
      }
    });
}

/** CPU ticks of this process's Chromium descendants, by pid. */
function browserTicks(): Map<number, number> {
  const all = procs();
  const mine = new Set([process.pid]);
  // Parents come before children in pid order most of the time; repeat until nothing is added.
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all)
      if (!mine.has(p.pid) && mine.has(p.ppid)) {
        mine.add(p.pid);
        grew = true;
      }
  }
  return new Map(all.filter((p) => mine.has(p.pid) && /chrom/i.test(p.comm)).map((p) => [p.pid, p.ticks]));
}

/** Creates a game in the lobby (defaults, with bots), starts it, leaves it running `seconds`. */
export async function idleCpu(browser: Browser, url: string, seconds: number): Promise<IdleCpu> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-US" });
  await context.addInitScript(() => localStorage.setItem("atlas.tutorial.done", "1"));
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.body.dataset.mapReady === "1", undefined, { timeout: 60_000 });
    await page.locator("#nickname").fill("Bench");
    await page.getByRole("button", { name: translate("en", "lobby.createButton"), exact: true }).click();
    const start = page.getByRole("button", { name: translate("en", "game.start"), exact: true }).first();
    await start.click({ timeout: 60_000 });
    await page
      .locator(".gamebar", { hasText: translate("en", "phase.running") })
      .waitFor({ timeout: 60_000 });
    // Let the first frames and the camera settle before measuring.
    await page.waitForTimeout(3000);
    const before = browserTicks();
    const framesBefore = (await page.evaluate(FRAMES)) as number | null;
    await page.waitForTimeout(seconds * 1000);
    const after = browserTicks();
    const framesAfter = (await page.evaluate(FRAMES)) as number | null;
    let ticks = 0;
    for (const [pid, t] of after) ticks += t - (before.get(pid) ?? 0);
    const cpuSeconds = ticks / TICKS;
    const mapFrames = framesBefore === null || framesAfter === null ? null : framesAfter - framesBefore;
    return { seconds, cpuSeconds, coreShare: cpuSeconds / seconds, processes: after.size, mapFrames };
  } finally {
    await context.close();
  }
}
