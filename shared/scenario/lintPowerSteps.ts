/**
 * A power price change written twice (issue #16 review): the region catalog's dated `powerSteps` and a
 * scenario's `powerPrice` event for the same change both apply (the step, then the event's multiplier),
 * so a tax rise would be billed twice. The checker refuses an event that falls within a month of one of
 * its region's steps, and says which step.
 */
import { parseIsoDate } from "../math/calendar.ts";
import type { LintProblem } from "./lint.ts";
import type { RegionCatalog, ScenarioFile } from "./schema.ts";

/** An event this close to a step (days, either side) is taken for the same change. */
const SAME_CHANGE_DAYS = 31;

/** The steps a scenario's region is priced on: its own when it gives them, else the catalog's. */
function stepsOf(raw: ScenarioFile, catalog: RegionCatalog, id: string): readonly { from: string }[] {
  const own = raw.regions.find((r) => r.id === id)?.powerSteps;
  return own ?? catalog.regions.find((r) => r.id === id)?.powerSteps ?? [];
}

export function lintPowerStepEvents(raw: ScenarioFile, catalog: RegionCatalog): LintProblem[] {
  const problems: LintProblem[] = [];
  raw.events.forEach((e, i) => {
    if (e.type !== "powerPrice") return;
    const day = parseIsoDate(e.date);
    e.regions.forEach((id, j) => {
      const step = stepsOf(raw, catalog, id).find(
        (s) => Math.abs(parseIsoDate(s.from) - day) <= SAME_CHANGE_DAYS,
      );
      if (!step) return;
      problems.push({
        severity: "error",
        path: ["events", i, "regions", j],
        message: `${id}'s power steps already change its price on ${step.from}; this powerPrice event on ${e.date} would apply the same change again (the step, then the event): drop the event, or give the region its own powerSteps without that step`,
      });
    });
  });
  return problems;
}
