/**
 * Layer guard: shared/ is the pure rules engine. It imports only itself and a short allow-list of pure
 * packages, never Node built-ins, the client or the server, and never touches the clock, timers or
 * ambient randomness. The client and the server never import each other.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const PURE_PACKAGES = ["zod", "@noble/hashes"];

function sources(dir: string): string[] {
  const abs = join(ROOT, dir);
  try {
    statSync(abs);
  } catch {
    return [];
  }
  return readdirSync(abs, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(ts|tsx|js|mjs)$/.test(f))
    .map((f) => join(abs, f));
}

/** Import specifiers of a file: static imports, re-exports and dynamic imports. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/g))
    out.push(m[1] as string);
  for (const m of text.matchAll(/(?:^|\n)\s*import\s+["']([^"']+)["']/g)) out.push(m[1] as string);
  for (const m of text.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)) out.push(m[1] as string);
  return out;
}

/** The code of a file without comments and string contents, for token checks. */
function code(file: string): string {
  return readFileSync(file, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\/\/.*$/gm, "")
    .replace(/(["'`])(?:\\.|(?!\1)[^\\])*\1/g, '""');
}

/** Imports of a file (taken to live in shared/) that leave shared/ or name an impure package. */
function importViolations(file: string): string[] {
  return importsOf(file).filter((spec) => {
    if (spec.startsWith(".")) return !relative(ROOT, resolve(file, "..", spec)).startsWith("shared");
    return !PURE_PACKAGES.some((p) => spec === p || spec.startsWith(`${p}/`));
  });
}

const BANNED = [
  /\bMath\.random\b/,
  /\bDate\b/,
  /\bperformance\b/,
  /\bsetTimeout\b/,
  /\bsetInterval\b/,
  /\bprocess\./,
  /\brequire\(/,
];

function tokenViolations(file: string): string[] {
  const text = code(file);
  return BANNED.filter((re) => re.test(text)).map(String);
}

const shared = sources("shared");

describe("shared/ is pure", () => {
  it("has source files to check", () => expect(shared.length).toBeGreaterThan(20));

  it.each(shared.map((f) => [relative(ROOT, f), f]))(
    "%s imports only shared/ and pure packages",
    (_name, file) => {
      expect(importViolations(file)).toEqual([]);
    },
  );

  it.each(shared.map((f) => [relative(ROOT, f), f]))(
    "%s uses no clock, timer or ambient randomness",
    (_name, file) => {
      expect(tokenViolations(file)).toEqual([]);
    },
  );

  it("would catch an impure file (fixture placed as if in shared/)", () => {
    const sample = join(ROOT, "shared/../tests/fixtures/impure-sample.ts.txt");
    expect(importViolations(sample)).toEqual(["node:fs"]);
    expect(tokenViolations(sample)).toEqual(expect.arrayContaining([String(BANNED[0]), String(BANNED[1])]));
  });
});

describe("layers stay apart", () => {
  it.each([
    ["client", "server"],
    ["server", "client"],
    // The Node-side library the server and the tools share lives in node/; nothing of the game's
    // imports the tools (they are the outer layer).
    ["server", "tools"],
    ["node", "tools"],
    ["shared", "tools"],
    ["client", "tools"],
    ["node", "server"],
  ])("%s does not import %s", (from, to) => {
    for (const file of sources(from)) {
      for (const spec of importsOf(file)) {
        if (!spec.startsWith(".")) continue;
        const target = relative(ROOT, resolve(file, "..", spec));
        expect(target.startsWith(to), `${relative(ROOT, file)} imports ${spec}`).toBe(false);
      }
    }
  });
});
