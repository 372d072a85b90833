/**
 * Canonical hashing of plain data: sorted keys, numbers as their shortest round-trip text. Two states
 * hash equal exactly when they are the same game, whatever order their keys were written in.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import type { Scenario } from "../scenario/types.ts";
import type { GameState } from "./state.ts";

export function canonicalJson(value: unknown): string {
  // The fast writer covers plain data (what states and scenarios are); anything else — a function, a
  // symbol, a bigint, a hole in an array — goes to the reference definition below, which says what
  // the text is in every case.
  try {
    return write(value);
  } catch (error) {
    if (error === NOT_PLAIN) return reference(value);
    throw error;
  }
}

/** Thrown by the fast writer, caught just above: one frozen marker, never changed. */
const NOT_PLAIN = Object.freeze(new Error("not plain data"));

/** canonicalJson for plain data, built by appending rather than by mapping and joining arrays. */
function write(value: unknown): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw new RangeError(`cannot hash ${value}`);
      return JSON.stringify(value);
    case "undefined":
      return "null";
    case "object":
      break;
    case "bigint":
    case "function":
    case "symbol":
      throw NOT_PLAIN;
  }
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) throw NOT_PLAIN;
      if (i > 0) out += ",";
      out += write(value[i]);
    }
    return out + "]";
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  let out = "{";
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    if (i > 0) out += ",";
    out += JSON.stringify(k) + ":" + write(record[k]);
  }
  return out + "}";
}

/** The definition: sorted keys, undefined members left out, numbers as their shortest round-trip text. */
function reference(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new RangeError(`cannot hash ${value}`);
    if (value === undefined) return "null";
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(reference).join(",")}]`;
  const keys = Object.keys(value as Record<string, unknown>)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${reference((value as Record<string, unknown>)[k])}`).join(",")}}`;
}

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

export function hashScenario(scenario: Scenario): string {
  return sha256Hex(canonicalJson(scenario));
}

/** Hash of everything that makes this game what it is; the scenario enters through its own hash. */
export function stateHash(state: GameState): string {
  return stateHashWith(state, sha256Hex);
}

/**
 * stateHash with another implementation of SHA-256 (hex of the UTF-8 text): Node's native one lets the
 * Monte-Carlo tool hash a game's final state several times faster. The same bytes, the same hash.
 */
export function stateHashWith(state: GameState, sha256OfText: (text: string) => string): string {
  const { scenario: _scenario, ...rest } = state;
  return sha256OfText(canonicalJson(rest));
}
