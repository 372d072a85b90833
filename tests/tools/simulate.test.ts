/**
 * The simulate tool: the recorder and the history comparison on a short run of the 2020 halving, and
 * the CLI end to end (files written and consistent, usage errors exit 2 naming the shipped scenarios).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGame, step, type GameState } from "../../shared/index.ts";
import { parseIsoDate } from "../../shared/math/calendar.ts";
import { hexBits, createRecording, recordDay, type Recording } from "../../node/recorder.ts";
import { historyComparison, type HistoryComparison } from "../../node/history.ts";
import { simulationCsv } from "../../tools/lib/export.ts";
import { loadDatasets, loadScenario, ROOT, scenarioIds } from "../../node/scenarios.ts";

const DAYS = 200;

describe("recorder on 200 days of halving-2020", () => {
  let state: GameState;
  let rec: Recording;
  let history: HistoryComparison;

  beforeAll(() => {
    state = createGame(loadScenario("halving-2020"), 7, []);
    rec = createRecording(state);
    for (let i = 0; i < DAYS; i++) recordDay(rec, state, step(state));
    history = historyComparison(rec, loadDatasets());
  });

  it("records one row per consecutive day with non-decreasing heights", () => {
    expect(rec.days).toHaveLength(DAYS);
    const first = parseIsoDate(rec.days[0]?.date ?? "");
    rec.days.forEach((row, i) => {
      expect(parseIsoDate(row.date)).toBe(first + i);
      if (i > 0) expect(row.height).toBeGreaterThan(rec.days[i - 1]?.height ?? Infinity);
      expect(row.bits).toMatch(/^0x[0-9a-f]{8}$/);
    });
    expect(rec.days[DAYS - 1]?.height).toBe(state.chain.height);
  });

  it("shares of each day sum to 1 and cover every scenario country", () => {
    const countries = new Set(state.scenario.regions.map((r) => r.country));
    for (const row of rec.days) {
      const sum = Object.values(row.sharesByCountry).reduce((s, x) => s + x, 0);
      expect(Math.abs(sum - 1)).toBeLessThan(1e-9);
      expect(new Set(Object.keys(row.sharesByCountry))).toEqual(countries);
    }
  });

  it("records exactly the engine's retargets", () => {
    expect(rec.retargets.length).toBeGreaterThan(10);
    expect(rec.retargets.map((r) => [r.height, r.oldBits, r.newBits, r.changePct])).toEqual(
      state.retargets.map((r) => [r.height, hexBits(r.oldBits), hexBits(r.newBits), r.changePpm / 1e4]),
    );
  });

  it("records the 2020 halving within 3 days of the real one (2020-05-11)", () => {
    const halving = rec.halvings.find((h) => h.height === 630_000);
    expect(halving).toBeDefined();
    expect(Math.abs(parseIsoDate(halving?.date ?? "") - parseIsoDate("2020-05-11"))).toBeLessThanOrEqual(3);
  });

  it("finds the real epoch for every simulated retarget", () => {
    expect(history.retargets).toHaveLength(rec.retargets.length);
    for (const r of history.retargets) {
      expect(r.realChangePct).not.toBeNull();
      // Same heights, same era: the real epoch began within a couple of weeks of the simulated one.
      expect(Math.abs(r.dateOffsetDays ?? Infinity)).toBeLessThan(14);
    }
    // First 2020 retarget (height 612864): real difficulty went from 12.876 T to 13.798 T.
    expect(history.retargets[0]?.realChangePct).toBeCloseTo(7.08, 1);
  });

  it("compares the hashrate with the real one day by day and monthly", () => {
    expect(history.hashrate?.days).toBe(DAYS);
    // Calibrated to history: a daily RMS error of ln(sim/real) far above 0.3 would mean a broken world.
    expect(history.hashrate?.rmsLogError).toBeLessThan(0.3);
    expect(history.monthly.map((m) => m.date)).toEqual(
      rec.days.filter((d) => d.date.endsWith("-01")).map((d) => d.date),
    );
    for (const m of history.monthly) expect(m.realEhs).toBeGreaterThan(0);
  });

  it("writes a CSV with one share column per country", () => {
    const [header, ...lines] = simulationCsv(rec).trimEnd().split("\n");
    expect(header?.split(",")).toContain("share_CN");
    expect(lines).toHaveLength(DAYS);
    expect(header?.split(",")).toHaveLength(lines[0]?.split(",").length ?? 0);
  });
});

describe("simulate CLI", () => {
  const dir = mkdtempSync(join(tmpdir(), "simulate-"));
  const cli = (args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "tools/simulate.ts", ...args], {
      cwd: ROOT,
      encoding: "utf8",
    });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes a JSON and a CSV that agree", () => {
    const json = join(dir, "run.json");
    const csv = join(dir, "run.csv");
    const out = execFileSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "tools/simulate.ts",
        "--scenario",
        "halving-2020",
        "--seed",
        "7",
        "--json",
        json,
        "--csv",
        csv,
        "--quiet",
      ],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(out).toBe("");
    const doc = JSON.parse(readFileSync(json, "utf8")) as {
      scenario: string;
      seed: number;
      days: { date: string; height: number }[];
      retargets: unknown[];
      halvings: { height: number }[];
    };
    const [header, ...rows] = readFileSync(csv, "utf8").trimEnd().split("\n");
    const columns = header?.split(",") ?? [];
    expect(doc.scenario).toBe("halving-2020");
    expect(doc.seed).toBe(7);
    expect(doc.days.length).toBe(loadScenario("halving-2020").days);
    expect(rows).toHaveLength(doc.days.length);
    const lastCsv = rows[rows.length - 1]?.split(",") ?? [];
    const lastJson = doc.days[doc.days.length - 1];
    expect(lastCsv[columns.indexOf("date")]).toBe(lastJson?.date);
    expect(Number(lastCsv[columns.indexOf("height")])).toBe(lastJson?.height);
    expect(doc.halvings.map((h) => h.height)).toContain(630_000);
  });

  it("exits 2 naming the shipped scenarios for an unknown one", () => {
    const result = cli(["--scenario", "no-such-scenario", "--quiet"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown scenario "no-such-scenario"');
    for (const id of scenarioIds()) expect(result.stderr).toContain(id);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 2 for a bad flag and for Monte-Carlo flags without bots or with an unknown bot", () => {
    expect(cli(["--scenario", "halving-2020", "--seed", "-3"]).status).toBe(2);
    expect(cli(["--frobnicate"]).status).toBe(2);
    expect(cli(["--scenario", "halving-2020", "--runs", "10"]).status).toBe(2);
    const unknown = cli(["--scenario", "halving-2020", "--runs", "10", "--bots", "no-such-bot"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown strategy "no-such-bot"');
    // A strategy file cannot travel to queue workers: refused before any connection is tried.
    const bot = "./examples/strategies/simple.ts";
    const queued = cli([
      "--scenario",
      "sandbox",
      "--bots",
      `${bot},trader`,
      "--queue",
      "redis://127.0.0.1:1",
    ]);
    expect(queued.status).toBe(2);
    expect(queued.stderr).toContain(`${bot} is a file the workers cannot load`);
  });

  it("plays an episode as a window of the decade's world, and refuses --world where it cannot", () => {
    const world = ["--world", "history-2016-2026"];
    const json = join(dir, "window.json");
    const ok = cli(["--scenario", "exodus-2021", ...world, "--days", "20", "--json", json, "--quiet"]);
    expect(ok.status, ok.stderr).toBe(0);
    const doc = JSON.parse(readFileSync(json, "utf8")) as { days: { date: string }[]; world?: string };
    expect(doc.days[0]?.date).toBe("2021-04-02");
    expect(doc.world).toBe("history-2016-2026");
    expect(cli(["--scenario", "exodus-2021", ...world, "--bots", "efficiency"]).status).toBe(2);
    expect(cli(["--scenario", "exodus-2021", ...world, "--save-replay", join(dir, "r.json")]).status).toBe(2);
    const schedule = cli(["--scenario", "exodus-2021", "--world", "sandbox", "--quiet"]);
    expect(schedule.status).toBe(2);
    expect(schedule.stderr).toContain("--world sandbox: sandbox's new machines follow a schedule");
    // A drawn BTC price gives the supply no revenue to read: refused as the linter refuses it.
    const drawn = cli(["--scenario", "sandbox", ...world, "--quiet"]);
    expect(drawn.status).toBe(2);
    expect(drawn.stderr).toContain("sandbox cannot take history-2016-2026's supply");
    const missing = cli(["--scenario", "exodus-2021", "--world", "./no-such-world.yaml", "--quiet"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--world: no file "./no-such-world.yaml"');
  });

  it("stops after --days and saves a replay that the replay tool accepts", () => {
    const log = join(dir, "replay.json");
    const out = cli([
      "--scenario",
      "halving-2020",
      "--seed",
      "3",
      "--days",
      "30",
      "--save-replay",
      log,
      "--quiet",
    ]);
    expect(out.status).toBe(0);
    const saved = JSON.parse(readFileSync(log, "utf8")) as {
      finalTick: number;
      actions: unknown[];
      seed: number;
    };
    expect([saved.finalTick, saved.actions.length, saved.seed]).toEqual([30, 0, 3]);
    const replay = spawnSync(process.execPath, ["--import", "tsx", "tools/replay.ts", log], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(replay.status).toBe(0);
    expect(replay.stdout).toMatch(/\nOK\n/);
  });
});
