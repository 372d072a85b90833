/**
 * A window of a longer world (`world.windowOf`, window.ts) takes that world's build-out and each region's
 * growth of racks: the window's own `buildOut` block and regions' `capacityGrowthMwPerYear` and
 * `capacityGrowthSteps` would be replaced without a word. A warning says so, so that a designer who
 * edits them in a window knows to edit the world instead (or drop `windowOf`). A region the world lacks
 * keeps its own growth (window.ts): given the world's file, the check leaves those alone.
 */
import type { LintProblem } from "./lint.ts";
import type { ScenarioFile } from "./schema.ts";

export function lintWindowOverrides(raw: ScenarioFile, worldFile?: ScenarioFile): LintProblem[] {
  const world = raw.world.windowOf;
  if (world === undefined) return [];
  const ignored = (path: (string | number)[], what: string): LintProblem => ({
    severity: "warning",
    path,
    message: `${what} is not played: a window of ${world} takes ${world}'s (world.windowOf); edit it there, or drop windowOf`,
  });
  const out: LintProblem[] = [];
  if (raw.buildOut) out.push(ignored(["buildOut"], "this buildOut block"));
  const worldHas = (id: string): boolean => !worldFile || worldFile.regions.some((r) => r.id === id);
  raw.regions.forEach((r, i) => {
    if (!worldHas(r.id)) return;
    if (r.capacityGrowthMwPerYear !== 0)
      out.push(ignored(["regions", i, "capacityGrowthMwPerYear"], `${r.id}'s capacity growth`));
    if (r.capacityGrowthSteps)
      out.push(ignored(["regions", i, "capacityGrowthSteps"], `${r.id}'s capacity growth steps`));
  });
  return out;
}
