/**
 * The designer's workbench (issue #14 §3) on tiny runs: --report writes a page with every figure's
 * section, offline, and report.json; --compare sets two documents side by side; --sweep applies each
 * value (validated) to the same seeds; drafts run from any path, and a broken one gets the linter's
 * errors; Wilson intervals are right.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MC_FORMAT, type McReport } from "../../tools/lib/mc-report.ts";
import { wilson } from "../../tools/lib/report-data.ts";
import { reportSections } from "../../tools/lib/report-html.ts";
import { BOTS, playRun } from "../../tools/lib/montecarlo.ts";
import { loadScenario, ROOT, SCENARIO_DIR } from "../../node/scenarios.ts";

const tsx = (script: string, args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", script, ...args], { cwd: ROOT, encoding: "utf8" });
const simulate = (args: string[]) => tsx("tools/simulate.ts", args);

const BOT_LIST = "efficiency,trader,idle";
const tiny = (seed: number) =>
  ["--scenario", "halving-2020", "--bots", BOT_LIST, "--runs", "2", "--days", "22", "--jobs", "1"].concat([
    "--seed",
    String(seed),
    "--quiet",
  ]);

/** Every figure the issue asks for has a section of its own. */
const SECTIONS = [
  "equity-distribution",
  "win-rates",
  "equity-over-time",
  "hashrate-by-country",
  "difficulty",
  "hashprice",
  "network-hashrate",
  "commands",
  "bankruptcies",
  "warnings",
  "fidelity",
];

const dir = mkdtempSync(join(tmpdir(), "workbench-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("simulate --report, --compare", () => {
  let html: string;
  let doc: McReport;
  beforeAll(() => {
    const a = simulate([...tiny(1), "--report", join(dir, "a")]);
    expect(a.status, a.stderr).toBe(0);
    const b = simulate([...tiny(3), "--json", join(dir, "b.json")]);
    expect(b.status, b.stderr).toBe(0);
    html = readFileSync(join(dir, "a", "index.html"), "utf8");
    doc = JSON.parse(readFileSync(join(dir, "a", "report.json"), "utf8")) as McReport;
  });

  it("writes index.html with a section per figure, its chart data and uPlot inlined", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html.trimEnd().endsWith("</html>")).toBe(true);
    for (const id of SECTIONS) expect(html, id).toContain(`<section id="${id}">`);
    const data = /<script type="application\/json" id="report-charts">(.*?)<\/script>/s.exec(html)?.[1];
    const charts = JSON.parse(data ?? "null") as { id: string }[];
    expect(charts.map((c) => c.id)).toEqual([
      "chart-equity",
      "chart-shares",
      "chart-difficulty",
      "chart-hashprice",
      "chart-hashrate",
    ]);
    for (const c of charts) expect(html).toContain(`<div class="chart" id="${c.id}">`);
    expect(html).toContain("uPlot");
    // Offline: nothing is fetched (no external script, stylesheet or image).
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=["']?https?:/i);
    expect(html.match(/<g class="box"/g)).toHaveLength(3);
  });

  it("gives a strategy that shipped nothing dashes for its shipping modes, not 0% of each", () => {
    // The tiny runs ship nothing; the same document with the trader's shipments in it.
    const figures = doc.figures!;
    const shipped: McReport = {
      ...doc,
      figures: {
        ...figures,
        strategies: figures.strategies.map((f) =>
          f.strategy === "trader" ? { ...f, modes: { air: 0.25, rail: 0.75 } } : f,
        ),
      },
    };
    const html = reportSections(shipped, []);
    const modes = html.slice(html.indexOf("<h3>"));
    const row = (name: string) => new RegExp(`<tr><td>${name}</td>(.*?)</tr>`).exec(modes)?.[1] ?? "";
    expect(row("trader")).toBe("<td>25.0%</td><td>75.0%</td>");
    expect(row("idle")).toBe("<td>—</td><td>—</td>");
  });

  it("writes report.json: the Monte-Carlo document with its figures and without per-run results", () => {
    expect(doc.format).toBe(MC_FORMAT);
    expect(doc).not.toHaveProperty("results");
    const f = doc.figures;
    expect(f?.dates).toEqual(["2020-01-01", "2020-01-08", "2020-01-15", "2020-01-22"]);
    for (const s of doc.strategies) {
      expect(f?.equityUsd[s.strategy]?.median).toHaveLength(4);
      const fig = f?.strategies.find((x) => x.strategy === s.strategy);
      expect(fig?.winLow).toBeLessThanOrEqual(s.winRate);
      expect(fig?.winHigh).toBeGreaterThanOrEqual(s.winRate);
    }
    // Idle holds its cash (earning the deposit rate, the same in every run) and never gives a command.
    const idle = f?.equityUsd.idle;
    expect(idle?.p10).toEqual(idle?.p90);
    const median = idle?.median ?? [];
    median.slice(1).forEach((x, k) => expect(x).toBeGreaterThanOrEqual(median[k] as number));
    expect(f?.strategies.find((x) => x.strategy === "idle")?.commands).toEqual({});
    // halving-2020 is history: the real difficulty is there on every sampled day.
    expect(f?.history.difficulty.every((d) => d !== null && d > 1e13)).toBe(true);
    expect(f?.fidelity.hashrateRmsLog).toBeGreaterThan(0);
  });

  it("--compare prints each figure for A and B and the change, and writes a side-by-side page", () => {
    const out = simulate([
      "--compare",
      join(dir, "a", "report.json"),
      join(dir, "b.json"),
      "--report",
      join(dir, "c"),
    ]);
    expect(out.status, out.stderr).toBe(0);
    for (const figure of [
      "win share: efficiency",
      "median equity: trader",
      "mean place: idle",
      "bankrupt: idle",
    ])
      expect(out.stdout).toMatch(new RegExp(`${figure}\\s+\\S+\\s+\\S+\\s+[+\\-±]`));
    expect(out.stdout).toMatch(/shares vs CCAF, RMS pp/);
    const page = readFileSync(join(dir, "c", "index.html"), "utf8");
    expect(page).toContain('id="a-chart-equity"');
    expect(page).toContain('id="b-chart-equity"');
    expect(page).toContain('<section id="compare-summary">');
  });

  it("--compare refuses a file that is not a Monte-Carlo document", () => {
    writeFileSync(join(dir, "other.json"), '{"format":"something-else"}');
    const out = simulate(["--compare", join(dir, "b.json"), join(dir, "other.json")]);
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/not a Monte-Carlo report .*expected "hashrate-atlas\/montecarlo@1"/);
  });
});

describe("simulate --sweep", () => {
  it("plays the same seeds per value and reports each value's figures", () => {
    const json = join(dir, "sweep.json");
    const out = simulate([
      ...[
        "--scenario",
        "halving-2020",
        "--bots",
        "efficiency,idle",
        "--runs",
        "1",
        "--days",
        "8",
        "--jobs",
        "1",
      ],
      ...["--sweep", "company.startingCashUsd=1e7,2e7", "--json", json, "--report", join(dir, "s")],
    ]);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/company\.startingCashUsd=1e7\s+company\.startingCashUsd=2e7/);
    const doc = JSON.parse(readFileSync(json, "utf8")) as {
      values: string[];
      reports: { value: string; report: McReport }[];
    };
    expect(doc.values).toEqual(["1e7", "2e7"]);
    const idle = doc.reports.map(
      (r) => r.report.strategies.find((s) => s.strategy === "idle")?.equityUsd.median,
    );
    // Idle keeps its starting cash (plus the deposit rate, proportional to it): the value was applied.
    expect(idle[0]).toBeGreaterThanOrEqual(1e7);
    expect(idle[0]).toBeLessThan(1.01e7);
    expect((idle[1] ?? 0) / (idle[0] ?? 1)).toBeCloseTo(2, 6);
    expect(doc.reports.map((r) => r.report.seed)).toEqual([1, 1]);
    const page = readFileSync(join(dir, "s", "index.html"), "utf8");
    expect(page).toContain('<section id="sweep-summary">');
    // One win-share line per strategy across the values, and a box plot per value.
    expect(page.match(/<g class="sweep-line"/g)).toHaveLength(2);
    expect(page.match(/<section id="value-\d">/g)).toHaveLength(2);
  });

  it("rejects a path not in the scenario (naming the nearest) and a value the schema refuses", () => {
    const base = ["--scenario", "halving-2020", "--bots", "idle", "--days", "2"];
    const typo = simulate([...base, "--sweep", "usedMarket.sprdPct=8,12"]);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toMatch(/no "sprdPct" in usedMarket; did you mean "spreadPct"\?/);
    const bad = simulate([...base, "--sweep", "company.startingCashUsd=1e7,-5"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(
      /company\.startingCashUsd=-5 is not a valid scenario: company\.startingCashUsd: Too small/,
    );
    const word = simulate([...base, "--sweep", "usedMarket.spreadPct=wide"]);
    expect(word.stderr).toMatch(/usedMarket\.spreadPct is a number, got "wide"/);
  });
});

describe("drafts anywhere (--scenario PATH)", () => {
  const drafts = join(dir, "drafts");
  const shipped = readFileSync(join(SCENARIO_DIR, "halving-2020.yaml"), "utf8");
  beforeAll(() => {
    mkdirSync(drafts, { recursive: true });
    writeFileSync(join(drafts, "my-draft.yaml"), shipped.replace(/^id: halving-2020$/m, "id: my-draft"));
    const broken = shipped
      .replace(/^id: halving-2020$/m, "id: broken")
      .replace("{ id: cn-north,", "{ id: cn-nort,");
    writeFileSync(join(drafts, "broken.yaml"), broken);
  });

  it("simulate, match-length and scenario:check take a draft's path", () => {
    const sim = simulate(["--scenario", join(drafts, "my-draft.yaml"), "--days", "3"]);
    expect(sim.status, sim.stderr).toBe(0);
    expect(sim.stdout).toMatch(/simulation: my-draft/);
    const check = tsx("tools/scenario-check.ts", ["--scenario", join(drafts, "my-draft.yaml")]);
    expect(check.status, check.stdout).toBe(0);
    expect(check.stdout).toMatch(/✓ .*my-draft\.yaml/);
    const length = tsx("tools/match-length.ts", ["--scenario", join(drafts, "my-draft.yaml")]);
    expect(length.status, length.stderr).toBe(0);
    expect(length.stdout.split("\n").filter((l) => /\d+ days/.test(l))).toHaveLength(1);
  });

  it("a broken draft is answered with the linter's located errors", () => {
    const sim = simulate(["--scenario", join(drafts, "broken.yaml"), "--days", "3"]);
    expect(sim.status).toBe(1);
    expect(sim.stderr).toMatch(
      /broken\.yaml:\d+:\d+: regions\[0\]\.id: error: unknown region "cn-nort".*did you mean "cn-north"\?/,
    );
    const missing = simulate(["--scenario", join(drafts, "nope.yaml")]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/no file/);
  });
});

describe("wilson", () => {
  it("gives the 95% score interval", () => {
    const half = wilson(5, 10);
    expect(half.low).toBeCloseTo(0.2366, 4);
    expect(half.high).toBeCloseTo(0.7634, 4);
    const none = wilson(0, 10);
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.2775, 4);
    expect(wilson(10, 10).high).toBeCloseTo(1, 12);
  });
});

describe("weekly sampling", () => {
  it("reads the game without changing it: the same final hash with and without samples", () => {
    const scenario = loadScenario("halving-2020");
    const config = { scenario: "halving-2020", bots: ["efficiency", "trader"], seed: 4, runs: 1, days: 30 };
    const plain = playRun(scenario, BOTS, config, 0).result;
    const sampled = playRun(scenario, BOTS, { ...config, sampleWeekly: true }, 0).result;
    expect(plain.weekly).toEqual([]);
    expect(sampled.weekly?.map((w) => w.date)).toEqual([
      "2020-01-01",
      "2020-01-08",
      "2020-01-15",
      "2020-01-22",
      "2020-01-29",
      "2020-01-30",
    ]);
    expect(sampled.finalHash).toBe(plain.finalHash);
    expect(sampled.companies).toEqual(plain.companies);
  });
});
