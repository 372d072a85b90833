/**
 * Canonical hashing of plain data: sorted keys, numbers as their shortest round-trip text. Two states
 * hash equal exactly when they are the same game, whatever order their keys were written in.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import type { Scenario } from "../scenario/types.ts";
import type { GameState } from "./state.ts";

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new RangeError(`cannot hash ${value}`);
    if (value === undefined) return "null";
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const keys = Object.keys(value as Record<string, unknown>)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(",")}}`;
}

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

export function hashScenario(scenario: Scenario): string {
  return sha256Hex(canonicalJson(scenario));
}

/** Hash of everything that makes this game what it is; the scenario enters through its own hash. */
export function stateHash(state: GameState): string {
  const { scenario: _scenario, ...rest } = state;
  return sha256Hex(canonicalJson(rest));
}
