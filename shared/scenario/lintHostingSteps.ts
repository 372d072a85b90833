/**
 * Dated hosting fees (issue #16) that could price one change twice. A hosting step is usually read off an
 * all-in quote (fee = all-in − that year's power); a scenario's `powerPrice` event in the same region
 * within a month of the step raises the power part as well, so if both stand for the same rise a hosted
 * machine pays it twice (power, then a fee worked out on the old power). Unlike a power step, a hosting
 * step and a power event are different prices, so this is a warning, not an error: the author checks
 * that the step's quote did not already include the event's rise. The steps' date order is the
 * schema's rule (hostingStepsSpec.ts).
 */
import { parseIsoDate } from "../math/calendar.ts";
import type { LintProblem } from "./lint.ts";
import type { RegionCatalog, ScenarioFile } from "./schema.ts";

/** An event this close to a step (days, either side) may be the same change. */
const SAME_CHANGE_DAYS = 31;

/** The hosting steps a scenario's region is priced on: its own when it gives them, else the catalog's. */
function stepsOf(raw: ScenarioFile, catalog: RegionCatalog, id: string): readonly { from: string }[] {
  const own = raw.regions.find((r) => r.id === id)?.hostingSteps;
  return own ?? catalog.regions.find((r) => r.id === id)?.hostingSteps ?? [];
}

export function lintHostingStepEvents(raw: ScenarioFile, catalog: RegionCatalog): LintProblem[] {
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
        severity: "warning",
        path: ["events", i, "regions", j],
        message: `${id}'s hosting steps set a new fee on ${step.from}, near this powerPrice event on ${e.date}: if the step's all-in quote already includes the event's rise, hosted machines pay it twice (the event on power, then the fee): drop one, or give the region its own hostingSteps`,
      });
    });
  });
  return problems;
}
