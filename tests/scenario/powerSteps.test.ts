/**
 * Dated power steps (issue #16): the region catalog's steps reach the engine in its units, a scenario's
 * own steps replace them, and a step must cite a source and keep its date order.
 */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { resolveScenario } from "../../shared/scenario/resolve.ts";
import { scenarioFileSchema } from "../../shared/scenario/schema.ts";
import { powerStepsSchema } from "../../shared/scenario/powerScheduleSpec.ts";
import { parseIsoDate } from "../../shared/math/calendar.ts";
import { loadDatasets, loadLogisticsCatalog, loadRegionCatalog } from "../../node/scenarios.ts";
import { scenario } from "../helpers/game.ts";
import { variant } from "./helpers.ts";

function resolveText(text: string) {
  const raw = scenarioFileSchema.parse(parse(text));
  return resolveScenario("test.yaml", raw, loadRegionCatalog(), loadDatasets(), loadLogisticsCatalog());
}

describe("power steps", () => {
  it("come from the catalog: Sweden's July 2023 tax is +35,000 µ$/kWh from 2023-07-01", () => {
    const se = scenario("tariffs-2025").regions.find((r) => r.id === "se-north")!;
    expect(se.powerSteps).toEqual([
      { day: parseIsoDate("2023-07-01"), addMicroUsd: 35_000, multBps: 10_000 },
    ]);
  });

  it("are replaced by a scenario's own", () => {
    const texas =
      '  - { id: us-texas, sharePct: 20, capacityMw: 1700, powerUsdPerKwh: 0.03, estimate: "test share" }';
    const s = resolveText(
      variant(
        texas,
        '  - { id: us-texas, sharePct: 20, capacityMw: 1700, powerUsdPerKwh: 0.03, powerSteps: [{ from: "2020-03-01", pct: 50, estimate: "test" }], estimate: "test share" }',
      ),
    );
    const tx = s.regions.find((r) => r.id === "us-texas")!;
    expect(tx.powerSteps).toEqual([{ day: parseIsoDate("2020-03-01"), addMicroUsd: 0, multBps: 15_000 }]);
    expect(s.breakeven.hostedBps).toBe(5_000); // the default when the file has no block
  });

  it("must cite a source or an estimate, and be sorted by date", () => {
    expect(powerStepsSchema.safeParse([{ from: "2022-01-01", addUsdPerKwh: 0.01 }]).success).toBe(false);
    const cited = (from: string) => ({ from, pct: 10, estimate: "test" });
    expect(powerStepsSchema.safeParse([cited("2022-01-01"), cited("2023-01-01")]).success).toBe(true);
    expect(powerStepsSchema.safeParse([cited("2023-01-01"), cited("2022-01-01")]).success).toBe(false);
  });
});
