/**
 * Every tool answers --help with its usage on standard output and exit code 0, without doing its work,
 * and a flag it does not know with what was wrong, its usage and exit code 2, never a stack trace. Before,
 * bench:store and loadtest died with Node's parse_args stack, bench:bots and demo ignored --help and ran,
 * and the tools built on runMain called --help an unknown option (exit 2).
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../node/scenarios.ts";

/** The tools' scripts as package.json runs them (tsx), with the words their usage starts with. */
const TOOLS: readonly (readonly [string, string])[] = [
  ["tools/simulate.ts", "usage: npm run simulate"],
  ["tools/bench-bots.ts", "usage: npm run bench:bots"],
  ["tools/bench-store.ts", "usage: npm run bench:store"],
  ["tools/bench-mc.ts", "usage: npx tsx tools/bench-mc.ts"],
  ["tools/loadtest.ts", "usage: npm run loadtest"],
  ["tools/start.ts", "usage: npm run demo"],
  ["tools/fleet-mix.ts", "usage: npm run fleet-mix"],
  ["tools/scenario-schema.ts", "usage: npm run scenario:schema"],
];

function run(script: string, args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", script, ...args], { cwd: ROOT, encoding: "utf8" });
}

describe("the tools' command lines", () => {
  it.each(TOOLS)("%s --help prints its usage and exits 0", (script, usage) => {
    const help = run(script, ["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout.startsWith(usage)).toBe(true);
    expect(help.stderr).toBe("");
  });

  it.each(TOOLS)("%s refuses an unknown flag with its usage, exit 2, no stack trace", (script, usage) => {
    const bad = run(script, ["--no-such-flag"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/no-such-flag/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    expect(bad.stderr.includes(usage) || bad.stderr.includes("usage:")).toBe(true);
    expect(bad.stdout).toBe("");
  });
});
