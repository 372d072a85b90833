/**
 * bench:client: what the browser client costs. (1) The production bundle: the JavaScript the first load
 * fetches (index.html's entry and preloads, and what they import statically), gzipped, against all of it.
 * (2) Time to the first map on localhost: the real server and a headless Chromium with an empty cache,
 * from navigation to the map's first frame (the client's `atlas:map-ready` mark). (3) Frame times with
 * 300 shipments in flight: synthetic views fed to the map through the client's `window.atlas` hook,
 * their progress moving as a 2×-pace game would, with requestAnimationFrame intervals recorded.
 * (4) Idle CPU: a running game nobody touches (1 game day a second, no shipments), the CPU seconds all
 * the Chromium processes used over `--idle-seconds` (default 30; from /proc/<pid>/stat of the browser's
 * process tree: renderer, GPU process and browser together), as a share of one core.
 * Figures only, no pass/fail: this machine has no GPU (WebGL runs on SwiftShader, on the CPU) and shares
 * its cores, so the frame figures are a worst case to compare runs by, not what players see.
 *
 *   npm run bench:client [-- --runs N] [--seconds S] [--shipments N] [--port P] [--json FILE]
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { idleCpu, type IdleCpu } from "./lib/idleCpu.ts";
import { tmpdir } from "node:os";
import { dirname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Browser } from "playwright-core";
import { parse } from "yaml";
import type { GameView, RegionView, ShipmentView } from "../client/src/net/view.ts";
import { intFlag, parseFlags, pathFlag, runMain, UsageError } from "./lib/cli.ts";
import { fixed, int, table } from "./lib/format.ts";
import { parseIsoDate } from "../shared/math/calendar.ts";
import { ROOT } from "../node/scenarios.ts";
import { spawnServer } from "./lib/serverProcess.ts";

const USAGE = `usage: npm run bench:client [-- --runs N] [--seconds S] [--shipments N] [--port P] [--json FILE]

  --runs N        cold loads to time the first map over (default 5)
  --seconds S     seconds of frames to record per case (default 5)
  --shipments N   shipments in flight for the frame test (default 300)
  --port P        port for the server it starts on 127.0.0.1 (default 2598)
  --idle-seconds S  seconds of an idle running game to measure the browser's CPU over (default 30)
  --json FILE     also write the figures as JSON
  CHROMIUM_PATH   the Chromium to drive (default: Debian's /usr/bin/chromium)`;

const DIST = join(ROOT, "client/dist");
const TARGET_FIRST_LOAD_KB = 600;
const TARGET_FIRST_MAP_MS = 1500;

interface Asset {
  file: string;
  bytes: number;
  gzip: number;
}

function asset(file: string): Asset {
  const body = readFileSync(join(DIST, file));
  return { file, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
}

/** Files a module imports statically (`import … from "./x.js"`, `import "./x.js"`); not `import()`. */
function staticImports(file: string): string[] {
  const code = readFileSync(join(DIST, file), "utf8");
  const out: string[] = [];
  for (const m of code.matchAll(/(?:\bimport|\bfrom)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
    out.push(normalize(join(dirname(file), m[1] as string)));
  }
  return out;
}

export interface BundleReport {
  firstLoad: Asset[];
  lazy: Asset[];
  css: Asset[];
}

/** The first load: index.html's module scripts and modulepreloads, and their static imports, transitively. */
export function bundleReport(): BundleReport {
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  const refs = (re: RegExp) => [...html.matchAll(re)].map((m) => normalize(m[1] as string));
  const entries = [
    ...refs(/<script[^>]*type="module"[^>]*src="\.?\/?([^"]+\.js)"/g),
    ...refs(/<link[^>]*rel="modulepreload"[^>]*href="\.?\/?([^"]+\.js)"/g),
  ];
  if (entries.length === 0) throw new Error("client/dist/index.html loads no module script");
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...staticImports(file));
  }
  const all = readdirSync(join(DIST, "assets"))
    .filter((f) => f.endsWith(".js"))
    .map((f) => join("assets", f));
  return {
    firstLoad: [...seen].map(asset),
    lazy: all.filter((f) => !seen.has(f)).map(asset),
    css: refs(/<link[^>]*rel="stylesheet"[^>]*href="\.?\/?([^"]+\.css)"/g).map(asset),
  };
}

const kb = (n: number) => `${fixed(n / 1024, 1)} kB`;
const sum = (xs: Asset[], k: "bytes" | "gzip") => xs.reduce((s, a) => s + a[k], 0);

interface Stats {
  n: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function stats(xs: number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  const mean = s.reduce((a, b) => a + b, 0) / Math.max(1, s.length);
  return { n: s.length, mean, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s[s.length - 1] ?? NaN };
}

type Renderer = "webgl" | "canvas";

function launch(renderer: Renderer): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(executablePath)) {
    throw new Error(`no Chromium at ${executablePath}: apt-get install chromium, or set CHROMIUM_PATH`);
  }
  // Without a GPU, WebGL is SwiftShader's (asked for explicitly); "canvas" turns WebGL off so that Phaser
  // uses its Canvas renderer, the fallback some players' browsers take.
  const gl = renderer === "webgl" ? ["--enable-unsafe-swiftshader"] : ["--disable-webgl", "--disable-webgl2"];
  return chromium.launch({ executablePath, args: [...gl, "--no-first-run", "--disable-extensions"] });
}

interface FirstMap {
  mapMs: number;
  fcpMs: number;
  /** JavaScript files the page had fetched by the first map. */
  scripts: string[];
}

/** One cold load (a new context has an empty cache): navigation to the map's first frame. */
async function firstMap(browser: Browser, url: string): Promise<FirstMap> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.body.dataset.mapReady === "1", undefined, { timeout: 60_000 });
    return await page.evaluate(() => {
      const mark = performance.getEntriesByName("atlas:map-ready")[0];
      const fcp = performance.getEntriesByName("first-contentful-paint")[0];
      const mapMs = mark ? mark.startTime : NaN;
      const scripts = performance
        .getEntriesByType("resource")
        .filter((e) => e.name.endsWith(".js") && e.startTime <= mapMs)
        .map((e) => new URL(e.name).pathname.replace(/^\//, ""));
      return { mapMs, fcpMs: fcp ? fcp.startTime : NaN, scripts };
    });
  } finally {
    await context.close();
  }
}

/** A plausible mid-game view: every region of the catalog, and `count` shipments on great circles. */
export function syntheticView(count: number): GameView {
  const regionsDoc = parse(readFileSync(join(ROOT, "shared/world/regions.yaml"), "utf8")) as {
    regions: { id: string; lon: number; lat: number; powerUsdPerKwh: number }[];
  };
  const hubsDoc = parse(readFileSync(join(ROOT, "shared/world/logistics.yaml"), "utf8")) as {
    hubs: { id: string; lon: number; lat: number }[];
  };
  const regions: RegionView[] = regionsDoc.regions.map((r, i) => ({
    id: r.id,
    country: "",
    policy: i % 9 === 0 ? "banned" : i % 5 === 0 ? "licensed" : "allowed",
    banPending: false,
    offline: false,
    powerMicroUsdPerKwh: Math.round(r.powerUsdPerKwh * 1e6),
    freeKw: (50 + ((i * 37) % 400)) * 1000,
    restOfWorldThs: (5 + (i % 7)) * 1e6,
    shareBps: (1 + ((i * 13) % 17)) * 100,
    history: [],
  }));
  const modes = ["sea", "air", "rail", "truck"] as const;
  const shipments: ShipmentView[] = [];
  for (let i = 0; i < count; i++) {
    const from = hubsDoc.hubs[i % hubsDoc.hubs.length] as { id: string; lon: number; lat: number };
    const to = regionsDoc.regions[(i * 7) % regionsDoc.regions.length] as {
      id: string;
      lon: number;
      lat: number;
    };
    const path: number[] = [];
    // Straight in lon/lat, 16 waypoints: the layer projects and draws them like real routes.
    for (let k = 0; k <= 16; k++) {
      path.push(from.lon + ((to.lon - from.lon) * k) / 16, from.lat + ((to.lat - from.lat) * k) / 16);
    }
    shipments.push({
      id: `bench-${i}`,
      owner: i % 8 === 0 ? "p1" : `p${2 + (i % 7)}`,
      mode: modes[i % modes.length] ?? "sea",
      status: "inTransit",
      fromId: from.id,
      toId: to.id,
      progress: (i * 0.618) % 1,
      path,
    });
  }
  return {
    phase: "running",
    scenario: "sandbox",
    code: "BENCH1",
    privateRoom: false,
    pace: 2,
    hideNames: false,
    day: parseIsoDate("2024-06-01"),
    tick: 0,
    days: 1096,
    height: 848_000,
    difficulty: 8.3e13,
    nextRetargetHeight: 848_448,
    retargetEstimatePct: 1.2,
    nextHalvingHeight: 1_050_000,
    priceCents: 6_700_000,
    hashpriceMicroUsd: 52_000,
    networkPowerCostMicroUsdPerThDay: 40_000,
    machinePriceHashpriceMicroUsd: 52_000,
    networkThs: 600e6,
    playerThs: 3e6,
    regions,
    companies: [],
    shipments,
    news: [],
    scoreBy: "equity",
    classWorld: false,
  };
}

// Runs in the page, as a string so that no bundler helper leaks into it. Feeds the view through the
// client's hook, moves every shipment on twice a second (a 2× game), and records frame intervals.
const FRAMES_SCRIPT = `async ({ view, seconds }) => {
  const atlas = window.atlas;
  if (!atlas) throw new Error("window.atlas is missing: the client's measurement hook");
  atlas.map.setView(view);
  let tick = 0;
  const timer = setInterval(() => {
    tick += 1;
    view = { ...view, tick, shipments: view.shipments.map((s) => ({ ...s, progress: (s.progress + 0.01) % 1 })) };
    atlas.map.setView(view);
  }, 500);
  await new Promise((r) => setTimeout(r, 1000));
  const times = [];
  const end = performance.now() + seconds * 1000;
  await new Promise((resolve) => {
    requestAnimationFrame(function frame(t) {
      times.push(t);
      if (t < end) requestAnimationFrame(frame); else resolve();
    });
  });
  clearInterval(timer);
  return times.slice(1).map((t, i) => t - times[i]);
}`;

async function frameTimes(browser: Browser, url: string, view: GameView, seconds: number): Promise<Stats> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.body.dataset.mapReady === "1", undefined, { timeout: 60_000 });
    // The lobby's panels cover the map; hide them as a game's narrower panels would not.
    await page.addStyleTag({ content: "#ui { display: none }" });
    const call = `(${FRAMES_SCRIPT})(${JSON.stringify({ view, seconds })})`;
    const intervals = (await page.evaluate(call)) as number[];
    return stats(intervals);
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2), {
    runs: { type: "string" },
    seconds: { type: "string" },
    shipments: { type: "string" },
    port: { type: "string" },
    json: { type: "string" },
    "idle-seconds": { type: "string" },
  });
  const idleSeconds = intFlag("idle-seconds", flags["idle-seconds"], 1, 600, 30);
  const runs = intFlag("runs", flags.runs, 1, 50, 5);
  const seconds = intFlag("seconds", flags.seconds, 1, 60, 5);
  const count = intFlag("shipments", flags.shipments, 0, 5000, 300);
  const port = intFlag("port", flags.port, 1024, 65535, 2598);
  const jsonPath = pathFlag("json", flags.json);
  if (!existsSync(join(DIST, "index.html"))) throw new UsageError("no client/dist: run npm run build:client");

  const bundle = bundleReport();
  const firstGz = sum(bundle.firstLoad, "gzip");
  const allJs = [...bundle.firstLoad, ...bundle.lazy];
  console.log("== production bundle (client/dist, gzip -9)");
  for (const line of table(
    [
      ["", "file", "raw", "gzip"],
      ...bundle.firstLoad.map((a) => ["first load", a.file, kb(a.bytes), kb(a.gzip)]),
      ...bundle.lazy.map((a) => ["later", a.file, kb(a.bytes), kb(a.gzip)]),
      ...bundle.css.map((a) => ["css", a.file, kb(a.bytes), kb(a.gzip)]),
    ],
    ["l", "l", "r", "r"],
  ))
    console.log(line);
  console.log(`  first-load JS: ${kb(firstGz)} gzip (target < ${TARGET_FIRST_LOAD_KB} kB)`);
  console.log(`  all JS:        ${kb(sum(allJs, "gzip"))} gzip, ${kb(sum(allJs, "bytes"))} raw`);

  const dir = mkdtempSync(join(tmpdir(), "atlas-bench-client-"));
  const server = await spawnServer({ port, dir });
  const url = `${server.url}/`;
  const result: Record<string, unknown> = {
    date: new Date().toISOString(),
    firstLoadGzipBytes: firstGz,
    allJsGzipBytes: sum(allJs, "gzip"),
  };
  try {
    for (const renderer of ["webgl", "canvas"] as Renderer[]) {
      const browser = await launch(renderer);
      try {
        const loads: FirstMap[] = [];
        for (let i = 0; i < runs; i++) loads.push(await firstMap(browser, url));
        const map = stats(loads.map((l) => l.mapMs));
        const fcp = stats(loads.map((l) => l.fcpMs));
        const fetched = new Set(loads.flatMap((l) => l.scripts));
        const fetchedGz = allJs.filter((a) => fetched.has(a.file)).reduce((s, a) => s + a.gzip, 0);
        console.log(`\n== ${renderer}: first map on ${url} (${runs} cold loads, 1280×800)`);
        console.log(`  first contentful paint: median ${int(fcp.p50)} ms`);
        console.log(
          `  first map frame: median ${int(map.p50)} ms, min ${int(Math.min(...loads.map((l) => l.mapMs)))}, ` +
            `max ${int(map.max)} (target < ${TARGET_FIRST_MAP_MS} ms)`,
        );
        console.log(`  JS fetched by then: ${fetched.size} files, ${kb(fetchedGz)} gzip (Phaser included)`);
        const idle = await frameTimes(browser, url, syntheticView(0), seconds);
        const busy = await frameTimes(browser, url, syntheticView(count), seconds);
        console.log(`  frame interval over ${seconds} s (ms):`);
        const row = (name: string, s: Stats) => [
          name,
          int(s.n),
          fixed(s.mean, 1),
          fixed(s.p50, 1),
          fixed(s.p95, 1),
          fixed(s.p99, 1),
          fixed(s.max, 1),
          fixed(1000 / s.mean, 1),
        ];
        for (const line of table(
          [
            ["case", "frames", "mean", "p50", "p95", "p99", "max", "fps"],
            row("no shipments", idle),
            row(`${count} shipments`, busy),
          ],
          ["l", "r", "r", "r", "r", "r", "r", "r"],
          "    ",
        ))
          console.log(line);
        const cpu: IdleCpu = await idleCpu(browser, url, idleSeconds);
        console.log(
          `  idle running game, ${idleSeconds} s: Chromium CPU ${fixed(cpu.cpuSeconds, 2)} s ` +
            `(${fixed(cpu.coreShare * 100, 1)} % of a core; ${cpu.processes} processes; ` +
            `map frames drawn: ${cpu.mapFrames ?? "not counted"})`,
        );
        result[renderer] = {
          firstMapMs: map,
          fcpMs: fcp,
          fetchedGzipBytes: fetchedGz,
          idle,
          busy,
          idleCpu: cpu,
        };
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  if (jsonPath) writeFileSync(jsonPath, `${JSON.stringify(result, null, 2)}\n`);
}

runMain(USAGE, main);
