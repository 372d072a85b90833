/**
 * Reads scenario files, the region catalog and the shipped data from disk, validates them and resolves
 * them into engine scenarios. Errors name the file, the line, the path in the file, what is wrong
 * and what was expected.
 */
import { readFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isNode, LineCounter, parseDocument, type Document } from "yaml";
import type { z } from "zod";
import {
  DATASET_FILES,
  parseDatasets,
  type Datasets,
  type DatasetTexts,
} from "../shared/scenario/datasets.ts";
import { resolveScenario, ScenarioError, type ScenarioProblem } from "../shared/scenario/resolve.ts";
import {
  logisticsCatalogSchema,
  regionCatalogSchema,
  scenarioFileSchema,
  type LogisticsCatalog,
  type RegionCatalog,
  type ScenarioFile,
} from "../shared/scenario/schema.ts";
import type { Scenario } from "../shared/scenario/types.ts";
import { asWindowOf, WindowError } from "../shared/scenario/window.ts";
import { missingKeyError } from "../shared/scenario/schemaErrors.ts";
import { scenarioFilesIn } from "./scenarioList.ts";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const SCENARIO_DIR = join(ROOT, "shared/scenarios");
export const DATA_DIR = join(ROOT, "shared/data");
export const REGION_CATALOG = join(ROOT, "shared/world/regions.yaml");
export const LOGISTICS_CATALOG = join(ROOT, "shared/world/logistics.yaml");

export function rel(path: string): string {
  return relative(ROOT, path);
}

export interface ParsedYaml {
  value: unknown;
  /** "line:col" of a path in the file, when the YAML has a node there. */
  locate(path: PropertyKey[]): string;
}

export function readYaml(path: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(readFileSync(path, "utf8"), { lineCounter, prettyErrors: true });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => ({ path: [], message: `YAML syntax: ${e.message}` }));
    throw new ScenarioError(rel(path), problems);
  }
  return {
    value: doc.toJS(),
    locate(p) {
      for (let n = p.length; n >= 0; n--) {
        const node = doc.getIn(p.slice(0, n) as (string | number)[], true);
        if (isNode(node) && node.range) {
          const pos = lineCounter.linePos(node.range[0]);
          return `${pos.line}:${pos.col}`;
        }
      }
      return "1:1";
    },
  };
}

/** zod issues → problems with a location and an expectation a designer can act on. */
export function zodProblems(error: z.ZodError, yaml: ParsedYaml): ScenarioProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((k) => (typeof k === "symbol" ? String(k) : k));
    return { path, message: `(line ${yaml.locate(issue.path)}) ${issue.message}` };
  });
}

export function parseWith<T>(schema: z.ZodType<T>, path: string): T {
  const yaml = readYaml(path);
  const parsed = schema.safeParse(yaml.value, { error: missingKeyError });
  if (!parsed.success) throw new ScenarioError(rel(path), zodProblems(parsed.error, yaml));
  return parsed.data;
}

let cachedData: Datasets | null = null;
export function loadDatasets(): Datasets {
  if (cachedData) return cachedData;
  const texts = Object.fromEntries(
    Object.entries(DATASET_FILES).map(([key, file]) => [key, readFileSync(join(DATA_DIR, file), "utf8")]),
  ) as DatasetTexts;
  cachedData = parseDatasets(texts);
  return cachedData;
}

export function loadRegionCatalog(): RegionCatalog {
  return parseWith(regionCatalogSchema, REGION_CATALOG);
}

export function loadLogisticsCatalog(): LogisticsCatalog {
  return parseWith(logisticsCatalogSchema, LOGISTICS_CATALOG);
}

export function scenarioFiles(): string[] {
  return scenarioFilesIn(SCENARIO_DIR);
}

export function scenarioIds(): string[] {
  return scenarioFiles().map((f) => basename(f).replace(/\.ya?ml$/, ""));
}

/**
 * Reads and validates a scenario file; an episode that names its world (`world.windowOf`) comes back
 * as that window (shared/scenario/window.ts), so every loader plays the same world's rules.
 */
export function readScenarioFile(path: string): ScenarioFile {
  return joinedToWorld(path, readOwnScenarioFile(path));
}

/** The file at `path` as read: joined to the world it names (`world.windowOf`), else as it is. */
export function joinedToWorld(path: string, file: ScenarioFile): ScenarioFile {
  const worldId = file.world.windowOf;
  return worldId === undefined ? file : windowFile(path, file, worldId);
}

/** The file as written: schema and file name checked, a window not yet joined to its world. */
export function readOwnScenarioFile(path: string): ScenarioFile {
  const raw = parseWith(scenarioFileSchema, path);
  const expectedId = basename(path).replace(/\.ya?ml$/, "");
  if (raw.id !== expectedId) {
    throw new ScenarioError(rel(path), [
      { path: ["id"], message: `id "${raw.id}" must match the file name "${expectedId}"` },
    ]);
  }
  return raw;
}

/** The episode at `path` as a window of the shipped scenario `worldId`; a problem names `world.windowOf`. */
export function windowFile(path: string, episode: ScenarioFile, worldId: string): ScenarioFile {
  const fail = (message: string): never => {
    throw new ScenarioError(rel(path), [{ path: ["world", "windowOf"], message }]);
  };
  const worldPath = shippedPathOf(worldId);
  if (!worldPath) return fail(`no shipped scenario "${worldId}"; shipped: ${scenarioIds().join(", ")}`);
  try {
    return asWindowOf(episode, readOwnScenarioFile(worldPath));
  } catch (e) {
    if (e instanceof WindowError) return fail(e.message);
    throw e;
  }
}

/** The shipped world a window names, as written; undefined when there is none or it does not read. */
export function worldFileOf(worldId: string): ScenarioFile | undefined {
  const worldPath = shippedPathOf(worldId);
  if (!worldPath) return undefined;
  try {
    return readOwnScenarioFile(worldPath);
  } catch (e) {
    // A world that does not read: the window's own check says what is wrong with it (windowFile).
    if (e instanceof ScenarioError) return undefined;
    throw e;
  }
}

/**
 * Whether a --scenario value names a file (a draft anywhere: "./drafts/my.yaml") rather than the id of a
 * shipped scenario: it has a directory part or a YAML extension.
 */
export function isScenarioPath(ref: string): boolean {
  return /[\\/]/.test(ref) || /\.ya?ml$/.test(ref);
}

/** The file a --scenario value means: the path itself, or the shipped file of that id (null: none). */
export function scenarioPathOf(ref: string): string | null {
  if (isScenarioPath(ref)) return resolve(ref);
  return shippedPathOf(ref) ?? null;
}

/** The shipped file of scenario `id` (the file name without .yaml), if there is one. */
export function shippedPathOf(id: string): string | undefined {
  return scenarioFiles().find((f) => basename(f).replace(/\.ya?ml$/, "") === id);
}

/** Loads, validates and resolves one scenario by id (the file name without .yaml). */
export function loadScenario(id: string): Scenario {
  const path = shippedPathOf(id);
  if (!path) throw new Error(`no scenario "${id}"; shipped: ${scenarioIds().join(", ")}`);
  return loadScenarioFile(path);
}

/** Loads, validates and resolves the scenario file at `path` (shipped or a draft anywhere). */
export function loadScenarioFile(path: string): Scenario {
  return resolveFile(path, readScenarioFile(path));
}

/** Resolves a scenario file read from `path` against the shipped catalogs and data. */
export function resolveFile(path: string, file: ScenarioFile): Scenario {
  return resolveScenario(rel(path), file, loadRegionCatalog(), loadDatasets(), loadLogisticsCatalog());
}
