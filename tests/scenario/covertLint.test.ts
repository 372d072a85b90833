/** The checker's rules for covert mining and seasonal migration (shared/scenario/lintCovert.ts). */
import { afterAll, describe, expect, it } from "vitest";
import { baseText, check, cleanTempDir, errorsOf, expectProblem, variant } from "./helpers.ts";

afterAll(cleanTempDir);

const seasonal = (hydro: string, thermal: string): string =>
  `${baseText()}seasonalMigration:
  hydroRegion: ${hydro}
  thermalRegion: ${thermal}
  mobilePct: 50
  maxMovePctPerDay: 3
  fullSpeedGapPct: 12.5
  transitDays: 14
  estimate: "test"
`;

describe("covert mining and seasonal migration in the checker", () => {
  it("accepts a covert share on a ban and a seasonal block naming two of the scenario's regions", () => {
    const text = variant(
      "    emigratePct: 50\n",
      "    emigratePct: 50\n    covertPct: 40\n    covertReturnDays: 90\n",
    );
    expect(errorsOf(check(text))).toEqual([]);
    expect(errorsOf(check(seasonal("cn-north", "us-texas")))).toEqual([]);
  });

  it("refuses a seasonal region outside the scenario, and the same region twice", () => {
    expectProblem(
      check(seasonal("cn-sichuan", "cn-north")),
      ["seasonalMigration", "hydroRegion"],
      /not one of/,
    );
    expectProblem(check(seasonal("cn-north", "cn-north")), ["seasonalMigration", "thermalRegion"], /both/);
  });

  it("refuses a covert share on a ban announced ahead (graceDays)", () => {
    const text = variant(
      "    emigratePct: 50\n",
      "    emigratePct: 50\n    graceDays: 10\n    covertPct: 40\n",
    );
    expectProblem(check(text), ["events", 0, "covertPct"], /graceDays 0/);
  });

  it("accepts a ban on part of a region on its day, refuses one announced ahead or over 100%", () => {
    const part = variant("    emigratePct: 50\n", "    emigratePct: 50\n    regionSharePct: 21\n");
    expect(errorsOf(check(part))).toEqual([]);
    const ahead = variant(
      "    emigratePct: 50\n",
      "    emigratePct: 50\n    graceDays: 10\n    regionSharePct: 21\n",
    );
    expectProblem(check(ahead), ["events", 0, "regionSharePct"], /graceDays 0/);
    const over = variant("    emigratePct: 50\n", "    emigratePct: 50\n    regionSharePct: 210\n");
    expectProblem(check(over), ["events", 0, "regionSharePct"], /100/);
    const none = variant("    emigratePct: 50\n", "    emigratePct: 50\n    regionSharePct: 0\n");
    expectProblem(check(none), ["events", 0, "regionSharePct"], /0/);
  });

  it("refuses a second ban on a region while the first still ramps, and accepts one after or elsewhere", () => {
    const second = (date: string, region: string) =>
      variant(
        "sources: []\n",
        `  - type: ban\n    date: "${date}"\n    regions: [${region}]\n    headline: { en: "Another", zh: "另一" }\n    rampDays: 5\n    emigratePct: 50\n    source: "test event"\nsources: []\n`,
      );
    // The fixture's ban of cn-north on 2020-02-15 ramps for 30 days, to 2020-03-16.
    expectProblem(check(second("2020-03-01", "cn-north")), ["events", 1, "date"], /until 2020-03-16/);
    expect(errorsOf(check(second("2020-03-16", "cn-north")))).toEqual([]);
    expect(errorsOf(check(second("2020-03-01", "us-texas")))).toEqual([]);
  });

  it("refuses a covert or idle share on a ban on part of a region: nothing would mark its end", () => {
    const covert = variant(
      "    emigratePct: 50\n",
      "    emigratePct: 50\n    regionSharePct: 21\n    covertPct: 40\n",
    );
    expectProblem(check(covert), ["events", 0, "covertPct"], /restart the next day/);
    const idle = variant(
      "    emigratePct: 50\n",
      "    emigratePct: 50\n    regionSharePct: 21\n    idlePct: 30\n",
    );
    expectProblem(check(idle), ["events", 0, "idlePct"], /never comes/);
  });
});

describe("the breakeven block in the checker", () => {
  const without = variant('breakeven:\n  hostedPct: 50\n  estimate: "test share"\n', "");

  it("warns when it is missing: the 50% default is then an estimate nobody cited", () => {
    expectProblem(check(without), ["breakeven"], /no breakeven block/, undefined, "warning");
    expect(check(baseText()).problems.some((p) => p.path[0] === "breakeven")).toBe(false);
  });

  it("refuses a hosted share with neither a source nor an estimate", () => {
    const uncited = `${without}breakeven:\n  hostedPct: 60\n`;
    expectProblem(check(uncited), ["breakeven"], /cite a `source` for the hosted share/);
  });
});

describe("a power change written twice", () => {
  const texas =
    '  - { id: us-texas, sharePct: 20, capacityMw: 1700, powerUsdPerKwh: 0.03, estimate: "test share" }';
  const stepped = (steps: string) =>
    texas.replace('estimate: "test share" }', `powerSteps: [${steps}], estimate: "test share" }`);
  const event =
    '  - type: powerPrice\n    date: "2020-03-10"\n    regions: [us-texas]\n    changePct: 20\n    headline: { en: "Dearer", zh: "涨价" }\n    source: "test event"\nsources: []\n';

  it("refuses a powerPrice event within a month of one of its region's power steps", () => {
    const step = '{ from: "2020-03-01", pct: 20, estimate: "test" }';
    const text = variant("sources: []\n", event, variant(texas, stepped(step)));
    expectProblem(check(text), ["events", 1, "regions", 0], /already change its price on 2020-03-01/);
  });

  it("accepts it when the region is given its own steps without that change", () => {
    const text = variant("sources: []\n", event, variant(texas, stepped("")));
    expect(errorsOf(check(text))).toEqual([]);
  });
});

describe("the world's pace for new machines, in the schema", () => {
  const schedule =
    '  deployments:\n    - { date: "2020-01-01", ehsPerMonth: 6 }\n    - { date: "2020-03-01", ehsPerMonth: 7 }\n';
  const supply = "  supply: { mwPerMusdRevenue: 0.5, lagDays: 0 }\n";

  it("refuses both a schedule and a supply, and neither, with the path of the one to fix", () => {
    expectProblem(check(variant(schedule, schedule + supply)), ["world", "supply"], /not both/);
    expectProblem(check(variant(schedule, "")), ["world", "deployments"], /needs a pace/);
  });
});

describe("covert timing without a share", () => {
  it("is refused rather than dropped", () => {
    const text = variant("    emigratePct: 50\n", "    emigratePct: 50\n    covertReturnDays: 90\n");
    expectProblem(check(text), ["events", 0, "covertReturnDays"], /no covertPct/);
  });
});
