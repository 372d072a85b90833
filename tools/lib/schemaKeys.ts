/**
 * The keys a zod object schema allows at a path of a document, for "did you mean" on an unknown key.
 * Walks zod 4's definitions (object shapes, arrays, records, unions, and the wrappers optional, default,
 * nullable, pipe, lazy); a union contributes the keys of every branch.
 */
import type { z } from "zod";

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  getter?: () => z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The object schemas a schema may be, through wrappers and unions. */
function unwrap(schema: z.ZodType, depth = 0): z.ZodType[] {
  if (depth > 20) return [];
  const def = defOf(schema);
  if (def.innerType) return unwrap(def.innerType, depth + 1);
  if (def.type === "pipe" && def.in) return unwrap(def.in, depth + 1);
  if (def.type === "lazy" && def.getter) return unwrap(def.getter(), depth + 1);
  if (def.type === "union" && def.options) return def.options.flatMap((o) => unwrap(o, depth + 1));
  return [schema];
}

function childAt(schema: z.ZodType, key: PropertyKey): z.ZodType[] {
  const def = defOf(schema);
  if (def.type === "object" && def.shape && typeof key === "string") {
    const child = def.shape[key];
    return child ? [child] : [];
  }
  if (def.type === "array" && def.element) return [def.element];
  if (def.type === "record" && def.valueType) return [def.valueType];
  return [];
}

export function schemaKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let here = unwrap(schema);
  for (const key of path) here = here.flatMap((s) => childAt(s, key).flatMap((c) => unwrap(c)));
  const keys = new Set<string>();
  for (const s of here) {
    const def = defOf(s);
    if (def.type === "object" && def.shape) for (const k of Object.keys(def.shape)) keys.add(k);
  }
  return [...keys];
}
