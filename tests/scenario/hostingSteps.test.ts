/**
 * Dated hosting fees (issue #16): the catalog's steps reach the engine in cents, a scenario's own steps
 * replace them, a step must cite a source and keep its date order (the checker refuses it otherwise),
 * and a powerPrice event next to a hosting step is flagged as a change that may be billed twice.
 */
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { resolveScenario } from "../../shared/scenario/resolve.ts";
import { scenarioFileSchema } from "../../shared/scenario/schema.ts";
import { hostingStepsSchema } from "../../shared/scenario/hostingStepsSpec.ts";
import { parseIsoDate } from "../../shared/math/calendar.ts";
import { loadDatasets, loadLogisticsCatalog, loadRegionCatalog } from "../../node/scenarios.ts";
import { scenario } from "../helpers/game.ts";
import { check, cleanTempDir, errorsOf, expectProblem, variant } from "./helpers.ts";

afterAll(cleanTempDir);

const texas =
  '  - { id: us-texas, sharePct: 20, capacityMw: 1700, powerUsdPerKwh: 0.03, estimate: "test share" }';
const stepped = (steps: string) =>
  texas.replace('estimate: "test share" }', `hostingSteps: [${steps}], estimate: "test share" }`);
const step = (from: string, usd: number) => `{ from: "${from}", usdPerKwMonth: ${usd}, estimate: "test" }`;

function resolveText(text: string) {
  const raw = scenarioFileSchema.parse(parse(text));
  return resolveScenario("test.yaml", raw, loadRegionCatalog(), loadDatasets(), loadLogisticsCatalog());
}

describe("hosting steps", () => {
  it("come from the catalog: the US steps follow (all-in - the region's power) x 720 h", () => {
    const tx = scenario("tariffs-2025").regions.find((r) => r.id === "us-texas")!;
    expect(tx.hostingSteps.map((s) => s.centsPerKwMonth)).toEqual([1_600, 2_300, 3_700, 3_000]);
    // New York's 4 c power: 5, 6, 8 and 7 c all-in are $7.2, $14.4, $28.8 and $21.6.
    const ny = scenario("tariffs-2025").regions.find((r) => r.id === "us-newyork")!;
    expect(ny.hostingSteps.map((s) => s.centsPerKwMonth)).toEqual([700, 1_400, 2_900, 2_200]);
  });

  it("are none for Paraguay: its one all-in figure (Sazmining 2023, 4.7 c) is its base fee, $5", () => {
    const py = scenario("tariffs-2025").regions.find((r) => r.id === "py-itaipu")!;
    expect(py.hostingSteps).toEqual([]);
    expect(py.hostingCentsPerKwMonth).toBe(500);
  });

  it("are replaced by a scenario's own", () => {
    const s = resolveText(variant(texas, stepped(step("2020-03-01", 12.5))));
    const tx = s.regions.find((r) => r.id === "us-texas")!;
    expect(tx.hostingSteps).toEqual([{ day: parseIsoDate("2020-03-01"), centsPerKwMonth: 1_250 }]);
    const none = resolveText(variant(texas, stepped(""))).regions.find((r) => r.id === "us-texas")!;
    expect(none.hostingSteps).toEqual([]);
  });

  it("must cite a source or an estimate, be sorted by date and not be negative", () => {
    expect(hostingStepsSchema.safeParse([{ from: "2022-01-01", usdPerKwMonth: 10 }]).success).toBe(false);
    const cited = (from: string, usd = 10) => ({ from, usdPerKwMonth: usd, estimate: "test" });
    expect(hostingStepsSchema.safeParse([cited("2022-01-01"), cited("2023-01-01")]).success).toBe(true);
    expect(hostingStepsSchema.safeParse([cited("2023-01-01"), cited("2022-01-01")]).success).toBe(false);
    expect(hostingStepsSchema.safeParse([cited("2022-01-01"), cited("2022-01-01")]).success).toBe(false);
    expect(hostingStepsSchema.safeParse([cited("2022-01-01", -1)]).success).toBe(false);
  });

  it("out of date order are refused by the checker, at the region's steps", () => {
    const text = variant(texas, stepped(`${step("2020-03-01", 20)}, ${step("2020-02-01", 25)}`));
    expectProblem(check(text), ["regions", 1, "hostingSteps"], /sorted by date/);
    const sorted = variant(texas, stepped(`${step("2020-02-01", 25)}, ${step("2020-03-01", 20)}`));
    expect(errorsOf(check(sorted))).toEqual([]);
  });
});

describe("a hosting step next to a powerPrice event", () => {
  const event =
    '  - type: powerPrice\n    date: "2020-03-10"\n    regions: [us-texas]\n    changePct: 20\n    headline: { en: "Dearer", zh: "涨价" }\n    source: "test event"\nsources: []\n';

  it("is warned about: the rise may be billed twice (power, then a fee read off the old all-in)", () => {
    const text = variant("sources: []\n", event, variant(texas, stepped(step("2020-03-01", 20))));
    const report = check(text);
    expectProblem(
      report,
      ["events", 1, "regions", 0],
      /hosting steps set a new fee on 2020-03-01/,
      undefined,
      "warning",
    );
    expect(errorsOf(report)).toEqual([]);
  });

  it("is not when the step is more than a month away", () => {
    const text = variant("sources: []\n", event, variant(texas, stepped(step("2020-01-15", 20))));
    expect(check(text).problems.some((p) => /hosting steps/.test(p.message))).toBe(false);
  });
});
