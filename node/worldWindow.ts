/**
 * `--world`: a historical scenario played as a window of another scenario's world (shared/scenario/
 * window.ts), e.g. a designer's draft episode on the decade's rules, to set its fit beside its own run.
 * The supply reads the months before the window's start from the shipped series (supplyLeadIn.ts), so a
 * window opening inside the 2021 shortage finds the book as the real orders filled it.
 */
import type { Scenario } from "../shared/index.ts";
import { asWindowOf } from "../shared/scenario/window.ts";
import { readOwnScenarioFile, resolveFile } from "./scenarios.ts";

export { asWindowOf, WindowError } from "../shared/scenario/window.ts";

/**
 * Loads the episode at `episodePath` as a window of the world scenario at `worldPath`, resolved. Both
 * files as written: a world that is itself a window is refused, not joined to its own world first.
 */
export function loadWindowOf(episodePath: string, worldPath: string): Scenario {
  return resolveFile(
    episodePath,
    asWindowOf(readOwnScenarioFile(episodePath), readOwnScenarioFile(worldPath)),
  );
}
