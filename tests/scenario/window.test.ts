/**
 * A scenario file that names its world (`world.windowOf`, shared/scenario/window.ts, issue #16): the
 * loader joins it to the world's rules (node/scenarios.ts), the racks grow as the world's do from the
 * window's first day, and a window that also gives its own pace, names no shipped world or is resolved
 * without its world gets an error naming `world.windowOf`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseIsoDate } from "../../shared/math/calendar.ts";
import { resolveScenario, ScenarioError } from "../../shared/scenario/resolve.ts";
import { paceProblems } from "../../shared/scenario/supplySpec.ts";
import { asWindowOf } from "../../shared/scenario/window.ts";
import { lintWindowOverrides } from "../../shared/scenario/lintWindow.ts";
import { lintScenario } from "../../shared/scenario/lint.ts";
import type { ScenarioFile } from "../../shared/scenario/schema.ts";
import {
  loadDatasets,
  loadLogisticsCatalog,
  loadRegionCatalog,
  loadScenarioFile,
  readOwnScenarioFile,
  readScenarioFile,
  scenarioPathOf,
  worldFileOf,
} from "../../node/scenarios.ts";
import { loadWindowOf } from "../../node/worldWindow.ts";
import { checkScenario } from "../../tools/scenario-check.ts";

const DECADE = "history-2016-2026";
const tmp = mkdtempSync(join(tmpdir(), "windows-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const path = (id: string) => scenarioPathOf(id) as string;

/** A draft copy of tariffs-2025 (a window of the decade) that names `worldId` as its world. */
function draftWindow(worldId: string): string {
  const text = readFileSync(path("tariffs-2025"), "utf8")
    .replace("id: tariffs-2025", "id: my-window")
    .replace(`windowOf: ${DECADE}`, `windowOf: ${worldId}`);
  const file = join(mkdtempSync(join(tmp, "window-")), "my-window.yaml");
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

  it("grows each region's racks at the world's pace from the first day, with the world's steps inside it", () => {
    const growth = (episode: string, region: string) => {
      const r = readScenarioFile(path(episode)).regions.find((x) => x.id === region);
      return [r?.capacityGrowthMwPerYear, (r?.capacityGrowthSteps ?? []).map((s) => s.from)];
    };
    // The decade's Texas: 143 MW/yr to 2021-04-02, exodus-2021's 1,100 to its end, 632 to 2024-01-06, 842.
    expect(growth("halving-2020", "us-texas")).toEqual([143, []]);
    expect(growth("exodus-2021", "us-texas")).toEqual([1100, []]);
    expect(growth("tariffs-2025", "us-texas")).toEqual([842, []]);
    expect(growth("exodus-2021", "ru-irkutsk")).toEqual([0, []]);
    // A world step inside the window is kept (a draft exodus that runs into 2023).
    const long = readOwnScenarioFile(path("exodus-2021"));
    const longer = asWindowOf({ ...long, period: { ...long.period, end: "2023-03-31" } }, world);
    const texas = longer.regions.find((r) => r.id === "us-texas");
    expect(texas?.capacityGrowthSteps).toEqual([{ from: "2022-07-01", mwPerYear: 632 }]);
  });

  it("keeps the growth of a region the world does not have", () => {
    const own = readOwnScenarioFile(path("tariffs-2025"));
    const mine = {
      ...own,
      regions: own.regions.map((r) => (r.id === "us-texas" ? { ...r, capacityGrowthMwPerYear: 1234 } : r)),
    };
    const withoutTexas = { ...world, regions: world.regions.filter((r) => r.id !== "us-texas") };
    const texas = asWindowOf(mine, withoutTexas).regions.find((r) => r.id === "us-texas");
    expect(texas?.capacityGrowthMwPerYear).toBe(1234);
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
    expectProblem(
      draftWindow("halving-2020"),
      /halving-2020 is itself a window of history-2016-2026: name that world/,
    );
  });

  it("refuses a window that also gives its own pace, and a window resolved without its world", () => {
    expect(paceProblems({ deployments: [{}], windowOf: DECADE })[0]?.message).toMatch(
      /takes history-2016-2026's pace .* without `deployments` or `supply`/,
    );
    expect(paceProblems({ deployments: [], windowOf: DECADE })).toEqual([]);
    const supply = { mwPerMusdRevenue: 0.45, lagDays: 0, retireIdlePctPerMonth: 0 };
    expect(paceProblems({ deployments: [], supply, windowOf: DECADE })[0]?.path).toEqual(["supply"]);
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
    expect(report.problems.filter((p) => p.severity !== "info")).toEqual([]);
  });

  it("warns that a window's own build-out and growth of racks are not played", () => {
    const text = readFileSync(draftWindow(DECADE), "utf8")
      .replace(/(\{ id: us-texas, sharePct: [\d.]+, capacityMw: \d+)/, "$1, capacityGrowthMwPerYear: 900")
      .concat("buildOut:\n  sharePct: 25\n  lagDays: 90\n  source: a draft's own\n  estimate: a guess\n");
    const file = join(mkdtempSync(join(tmp, "window-")), "my-window.yaml");
    writeFileSync(file, text);
    const warnings = checkScenario(file, loadRegionCatalog(), loadDatasets()).problems.filter(
      (p) => p.severity !== "info",
    );
    expect(warnings.map((p) => [p.severity, p.message])).toEqual([
      ["warning", expect.stringMatching(/^this buildOut block is not played/)],
      [
        "warning",
        expect.stringMatching(/^us-texas's capacity growth is not played: a window of history-2016-2026/),
      ],
    ]);
  });

  it("leaves alone the growth of a region the world lacks, which the window keeps", () => {
    const text = readFileSync(draftWindow(DECADE), "utf8").replace(
      /(\{ id: us-texas, sharePct: [\d.]+, capacityMw: \d+)/,
      "$1, capacityGrowthMwPerYear: 900",
    );
    const file = join(mkdtempSync(join(tmp, "window-")), "my-window.yaml");
    writeFileSync(file, text);
    const own = readOwnScenarioFile(file);
    const world = readOwnScenarioFile(path(DECADE));
    const withoutTexas = { ...world, regions: world.regions.filter((r) => r.id !== "us-texas") };
    const messages = (w?: ScenarioFile): string[] => lintWindowOverrides(own, w).map((p) => p.message);
    expect(messages(world)).toEqual([expect.stringMatching(/^us-texas's capacity growth is not played/)]);
    expect(messages(withoutTexas)).toEqual([]);
    // The whole lint passes the world on to this check (scenario-check reads it with worldFileOf).
    const notPlayed = (w: ScenarioFile) =>
      lintScenario(own, loadRegionCatalog(), loadDatasets(), w).filter((p) => /not played/.test(p.message));
    expect(notPlayed(world)).toHaveLength(1);
    expect(notPlayed(withoutTexas)).toEqual([]);
    expect(worldFileOf(DECADE)?.regions.map((r) => r.id)).toEqual(world.regions.map((r) => r.id));
  });

  it("refuses, through --world, a world that is itself a window", () => {
    expect(() => loadWindowOf(path("exodus-2021"), path("tariffs-2025"))).toThrow(
      /tariffs-2025 is itself a window of history-2016-2026/,
    );
  });
});
