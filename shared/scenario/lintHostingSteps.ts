/**
 * Dated hosting fees (issue #16) that could price one change twice. A hosting step is usually read off an
 * all-in quote (fee = all-in − that year's power); a scenario's `powerPrice` event in the same region
 * within a month of the step raises the power part as well, so if both stand for the same rise a hosted
 * machine pays it twice (power, then a fee worked out on the old power). Unlike a power step, a hosting
 * step and a power event are different prices, so this is a warning, not an error: the author checks
 * that the step's quote did not already include the event's rise. The steps' date order is the
 * schema's rule (hostingStepsSpec.ts).
 */
import type { LintProblem } from "./lint.ts";
import type { RegionCatalog, ScenarioFile } from "./schema.ts";
import { eventsNearSteps } from "./lintPowerSteps.ts";

export function lintHostingStepEvents(raw: ScenarioFile, catalog: RegionCatalog): LintProblem[] {
  return eventsNearSteps(raw, catalog, "hostingSteps").map((n) => ({
    severity: "warning",
    path: n.path,
    message: `${n.region}'s hosting steps set a new fee on ${n.stepFrom}, near this powerPrice event on ${n.eventDate}: if the step's all-in quote already includes the event's rise, hosted machines pay it twice (the event on power, then the fee): drop one, or give the region its own hostingSteps`,
  }));
}
