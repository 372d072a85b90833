/**
 * The import graph: each folder imports only the folders its layer may see (type imports included: a
 * layer must not even know another's types), and no value-level import cycle anywhere in the game's code. A cycle makes a module's
 * exports undefined while another module of the cycle first runs (events.ts → shocks/apply.ts →
 * templates.ts → templatesPolicy.ts → events.ts crashed with a ReferenceError when a script imported
 * templatesPolicy.ts first). Type-only imports are erased and cannot cycle at run time: not counted.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const FOLDERS = ["shared", "node", "server", "client/src", "tools"];

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts") && !f.includes("node_modules") && !f.includes("dist"))
    .map((f) => join(ROOT, dir, f));
}

/** Relative value imports of a file (import/export … from, bare imports, dynamic imports excluded). */
export function valueImports(file: string, text = readFileSync(file, "utf8")): string[] {
  const out: string[] = [];
  const statements = text.matchAll(
    /(?:^|\n)\s*(import|export)\s+(type\s+)?([^;]*?)\s*from\s+["'](\.[^"']+)["']/g,
  );
  for (const [, , typeOnly, clause, spec] of statements) {
    if (typeOnly) continue;
    // `import { type A, type B } from` is type-only too; `import { type A, b }` is not.
    const names = /^\{([^}]*)\}$/.exec((clause ?? "").trim())?.[1];
    if (names !== undefined && names.split(",").every((n) => n.trim() === "" || n.trim().startsWith("type ")))
      continue;
    out.push(resolve(dirname(file), spec as string));
  }
  for (const [, spec] of text.matchAll(/(?:^|\n)\s*import\s+["'](\.[^"']+)["']/g))
    out.push(resolve(dirname(file), spec as string));
  return out;
}

/** Every cycle's members, found by depth-first search (each cycle reported once per entry point). */
export function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, "open");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === "open") found.push(stack.slice(stack.indexOf(next)).concat(next));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

/**
 * Which folders each folder may import. shared/ is the pure engine and sees only itself; node/ is the
 * Node-side library the server and the tools share; the client sees shared/ and itself, never the server;
 * nothing but the tests imports tools/.
 */
const ALLOWED: Record<string, readonly string[]> = {
  shared: ["shared"],
  node: ["node", "shared"],
  server: ["server", "node", "shared"],
  "client/src": ["client/src", "shared"],
  tools: ["tools", "node", "server", "client/src", "shared"],
};

/** Every relative import of a file, type-only ones included. */
function allImports(file: string, text = readFileSync(file, "utf8")): string[] {
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["'](\.[^"']+)["']/g)].map(
    ([, spec]) => resolve(dirname(file), spec as string),
  );
}

function folderOf(file: string): string | undefined {
  const rel = relative(ROOT, file);
  return FOLDERS.find((f) => rel === f || rel.startsWith(`${f}/`));
}

/** Imports that cross into a folder the importing folder may not see, as "from → to". */
export function forbiddenEdges(files: readonly string[], read: (f: string) => string): string[] {
  const out: string[] = [];
  for (const file of files) {
    const from = folderOf(file) as string;
    for (const target of allImports(file, read(file))) {
      const to = folderOf(target) ?? relative(ROOT, target).split("/")[0];
      if (!ALLOWED[from]?.includes(to as string))
        out.push(`${relative(ROOT, file)} → ${relative(ROOT, target)}`);
    }
  }
  return out;
}

describe("the layers", () => {
  it("import only the folders they may see", () => {
    const files = FOLDERS.flatMap(sources);
    expect(files.length).toBeGreaterThan(100);
    expect(forbiddenEdges(files, (f) => readFileSync(f, "utf8"))).toEqual([]);
  });

  it("would see a client file importing the server, and the server importing tools (the check can fail)", () => {
    const client = join(ROOT, "client/src/x.ts");
    const server = join(ROOT, "server/x.ts");
    const texts: Record<string, string> = {
      [client]: 'import type { GameRoomState } from "../../server/schema/state.ts";',
      [server]: 'import { table } from "../tools/lib/format.ts";\nimport { a } from "../shared/index.ts";',
    };
    expect(forbiddenEdges([client, server], (f) => texts[f] as string)).toEqual([
      "client/src/x.ts → server/schema/state.ts",
      "server/x.ts → tools/lib/format.ts",
    ]);
  });
});

describe("the import graph", () => {
  it("has no value-level import cycle", () => {
    const graph = new Map<string, string[]>();
    for (const folder of FOLDERS) for (const file of sources(folder)) graph.set(file, valueImports(file));
    expect(graph.size).toBeGreaterThan(100);
    const named = cycles(graph).map((c) => c.map((f) => relative(ROOT, f)).join(" → "));
    expect(named).toEqual([]);
  });

  it("would see the cycle that once crashed (the check can fail)", () => {
    const a = join(ROOT, "x/a.ts");
    const b = join(ROOT, "x/b.ts");
    const graph = new Map([
      [a, valueImports(a, 'import { b } from "./b.ts";\nimport type { T } from "./c.ts";')],
      [b, valueImports(b, 'import { a } from "./a.ts";')],
    ]);
    expect(cycles(graph)).toEqual([[a, b, a]]);
  });
});
