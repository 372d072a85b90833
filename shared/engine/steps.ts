/**
 * Dated steps (issue #16): power steps, hosting fees and capacity growth each hold a short list of
 * `{ day, … }` sorted by day, and a rule reads the one in force on a day. One function finds it, so the
 * three cannot disagree on a boundary (a step counts from its own day).
 */

/** The last of `steps` (sorted by day) whose day is on or before `day`; undefined before the first. */
export function stepOn<T extends { day: number }>(steps: readonly T[], day: number): T | undefined {
  // A handful of steps per region at most: a scan from the end finds the one in force.
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i] as T;
    if (step.day <= day) return step;
  }
  return undefined;
}
