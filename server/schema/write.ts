/**
 * Writes a plain view (viewOf's output) into the synced schema, touching only what changed so that
 * patches stay small: schema setters send a field only when assigned, and this assigns only when the
 * value differs. It walks the schema's own field metadata, so a new view field needs no code here.
 * A map's items are keyed by their first field; an array of items is matched from its front, so a
 * rolling list (the news) shifts instead of rewriting every item.
 */
import { ArraySchema, MapSchema, Schema } from "@colyseus/schema";

type Plain = Record<string, unknown>;
type SchemaClass = new () => Schema;

interface Field {
  name: string;
  type: unknown;
}

function fieldsOf(target: Schema): Field[] {
  return fieldsOfClass(target.constructor as SchemaClass);
}

function fieldsOfClass(klass: SchemaClass): Field[] {
  const meta = (klass as unknown as Record<symbol, Record<number, Field> | undefined>)[Symbol.metadata];
  const fields: Field[] = [];
  for (let i = 0; meta?.[i]; i++) fields.push(meta[i] as Field);
  return fields;
}

export function writeView(target: Schema, source: object): void {
  const into = target as unknown as Plain;
  const from = source as Plain;
  for (const { name, type } of fieldsOf(target)) {
    const value = from[name];
    if (value === undefined) continue;
    const current = into[name];
    if (current instanceof MapSchema) writeMap(current, value as Plain[], itemClass(type, "map"));
    else if (current instanceof ArraySchema)
      writeArray(current, value as unknown[], itemClass(type, "array"));
    else if (current instanceof Schema) writeView(current, value as object);
    else if (current !== value) into[name] = value;
  }
}

function itemClass(type: unknown, kind: "map" | "array"): SchemaClass | null {
  const inner = (type as Record<string, unknown>)[kind];
  return typeof inner === "function" ? (inner as SchemaClass) : null;
}

function writeMap(map: MapSchema<Schema>, items: readonly Plain[], make: SchemaClass | null): void {
  if (!make) throw new Error("writeView: a map of primitives has no key field");
  const keyField = fieldsOfClass(make)[0]?.name ?? "id";
  const live = new Set<string>();
  for (const item of items) {
    const key = String(item[keyField]);
    live.add(key);
    let child = map.get(key);
    if (!child) {
      child = new make();
      writeView(child, item);
      map.set(key, child);
    } else writeView(child, item);
  }
  for (const key of [...map.keys()]) if (!live.has(key)) map.delete(key);
}

function writeArray(array: ArraySchema<unknown>, items: readonly unknown[], make: SchemaClass | null): void {
  if (!make) {
    const same = array.length === items.length && items.every((v, i) => array.at(i) === v);
    if (!same) {
      array.clear();
      array.push(...items);
    }
    return;
  }
  // A rolling list drops from the front: drop the items that are gone before comparing the rest.
  const first = items[0];
  while (array.length > 0 && first !== undefined && !sameItem(array.at(0) as Schema, first as Plain))
    array.shift();
  items.forEach((item, i) => {
    const child = array.at(i) as Schema | undefined;
    if (child) writeView(child, item as object);
    else {
      const made = new make();
      writeView(made, item as object);
      array.push(made);
    }
  });
  while (array.length > items.length) array.pop();
}

/** Same item: every primitive field equal (arrays of primitives compared element by element). */
function sameItem(child: Schema, item: Plain): boolean {
  const held = child as unknown as Plain;
  return fieldsOf(child).every(({ name }) => {
    const a = held[name];
    const b = item[name];
    if (a instanceof ArraySchema && Array.isArray(b))
      return a.length === b.length && b.every((v, i) => a.at(i) === v);
    return a instanceof Schema || a instanceof MapSchema || a === b;
  });
}
