/**
 * The engine's speed-ups are caches beside the state, in the EngineCaches its owner passes in (lot facts
 * by position, lots by id, points and distances, the best machine on sale, the factory's efficiency
 * discount), and a lighter way to step a day. Each must give exactly what the plain look-up or
 * computation gives at that moment; these tests check that through games played by bots, where lots are
 * bought, split, moved, sold and change hands, and through one set of caches serving several games.
 */
import { describe, expect, it } from "vitest";
import { applyCommand, createGame, EngineCaches, step, stateHash } from "../../shared/index.ts";
import { BotCaches, decide } from "../../shared/bots/index.ts";
import { canonicalJson, hashScenario } from "../../shared/engine/hash.ts";
import { lotById, lotTable } from "../../shared/engine/lotFacts.ts";
import { distanceKm, placeDistanceKm, pointOf } from "../../shared/engine/logistics/geo.ts";
import { bestEfficiency, efficiencyDiscount } from "../../shared/engine/market.ts";
import { regionIndex } from "../../shared/engine/regions.ts";
import { stepNetwork } from "../../shared/engine/step.ts";
import type { GameState } from "../../shared/engine/state.ts";
import { detPow } from "../../shared/math/detmath.ts";
import { newGame, scenario, seats } from "../helpers/game.ts";

const SEATS = ["efficiency", "cheap-power", "cautious", "trader"];

/**
 * One day of bots: each seat decides and its commands are applied at once (as a server would), with the
 * game's caches (`bots`, over its engine caches), or fresh ones for every call when none are given.
 */
function botDay(state: GameState, bots?: BotCaches): void {
  SEATS.forEach((strategy, i) => {
    const id = `p${i + 1}`;
    for (const cmd of decide(state, id, strategy, bots))
      applyCommand(state, { kind: "company", companyId: id }, cmd, bots?.engine);
  });
}

/** The lot facts the game's caches hold now, against searches of the state. */
function checkLots(state: GameState, caches: EngineCaches): void {
  const table = lotTable(state, caches);
  state.lots.forEach((lot, n) => {
    table.sync(n);
    expect(table.model[n]).toBe(state.scenario.asics.find((m) => m.id === lot.model));
    expect(table.owner[n]).toBe(state.companies.findIndex((c) => c.id === lot.owner));
    const inRegion = lot.location.kind === "region";
    expect(table.inRegion[n]).toBe(inRegion);
    expect(table.region[n]).toBe(
      lot.location.kind === "region" ? regionIndex(state, lot.location.region, caches) : -1,
    );
    expect(lotById(state, lot.id, caches)).toBe(state.lots.find((l) => l.id === lot.id));
  });
  expect(lotById(state, "lot-none", caches)).toBeUndefined();
}

describe("engine caches", () => {
  it("lot facts and lots by id agree with plain look-ups through a game with bots", () => {
    const state = newGame("sandbox", 5, SEATS.length);
    const bots = new BotCaches();
    let checked = 0;
    while (!state.finished && state.tick < 600) {
      botDay(state, bots);
      // Checked after the commands (lots bought, split, shipped, sold) and before the day moves them.
      if (state.tick % 10 === 0) {
        checkLots(state, bots.engine);
        checked += state.lots.length;
      }
      step(state, bots.engine);
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("sees a lot edited behind its back: new owner, new place, another lot at its position", () => {
    const state = newGame("sandbox", 2, 2);
    const caches = new EngineCaches();
    botDay(state);
    const base = { status: "stored" as const, powered: false, readyDay: 0, origin: "CN", costCents: 1 };
    const model = state.scenario.asics[0]?.id ?? "";
    const region = state.scenario.regions[0]?.id ?? "";
    state.lots.push({
      ...base,
      id: "lot-x",
      owner: "p1",
      model,
      quantity: 1,
      location: { kind: "region", region },
    });
    checkLots(state, caches);
    const lot = state.lots[state.lots.length - 1];
    if (!lot) throw new Error("no lot");
    lot.owner = "p2";
    lot.location = { kind: "factory", hub: state.scenario.hubs[0]?.id ?? "" };
    checkLots(state, caches);
    state.lots[state.lots.length - 1] = { ...lot, id: "lot-y", location: { kind: "region", region } };
    checkLots(state, caches);
    state.lots = state.lots.filter((l) => l.id !== "lot-y");
    checkLots(state, caches);
  });

  it("stepNetwork leaves the state exactly as step does, and reports the same network", () => {
    const a = newGame("sandbox", 9, SEATS.length);
    const b = newGame("sandbox", 9, SEATS.length);
    const [cachesA, cachesB] = [new BotCaches(), new BotCaches()];
    while (!a.finished && a.tick < 300) {
      botDay(a, cachesA);
      botDay(b, cachesB);
      const full = step(a, cachesA.engine);
      const light = stepNetwork(b, cachesB.engine);
      expect(light).toEqual({
        tick: full.tick,
        day: full.day,
        date: full.date,
        networkThs: full.networkThs,
        playerThs: full.playerThs,
        restOfWorldThsByRegion: full.restOfWorldThsByRegion,
      });
      if (a.tick % 50 === 0) expect(stateHash(b)).toBe(stateHash(a));
    }
    expect(stateHash(b)).toBe(stateHash(a));
  });

  it("one set of caches serves games of two scenarios in turn: each plays as with caches of its own", () => {
    const alone = (id: string, seed: number, bots?: BotCaches): GameState => {
      const state = newGame(id, seed, SEATS.length);
      while (!state.finished && state.tick < 200) {
        botDay(state, bots);
        step(state, bots?.engine);
      }
      return state;
    };
    const shared = new BotCaches();
    const x = newGame("sandbox", 5, SEATS.length);
    const y = newGame("tariffs-2025", 6, SEATS.length);
    while (x.tick < 200) {
      for (const state of [x, y]) {
        botDay(state, shared);
        if (state.tick % 20 === 0) checkLots(state, shared.engine);
        step(state, shared.engine);
      }
    }
    expect(stateHash(x)).toBe(stateHash(alone("sandbox", 5, new BotCaches())));
    expect(stateHash(y)).toBe(stateHash(alone("tariffs-2025", 6, new BotCaches())));
    // No caches kept at all (a fresh set for every call) plays the same game too.
    expect(stateHash(alone("tariffs-2025", 6))).toBe(stateHash(y));
  });

  it("a game started with the scenario's hash given is the game started without it", () => {
    const s = scenario("halving-2020");
    const a = createGame(s, 4, seats(2));
    const b = createGame(s, 4, seats(2), hashScenario(s));
    expect(stateHash(b)).toBe(stateHash(a));
    expect(b.scenarioHash).toBe(a.scenarioHash);
  });

  it("the best machine on sale and the efficiency discount are the plain computations", () => {
    const s = scenario("sandbox");
    const caches = new EngineCaches();
    const plainBest = (day: number): number =>
      Math.min(Infinity, ...s.asics.filter((m) => m.releaseDay <= day).map((m) => m.efficiencyJPerTh));
    for (const day of [s.startDay, s.startDay + 400, s.startDay, s.startDay + 900, 0]) {
      expect(bestEfficiency(s, day, caches)).toBe(plainBest(day));
      const best = plainBest(day);
      for (const m of s.asics) {
        const ratio = Number.isFinite(best) ? best / m.efficiencyJPerTh : 1;
        expect(efficiencyDiscount(best, m.efficiencyJPerTh, 1.7, caches)).toBe(detPow(ratio, 1.7));
        expect(efficiencyDiscount(best, m.efficiencyJPerTh, 1.7, caches)).toBe(detPow(ratio, 1.7));
      }
    }
  });

  it("points and distances are those of the scenario's places", () => {
    const state = newGame("sandbox", 1, 0);
    const caches = new EngineCaches();
    for (const hub of state.scenario.hubs) {
      const a = pointOf(state, { kind: "hub", hub: hub.id }, caches);
      expect(a).toMatchObject({ lon: hub.lon, lat: hub.lat, country: hub.country, portKm: 0 });
      for (const spec of state.scenario.regions) {
        const b = pointOf(state, { kind: "region", region: spec.id }, caches);
        expect(b).toMatchObject({ lon: spec.lon, lat: spec.lat, portKm: spec.portKm });
        if (!a || !b) throw new Error("no point");
        expect(placeDistanceKm(state, a, b, caches)).toBe(distanceKm(a, b));
        expect(placeDistanceKm(state, a, b, caches)).toBe(distanceKm(a, b));
      }
    }
    expect(pointOf(state, { kind: "region", region: "nowhere" }, caches)).toBeUndefined();
  });

  it("canonical JSON: the fast writer gives the definition's text, odd values included", () => {
    // The definition, as it stands in hash.ts's reference function.
    const reference = (value: unknown): string => {
      if (value === null || typeof value !== "object") {
        if (typeof value === "number" && !Number.isFinite(value))
          throw new RangeError(`cannot hash ${value}`);
        if (value === undefined) return "null";
        return JSON.stringify(value);
      }
      if (Array.isArray(value)) return `[${value.map(reference).join(",")}]`;
      const rec = value as Record<string, unknown>;
      const keys = Object.keys(rec)
        .filter((k) => rec[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${reference(rec[k])}`).join(",")}}`;
    };
    // eslint-disable-next-line no-sparse-arrays
    const sparse = [1, , 3];
    const odd: unknown[] = [
      scenario("sandbox"),
      null,
      undefined,
      -0,
      0.1,
      'a\u2028"',
      [1, undefined, null, "x"],
      { b: 1, a: undefined, c: [{}], é: 2, B: 3, "10": 1, "9": 2 },
      sparse,
      { f: () => 1 },
      [() => 1],
    ];
    for (const value of odd) expect(canonicalJson(value)).toBe(reference(value));
    for (const bad of [NaN, Infinity, [1, -Infinity], { a: NaN }]) {
      expect(() => canonicalJson(bad)).toThrow(RangeError);
      expect(() => reference(bad)).toThrow(RangeError);
    }
  });
});
