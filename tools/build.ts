/**
 * npm run build: the production artefacts in dist/, which `npm start` (and the Docker image) run with
 * plain `node`, no dev dependency:
 *   dist/server/main.js   the server, bundled by esbuild; packages stay imports from node_modules
 *                         (only the production dependencies are needed to run it);
 *   dist/public/          the client, built by Vite (as `npm run build:client` builds client/dist), with
 *                         a .gz and a .br beside each text file, so the server sends them compressed
 *                         without compressing per request;
 *   dist/shared/…         the scenario YAML, the region and logistics catalogs and the historical data
 *                         the server reads at run time (node/scenarios.ts finds them next to the bundle,
 *                         as it finds shared/ next to node/ in the repository);
 *   dist/tools/db-*.js    the operator's backup and restore commands, bundled the same way;
 *   dist/package.json     { "type": "module" }: the bundle is an ES module wherever dist/ is copied;
 *   dist/build.json       when and from what it was built (tools/build-check.mjs compares its time).
 * `--server-only` skips the client (the tests that bundle the server use it).
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build as bundle } from "esbuild";
import { build as viteBuild } from "vite";
import { ROOT } from "../node/scenarios.ts";
import { precompressDir } from "./lib/precompress.ts";

const DIST = join(ROOT, "dist");
/** What the server reads from disk at run time, relative to the repository and to dist/ alike. */
const SERVER_DATA = ["shared/scenarios", "shared/world", "shared/data"];

async function buildClient(): Promise<void> {
  // Straight into dist/public, not client/dist: the browser tests serve client/dist and may be running.
  const outDir = join(DIST, "public");
  await viteBuild({ configFile: join(ROOT, "client/vite.config.ts"), logLevel: "warn", build: { outDir } });
  const { files, before, after } = await precompressDir(outDir);
  console.log(`client: ${files} text files precompressed, ${kb(before)} → ${kb(after)} (brotli)`);
}

/** Operator commands bundled beside the server: dist/tools/NAME.js, run by `npm run db:…`. */
const OPERATOR_TOOLS = ["db-backup", "db-restore"];

const SERVER_BUNDLE = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // Dependencies are installed (npm ci --omit=dev), not inlined: native add-ons (libsql, msgpackr)
  // and packages that read their own files keep working, and the bundle holds only our code.
  packages: "external",
  sourcemap: true,
  tsconfig: join(ROOT, "tsconfig.json"),
  logLevel: "warning",
} as const;

async function buildServer(): Promise<void> {
  await bundle({
    ...SERVER_BUNDLE,
    entryPoints: [join(ROOT, "server/main.ts")],
    outfile: join(DIST, "server/main.js"),
  });
  // The operator's database commands run where the server runs, without tsx (npm run db:backup).
  await bundle({
    ...SERVER_BUNDLE,
    entryPoints: OPERATOR_TOOLS.map((t) => join(ROOT, `tools/${t}.ts`)),
    outdir: join(DIST, "tools"),
  });
  for (const dir of SERVER_DATA) cpSync(join(ROOT, dir), join(DIST, dir), { recursive: true });
  // The bundle is an ES module: say so beside it, so dist/ runs wherever it is copied.
  writeFileSync(join(DIST, "package.json"), `${JSON.stringify({ type: "module", private: true })}\n`);
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`;
}

export async function buildAll(options: { client: boolean }): Promise<void> {
  const started = performance.now();
  rmSync(DIST, { recursive: true, force: true });
  mkdirSync(DIST, { recursive: true });
  if (options.client) await buildClient();
  await buildServer();
  const stamp = { builtAt: new Date().toISOString(), node: process.version, client: options.client };
  writeFileSync(join(DIST, "build.json"), `${JSON.stringify(stamp, null, 2)}\n`);
  console.log(`built dist/ in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildAll({ client: !process.argv.includes("--server-only") });
}
