/**
 * tools/build-check.mjs, npm's prestart: what `npm start` does about dist/ in a folder laid out like
 * the repository but without build tools (a production install, the Docker image). With the tools
 * installed it runs `npm run build` (shown by tests/server/deploy-build.test.ts and by hand).
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ROOT } from "../../node/scenarios.ts";

let dir = "";
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A folder with the check script, a built dist/ (or none) and a server source of a given age. */
function layout(options: { dist: boolean; sourceNewer: boolean }): string {
  dir = mkdtempSync(join(tmpdir(), "atlas-check-"));
  mkdirSync(join(dir, "tools"));
  cpSync(join(ROOT, "tools/build-check.mjs"), join(dir, "tools/build-check.mjs"));
  mkdirSync(join(dir, "server"));
  writeFileSync(join(dir, "server/main.ts"), "// source");
  const old = new Date(Date.now() - 3_600_000);
  utimesSync(join(dir, "server/main.ts"), old, old);
  utimesSync(join(dir, "server"), old, old);
  if (options.dist) {
    mkdirSync(join(dir, "dist/server"), { recursive: true });
    writeFileSync(join(dir, "dist/server/main.js"), "");
    writeFileSync(join(dir, "dist/build.json"), "{}");
    const built = new Date(Date.now() - 1_800_000); // half an hour after the sources, well before now
    utimesSync(join(dir, "dist/build.json"), built, built);
  }
  if (options.sourceNewer) writeFileSync(join(dir, "server/main.ts"), "// edited after the build");
  return dir;
}

function check(folder: string) {
  return spawnSync(process.execPath, [join(folder, "tools/build-check.mjs")], {
    cwd: folder,
    encoding: "utf8",
  });
}

describe("npm start's build check, without build tools", () => {
  it("starts a fresh dist/ silently", () => {
    const r = check(layout({ dist: true, sourceNewer: false }));
    expect(r.status).toBe(0);
    expect(r.stdout + r.stderr).toBe("");
  });

  it("starts a stale dist/ as built, saying which source is newer", () => {
    const r = check(layout({ dist: true, sourceNewer: true }));
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("server changed after the last build");
    expect(r.stderr).toContain("starting dist/ as built");
  });

  it("stops with what to do when there is no dist/ and nothing to build it with", () => {
    const r = check(layout({ dist: false, sourceNewer: false }));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("run `npm install && npm run build` first");
  });
});
