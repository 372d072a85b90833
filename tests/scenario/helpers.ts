/** Shared helpers for the scenario checker tests: a valid base fixture, broken on purpose one edit at a time. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import {
  checkCatalog,
  checkScenario,
  type FileReport,
  type LocatedProblem,
} from "../../tools/scenario-check.ts";
import { loadDatasets, REGION_CATALOG, ROOT } from "../../node/scenarios.ts";

export const BASE_FIXTURE = join(ROOT, "tests/fixtures/scenarios/lint-base.yaml");
export const baseText = (): string => readFileSync(BASE_FIXTURE, "utf8");

let dir: string | null = null;
export function tempDir(): string {
  dir ??= mkdtempSync(join(tmpdir(), "scenario-check-"));
  return dir;
}
export function cleanTempDir(): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
}

/** Writes `text` as `<name>.yaml` in the temp dir and returns the path. */
export function writeScenario(text: string, name = "lint-base"): string {
  const path = join(tempDir(), `${name}.yaml`);
  writeFileSync(path, text);
  return path;
}

/** The base fixture with `from` replaced by `to` (which must occur exactly once). */
export function variant(from: string, to: string, text = baseText()): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0)
    throw new Error(`"${from}" must occur exactly once in the fixture`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** 1-based line of the first occurrence of `needle`. */
export function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not in text`);
  return text.slice(0, at).split("\n").length;
}

export function check(text: string, name?: string): FileReport {
  const data = loadDatasets();
  const { catalog } = checkCatalog(REGION_CATALOG, data);
  return checkScenario(writeScenario(text, name), catalog, data);
}

export const errorsOf = (report: FileReport): LocatedProblem[] =>
  report.problems.filter((p) => p.severity === "error");

/** Asserts one problem at `path` whose message matches, on the given line; returns it. */
export function expectProblem(
  report: FileReport,
  path: (string | number)[],
  message: RegExp,
  line?: number,
  severity: LocatedProblem["severity"] = "error",
): LocatedProblem {
  const found = report.problems.find(
    (p) =>
      JSON.stringify(p.path) === JSON.stringify(path) && p.severity === severity && message.test(p.message),
  );
  expect(
    found,
    `no ${severity} at ${JSON.stringify(path)} matching ${message}; got ${JSON.stringify(report.problems, null, 1)}`,
  ).toBeDefined();
  if (found && line !== undefined) expect(found.position.split(":")[0]).toBe(String(line));
  return found as LocatedProblem;
}
