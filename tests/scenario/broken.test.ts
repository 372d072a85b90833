/** Broken variants of a valid fixture: the checker names the problem, the path and the line. */
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../../node/scenarios.ts";
import {
  baseText,
  check,
  cleanTempDir,
  errorsOf,
  expectProblem,
  lineOf,
  variant,
  writeScenario,
} from "./helpers.ts";

afterAll(cleanTempDir);

/** Checks a variant and returns the report and the line of the replacement text. */
function broken(from: string, to: string) {
  const text = variant(from, to);
  return { report: check(text), line: lineOf(text, to), text };
}

describe("schema problems, with line numbers", () => {
  it("wrong type: sharePct: abc", () => {
    const { report, line } = broken("sharePct: 80,", 'sharePct: "abc",');
    const p = expectProblem(report, ["regions", 0, "sharePct"], /expected number, received string/, line);
    expect(p.position).toBe(`${line}:31`);
  });

  it("malformed date", () => {
    const { report, line } = broken('start: "2020-01-01"', 'start: "2020-1-1"');
    expectProblem(report, ["period", "start"], /YYYY-MM-DD/, line);
    expect(errorsOf(report)).toHaveLength(1);
  });

  it("a date that does not exist", () => {
    const { report, line } = broken('date: "2020-02-15"', 'date: "2020-02-30"');
    expectProblem(report, ["events", 0, "date"], /no such date/, line);
  });

  it("missing source/estimate", () => {
    const { report, text } = broken('  estimate: "typical FPPS fee"\n', "");
    // The block's position is where its mapping starts: the first key under `pool:`.
    expectProblem(report, ["pool"], /cite a `source`.*`estimate`/, lineOf(text, "feePct: 2"));
  });

  it("missing source on an event", () => {
    const { report } = broken('    source: "test event"\n', "");
    expectProblem(report, ["events", 0, "source"], /^"source" is missing: it is required \(string\)$/);
  });

  it("power price above 1 $/kWh is called cents", () => {
    const { report, line } = broken("powerUsdPerKwh: 0.03", "powerUsdPerKwh: 3");
    expectProblem(report, ["regions", 1, "powerUsdPerKwh"], /looks like cents/, line);
  });

  it("a misspelt key", () => {
    const { report, line } = broken("  responseDays: 10", "  responseDays: 10\n  resposneDays: 10");
    expectProblem(report, ["world", "resposneDays"], /unknown key "resposneDays"/, line + 1);
  });

  it("YAML syntax error points at its line", () => {
    const { report } = broken("  feePct: 2\n", "  feePct: [2\n");
    expect(errorsOf(report)).not.toHaveLength(0);
    expect(errorsOf(report)[0]?.message).toMatch(/YAML syntax/);
    expect(errorsOf(report)[0]?.position).not.toBe("1:1");
  });

  it("id must match the file name", () => {
    const report = check(baseText(), "other-name");
    expectProblem(report, ["id"], /expected "other-name"/, 3);
  });
});

describe("lint: units and cross-references", () => {
  it("unknown region id", () => {
    const { report, line } = broken("id: us-texas", "id: xx-nowhere");
    expectProblem(report, ["regions", 1, "id"], /unknown region "xx-nowhere".*region catalog/, line);
  });

  it("duplicate region id", () => {
    const { report } = broken("id: us-texas", "id: cn-north");
    expectProblem(report, ["regions", 1, "id"], /listed twice/);
  });

  it("power price in cents below the schema limit", () => {
    const { report, line } = broken("powerUsdPerKwh: 0.03", "powerUsdPerKwh: 0.8");
    expectProblem(report, ["regions", 1, "powerUsdPerKwh"], /looks like cents.*0\.045/, line);
  });

  it("event region that is not in the scenario", () => {
    const { report, line } = broken("regions: [cn-north]", "regions: [cn-north, ir-iran]");
    expectProblem(
      report,
      ["events", 0, "regions", 1],
      /"ir-iran" is not one of the scenario's regions/,
      line,
    );
  });

  it("unknown ASIC id", () => {
    const { report, line } = broken("include: [s9, s17-pro]", "include: [s9, s99]");
    expectProblem(report, ["asics", "include", 1], /unknown ASIC "s99"/, line);
  });

  it("capacity too small for the region's share", () => {
    const { report, line } = broken("capacityMw: 1700", "capacityMw: 100");
    expectProblem(report, ["regions", 1, "capacityMw"], /needs about \d+ MW/, line, "warning");
  });
});

describe("lint: dates and shares", () => {
  it("event outside the period", () => {
    const { report, line } = broken('date: "2020-02-15"', 'date: "2020-05-15"');
    expectProblem(
      report,
      ["events", 0, "date"],
      /2020-05-15 is outside the period 2020-01-01 \.\. 2020-03-31/,
      line,
    );
  });

  it("deployments out of order and outside the period", () => {
    const { report, line } = broken(
      '{ date: "2020-03-01", ehsPerMonth: 7 }',
      '{ date: "2019-12-01", ehsPerMonth: 7 }',
    );
    expectProblem(report, ["world", "deployments", 1, "date"], /sorted by date/, line);
    expectProblem(report, ["world", "deployments", 1, "date"], /outside the period/, line);
  });

  it("period end before start", () => {
    const { report } = broken('end: "2020-03-31"', 'end: "2019-12-31"');
    expectProblem(report, ["period", "end"], /before it starts/);
  });

  it("historical data not covering the period", () => {
    const { report } = broken('end: "2020-03-31"', 'end: "2030-12-31"');
    expectProblem(report, ["price", "dataset"], /btc-usd-daily\.csv has no value for \d+ day/);
  });

  it("region shares not summing to 100", () => {
    const { report, line } = broken("sharePct: 20,", "sharePct: 10,");
    expectProblem(report, ["regions"], /add up to 90%; expected 100 ± 0\.5/, line - 1);
  });

  it("fleet shares not summing to 100", () => {
    const { report } = broken("{ jPerTh: 48, sharePct: 60 }", "{ jPerTh: 48, sharePct: 70 }");
    expectProblem(report, ["world", "fleet"], /add up to 110%/);
  });

  it("migration delay min > max", () => {
    const { report, line } = broken("migrationDelayDays: [30, 150]", "migrationDelayDays: [150, 30]");
    expectProblem(report, ["world", "migrationDelayDays"], /min ≤ max/, line);
  });
});

describe("lint: chain", () => {
  it("wrong bits for the start epoch names the real ones", () => {
    const { report, line } = broken('bits: "0x171465f2"', 'bits: "0x1715a35c"');
    const p = expectProblem(
      report,
      ["chain", "bits"],
      /0x1715a35c is not the bits of epoch 610848.*0x171465f2/,
      line,
    );
    expect(p.position).toBe(`${line}:9`);
  });

  it("wrong epoch start time names the real one", () => {
    const { report } = broken('"2020-01-01T21:54:27Z"', '"2020-01-01T20:00:00Z"');
    expectProblem(report, ["chain", "epochStartTime"], /first block is at 2020-01-01T21:54:27Z/);
  });

  it("bits easier than powLimit, negative, zero", () => {
    for (const [bits, message] of [
      ["0x1d01ffff", /easier than powLimit/],
      ["0x17800001", /sign bit/],
      ["0x17000000", /zero target/],
      ["0x23010000", /overflows/],
    ] as const) {
      const { report } = broken('bits: "0x171465f2"', `bits: "${bits}"`);
      expectProblem(report, ["chain", "bits"], message);
    }
  });

  it("period starting long after its epoch", () => {
    const { report } = broken('start: "2020-01-01"', 'start: "2020-01-20"');
    expectProblem(report, ["chain", "epochStartTime"], /started 19 days before the period start.*at most 14/);
  });

  it("epoch starting after the period's first day", () => {
    const text = variant(
      'start: "2020-01-01"',
      'start: "2019-12-31"',
      variant('{ date: "2020-01-01"', '{ date: "2019-12-31"'),
    );
    expectProblem(check(text), ["chain", "epochStartTime"], /after the period start 2019-12-31/);
  });

  it("start height far from the period's date", () => {
    const { report } = broken("startHeight: 610848", "startHeight: 700000");
    expectProblem(
      report,
      ["chain", "startHeight"],
      /does not match the period start 2020-01-01.*near height 6\d{5}/,
    );
  });

  it("a start height inside an epoch is a warning", () => {
    const { report } = broken("startHeight: 610848", "startHeight: 610900");
    expectProblem(
      report,
      ["chain", "startHeight"],
      /52 blocks into the epoch starting at 610848/,
      undefined,
      "warning",
    );
  });

  it("a period across a halving is reported as info", () => {
    const { report } = broken('end: "2020-03-31"', 'end: "2020-06-30"');
    expect(errorsOf(report)).toEqual([]);
    expectProblem(
      report,
      ["chain", "startHeight"],
      /halving 3 at height 630000.*12\.5 BTC to 6\.25 BTC/,
      undefined,
      "info",
    );
  });
});

describe("scenario-check CLI on a broken file", () => {
  it("prints file:line:col: path: message and exits 1", () => {
    const text = variant('bits: "0x171465f2"', 'bits: "0x1715a35c"');
    const file = writeScenario(text);
    const run = spawnSync(process.execPath, ["--import", "tsx", "tools/scenario-check.ts", "--file", file], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(run.status, run.stdout + run.stderr).toBe(1);
    const line = lineOf(text, "bits:");
    expect(run.stdout).toContain(
      `${file}:${line}:9: chain.bits: error: 0x1715a35c is not the bits of epoch 610848`,
    );
    expect(run.stdout).toMatch(/0x171465f2/);
    expect(run.stdout).toMatch(/^✗ .*lint-base\.yaml \(1 error, /m);
  });
});
