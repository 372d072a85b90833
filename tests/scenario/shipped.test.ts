/** The shipped region catalog and scenarios pass the checker, the CLI agrees, and the JSON schemas are current. */
import { spawnSync } from "node:child_process";
import { basename } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lintRegionCatalog, lintScenario } from "../../shared/scenario/lint.ts";
import { checkCatalog, checkScenario, formatReport } from "../../tools/scenario-check.ts";
import { staleSchemaFiles } from "../../tools/scenario-schema.ts";
import {
  loadDatasets,
  loadRegionCatalog,
  readScenarioFile,
  REGION_CATALOG,
  ROOT,
  scenarioFiles,
} from "../../node/scenarios.ts";
import { baseText, check, cleanTempDir, errorsOf } from "./helpers.ts";

afterAll(cleanTempDir);

describe("shipped scenario files", () => {
  const data = loadDatasets();

  it("has at least one scenario", () => {
    expect(scenarioFiles().length).toBeGreaterThan(0);
  });

  it("the region catalog has no errors", () => {
    const report = checkCatalog(REGION_CATALOG, data);
    expect(errorsOf(report), formatReport(report).join("\n")).toEqual([]);
    expect(lintRegionCatalog(loadRegionCatalog(), data).filter((p) => p.severity === "error")).toEqual([]);
  });

  for (const file of scenarioFiles()) {
    it(`${basename(file)} passes schema, lint and trial resolve`, () => {
      const { catalog } = checkCatalog(REGION_CATALOG, data);
      const report = checkScenario(file, catalog, data);
      expect(errorsOf(report), formatReport(report).join("\n")).toEqual([]);
    });

    it(`${basename(file)}: lintScenario is pure (same answer twice, input untouched)`, () => {
      const raw = readScenarioFile(file);
      const before = JSON.stringify(raw);
      const catalog = loadRegionCatalog();
      const first = lintScenario(raw, catalog, data);
      expect(lintScenario(raw, catalog, data)).toEqual(first);
      expect(JSON.stringify(raw)).toBe(before);
    });
  }

  it("the base test fixture is valid (so the broken variants test one thing each)", () => {
    const report = check(baseText());
    expect(report.problems, formatReport(report).join("\n")).toEqual([]);
  });

  it("the committed JSON schemas are up to date (npm run scenario:schema)", async () => {
    expect(await staleSchemaFiles()).toEqual([]);
  });
});

describe("scenario-check CLI", () => {
  it("exits 0 on the shipped files and prints a ✓ line per file", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "tools/scenario-check.ts"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    for (const file of scenarioFiles()) expect(run.stdout).toContain(`✓ shared/scenarios/${basename(file)}`);
    expect(run.stdout).toContain("✓ shared/world/regions.yaml");
  });
});
