/**
 * `npm run scenario:check [-- --scenario ID|PATH]`: checks the region catalog and every scenario in shared/scenarios
 * (or one file): the schema (with line numbers), the lint (shared/scenario/lint.ts), then a trial resolve
 * against the shipped data. One line per problem, `file:line:col: path: severity: message`, then a summary
 * line per file. Exits 1 if any file has an error.
 */
import { basename, isAbsolute, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { z } from "zod";
import type { Datasets } from "../shared/scenario/datasets.ts";
import { lintRegionCatalog, lintScenario, type LintProblem, type Severity } from "../shared/scenario/lint.ts";
import { resolveScenario, ScenarioError } from "../shared/scenario/resolve.ts";
import {
  logisticsCatalogSchema,
  regionCatalogSchema,
  scenarioFileSchema,
  type LogisticsCatalog,
  type RegionCatalog,
} from "../shared/scenario/schema.ts";
import { didYouMean } from "./lib/didYouMean.ts";
import { schemaKeysAt } from "./lib/schemaKeys.ts";
import { missingKeyError } from "../shared/scenario/schemaErrors.ts";
import {
  loadDatasets,
  LOGISTICS_CATALOG,
  readYaml,
  REGION_CATALOG,
  scenarioFiles,
  scenarioPathOf,
  joinedToWorld,
  worldFileOf,
  type ParsedYaml,
} from "../node/scenarios.ts";

/** A problem with its place in the file ("line:col"). */
export interface LocatedProblem extends LintProblem {
  position: string;
}

export interface FileReport {
  file: string;
  problems: LocatedProblem[];
}

type Path = (string | number)[];

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "(top)" : out;
}

/** zod issues → problems, with the branches of a union and each unknown key spelled out. */
function schemaProblems(error: z.ZodError, schema: z.ZodType): LintProblem[] {
  const out: LintProblem[] = [];
  for (const issue of error.issues) {
    const path: Path = issue.path.map((k) => (typeof k === "symbol" ? String(k) : k));
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys)
        out.push({
          severity: "error",
          path: [...path, key],
          message: `unknown key "${key}" (check the spelling)${didYouMean(key, schemaKeysAt(schema, path))}`,
        });
    } else if (issue.code === "invalid_union" && issue.errors.length > 0) {
      const branches = issue.errors
        .map((branch) => branch[0]?.message)
        .filter((m): m is string => Boolean(m));
      const detail = [...new Set(branches)].join("; or ");
      out.push({ severity: "error", path, message: detail ? `${issue.message}: ${detail}` : issue.message });
    } else {
      out.push({ severity: "error", path, message: issue.message });
    }
  }
  return out;
}

/** Places the problems in the file, and adds the nearest known name to those the linter could not match. */
function locate(yaml: ParsedYaml | null, problems: LintProblem[]): LocatedProblem[] {
  return problems.map(({ suggest, ...p }) => ({
    ...p,
    message: suggest ? `${p.message}${didYouMean(suggest.word, suggest.among)}` : p.message,
    position: yaml ? yaml.locate(p.path) : "1:1",
  }));
}

/** Reads YAML; a syntax error becomes a problem at the line the parser names. */
function read(file: string): { yaml: ParsedYaml } | { problems: LocatedProblem[] } {
  try {
    return { yaml: readYaml(file) };
  } catch (e) {
    if (e instanceof ScenarioError) {
      return {
        problems: e.problems.map((p) => {
          const at = /at line (\d+), column (\d+)/.exec(p.message);
          return {
            ...p,
            severity: "error",
            position: at ? `${at[1]}:${at[2]}` : "1:1",
            message: p.message.split("\n")[0] ?? p.message,
          };
        }),
      };
    }
    const message = e instanceof Error ? e.message : String(e);
    return {
      problems: [
        { severity: "error", path: [], position: "1:1", message: `cannot read the file: ${message}` },
      ],
    };
  }
}

export function checkCatalog(file: string, data: Datasets): FileReport & { catalog: RegionCatalog | null } {
  const r = read(file);
  if (!("yaml" in r)) return { file, problems: r.problems, catalog: null };
  const parsed = regionCatalogSchema.safeParse(r.yaml.value, { error: missingKeyError });
  if (!parsed.success)
    return {
      file,
      problems: locate(r.yaml, schemaProblems(parsed.error, regionCatalogSchema)),
      catalog: null,
    };
  return { file, problems: locate(r.yaml, lintRegionCatalog(parsed.data, data)), catalog: parsed.data };
}

/** The logistics catalog (hubs, freight modes): schema, then unique hub ids. */
export function checkLogistics(file: string): FileReport & { logistics: LogisticsCatalog | null } {
  const r = read(file);
  if (!("yaml" in r)) return { file, problems: r.problems, logistics: null };
  const parsed = logisticsCatalogSchema.safeParse(r.yaml.value, { error: missingKeyError });
  if (!parsed.success)
    return {
      file,
      problems: locate(r.yaml, schemaProblems(parsed.error, logisticsCatalogSchema)),
      logistics: null,
    };
  const problems: LintProblem[] = [];
  const seen = new Set<string>();
  parsed.data.hubs.forEach((h, i) => {
    if (seen.has(h.id))
      problems.push({
        severity: "error",
        path: ["hubs", i, "id"],
        message: `hub id "${h.id}" is used twice`,
      });
    seen.add(h.id);
  });
  if (!parsed.data.hubs.some((h) => h.kind === "factory")) {
    problems.push({
      severity: "error",
      path: ["hubs"],
      message: "no factory: machines need somewhere to be made",
    });
  }
  return { file, problems: locate(r.yaml, problems), logistics: parsed.data };
}

export function checkScenario(
  file: string,
  catalog: RegionCatalog | null,
  data: Datasets,
  logistics: LogisticsCatalog | null = checkLogistics(LOGISTICS_CATALOG).logistics,
): FileReport {
  const r = read(file);
  if (!("yaml" in r)) return { file, problems: r.problems };
  const parsed = scenarioFileSchema.safeParse(r.yaml.value, { error: missingKeyError });
  if (!parsed.success)
    return { file, problems: locate(r.yaml, schemaProblems(parsed.error, scenarioFileSchema)) };
  const raw = parsed.data;
  const problems: LintProblem[] = [];
  const expectedId = basename(file).replace(/\.ya?ml$/, "");
  if (raw.id !== expectedId)
    problems.push({
      severity: "error",
      path: ["id"],
      message: `id "${raw.id}" must match the file name; expected "${expectedId}"`,
    });
  if (!catalog) {
    problems.push({
      severity: "error",
      path: ["regions"],
      message: "not checked against the region catalog, which has errors (see above)",
    });
    return { file, problems: locate(r.yaml, problems) };
  }
  const world = raw.world.windowOf === undefined ? undefined : worldFileOf(raw.world.windowOf);
  problems.push(...lintScenario(raw, catalog, data, world));
  // The trial resolve catches what only the engine's view shows; after lint errors it would repeat them.
  if (!logistics) {
    problems.push({
      severity: "error",
      path: [],
      message: "not resolved: shared/world/logistics.yaml has errors",
    });
  } else if (!problems.some((p) => p.severity === "error")) {
    try {
      resolveScenario(file, joinedToWorld(file, raw), catalog, data, logistics);
    } catch (e) {
      if (e instanceof ScenarioError)
        problems.push(...e.problems.map((p) => ({ ...p, severity: "error" as const })));
      else
        problems.push({
          severity: "error",
          path: [],
          message: `resolving failed: ${e instanceof Error ? e.message : String(e)}`,
        });
    }
  }
  return { file, problems: locate(r.yaml, problems) };
}

function displayName(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith("..") || isAbsolute(rel) ? file : rel;
}

export function formatReport(report: FileReport): string[] {
  const name = displayName(report.file);
  const lines = report.problems.map(
    (p) => `${name}:${p.position}: ${formatPath(p.path)}: ${p.severity}: ${p.message}`,
  );
  const count = (s: Severity) => report.problems.filter((p) => p.severity === s).length;
  const errors = count("error");
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const summary = `${plural(errors, "error")}, ${plural(count("warning"), "warning")}, ${count("info")} info`;
  lines.push(`${errors > 0 ? "✗" : "✓"} ${name} (${summary})`);
  return lines;
}

/** Checks the catalog and the scenarios (all, or `only`); returns the reports in order. */
export function checkAll(only?: string): FileReport[] {
  const data = loadDatasets();
  const catalogReport = checkCatalog(REGION_CATALOG, data);
  const logisticsReport = checkLogistics(LOGISTICS_CATALOG);
  if (only !== undefined && resolve(only) === REGION_CATALOG) return [catalogReport];
  if (only !== undefined && resolve(only) === LOGISTICS_CATALOG) return [logisticsReport];
  const files = only !== undefined ? [resolve(only)] : scenarioFiles();
  const reports = files.map((f) => checkScenario(f, catalogReport.catalog, data, logisticsReport.logistics));
  // With a single file, the catalogs are only reported when they break the check.
  if (only !== undefined && catalogReport.catalog && logisticsReport.logistics) return reports;
  return [catalogReport, logisticsReport, ...reports];
}

const USAGE = "usage: scenario-check [--scenario ID|PATH] (or --file PATH)";

function main(argv: string[]): number {
  let only: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--file" || arg === "--scenario") {
      const ref = argv[++i];
      // --scenario takes what simulate takes: a shipped id or a draft's path anywhere.
      only = ref === undefined ? undefined : arg === "--scenario" ? (scenarioPathOf(ref) ?? undefined) : ref;
      if (only === undefined) {
        console.error(
          ref === undefined ? USAGE : `no scenario "${ref}": give a shipped id or a YAML file's path`,
        );
        return 2;
      }
    } else if (arg === "--help" || arg === "-h") {
      console.log(`${USAGE}\nChecks shared/world/regions.yaml and shared/scenarios/*.yaml (or one file).`);
      return 0;
    } else {
      console.error(`unknown argument "${arg}"; ${USAGE}`);
      return 2;
    }
  }
  const reports = checkAll(only);
  for (const report of reports) for (const line of formatReport(report)) console.log(line);
  return reports.some((r) => r.problems.some((p) => p.severity === "error")) ? 1 : 0;
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(resolve(invokedPath)).href) {
  process.exitCode = main(process.argv.slice(2));
}
