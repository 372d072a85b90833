/**
 * shared/ holds no module-level mutable state (issue #11 §3): a module's top level may define constants,
 * never state that outlives a call. Speed caches live in the EngineCaches (and BotCaches) that callers
 * own and pass in; nothing is remembered behind their backs.
 *
 * Walked with the TypeScript compiler, statement by statement, at each module's top level:
 * - `let` and `var` are refused outright;
 * - a `const` bound to a container (`new Map/Set/WeakMap/Array/Float64Array/...`, an object or array
 *   literal) is refused if anything writes to it from inside a function, anywhere in shared/: `x.k = v`,
 *   `x[i] = v`, `x.n++`, `delete x.k`, `x.set/add/delete/clear/push/splice/sort/fill/...(...)`,
 *   `Object.assign(x, ...)`, also through its members (`x.inner.set(...)`, `x.get(k).push(...)`). Tables
 *   filled by the module's own top-level code, once, as it loads, are constants and pass; so do plain
 *   object and array literals that nothing writes to (lookup tables such as the bots' strategies), and
 *   anything wrapped in `Object.freeze(...)` or written `as const`;
 * - a `const` bound to a `new` instance of anything else (a class may keep state) is refused, except
 *   a RegExp without the g or y flag; a RegExp with either keeps `lastIndex` between calls, so it is
 *   refused, literal or not;
 * - a `const` bound to a function made by a call at load (an IIFE or a factory returning a closure)
 *   is refused: the closure may hold state where this check cannot see it;
 * - a class's `static` field that is not `readonly`, or holds a container, is refused.
 * What the check cannot follow: a container handed to a function that writes to it (other than
 * Object.assign and friends), or copied to another name first. Reviews catch those.
 */
import { readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");

/** Containers whose contents a program changes through their methods or elements. */
const CONTAINERS = new Set([
  "Map",
  "Set",
  "WeakMap",
  "WeakSet",
  "Array",
  "ArrayBuffer",
  "SharedArrayBuffer",
  "DataView",
  "Int8Array",
  "Uint8Array",
  "Uint8ClampedArray",
  "Int16Array",
  "Uint16Array",
  "Int32Array",
  "Uint32Array",
  "Float32Array",
  "Float64Array",
  "BigInt64Array",
  "BigUint64Array",
]);

/** Methods that change the container they are called on. */
const MUTATORS = new Set([
  "set",
  "add",
  "delete",
  "clear",
  "push",
  "pop",
  "shift",
  "unshift",
  "splice",
  "sort",
  "reverse",
  "fill",
  "copyWithin",
  "setFloat64",
  "setUint32",
  "setInt32",
  "setUint8",
]);

/** Methods that hand back something the container holds (a write to it writes into the container). */
const ACCESSORS = new Set(["get", "at", "find", "findLast"]);

/** Functions that write to their first argument. */
const WRITERS = new Set([
  "Object.assign",
  "Object.defineProperty",
  "Object.defineProperties",
  "Object.setPrototypeOf",
  "Reflect.set",
  "Reflect.defineProperty",
  "Reflect.deleteProperty",
]);

const ASSIGNMENTS = new Set([
  ts.SyntaxKind.EqualsToken,
  ts.SyntaxKind.PlusEqualsToken,
  ts.SyntaxKind.MinusEqualsToken,
  ts.SyntaxKind.AsteriskEqualsToken,
  ts.SyntaxKind.AsteriskAsteriskEqualsToken,
  ts.SyntaxKind.SlashEqualsToken,
  ts.SyntaxKind.PercentEqualsToken,
  ts.SyntaxKind.LessThanLessThanEqualsToken,
  ts.SyntaxKind.GreaterThanGreaterThanEqualsToken,
  ts.SyntaxKind.GreaterThanGreaterThanGreaterThanEqualsToken,
  ts.SyntaxKind.AmpersandEqualsToken,
  ts.SyntaxKind.BarEqualsToken,
  ts.SyntaxKind.CaretEqualsToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
]);

const isAsConst = (e: ts.Expression): boolean =>
  ts.isAsExpression(e) && ts.isTypeReferenceNode(e.type) && e.type.typeName.getText() === "const";

/** The expression under parentheses, `as` (but `as const`), `satisfies`, `!` and type assertions. */
function unwrap(e: ts.Expression): ts.Expression {
  for (;;) {
    if (
      ts.isParenthesizedExpression(e) ||
      ts.isNonNullExpression(e) ||
      ts.isSatisfiesExpression(e) ||
      ts.isTypeAssertionExpression(e) ||
      (ts.isAsExpression(e) && !isAsConst(e))
    )
      e = e.expression;
    else return e;
  }
}

function isFrozen(e: ts.Expression): boolean {
  return (
    isAsConst(e) ||
    (ts.isCallExpression(e) && e.expression.getText() === "Object.freeze" && e.arguments.length === 1)
  );
}

function isStatefulRegExp(e: ts.Expression): boolean {
  if (ts.isRegularExpressionLiteral(e)) return /[gy][a-z]*$/.test(e.text.slice(e.text.lastIndexOf("/")));
  if (ts.isNewExpression(e) && e.expression.getText() === "RegExp") {
    const flags = e.arguments?.[1];
    return flags !== undefined && (!ts.isStringLiteralLike(flags) || /[gy]/.test(flags.text));
  }
  return false;
}

/** Code that runs when called (or, for an instance field, when an object is made), not at load. */
function isFunctionLike(n: ts.Node): boolean {
  return (
    (ts.isPropertyDeclaration(n) &&
      !(ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.StaticKeyword)) ||
    ts.isFunctionDeclaration(n) ||
    ts.isFunctionExpression(n) ||
    ts.isArrowFunction(n) ||
    ts.isMethodDeclaration(n) ||
    ts.isConstructorDeclaration(n) ||
    ts.isGetAccessorDeclaration(n) ||
    ts.isSetAccessorDeclaration(n)
  );
}

function insideFunction(n: ts.Node): boolean {
  for (let p = n.parent; p; p = p.parent) if (isFunctionLike(p)) return true;
  return false;
}

/** Whether the expression `e` (a reference to a container) is written to where it stands. */
function writtenAt(e: ts.Expression): boolean {
  for (;;) {
    const p = e.parent;
    if (
      ts.isParenthesizedExpression(p) ||
      ts.isNonNullExpression(p) ||
      ts.isAsExpression(p) ||
      ts.isSatisfiesExpression(p)
    ) {
      e = p;
      continue;
    }
    if (ts.isCallExpression(p) && p.arguments[0] === e && WRITERS.has(p.expression.getText())) return true;
    const member =
      (ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) && p.expression === e;
    if (!member) return false;
    const up = p.parent;
    if (ts.isBinaryExpression(up) && up.left === p && ASSIGNMENTS.has(up.operatorToken.kind)) return true;
    if (
      (ts.isPrefixUnaryExpression(up) || ts.isPostfixUnaryExpression(up)) &&
      (up.operator === ts.SyntaxKind.PlusPlusToken || up.operator === ts.SyntaxKind.MinusMinusToken)
    )
      return true;
    if (ts.isDeleteExpression(up)) return true;
    if (ts.isCallExpression(up) && up.expression === p && ts.isPropertyAccessExpression(p)) {
      const method = p.name.text;
      if (MUTATORS.has(method)) return true;
      if (!ACCESSORS.has(method)) return false;
      e = up; // what the container holds: a write to it is a write into the container
      continue;
    }
    e = p; // x.inner, x[i]: a write to a member is a write into the container
  }
}

interface Candidate {
  name: string;
  where: string;
}

/** What is wrong with each module's top level, as "file:line name: reason". */
function moduleStateViolations(program: ts.Program, files: readonly string[]): string[] {
  const checker = program.getTypeChecker();
  const out: string[] = [];
  const watched = new Map<ts.Symbol, Candidate>();
  const sources = files.map((f) => program.getSourceFile(f) as ts.SourceFile);
  const at = (sf: ts.SourceFile, n: ts.Node): string =>
    `${relative(ROOT, sf.fileName)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;

  for (const sf of sources) {
    for (const statement of sf.statements) {
      if (ts.isClassDeclaration(statement)) {
        for (const member of statement.members) {
          if (!ts.isPropertyDeclaration(member)) continue;
          const mods = ts.getModifiers(member) ?? [];
          if (!mods.some((m) => m.kind === ts.SyntaxKind.StaticKeyword)) continue;
          const readonly = mods.some((m) => m.kind === ts.SyntaxKind.ReadonlyKeyword);
          const init = member.initializer && unwrap(member.initializer);
          const container =
            init &&
            (ts.isNewExpression(init) ||
              ts.isArrayLiteralExpression(init) ||
              ts.isObjectLiteralExpression(init));
          if (!readonly || container)
            out.push(`${at(sf, member)} ${member.name.getText(sf)}: a static field holding state`);
        }
        continue;
      }
      if (!ts.isVariableStatement(statement)) continue;
      const list = statement.declarationList;
      const isConst = (list.flags & ts.NodeFlags.Const) !== 0;
      for (const decl of list.declarations) {
        const name = decl.name.getText(sf);
        if (!isConst) {
          out.push(`${at(sf, decl)} ${name}: a top-level ${list.flags & ts.NodeFlags.Let ? "let" : "var"}`);
          continue;
        }
        if (!decl.initializer) continue;
        const init = unwrap(decl.initializer);
        if (isFrozen(init)) continue;
        if (isStatefulRegExp(init)) {
          out.push(`${at(sf, decl)} ${name}: a RegExp with the g or y flag keeps lastIndex between calls`);
          continue;
        }
        if (ts.isNewExpression(init)) {
          const ctor = init.expression.getText(sf);
          if (ctor === "RegExp") continue;
          if (!CONTAINERS.has(ctor)) {
            out.push(`${at(sf, decl)} ${name}: an instance of ${ctor} made at load may hold state`);
            continue;
          }
        } else if (ts.isCallExpression(init)) {
          const callee = unwrap(init.expression);
          const made = checker.getTypeAtLocation(decl.name);
          if (
            ts.isFunctionExpression(callee) ||
            ts.isArrowFunction(callee) ||
            made.getCallSignatures().length > 0
          ) {
            out.push(`${at(sf, decl)} ${name}: a function made at load may close over state`);
            continue;
          }
          // A container made by a call (Array.from, a builder) is watched like one written out.
          if (!CONTAINERS.has(made.getSymbol()?.getName() ?? "")) continue;
        } else if (!ts.isArrayLiteralExpression(init) && !ts.isObjectLiteralExpression(init)) continue;
        const symbol = ts.isIdentifier(decl.name) ? checker.getSymbolAtLocation(decl.name) : undefined;
        if (symbol) watched.set(symbol, { name, where: at(sf, decl) });
      }
    }
  }

  // Every reference to a watched container, in every file: is it written to from inside a function?
  const names = new Set([...watched.values()].map((c) => c.name));
  const reported = new Set<ts.Symbol>();
  for (const sf of sources) {
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node) && names.has(node.text)) {
        let symbol = checker.getSymbolAtLocation(node);
        if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
        const candidate = symbol && watched.get(symbol);
        if (symbol && candidate && !reported.has(symbol)) {
          const parent = node.parent;
          const ref =
            ts.isPropertyAccessExpression(parent) && parent.name === node ? parent : (node as ts.Expression);
          if (ts.isExpression(ref) && writtenAt(ref) && insideFunction(ref)) {
            reported.add(symbol);
            out.push(`${candidate.where} ${candidate.name}: written after load, at ${at(sf, node)}`);
          }
        }
      }
      node.forEachChild(visit);
    };
    sf.forEachChild(visit);
  }
  return out.sort();
}

function programOf(files: readonly string[], host?: ts.CompilerHost): ts.Program {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    noEmit: true,
    strict: true,
    lib: ["lib.es2022.d.ts"],
    types: [],
  };
  return ts.createProgram(files, options, host ?? ts.createCompilerHost(options));
}

describe("shared/ holds no module-level mutable state", () => {
  it("no module declares state at its top level", () => {
    const files = readdirSync(join(ROOT, "shared"), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts"))
      .map((f) => join(ROOT, "shared", f));
    expect(files.length).toBeGreaterThan(50);
    expect(moduleStateViolations(programOf(files), files)).toEqual([]);
  });

  it("would catch each kind of module state (a sample placed as if in shared/)", () => {
    const file = join(ROOT, "shared/__sample__.ts");
    const sample = `
      let counter = 0;
      var legacy = 1;
      const memo = new WeakMap<object, number>();
      export function remember(k: object): void { memo.set(k, counter++); legacy++; }
      const literal = { hits: 0 };
      export function hit(): void { literal.hits += 1; }
      const list: number[] = [];
      export const add = (x: number) => list.push(x);
      const nested = { inner: new Map<string, number[]>() };
      export function put(): void { nested.inner.get("a")?.push(1); }
      const sticky = /a/g;
      const widget = new (class { n = 0; })();
      export const next = (() => { let n = 0; return () => ++n; })();
      export class Holder { static cache = new Map<string, number>(); static readonly LIMIT = 3; }
      // Constants: a table filled at load, frozen or never-written literals, a RegExp without g/y.
      const table = new Float64Array(4);
      for (let i = 0; i < 4; i++) table[i] = i / 4;
      const frozen = Object.freeze({ a: [1, 2] });
      const tiers = [20, 30] as const;
      const constants = { a: 1, b: [2] };
      const plain = /a+/;
      export const read = (): number =>
        (table[0] ?? 0) + frozen.a.length + tiers[0] + constants.a + (constants.b[0] ?? 0) +
        Number(plain.test("a")) + Number(sticky.test("a")) + widget.n;
    `;
    const base = ts.createCompilerHost({});
    const host: ts.CompilerHost = {
      ...base,
      getSourceFile: (name, version) =>
        name === file ? ts.createSourceFile(name, sample, version, true) : base.getSourceFile(name, version),
      fileExists: (name) => name === file || base.fileExists(name),
      readFile: (name) => (name === file ? sample : base.readFile(name)),
    };
    const found = moduleStateViolations(programOf([file], host), [file]).map(
      (v) => v.split(" ")[1]?.replace(/:$/, "") ?? v,
    );
    expect(found.sort()).toEqual(
      ["cache", "counter", "legacy", "list", "literal", "memo", "nested", "next", "sticky", "widget"].sort(),
    );
  });
});
