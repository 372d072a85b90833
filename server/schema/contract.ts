/**
 * The compiler checks that the schema classes hold exactly the declared view (shared/view/types.ts):
 * every field, no more, with the same types, at every depth. A field added to the view and not to the
 * schema (or the other way round, the way `ths` was once declared and never written) fails `tsc`.
 * Nothing here runs.
 */
import type { ArraySchema, MapSchema, Schema } from "@colyseus/schema";
import type { CompanyView, GameView } from "../../shared/view/types.ts";
import type { GameRoomState } from "./state.ts";

/** A schema instance as plain data: maps and arrays become arrays, nested schemas plain objects. */
type Plain<T> =
  T extends MapSchema<infer V>
    ? Plain<V>[]
    : T extends ArraySchema<infer V>
      ? Plain<V>[]
      : T extends Schema
        ? { [K in Exclude<keyof T, keyof Schema>]: Plain<T[K]> }
        : T;

/** The view as the server holds it: every company's private part is there (views hide it per client). */
type Synced<T> = T extends readonly (infer U)[]
  ? Synced<U>[]
  : T extends CompanyView
    ? { [K in keyof T]-?: K extends "priv" ? Synced<NonNullable<T[K]>> : Synced<T[K]> }
    : T extends object
      ? { [K in keyof T]-?: Synced<T[K]> }
      : T;

/** Mutual assignability at every depth: the same keys and compatible types. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

function holds<T extends true>(): T | undefined {
  return undefined;
}

export const schemaHoldsTheView = holds<Same<Plain<GameRoomState>, Synced<GameView>>>();
