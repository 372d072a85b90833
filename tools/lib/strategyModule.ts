/**
 * Strategies from files (`--bots ./mine.ts`): each file is bundled with esbuild (TypeScript or
 * JavaScript, its imports of shared/ included) into one CommonJS script, once per process; the script
 * is handed to the Monte-Carlo workers as text and evaluated afresh for every run, so that whatever a
 * module keeps between calls starts clean each game (runs stay independent of how they are spread
 * over threads). The module must export `decide` (a function), directly or on its default export.
 *
 * Not a sandbox: a strategy runs with the tool's rights. What is guarded is the game (play.ts, the
 * watchdog): a strategy that fails is stopped and named, and the other seats play on.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { bundleScript } from "./mc-bundle.ts";
import { evalStrategy } from "./strategyEval.ts";

/** A strategy file's bundled code, by the name it was given on the command line. */
export type StrategyCode = Record<string, string>;

/** Bundles the strategy module at `path` (relative to the working directory). */
export async function bundleStrategy(path: string): Promise<string> {
  const file = resolve(path);
  if (!existsSync(file)) throw new Error(`strategy ${path}: no such file (${file})`);
  try {
    return await bundleScript(file, `strategy ${path}`);
  } catch (error) {
    throw new Error(
      `strategy ${path} does not build: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Bundles every path entry of a --bots list (each once) and checks each loads. */
export async function loadStrategyFiles(paths: readonly string[]): Promise<StrategyCode> {
  const code: StrategyCode = {};
  for (const path of new Set(paths)) {
    code[path] = await bundleStrategy(path);
    evalStrategy(code[path], path);
  }
  return code;
}
