/**
 * --scenario for the tools: the id of a shipped scenario, or the path of a draft anywhere
 * ("./drafts/my.yaml"). A draft is run through the same checks as `npm run scenario:check` first, so
 * that a broken file is answered with the linter's located messages, not the first resolve failure.
 */
import { existsSync } from "node:fs";
import { basename } from "node:path";
import type { Scenario } from "../../shared/index.ts";
import { checkAll, formatReport } from "../scenario-check.ts";
import {
  isScenarioPath,
  loadScenario,
  loadScenarioFile,
  scenarioIds,
  scenarioPathOf,
} from "../../node/scenarios.ts";
import { UsageError } from "./cli.ts";

/** A scenario's problems as the linter prints them; throws when any is an error. */
export function lintOrThrow(path: string): void {
  const reports = checkAll(path);
  const failing = reports.filter((r) => r.problems.some((p) => p.severity === "error"));
  if (failing.length === 0) return;
  const lines = failing.flatMap((r) => formatReport(r).filter((l) => !/: (warning|info): /.test(l)));
  throw new Error(
    `the scenario file has errors (npm run scenario:check -- --scenario ${path}):\n${lines.join("\n")}`,
  );
}

/**
 * Checks that --scenario (or another flag naming a scenario: `flag`) names something: a shipped id or an
 * existing file. Returns the scenario's id.
 */
export function scenarioRefId(ref: string | undefined, flag = "scenario"): string {
  const shipped = scenarioIds();
  if (ref === undefined)
    throw new UsageError(
      `--${flag} is required: a shipped scenario (${shipped.join(", ")}) or a YAML file's path`,
    );
  if (isScenarioPath(ref)) {
    if (!existsSync(ref)) throw new UsageError(`--${flag}: no file "${ref}"`);
    return basename(ref).replace(/\.ya?ml$/, "");
  }
  if (!shipped.includes(ref))
    throw new UsageError(
      `--${flag}: unknown scenario "${ref}"; shipped scenarios: ${shipped.join(", ")} (or give a YAML file's path, e.g. ./drafts/my.yaml)`,
    );
  return ref;
}

/** Loads --scenario: a shipped id as the game server would, a draft after the linter passed it. */
export function loadScenarioRef(ref: string): Scenario {
  if (!isScenarioPath(ref)) return loadScenario(ref);
  return loadScenarioFile(lintedPathOf(ref));
}

/** The file a scenario reference names; a draft's only once the linter passed it. */
export function lintedPathOf(ref: string): string {
  const path = scenarioPathOf(ref) as string;
  if (isScenarioPath(ref)) lintOrThrow(path);
  return path;
}
