/**
 * Replays: a scripted three-player game of halving-2020 is logged, then replayed to the same hash;
 * a tampered command or seed is detected, a changed scenario is refused with both hashes named, forks
 * replay to the original state, and the log survives a JSON round trip.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { applyCommand, createGame, step, stateHash, type Actor, type GameState } from "../../shared/index.ts";
import {
  finishLog,
  forkAt,
  logAction,
  parseReplayLog,
  replayLog,
  ReplayError,
  startLog,
  type ReplayLog,
} from "../../shared/replay/index.ts";
import { hashScenario } from "../../shared/engine/hash.ts";
import { scenario, seats } from "../helpers/game.ts";

const DAYS = 120;
const company = (n: number): Actor => ({ kind: "company", companyId: `p${n}` });

/** At fixed ticks: who gives what. Some are rejected on purpose (a model not on sale yet, a foreign lot). */
const PLAN = new Map<number, [Actor, unknown][]>([
  [
    3,
    [
      [company(2), { type: "orderMachines", model: "s17-pro", quantity: 80 }],
      [company(1), { type: "orderMachines", model: "s19-pro", quantity: 50 }],
      [company(3), { type: "setSellRatio", ratioBps: 5_000 }],
    ],
  ],
  [
    4,
    [
      [company(1), { type: "leaseCapacity", region: "us-texas", kw: 200 }],
      [company(2), { type: "leaseCapacity", region: "kz-ekibastuz", kw: 200 }],
    ],
  ],
  [
    60,
    [
      [company(2), { type: "sellMachines", lot: "lot-1", quantity: 30 }],
      [company(1), { type: "sellMachines", lot: "lot-1", quantity: 5 }],
      [company(3), { type: "orderMachines", model: "s9", quantity: 10 }],
    ],
  ],
  [
    70,
    [
      [company(2), { type: "setPayout", payout: "solo" }],
      [company(1), { type: "setSellRatio", ratioBps: 2_500 }],
    ],
  ],
  [90, [[company(1), { type: "orderMachines", model: "s17-pro", quantity: 20 }]]],
]);

interface Played {
  state: GameState;
  log: ReplayLog;
  /** Hash at the start of each tick, before its commands. */
  hashes: string[];
  accepted: number;
  rejected: number;
}

function play(seed: number, plan = PLAN, days = DAYS): Played {
  const players = seats(3);
  const state = createGame(scenario("halving-2020"), seed, players);
  const log = startLog(state, players);
  const hashes: string[] = [];
  let accepted = 0;
  let rejected = 0;
  while (state.tick < days) {
    hashes.push(stateHash(state));
    for (const [actor, command] of plan.get(state.tick) ?? []) {
      logAction(log, state, actor, command);
      if (applyCommand(state, actor, command).ok) accepted++;
      else rejected++;
    }
    step(state);
  }
  hashes.push(stateHash(state));
  return { state, log: finishLog(log, state), hashes, accepted, rejected };
}

describe("replay of a scripted game", () => {
  let game: Played;
  beforeAll(() => {
    game = play(42);
  });

  it("is a game worth replaying: commands accepted and rejected, machines sold", () => {
    expect(game.accepted).toBeGreaterThanOrEqual(8);
    expect(game.rejected).toBeGreaterThanOrEqual(1);
    expect(game.log.actions).toHaveLength(game.accepted + game.rejected);
    expect(game.state.soldUnits["s17-pro"]).toBe(30);
    expect(game.log.finalTick).toBe(DAYS);
  });

  it("replays to the same state hash, with the same rejections", () => {
    const result = replayLog(game.log, scenario("halving-2020"));
    expect(result.hash).toBe(game.log.finalHash);
    expect(result.hash).toBe(stateHash(game.state));
    expect(result.matches).toBe(true);
    expect(result.complete).toBe(true);
    expect(result.applied).toBe(game.log.actions.length);
    expect(result.rejections).toHaveLength(game.rejected);
    expect(result.rejections.map((r) => r.code)).toContain("NOT_RELEASED");
  });

  it("stops at any tick with the state the game had then", () => {
    for (const k of [0, 3, 4, 60, 61, 100]) {
      const result = replayLog(game.log, scenario("halving-2020"), { untilTick: k });
      expect(result.tick).toBe(k);
      expect(result.hash).toBe(game.hashes[k]);
      expect(result.matches).toBe(false);
      expect(result.complete).toBe(false);
    }
  });

  it("detects a tampered command", () => {
    const tampered = structuredClone(game.log);
    const sale = tampered.actions.find((a) => (a.command as { type: string }).type === "sellMachines");
    (sale?.command as { quantity: number }).quantity = 29;
    const result = replayLog(tampered, scenario("halving-2020"));
    expect(result.matches).toBe(false);
    expect(result.hash).not.toBe(game.log.finalHash);
  });

  it("detects a tampered seed", () => {
    const result = replayLog({ ...game.log, seed: 43 }, scenario("halving-2020"));
    expect(result.matches).toBe(false);
  });

  it("refuses another version of the scenario, naming both hashes", () => {
    const changed = structuredClone(scenario("halving-2020"));
    changed.poolFeeBps += 1;
    const theirs = hashScenario(changed);
    expect(() => replayLog(game.log, changed)).toThrow(ReplayError);
    expect(() => replayLog(game.log, changed)).toThrow(game.log.scenarioHash);
    expect(() => replayLog(game.log, changed)).toThrow(theirs);
  });

  it("refuses another engine version and a log of another scenario", () => {
    expect(() => replayLog({ ...game.log, engineVersion: "0.0.1" }, scenario("halving-2020"))).toThrow(
      /engine 0\.0\.1/,
    );
    expect(() => replayLog(game.log, scenario("exodus-2021"))).toThrow(/"halving-2020", not "exodus-2021"/);
  });

  it("refuses a malformed log, saying where", () => {
    const { seed: _seed, ...noSeed } = game.log;
    expect(() => replayLog(noSeed, scenario("halving-2020"))).toThrow(/seed/);
    const disordered = structuredClone(game.log);
    disordered.actions.reverse();
    expect(() => parseReplayLog(disordered)).toThrow(/tick order/);
    expect(() => parseReplayLog({ format: "something else" })).toThrow(ReplayError);
  });

  it("survives a JSON round trip", () => {
    const text = JSON.stringify(game.log);
    const back = parseReplayLog(JSON.parse(text));
    expect(back).toEqual(game.log);
    expect(replayLog(JSON.parse(text), scenario("halving-2020")).matches).toBe(true);
  });

  it("forks at a tick: the forked log replays to the original state there", () => {
    const k = 61;
    const fork = forkAt(game.log, scenario("halving-2020"), k);
    expect(stateHash(fork.state)).toBe(game.hashes[k]);
    expect(fork.log.finalTick).toBe(k);
    expect(fork.log.actions.every((a) => a.tick < k)).toBe(true);
    expect(fork.log.actions.length).toBeLessThan(game.log.actions.length);
    const replayed = replayLog(fork.log, scenario("halving-2020"));
    expect(replayed.matches).toBe(true);
    expect(replayed.hash).toBe(game.hashes[k]);
    // The original log is untouched.
    expect(replayLog(game.log, scenario("halving-2020")).matches).toBe(true);
  });

  it("plays on from a fork with other commands, and the new game replays too", () => {
    const { state, log } = forkAt(game.log, scenario("halving-2020"), 65);
    const other: unknown = { type: "setPayout", payout: "solo" };
    logAction(log, state, company(1), other);
    expect(applyCommand(state, company(1), other).ok).toBe(true);
    while (state.tick < DAYS) step(state);
    finishLog(log, state);
    expect(log.finalHash).not.toBe(game.log.finalHash);
    const replayed = replayLog(log, scenario("halving-2020"));
    expect(replayed.matches).toBe(true);
    expect(replayed.state.companies[0]?.payout).toBe("solo");
  });

  it("applies commands logged on the final tick after the last step", () => {
    const { state, log } = forkAt(game.log, scenario("halving-2020"), 100);
    const late: unknown = { type: "setSellRatio", ratioBps: 1_234 };
    logAction(log, state, company(3), late);
    applyCommand(state, company(3), late);
    finishLog(log, state);
    const replayed = replayLog(log, scenario("halving-2020"));
    expect(replayed.matches).toBe(true);
    expect(replayed.state.companies[2]?.sellRatioBps).toBe(1_234);
  });

  it("only starts logs on new games, and keeps ticks in order", () => {
    const players = seats(1);
    const state = createGame(scenario("halving-2020"), 1, players);
    const log = startLog(state, players);
    step(state);
    expect(() => startLog(state, players)).toThrow(/tick 0/);
    expect(() => startLog(createGame(scenario("halving-2020"), 1, players), seats(2))).toThrow(ReplayError);
    logAction(log, state, company(1), { type: "setPayout", payout: "solo" });
    const earlier = createGame(scenario("halving-2020"), 1, players);
    expect(() => logAction(log, earlier, company(1), { type: "setPayout", payout: "pool" })).toThrow(
      /after tick 1/,
    );
  });
});
