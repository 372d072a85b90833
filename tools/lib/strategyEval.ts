/**
 * A bundled strategy module evaluated (see strategyModule.ts for how it is bundled and why afresh for
 * each run). Apart from the bundling so that the Monte-Carlo worker's own bundle needs no esbuild.
 */
import { createRequire } from "node:module";
import type { Strategy } from "../../shared/index.ts";

/** Node's require for the bundle's own requires (Node's modules): the worker's, or one made here. */
function nodeRequire(): NodeJS.Require {
  return typeof require === "function" ? require : createRequire(import.meta.url);
}

/** Evaluates a bundled strategy module (fresh each call) and checks that it exports decide. */
export function evalStrategy(code: string, label: string): Strategy {
  const module: { exports: Record<string, unknown> } = { exports: {} };
  try {
    // The bundle is a CommonJS script: it reads module, exports and require as its scope's names.
    const run = new Function("module", "exports", "require", code) as (
      m: typeof module,
      e: typeof module.exports,
      r: NodeJS.Require,
    ) => void;
    run(module, module.exports, nodeRequire());
  } catch (error) {
    throw new Error(
      `strategy ${label} failed to load: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const exported = module.exports;
  const fallback = exported.default as Record<string, unknown> | undefined;
  const decide = typeof exported.decide === "function" ? exported.decide : fallback?.decide;
  if (typeof decide !== "function")
    throw new Error(`strategy ${label} does not export a decide(view, me) function`);
  const name = typeof exported.name === "string" ? exported.name : label;
  return { name, decide: decide as Strategy["decide"] };
}
