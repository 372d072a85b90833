/**
 * A scenario file that names its world (`world.windowOf`, shared/scenario/window.ts, issue #16): the
 * loader joins it to the world's rules (node/scenarios.ts), the racks grow as the world's do from the
 * window's first day, and a window that also gives its own pace, names no shipped world or is resolved
 * without its world gets an error naming `world.windowOf`.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseIsoDate } from "../../shared/math/calendar.ts";
import { resolveScenario, ScenarioError } from "../../shared/scenario/resolve.ts";
import { paceProblems } from "../../shared/scenario/supplySpec.ts";
import { asWindowOf } from "../../shared/scenario/window.ts";
import {
  loadDatasets,
  loadLogisticsCatalog,
  loadRegionCatalog,
  loadScenarioFile,
  readOwnScenarioFile,
  readScenarioFile,
  scenarioPathOf,
} from "../../node/scenarios.ts";
import { checkScenario } from "../../tools/scenario-check.ts";

const DECADE = "history-2016-2026";
const path = (id: string) => scenarioPathOf(id) as string;

/** A draft copy of tariffs-2025 (a window of the decade) that names `worldId` as its world. */
function draftWindow(worldId: string): string {
  const text = readFileSync(path("tariffs-2025"), "utf8")
    .replace("id: tariffs-2025", "id: my-window")
    .replace(`windowOf: ${DECADE}`, `windowOf: ${worldId}`);
  const file = join(mkdtempSync(join(tmpdir(), "window-")), "my-window.yaml");
  writeFileSync(file, text);
  return file;
}

describe("a scenario file that names its world (world.windowOf)", () => {
  const world = readOwnScenarioFile(path(DECADE));

  it("is read as the window of that world: its supply, build-out and racks, and its own start", () => {
    const draft = readScenarioFile(draftWindow(DECADE));
    const own = readOwnScenarioFile(path("tariffs-2025"));
    expect(draft.world.windowOf).toBeUndefined();
    expect(draft.world.deployments).toEqual([]);
    expect(draft.world.supply?.mwPerMusdRevenue).toBe(world.world.supply?.mwPerMusdRevenue);
    expect(draft.world.supply?.retirePatienceDays).toBe(world.world.supply?.retirePatienceDays);
    expect(draft.buildOut).toEqual(world.buildOut);
    expect(draft.world.initialHashrateEhs).toBe(own.world.initialHashrateEhs);
    expect(draft.regions.map((r) => r.capacityMw)).toEqual(own.regions.map((r) => r.capacityMw));
    // The same world as `--world` plays it (node/worldWindow.ts), so the loaders agree.
    expect(draft.regions).toEqual(asWindowOf(own, world).regions);
  });

  it("grows each region's racks at the world's pace from the first day, and keeps a region the world lacks", () => {
    const own = readOwnScenarioFile(path("tariffs-2025"));
    const texas = (file: typeof own) => file.regions.find((r) => r.id === "us-texas");
    const worldTexas = texas(world);
    const steps = worldTexas?.capacityGrowthSteps ?? [];
    const atStart = steps.filter((s) => s.from <= own.period.start).at(-1);
    expect(atStart, "the decade's Texas has a pace on 2024-01-06").toBeDefined();
    const window = asWindowOf(own, world);
    expect(texas(window)?.capacityGrowthMwPerYear).toBe(atStart?.mwPerYear);
    expect(texas(window)?.capacityGrowthMwPerYear).not.toBe(texas(own)?.capacityGrowthMwPerYear);
    expect(texas(window)?.capacityGrowthSteps ?? []).toEqual(steps.filter((s) => s.from > own.period.start));
    const withoutTexas = { ...world, regions: world.regions.filter((r) => r.id !== "us-texas") };
    expect(texas(asWindowOf(own, withoutTexas))?.capacityGrowthMwPerYear).toBe(
      texas(own)?.capacityGrowthMwPerYear,
    );
  });

  it("plays: the joined draft resolves and its world deploys from the industry's output", () => {
    const scenario = loadScenarioFile(draftWindow(DECADE));
    expect(scenario.world.supply).toBeDefined();
    expect(scenario.world.deployments).toEqual([]);
    expect(scenario.startDay).toBe(parseIsoDate("2024-01-06"));
  });

  it("names world.windowOf when the world is not shipped, or has no supply to lend", () => {
    const expectProblem = (file: string, pattern: RegExp) => {
      try {
        readScenarioFile(file);
        expect.unreachable("the window should have been refused");
      } catch (e) {
        expect(e).toBeInstanceOf(ScenarioError);
        const problem = (e as ScenarioError).problems[0];
        expect(problem?.path).toEqual(["world", "windowOf"]);
        expect(problem?.message).toMatch(pattern);
      }
    };
    expectProblem(
      draftWindow("history-2016-2062"),
      /no shipped scenario "history-2016-2062"; shipped: .*history-2016-2026/,
    );
    expectProblem(draftWindow("sandbox"), /sandbox's new machines follow a schedule/);
  });

  it("refuses a window that also gives its own pace, and a window resolved without its world", () => {
    expect(paceProblems({ deployments: [{}], windowOf: DECADE })[0]?.message).toMatch(
      /takes history-2016-2026's pace .* without `deployments` or `supply`/,
    );
    expect(paceProblems({ deployments: [], windowOf: DECADE })).toEqual([]);
    const unjoined = readOwnScenarioFile(draftWindow(DECADE));
    expect(() =>
      resolveScenario(
        "my-window.yaml",
        unjoined,
        loadRegionCatalog(),
        loadDatasets(),
        loadLogisticsCatalog(),
      ),
    ).toThrow(/a window of history-2016-2026 is resolved with its world's rules/);
  });

  it("passes the scenario check, which resolves it joined to its world", () => {
    const report = checkScenario(draftWindow(DECADE), loadRegionCatalog(), loadDatasets());
    expect(report.problems.filter((p) => p.severity === "error")).toEqual([]);
  });
});
