/**
 * Monte-Carlo balancing: runs are reproducible and the same on worker threads as on one thread; the
 * report adds up; bots' commands are applied, counted and logged so that a bot game replays; unknown
 * strategies are usage errors. The pool's workers run a bundle of the same code: their games must be
 * the ones the main thread plays.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Command } from "../../shared/index.ts";
import { replayLog } from "../../shared/replay/index.ts";
import { actingOrder } from "../../shared/bots/index.ts";
import { runPool } from "../../tools/lib/mc-pool.ts";
import { rotation, seatsOfRun } from "../../tools/lib/seats.ts";
import { buildReport, degenerateWarnings, distribution, type McReport } from "../../tools/lib/mc-report.ts";
import {
  availableStrategies,
  BOTS,
  mcConfigOf,
  playRun,
  seatsFor,
  type Bots,
  type McConfig,
  type RunResult,
} from "../../tools/lib/montecarlo.ts";
import { ROOT } from "../../node/scenarios.ts";
import { scenario } from "../helpers/game.ts";

const node = (args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", ...args], { cwd: ROOT, encoding: "utf8" });

describe("simulate --runs --bots (Monte-Carlo)", () => {
  const dir = mkdtempSync(join(tmpdir(), "montecarlo-"));
  let bots: string;
  let one: McReport;
  let two: McReport;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    const strategies = availableStrategies(BOTS);
    bots = [0, 1, 2].map((i) => strategies[i % strategies.length]).join(",");
    const run = (jobs: number): McReport => {
      const json = join(dir, `jobs-${jobs}.json`);
      const args = ["tools/simulate.ts", "--scenario", "halving-2020", "--runs", "4", "--days", "40"];
      args.push("--seed", "11", "--bots", bots, "--jobs", String(jobs), "--json", json, "--quiet");
      if (jobs === 2) args.push("--csv", join(dir, "runs.csv"), "--save-replay", join(dir, "run0.json"));
      execFileSync(process.execPath, ["--import", "tsx", ...args], { cwd: ROOT, encoding: "utf8" });
      return JSON.parse(readFileSync(json, "utf8")) as McReport;
    };
    one = run(1);
    two = run(2);
  });

  it("gives the same runs on two worker threads as on one thread", () => {
    expect(two.results).toEqual(one.results);
    const { timing: t1, ...rest1 } = one as McReport & { timing: { jobs: number } };
    const { timing: t2, ...rest2 } = two as McReport & { timing: { jobs: number } };
    expect(rest2).toEqual(rest1);
    expect([t1.jobs, t2.jobs]).toEqual([1, 2]);
  });

  it("plays seed S + i in run i, one company per bot, for the days asked", () => {
    expect(one.results.map((r) => [r.run, r.seed, r.days])).toEqual([0, 1, 2, 3].map((i) => [i, 11 + i, 40]));
    for (const r of one.results) {
      // The strategies turn through the seats run by run: run i seats strategy k in seat (k + i) mod n.
      expect(r.companies.map((c) => [c.id, c.strategy])).toEqual(
        rotation(bots.split(","), r.run).map((b, i) => [`p${i + 1}`, b]),
      );
      expect(r.finalHash).toMatch(/^[0-9a-f]{64}$/);
      expect(r.monthly.map((m) => m.date)).toEqual(["2020-01-01", "2020-02-01"]);
    }
    expect(new Set(one.results.map((r) => r.finalHash)).size).toBe(4);
  });

  it("reports consistent figures", () => {
    const winners = one.results.filter((r) => r.winner !== null).length;
    const winRates = one.strategies.reduce((s, x) => s + x.winRate, 0);
    if (winners === one.runs) expect(winRates).toBeCloseTo(1, 12);
    for (const s of one.strategies) {
      const d = s.equityUsd;
      expect(d.min).toBeLessThanOrEqual(d.p10);
      expect(d.p10).toBeLessThanOrEqual(d.median);
      expect(d.median).toBeLessThanOrEqual(d.p90);
      expect(d.p90).toBeLessThanOrEqual(d.max);
      expect(d.mean).toBeGreaterThanOrEqual(d.min);
      expect(d.mean).toBeLessThanOrEqual(d.max);
      expect(s.bankruptcyRate).toBeGreaterThanOrEqual(0);
      expect(s.bankruptcyRate).toBeLessThanOrEqual(1);
    }
    const month = one.shares.months[0];
    expect(Object.values(month?.sim ?? {}).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 4);
    // January 2020 is in Cambridge's data: China's real share is there to compare with.
    expect(month?.real?.CN).toBeGreaterThan(0.5);
    expect(one.shares.meanAbsErrorPp).not.toBeNull();
  });

  it("writes one CSV row per run per company, and run 0's log, which replays", () => {
    const [header, ...rows] = readFileSync(join(dir, "runs.csv"), "utf8").trimEnd().split("\n");
    expect(header).toBe("run,seed,company,strategy,final_equity_usd,bankrupt,winner");
    expect(rows).toHaveLength(4 * bots.split(",").length);
    expect(rows.filter((r) => r.endsWith(",true"))).toHaveLength(4);
    const replay = node(["tools/replay.ts", join(dir, "run0.json")]);
    expect(replay.stdout).toContain("OK");
    expect(replay.status).toBe(0);
    const log = JSON.parse(readFileSync(join(dir, "run0.json"), "utf8")) as { finalHash: string };
    expect(log.finalHash).toBe(one.results[0]?.finalHash);
  });

  it("exits 2 for an unknown strategy, naming the available ones", () => {
    const result = node([
      "tools/simulate.ts",
      "--scenario",
      "halving-2020",
      "--runs",
      "2",
      "--bots",
      "idle,nope",
    ]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown strategy "nope"');
    expect(result.stderr).toContain("idle");
    expect(node(["tools/simulate.ts", "--scenario", "halving-2020", "--runs", "2"]).status).toBe(2);
    expect(
      node(["tools/simulate.ts", "--scenario", "halving-2020", "--bots", "idle", "--players", "2"]).status,
    ).toBe(2);
  });
});

describe("runPool", () => {
  it("plays the same runs on worker threads (bundled) as on this thread, and logs the run asked for", async () => {
    const bots = ["efficiency", "cheap-power", "trader", "idle"];
    const config: McConfig = { scenario: "halving-2020", bots, seed: 3, runs: 3, days: 45 };
    const workers = await runPool(config, { jobs: 2, logRun: 1 });
    const here = await runPool(config, { jobs: 1, logRun: 1 });
    expect(workers.jobs).toBe(2);
    // The bots did something, so that their code in the bundle is compared too.
    expect(here.results.some((r) => r.companies.some((c) => c.accepted > 0))).toBe(true);
    expect(workers.results).toEqual(here.results);
    expect(workers.log).toEqual(here.log);
    expect(workers.log?.seed).toBe(4);
  });
});

describe("playRun with a scripted bot", () => {
  /** A test bot: "buyer" orders machines on day 2 and, every day, a model nobody sells (rejected). */
  const testBots: Bots = {
    source: "shared/bots",
    strategies: ["buyer", "idle"],
    decide: (state, _company, strategy): Command[] => {
      if (strategy !== "buyer") return [];
      const commands: Command[] = [{ type: "orderMachines", model: "no-such-model", quantity: 1 }];
      if (state.tick === 2) commands.push({ type: "orderMachines", model: "s17-pro", quantity: 40 });
      if (state.tick === 3) commands.push({ type: "setSellRatio", ratioBps: 2_000 });
      return commands;
    },
  };
  const config: McConfig = {
    scenario: "halving-2020",
    bots: ["buyer", "idle", "buyer"],
    seed: 5,
    runs: 1,
    days: 30,
  };

  it("applies and counts commands, logs the accepted ones, and the log replays", () => {
    const { result, log } = playRun(scenario("halving-2020"), testBots, config, 0, true);
    const [a, b, c] = result.companies;
    expect([a?.accepted, b?.accepted, c?.accepted]).toEqual([2, 0, 2]);
    expect(a?.rejected).toBe(30);
    expect(Object.keys(a?.rejectedByCode ?? {})).toHaveLength(1);
    expect(b?.rejected).toBe(0);
    expect(log?.actions).toHaveLength(4);
    const replayed = replayLog(log, scenario("halving-2020"));
    expect(replayed.matches).toBe(true);
    expect(replayed.hash).toBe(result.finalHash);
  });

  it("has each seat act on what the seats before it did that day, in the order drawn for the day", () => {
    // Each seat marks its company with today's sell ratio and notes how many it finds marked already.
    const calls: { tick: number; company: string; markedBefore: number }[] = [];
    const marking: Bots = {
      source: "shared/bots",
      strategies: ["mark"],
      decide: (state, company): Command[] => {
        const mark = 1_000 + state.tick;
        const markedBefore = state.companies.filter((c) => c.sellRatioBps === mark).length;
        calls.push({ tick: state.tick, company, markedBefore });
        return [{ type: "setSellRatio", ratioBps: mark }];
      },
    };
    const three: McConfig = { ...config, bots: ["mark", "mark", "mark"], seed: 1, days: 6 };
    playRun(scenario("halving-2020"), marking, three, 0);
    for (let tick = 0; tick < 6; tick++) {
      const today = calls.filter((c) => c.tick === tick);
      expect(today.map((c) => c.company)).toEqual(actingOrder(1, tick, 3).map((i) => `p${i + 1}`));
      expect(today.map((c) => c.markedBefore)).toEqual([0, 1, 2]);
    }
  });

  it("turns the strategies through the seats when the config asks for it, as simulate's does", () => {
    const config = mcConfigOf("halving-2020", { bots: ["a", "b", "c"], seed: 1, runs: 3, days: 10 }, false);
    expect(config.turnSeats).toBe(true);
    const runs = [0, 1, 2].map((run) => seatsOfRun(config, run));
    expect(runs).toEqual([
      ["a", "b", "c"],
      ["c", "a", "b"],
      ["b", "c", "a"],
    ]);
    // Over n runs each strategy sits in each seat once; a config without the flag keeps its order.
    for (let seat = 0; seat < 3; seat++)
      expect(new Set(runs.map((r) => r[seat]))).toEqual(new Set(["a", "b", "c"]));
    expect(seatsOfRun({ ...config, turnSeats: false }, 2)).toEqual(["a", "b", "c"]);
  });

  it("names companies after their strategy", () => {
    expect(seatsFor(["buyer", "idle", "buyer"]).map((s) => s.name)).toEqual(["buyer 1", "idle", "buyer 2"]);
  });
});

describe("Monte-Carlo report", () => {
  const company = (id: string, strategy: string, equityUsd: number, bankrupt = false) => ({
    id,
    name: strategy,
    strategy,
    equityUsd,
    bankrupt,
    accepted: 98,
    rejected: 2,
    rejectedByCode: {},
  });
  const results: RunResult[] = Array.from({ length: 25 }, (_, i) => ({
    run: i,
    seed: 1 + i,
    days: 10,
    companies: [
      company("p1", "a", 100 + i),
      company("p2", "b", 50, i % 3 === 0),
      company("p3", "c", 10, true),
    ],
    winner: "p1",
    monthly: [{ date: "2020-02-01", shares: { CN: 0.7, US: 0.3 } }],
    finalHash: "0".repeat(64),
  }));
  const config: McConfig = { scenario: "halving-2020", bots: ["a", "b", "c"], seed: 1, runs: 25, days: 10 };
  const report = buildReport(config, results, {
    engineVersion: "x",
    botsSource: "test",
    ccaf: new Map([
      [
        "2020-02",
        new Map([
          ["Mainland China", 73],
          ["United States", 4.5],
          ["Ireland *", 0.1],
        ]),
      ],
    ]),
  });

  it("computes win and bankruptcy rates and the equity distribution", () => {
    expect(report.strategies.map((s) => s.winRate)).toEqual([1, 0, 0]);
    expect(report.strategies.map((s) => s.bankruptcyRate)).toEqual([0, 9 / 25, 1]);
    expect(report.strategies[0]?.equityUsd).toMatchObject({ min: 100, median: 112, max: 124, mean: 112 });
    expect(report.strategies[0]?.meanRejected).toBe(2);
    expect(distribution([3, 1, 2, 4])).toMatchObject({ min: 1, median: 2.5, max: 4, mean: 2.5 });
  });

  it("compares shares with CCAF on mapped countries", () => {
    expect(report.shares.countries).toEqual(["CN", "US"]);
    expect(report.shares.months[0]?.real).toEqual({ CN: 0.73, US: 0.045 });
    expect(report.shares.meanAbsErrorPp).toBeCloseTo((3 + 25.5) / 2, 9);
  });

  it("warns about degenerate strategies", () => {
    expect(report.warnings).toHaveLength(4);
    expect(report.warnings.join("\n")).toMatch(/a wins 100%/);
    expect(report.warnings.join("\n")).toMatch(/b never wins in 25 runs/);
    expect(report.warnings.join("\n")).toMatch(/c goes bankrupt in 100%/);
    expect(degenerateWarnings(report.strategies.slice(0, 1), 25)).toEqual([]);
    // 2% refused is a race with the other seats; 6% is a strategy misreading its view.
    const sloppy = {
      ...(report.strategies[0] as McReport["strategies"][number]),
      meanAccepted: 94,
      meanRejected: 6,
    };
    expect(degenerateWarnings([sloppy], 25)).toEqual([
      "the engine refuses 6% of a's commands (> 5%): does it read its view right?",
    ]);
  });

  it("seats shared/bots' strategies, and idle as a baseline", () => {
    expect(BOTS.source).toBe("shared/bots");
    expect(availableStrategies(BOTS)).toEqual(expect.arrayContaining(["efficiency", "trader", "idle"]));
  });
});
