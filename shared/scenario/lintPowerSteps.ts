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

type StepField = "powerSteps" | "hostingSteps";

/** The steps of `field` a scenario's region is priced on: its own when it gives them, else the catalog's. */
function stepsOf(
  raw: ScenarioFile,
  catalog: RegionCatalog,
  id: string,
  field: StepField,
): readonly { from: string }[] {
  const own = raw.regions.find((r) => r.id === id)?.[field];
  return own ?? catalog.regions.find((r) => r.id === id)?.[field] ?? [];
}

/** A `powerPrice` event's region within SAME_CHANGE_DAYS of one of that region's steps. */
export interface EventNearStep {
  path: (string | number)[];
  region: string;
  stepFrom: string;
  eventDate: string;
}

/** Every `powerPrice` event's region that has a step of `field` within a month of the event. */
export function eventsNearSteps(
  raw: ScenarioFile,
  catalog: RegionCatalog,
  field: StepField,
): EventNearStep[] {
  const near: EventNearStep[] = [];
  raw.events.forEach((e, i) => {
    if (e.type !== "powerPrice") return;
    const day = parseIsoDate(e.date);
    e.regions.forEach((id, j) => {
      const step = stepsOf(raw, catalog, id, field).find(
        (s) => Math.abs(parseIsoDate(s.from) - day) <= SAME_CHANGE_DAYS,
      );
      if (step)
        near.push({ path: ["events", i, "regions", j], region: id, stepFrom: step.from, eventDate: e.date });
    });
  });
  return near;
}

export function lintPowerStepEvents(raw: ScenarioFile, catalog: RegionCatalog): LintProblem[] {
  return eventsNearSteps(raw, catalog, "powerSteps").map((n) => ({
    severity: "error",
    path: n.path,
    message: `${n.region}'s power steps already change its price on ${n.stepFrom}; this powerPrice event on ${n.eventDate} would apply the same change again (the step, then the event): drop the event, or give the region its own powerSteps without that step`,
  }));
}
