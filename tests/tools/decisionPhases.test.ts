/**
 * Decisions by fifth of the match (issue #13 §5, tools/lib/decisionPhases.ts): the day a decision falls
 * in, what counts as one, the per-strategy figures, and the Monte-Carlo CLI end to end: each company's
 * fifths add up to its accepted decisions, run 0's fifths are the ones its replay log's ticks give, and
 * the table is printed after the shipping modes and kept in report.json's figures.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommandType } from "../../shared/engine/commands/schema.ts";
import type { ReplayLog } from "../../shared/replay/index.ts";
import type { McReport } from "../../tools/lib/mc-report.ts";
import type { CompanyResult, RunResult } from "../../tools/lib/montecarlo.ts";
import {
  decisionPhaseLines,
  decisionPhases,
  fifthOf,
  HOUSEKEEPING,
  isDecision,
} from "../../tools/lib/decisionPhases.ts";
import { ROOT } from "../../node/scenarios.ts";

describe("what a decision is and when it falls", () => {
  it("cuts the match into five equal parts of its days", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => fifthOf(d, 10))).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
    // halving-2020's 456 days: the second fifth starts on day 91.2, the last ends on day 455.
    expect([90, 91, 92, 455].map((d) => fifthOf(d, 456))).toEqual([0, 0, 1, 4]);
    // Fewer days than fifths: some fifths stay empty, none is out of range.
    expect([0, 1, 2].map((d) => fifthOf(d, 3))).toEqual([0, 1, 3]);
  });

  it("counts every command the issue lists and leaves out only housekeeping", () => {
    const listed: CommandType[] = [
      "orderMachines",
      "buyUsed",
      "sellMachines",
      "shipLot",
      "leaseCapacity",
      "buildSite",
      "borrow",
      "repay",
      "offerLot",
      "offerMachineLease",
      "offerHosting",
      "respondOffer",
      "respondHosting",
      "answerMachineLease",
      "powerLot",
      "cancelPreorder",
      "buyBtc",
      "setSellRatio",
    ];
    expect(listed.filter((t) => !isDecision(t))).toEqual([]);
    expect([...HOUSEKEEPING].sort()).toEqual(["injectEvent", "installLot", "releaseCapacity", "sizeWorld"]);
  });

  it("averages per game and counts the games with a decision in every fifth", () => {
    const company = (strategy: string, decisionFifths?: number[]): CompanyResult => ({
      id: "p",
      name: strategy,
      strategy,
      equityUsd: 0,
      bankrupt: false,
      accepted: 0,
      rejected: 0,
      rejectedByCode: {},
      ...(decisionFifths && { decisionFifths }),
    });
    const run = (companies: CompanyResult[]): RunResult => ({
      run: 0,
      seed: 1,
      days: 10,
      companies,
      winner: null,
      monthly: [],
      finalHash: "",
    });
    const results = [
      run([company("a", [2, 1, 1, 1, 1]), company("b", [0, 0, 0, 0, 0])]),
      run([company("a", [4, 0, 3, 1, 1]), company("b")]),
    ];
    expect(decisionPhases(results)).toEqual([
      { strategy: "a", companyRuns: 2, meanByFifth: [3, 0.5, 2, 1, 1], everyFifthShare: 0.5 },
      { strategy: "b", companyRuns: 1, meanByFifth: [0, 0, 0, 0, 0], everyFifthShare: 0 },
    ]);
    const lines = decisionPhaseLines(results);
    expect(lines[0]).toMatch(/^Decisions by fifth of the match/);
    expect(lines).toContain("  a             2    3.0     0.5     2.0     1.0      1.0          50%");
    expect(decisionPhaseLines([run([company("a")])])).toEqual([]);
  });
});

describe("simulate --runs on halving-2020 with the four bots", () => {
  const BOTS = ["efficiency", "cheap-power", "cautious", "trader"];
  const dir = mkdtempSync(join(tmpdir(), "decision-phases-"));
  let report: McReport;
  let log: ReplayLog;
  let printed: string;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(() => {
    const args = ["tools/simulate.ts", "--scenario", "halving-2020", "--runs", "2", "--seed", "3"];
    args.push("--bots", BOTS.join(","), "--jobs", "1", "--json", join(dir, "r.json"));
    args.push("--save-replay", join(dir, "replay.json"));
    printed = execFileSync(process.execPath, ["--import", "tsx", ...args], { cwd: ROOT, encoding: "utf8" });
    report = JSON.parse(readFileSync(join(dir, "r.json"), "utf8")) as McReport;
    log = JSON.parse(readFileSync(join(dir, "replay.json"), "utf8")) as ReplayLog;
  });

  it("gives each company five fifths that add up to its accepted decisions", () => {
    let decisions = 0;
    for (const run of report.results)
      for (const c of run.companies) {
        const fifths = c.decisionFifths ?? [];
        expect(fifths).toHaveLength(5);
        const byType = Object.entries(c.commands ?? {});
        const expected = byType.reduce((s, [t, n]) => (isDecision(t as CommandType) ? s + n : s), 0);
        const housekeeping = byType.reduce((s, [t, n]) => (isDecision(t as CommandType) ? s : s + n), 0);
        expect(fifths.reduce((s, n) => s + n, 0)).toBe(expected);
        expect(expected + housekeeping).toBe(c.accepted);
        decisions += expected;
      }
    expect(decisions).toBeGreaterThan(0);
  });

  it("puts run 0's decisions in the fifths of the days its replay log gives them", () => {
    const run0 = report.results[0] as RunResult;
    expect(log.seed).toBe(run0.seed);
    for (const c of run0.companies) {
      const fromLog = [0, 0, 0, 0, 0];
      for (const a of log.actions) {
        const type = (a.command as { type: CommandType }).type;
        if (a.actor.kind !== "company" || a.actor.companyId !== c.id || !isDecision(type)) continue;
        fromLog[Math.min(4, Math.floor((a.tick * 5) / run0.days))]! += 1;
      }
      expect(c.decisionFifths).toEqual(fromLog);
    }
    // Not all on day 0: some fifth after the first holds decisions.
    expect(run0.companies.some((c) => (c.decisionFifths ?? []).slice(1).some((n) => n > 0))).toBe(true);
  });

  it("prints the table after the shipping modes, one row per strategy, and keeps it in report.json", () => {
    const table = printed.indexOf("Decisions by fifth of the match");
    expect(printed.indexOf("Shipping modes chosen")).toBeGreaterThan(-1);
    expect(table).toBeGreaterThan(printed.indexOf("Shipping modes chosen"));
    const phases = decisionPhases(report.results);
    expect(phases.map((p) => p.strategy)).toEqual(BOTS);
    for (const p of phases) {
      const cells = [p.strategy, "2", ...p.meanByFifth.map((x) => x.toFixed(1))];
      const row = new RegExp(`\\n {2}${cells.join(" +")} +${(100 * p.everyFifthShare).toFixed(0)}%\\n`);
      expect(printed.slice(table)).toMatch(row);
      const figures = report.figures?.strategies.find((s) => s.strategy === p.strategy);
      expect(figures?.decisions).toEqual({ meanByFifth: p.meanByFifth, everyFifthShare: p.everyFifthShare });
    }
  });
});
