/**
 * The synced state as the client reads it: the view declared once in shared/view/types.ts, in the
 * engine's units (formatting for people lives in ui/format.ts). toView turns the room's decoded schema
 * into plain data by walking the schema's own field metadata (the same metadata the decoder used), so a
 * new view field needs no code here: maps become arrays of their items, nested schemas plain objects,
 * and a company's private part, hidden from other seats, becomes null.
 */
import type { CompanyPrivateView, CompanyView, GameView } from "../../../shared/view/types.ts";

export type {
  CompanyPrivateView,
  CompanyView,
  GameView,
  LoanView,
  LotView,
  NewsView,
  OfferView,
  RegionView,
  ShipmentView,
} from "../../../shared/view/types.ts";

type Raw = Record<string, unknown>;
interface Field {
  name: string;
  type: unknown;
}

/**
 * Where a schema class keeps its field metadata: Symbol.metadata, which Colyseus polyfills with the
 * registered symbol where the runtime has none. Both are tried, so that this module does not depend on
 * having been evaluated after Colyseus's polyfill.
 */
const METADATA_KEYS: symbol[] = [
  Symbol.for("Symbol.metadata"),
  (Symbol as { metadata?: symbol }).metadata,
].filter((k): k is symbol => typeof k === "symbol");

function fieldsOf(value: object): Field[] | null {
  const holder = value.constructor as unknown as Record<symbol, Record<number, Field> | undefined>;
  const meta = METADATA_KEYS.map((k) => holder[k]).find((m) => m !== undefined);
  if (!meta) return null;
  const fields: Field[] = [];
  for (let i = 0; meta[i]; i++) fields.push(meta[i] as Field);
  return fields;
}

function isMap(type: unknown): boolean {
  return typeof type === "object" && type !== null && "map" in type;
}

/** A decoded schema value as plain data. */
function plainOf(value: unknown, type: unknown = null): unknown {
  if (value === null || typeof value !== "object") return value;
  if (isMap(type)) return [...(value as Map<string, unknown>).values()].map((v) => plainOf(v));
  if (typeof (value as { toArray?: unknown }).toArray === "function")
    return (value as { toArray(): unknown[] }).toArray().map((v) => plainOf(v));
  const fields = fieldsOf(value);
  if (!fields) return value;
  const out: Raw = {};
  for (const f of fields) out[f.name] = plainOf((value as Raw)[f.name], f.type);
  return out;
}

/** Hidden behind @view() for other seats: absent, or an empty instance that never received fields. */
function privateOf(v: unknown): CompanyPrivateView | null {
  return v && typeof v === "object" && typeof (v as Raw).cashCents === "number" && (v as Raw).lots
    ? (v as CompanyPrivateView)
    : null;
}

/** The decoded room state (or an already plain view, as tests and the replay build) as a typed view. */
export function toView(state: unknown): GameView {
  const view = plainOf(state) as GameView;
  const companies: CompanyView[] = (view.companies ?? []).map((c) => ({ ...c, priv: privateOf(c.priv) }));
  companies.sort((a, b) => (a.rank || 99) - (b.rank || 99) || a.seat.localeCompare(b.seat));
  return { ...view, companies };
}
