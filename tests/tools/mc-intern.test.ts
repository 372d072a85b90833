/**
 * Internalized strings for Monte-Carlo runs (tools/lib/mc-intern.ts): a copy that equals its input,
 * leaves it untouched, keeps what is not plain data as it is, and plays the same game.
 */
import { describe, expect, it } from "vitest";
import { internString, internStrings } from "../../tools/lib/mc-intern.ts";
import { createGame, EngineCaches, stateHash, step } from "../../shared/index.ts";
import { loadScenario } from "../../node/scenarios.ts";

describe("internStrings", () => {
  it("copies plain data with equal values, leaving the input alone", () => {
    const input = { id: `p${1}`, list: ["a", 1, null, true, { deep: "x" }], missing: undefined };
    const before = structuredClone(input);
    const copy = internStrings(input);
    expect(copy).toEqual(input);
    expect(copy).not.toBe(input);
    expect(copy.list).not.toBe(input.list);
    expect("missing" in copy).toBe(true);
    expect(input).toEqual(before);
  });

  it("keeps what is not plain data as the same object", () => {
    const map = new Map([["k", "v"]]);
    const copy = internStrings({ map, date: new Date(0) });
    expect(copy.map).toBe(map);
    expect(copy.date.getTime()).toBe(0);
  });

  it("keeps an own __proto__ key a key, and shared objects shared", () => {
    const parsed = JSON.parse('{"a":{"__proto__":{"x":1}}}') as { a: Record<string, unknown> };
    const copy = internStrings(parsed);
    expect(Object.getPrototypeOf(copy.a)).toBe(Object.prototype);
    expect(Object.keys(copy.a)).toEqual(["__proto__"]);
    expect(copy).toEqual(parsed);
    const shared = { deep: ["x"] };
    const both = internStrings({ p: shared, q: shared });
    expect(both.p).toBe(both.q);
    expect(both.p).not.toBe(shared);
  });

  it("hands back a string of the same text", () => {
    expect(internString(`lot-${42}`)).toBe("lot-42");
    expect(internString("")).toBe("");
  });

  it("plays the same days on an interned scenario as on the original", () => {
    const scenario = loadScenario("halving-2020");
    const seats = [1, 2].map((i) => ({ id: `p${i}`, name: `P${i}` }));
    const play = (s: typeof scenario): string => {
      const state = createGame(s, 7, seats);
      const caches = new EngineCaches();
      for (let d = 0; d < 40; d++) step(state, caches);
      return stateHash(state);
    };
    expect(play(internStrings(scenario))).toBe(play(scenario));
  });
});
