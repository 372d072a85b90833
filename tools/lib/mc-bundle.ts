/**
 * The Monte-Carlo worker as one bundled script, built with esbuild when a pool first starts.
 *
 * Why: under tsx every TypeScript file is its own ES module, and calls across modules go through module
 * bindings that V8 will not inline; the rules engine is many small files calling small helpers (a lot's
 * kW, a draw from the generator, a logarithm) millions of times a game. esbuild's bundle puts them in one
 * scope, where they inline, and the same games run measurably faster (figures in the README). Start-up
 * is quicker too: one script to compile instead of a loader thread transpiling a hundred files.
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
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    write: false,
    // Stack traces from a failing worker point into the TypeScript sources.
    sourcemap: "inline",
    sourcesContent: false,
    logLevel: "silent",
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error("esbuild produced no Monte-Carlo worker bundle");
  return file.text;
}
