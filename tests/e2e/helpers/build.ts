/**
 * The browser tests load the production client the server serves (client/dist). A fresh clone has
 * none, and a build older than the sources would test yesterday's client: build it when it is missing
 * or older than anything it is made from. Test files run in parallel workers, so a lock directory makes
 * one of them build while the others wait and then find it fresh. ATLAS_E2E_SKIP_BUILD=1 tests
 * whatever client/dist holds.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../../node/scenarios.ts";

const DIST_INDEX = join(ROOT, "client/dist/index.html");
const LOCK = join(ROOT, "client/.dist-build.lock");
// The client bundles its own sources, the shared engine pieces and YAML catalogs it imports, and what
// the lockfile pins; the config lists the lobby's scenarios with node/scenarioList.ts.
const INPUTS = [
  "client/src",
  "client/index.html",
  "client/vite.config.ts",
  "node/scenarioList.ts",
  "shared",
  "package-lock.json",
];
const STALE_LOCK_MS = 180_000;

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** Why the build must be redone, or null when client/dist is newer than every input. */
export function staleReason(): string | null {
  if (!existsSync(DIST_INDEX)) return "client/dist is missing";
  const built = statSync(DIST_INDEX).mtimeMs;
  const newer = INPUTS.find((p) => newestMtime(join(ROOT, p)) > built);
  return newer ? `${newer} changed after the last build` : null;
}

function tryLock(): boolean {
  try {
    mkdirSync(LOCK);
    return true;
  } catch {
    // Someone else builds; a lock left by a killed run is taken over once it is clearly abandoned.
    if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS) {
      rmSync(LOCK, { recursive: true, force: true });
    }
    return false;
  }
}

export async function ensureClientBuilt(): Promise<void> {
  // Someone editing the client while tests run (or a build known to be current) may opt out.
  if (process.env.ATLAS_E2E_SKIP_BUILD === "1" && existsSync(DIST_INDEX)) return;
  const deadline = Date.now() + STALE_LOCK_MS;
  while (!tryLock()) {
    if (Date.now() > deadline) throw new Error(`another client build holds ${LOCK} for too long`);
    await new Promise((r) => setTimeout(r, 250));
  }
  try {
    const reason = staleReason();
    if (!reason) return;
    console.log(`building the client for the browser tests: ${reason}`);
    const vite = join(ROOT, "node_modules/vite/bin/vite.js");
    const run = spawnSync(
      process.execPath,
      [vite, "build", "--config", "client/vite.config.ts", "--logLevel", "warn"],
      { cwd: ROOT, encoding: "utf8", timeout: 170_000 },
    );
    if (run.status !== 0) {
      throw new Error(`vite build failed (status ${run.status}):\n${run.stdout}\n${run.stderr}`);
    }
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
