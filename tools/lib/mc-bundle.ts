/**
 * The Monte-Carlo worker as one bundled script, built with esbuild when a pool first starts.
 *
 * Why: under tsx every TypeScript file is its own ES module, and calls across modules go through module
 * bindings that V8 will not inline; the rules engine is many small files calling small helpers (a lot's
 * kW, a draw from the generator, a logarithm) millions of times a game. esbuild's bundle puts them in one
 * scope, where they can inline. With the larger nursery (mc-pool.ts) the same games took about 6% less
 * CPU, measured by running both versions side by side on this shared machine. Start-up is quicker too:
 * one script to compile instead of a loader thread transpiling a hundred files (0.3 s for two workers).
 *
 * The bundle is built in memory from the sources on disk, so it can never be stale, and is run by
 * `new Worker(code, { eval: true })` (CommonJS: Node's own modules stay `require`s). Only the build's
 * speed-up is at stake: the code is the same, so the games are the same (the pool tests compare hashes
 * with a run on the main thread).
 */
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ENTRY = fileURLToPath(new URL("./mc-worker.ts", import.meta.url));

let cached: Promise<string> | null = null;

/** The worker's code, bundled once per process. */
export function workerBundle(): Promise<string> {
  cached ??= bundle().catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}

async function bundle(): Promise<string> {
  return bundleScript(ENTRY, "Monte-Carlo worker");
}

/**
 * `entry` and its imports as one CommonJS script for Node, in memory: the worker's and a strategy
 * file's (strategyModule.ts) bundle alike. No source map: Node does not apply one to code a worker
 * evaluates; a failing run's stack names the functions (the bundle keeps them) and lines of the bundle.
 */
export async function bundleScript(entry: string, what: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    write: false,
    logLevel: "silent",
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced no ${what} bundle`);
  return file.text;
}
