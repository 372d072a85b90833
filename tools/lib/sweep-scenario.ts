/**
 * The scenarios of a parameter sweep: the file (shipped or a draft) with one parameter set to each
 * value, each checked as a designer's own edit would be: the schema (type and range), the linter, the
 * resolve. A path that is not in the scenario, or a value of the wrong type, is a usage error that
 * says what is there instead.
 */
import type { Scenario } from "../../shared/index.ts";
import { lintScenario } from "../../shared/scenario/lint.ts";
import { resolveScenario, ScenarioError } from "../../shared/scenario/resolve.ts";
import { scenarioFileSchema, type ScenarioFile } from "../../shared/scenario/schema.ts";
import {
  loadDatasets,
  loadLogisticsCatalog,
  loadRegionCatalog,
  readScenarioFile,
  rel,
} from "../../node/scenarios.ts";
import { UsageError } from "./cli.ts";
import { didYouMean } from "./didYouMean.ts";

export interface SweepSpec {
  /** The parameter as written: "usedMarket.spreadPct". */
  param: string;
  path: string[];
  /** The values as written: "8", "1e7". */
  values: string[];
}

export function parseSweep(arg: string): SweepSpec {
  const m = /^([A-Za-z0-9_.]+)=(.+)$/.exec(arg.trim());
  if (!m)
    throw new UsageError(`--sweep is path.to.param=a,b,c (e.g. usedMarket.spreadPct=8,12,16), got "${arg}"`);
  const param = m[1] as string;
  const values = (m[2] as string).split(",").map((v) => v.trim());
  if (values.some((v) => v === "")) throw new UsageError(`--sweep ${param}: empty value in "${m[2]}"`);
  if (new Set(values).size !== values.length)
    throw new UsageError(`--sweep ${param}: a value is listed twice`);
  return { param, path: param.split("."), values };
}

type Node = Record<string, unknown> | unknown[];

/** The object holding the parameter, after checking every step of the path exists. */
function parentOf(file: ScenarioFile, spec: SweepSpec): { parent: Node; key: string | number } {
  let node: unknown = file;
  const walked: string[] = [];
  for (const [i, step] of spec.path.entries()) {
    const here = walked.length > 0 ? walked.join(".") : "the top level";
    if (Array.isArray(node)) {
      const index = Number(step);
      if (!/^\d+$/.test(step) || index >= node.length)
        throw new UsageError(
          `--sweep ${spec.param}: ${here} is a list of ${node.length}; expected an index 0..${node.length - 1}, got "${step}"`,
        );
      if (i === spec.path.length - 1) return { parent: node, key: index };
      node = node[index];
    } else if (node !== null && typeof node === "object") {
      const keys = Object.keys(node);
      if (!keys.includes(step))
        throw new UsageError(
          `--sweep ${spec.param}: no "${step}" in ${here}${didYouMean(step, keys)} (there: ${keys.join(", ")})`,
        );
      if (i === spec.path.length - 1) return { parent: node as Node, key: step };
      node = (node as Record<string, unknown>)[step];
    } else throw new UsageError(`--sweep ${spec.param}: ${here} is a value, not a block`);
    walked.push(step);
  }
  throw new UsageError("--sweep needs a parameter path");
}

/** The text of a value as the parameter's type: numbers (1e7 too), true/false, or text. */
function typed(spec: SweepSpec, current: unknown, text: string): unknown {
  if (typeof current === "number") {
    const n = Number(text);
    if (!Number.isFinite(n)) throw new UsageError(`--sweep ${spec.param} is a number, got "${text}"`);
    return n;
  }
  if (typeof current === "boolean") {
    if (text !== "true" && text !== "false")
      throw new UsageError(`--sweep ${spec.param} is true or false, got "${text}"`);
    return text === "true";
  }
  if (typeof current === "string") return text;
  throw new UsageError(`--sweep ${spec.param} is a block or a list, not one value: name a value inside it`);
}

function variant(path: string, base: ScenarioFile, spec: SweepSpec, text: string): Scenario {
  const copy = structuredClone(base);
  const { parent, key } = parentOf(copy, spec);
  (parent as Record<string | number, unknown>)[key] = typed(
    spec,
    (parent as Record<string | number, unknown>)[key],
    text,
  );
  const parsed = scenarioFileSchema.safeParse(copy);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new UsageError(`--sweep ${spec.param}=${text} is not a valid scenario: ${detail}`);
  }
  const catalog = loadRegionCatalog();
  const data = loadDatasets();
  const errors = lintScenario(parsed.data, catalog, data).filter((p) => p.severity === "error");
  if (errors.length > 0)
    throw new UsageError(
      `--sweep ${spec.param}=${text}: ${errors.map((p) => `${p.path.join(".")}: ${p.message}`).join("; ")}`,
    );
  try {
    return resolveScenario(rel(path), parsed.data, catalog, data, loadLogisticsCatalog());
  } catch (error) {
    if (error instanceof ScenarioError)
      throw new UsageError(`--sweep ${spec.param}=${text}: ${error.message}`);
    throw error;
  }
}

/** One scenario per value, all checked before any game is played. */
export function sweepScenarios(path: string, spec: SweepSpec): { value: string; scenario: Scenario }[] {
  const base = readScenarioFile(path);
  return spec.values.map((value) => ({ value, scenario: variant(path, base, spec, value) }));
}
