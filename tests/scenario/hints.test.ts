/**
 * The linter's hints for designers (issue #14 §3): the nearest known key or region id for a misspelt
 * one, and fractions written where percents are expected. And the lobby's list is the folder's files.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lobbyScenarios } from "../../node/scenarioList.ts";
import { SCENARIO_DIR } from "../../node/scenarios.ts";
import { baseText, check, cleanTempDir, expectProblem, lineOf, variant } from "./helpers.ts";

afterAll(cleanTempDir);

describe("did you mean", () => {
  it("names the nearest key for an unknown one", () => {
    const text = variant("  spreadPct: 12", "  sprdPct: 12");
    const p = expectProblem(
      check(text),
      ["usedMarket", "sprdPct"],
      /unknown key "sprdPct"/,
      lineOf(text, "sprdPct"),
    );
    expect(p.message).toMatch(/did you mean "spreadPct"\?$/);
  });

  it("names the nearest region id of the catalog for an unknown one", () => {
    const text = variant("{ id: cn-north, sharePct: 80", "{ id: cn-nrth, sharePct: 80");
    expectProblem(check(text), ["regions", 0, "id"], /unknown region "cn-nrth".*did you mean "cn-north"\?$/);
  });

  it("suggests nothing for a name far from every known one", () => {
    const text = variant("  spreadPct: 12", "  zzzzzzzzzz: 12");
    const p = expectProblem(check(text), ["usedMarket", "zzzzzzzzzz"], /unknown key/);
    expect(p.message).not.toMatch(/did you mean/);
  });
});

describe("a key left out", () => {
  it("is named as missing, with what it holds, rather than zod's 'expected number, received undefined'", () => {
    const text = variant("  startingCashUsd: 5000000\n", "");
    const p = expectProblem(check(text), ["company", "startingCashUsd"], /"startingCashUsd" is missing/);
    expect(p.message).toBe('"startingCashUsd" is missing: it is required (number)');
  });

  it("names a left-out section as missing too", () => {
    const text = variant("pool:\n", "poool:\n");
    expectProblem(check(text), ["pool"], /^"pool" is missing: it is required \(object\)$/);
    expectProblem(check(text), ["poool"], /unknown key "poool".*did you mean "pool"\?$/);
  });
});

describe("fractions where percents are expected", () => {
  it("rejects one share written as a fraction among percents, when 100× makes the sum right", () => {
    const text = variant("{ jPerTh: 95, sharePct: 40 }", "{ jPerTh: 95, sharePct: 0.4 }");
    expectProblem(
      check(text),
      ["world", "fleet", 0, "sharePct"],
      /0\.4 looks like a fraction: sharePct is a percent, and with 40 here the fleet tiers' shares add up to 100/,
      lineOf(text, "sharePct: 0.4"),
    );
  });

  it("rejects shares that all add up to 1", () => {
    const text = variant("sharePct: 20,", "sharePct: 0.2,", variant("sharePct: 80,", "sharePct: 0.8,"));
    expectProblem(check(text), ["regions"], /add up to 1: they are written as fractions/);
  });

  const events = (pcts: number[]): string => {
    const base = baseText();
    const at = base.indexOf("events:\n");
    const end = base.indexOf("sources:");
    const block = pcts
      .map(
        (pct, i) =>
          `  - type: ban\n    date: "2020-02-1${i}"\n    regions: [cn-north]\n    headline: { en: "Ban ${i}", zh: "禁令 ${i}" }\n    rampDays: 30\n    emigratePct: ${pct}\n    source: "test event"\n`,
      )
      .join("");
    return `${base.slice(0, at)}events:\n${block}${base.slice(end)}`;
  };

  it("warns about a value whose hundredfold lies among its siblings' percents", () => {
    const report = check(events([50, 30, 0.4]));
    expectProblem(
      report,
      ["events", 2, "emigratePct"],
      /0\.4 looks like a fraction.*30\.\.50; did you mean 40\?/,
      undefined,
      "warning",
    );
  });

  it("leaves a small percent alone when its hundredfold is not like its siblings'", () => {
    const report = check(events([50, 30, 0.05]));
    expect(report.problems.filter((p) => /looks like a fraction/.test(p.message))).toEqual([]);
  });
});

describe("the lobby's scenario list", () => {
  const dir = mkdtempSync(join(tmpdir(), "lobby-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is every file in the folder, history by period first, then the invented worlds", () => {
    cpSync(SCENARIO_DIR, dir, { recursive: true });
    writeFileSync(
      join(dir, "new-2019.yaml"),
      'id: new-2019\nname: { en: "New", zh: "新" }\ndescription: { en: "d", zh: "d" }\nperiod: { start: "2019-06-01", end: "2019-12-31" }\nprice: { model: historical }\n',
    );
    const ids = lobbyScenarios(dir).map((s) => s.id);
    // The episodes by period (the new file falls in by its own), then the decade: a campaign, not a
    // first game, though it starts first; then the invented world.
    expect(ids).toEqual([
      "new-2019",
      "halving-2020",
      "exodus-2021",
      "tariffs-2025",
      "history-2016-2026",
      "sandbox",
    ]);
    expect(lobbyScenarios(dir)[0]?.name.en).toBe("New");
  });
});
