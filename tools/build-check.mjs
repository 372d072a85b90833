/**
 * Runs before `npm start` (npm's prestart): builds dist/ when it is missing or older than a source it
 * is made from, so that `npm install && npm start` on a fresh clone, or after a `git pull`, runs what
 * the sources say. Plain JavaScript: it must run where only `node` and the production dependencies are.
 *
 * - dist/ fresh: nothing to do.
 * - dist/ missing or stale, and the build tools installed (a developer's `npm install`): `npm run build`.
 * - dist/ stale but no build tools (a production install that shipped dist/, e.g. the Docker image,
 *   which has no sources either): start what was built, saying so.
 * - dist/ missing and no build tools: stop with what to do.
 */
/* global console, process */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const STAMP = join(ROOT, "dist/build.json");
/** What dist/ is made from (see tools/build.ts). */
const INPUTS = ["client/src", "client/index.html", "client/vite.config.ts", "server", "node", "shared"];
const INPUT_FILES = [
  "package-lock.json",
  "tools/build.ts",
  "tools/lib/precompress.ts",
  "tools/db-backup.ts",
  "tools/db-restore.ts",
  "tools/lib/cli.ts",
];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** Why dist/ must be rebuilt, or null when it is newer than everything it is made from. */
function staleReason() {
  if (!existsSync(STAMP) || !existsSync(join(ROOT, "dist/server/main.js"))) return "dist/ is missing";
  const built = statSync(STAMP).mtimeMs;
  const newer = [...INPUTS, ...INPUT_FILES].find((p) => newestMtime(join(ROOT, p)) > built);
  return newer ? `${newer} changed after the last build` : null;
}

const reason = staleReason();
const canBuild = ["esbuild", "vite", "tsx"].every((p) => existsSync(join(ROOT, "node_modules", p)));
if (reason && canBuild) {
  console.log(`building: ${reason}`);
  const run = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
  if (run.status !== 0) process.exit(run.status ?? 1);
} else if (reason && existsSync(STAMP)) {
  console.warn(`${reason}; the build tools are not installed (npm ci --omit=dev): starting dist/ as built`);
} else if (reason) {
  console.error(
    "dist/ is missing and the build tools are not installed: run `npm install && npm run build` first",
  );
  process.exit(1);
}
