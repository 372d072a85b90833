/** The resolver: people's units become the engine's integers, dated price points become a daily series. */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { resolveScenario, ScenarioError } from "../../shared/scenario/resolve.ts";
import { scenarioFileSchema } from "../../shared/scenario/schema.ts";
import { loadDatasets, loadLogisticsCatalog, loadRegionCatalog } from "../../node/scenarios.ts";
import { baseText, variant } from "./helpers.ts";

const HISTORICAL = /price:\n(?: {2}.*\n)+/;

function resolveText(text: string) {
  const raw = scenarioFileSchema.parse(parse(text));
  return resolveScenario("test.yaml", raw, loadRegionCatalog(), loadDatasets(), loadLogisticsCatalog());
}

function withPrice(block: string): string {
  const text = baseText();
  const match = HISTORICAL.exec(text);
  if (!match) throw new Error("fixture has no price block");
  return variant(match[0], block, text);
}

describe("resolveScenario", () => {
  it("turns dated price points into a daily series, linear between points", () => {
    const s = resolveText(
      withPrice(
        'price:\n  model: points\n  points:\n    - { date: "2019-12-31", usd: 1000 }\n    - { date: "2020-01-10", usd: 2000 }\n    - { date: "2020-04-30", usd: 2000 }\n  estimate: "test"\n',
      ),
    );
    expect(s.price.kind).toBe("historical");
    if (s.price.kind !== "historical") return;
    expect(s.price.dailyCents).toHaveLength(s.days);
    // 1 January is one day after the first point: 1000 + 1000 × 1/10.
    expect(s.price.dailyCents[0]).toBe(110_000);
    expect(s.price.dailyCents[4]).toBe(150_000); // 5 January
    expect(s.price.dailyCents[9]).toBe(200_000); // 10 January, on a point
    expect(s.price.dailyCents[60]).toBe(200_000);
  });

  it("refuses points that do not cover the period, saying what is needed", () => {
    const text = withPrice(
      'price:\n  model: points\n  points:\n    - { date: "2020-01-05", usd: 1000 }\n    - { date: "2020-02-01", usd: 2000 }\n  estimate: "test"\n',
    );
    expect(() => resolveText(text)).toThrow(ScenarioError);
    expect(() => resolveText(text)).toThrow(/price\.points: the points must cover the whole period/);
  });

  it("lays out the historical series one value per day, in cents", () => {
    const s = resolveText(baseText());
    if (s.price.kind !== "historical") throw new Error("fixture is historical");
    expect(s.price.dailyCents).toHaveLength(s.days);
    expect(s.price.dailyCents[0]).toBe(720_017); // Yahoo close 2020-01-01: 7,200.17
  });
});
