/**
 * Replays an action log through the engine: the same scenario, seed and seats, each command applied at
 * its tick (before that day is stepped, in log order), stepped to the final tick; then the state hash
 * is compared with the one the log recorded. Forking cuts a log at a tick so that a game can go on from
 * there with other commands, and the new game is itself replayable.
 */
import { applyCommand } from "../engine/commands/index.ts";
import type { RejectionCode } from "../engine/commands/errors.ts";
import { createGame } from "../engine/create.ts";
import { hashScenario, stateHash } from "../engine/hash.ts";
import { ENGINE_VERSION, type GameState } from "../engine/state.ts";
import { step } from "../engine/step.ts";
import type { Scenario } from "../scenario/types.ts";
import { parseReplayLog, REPLAY_FORMAT, ReplayError, type ReplayLog } from "./log.ts";
import { EngineCaches } from "../engine/caches.ts";

export interface ReplayOptions {
  /**
   * Stop at this tick (0..finalTick): the state at the start of that day, before its commands.
   * At the final tick (the default) the commands logged on it are applied too, as they were in the game.
   */
  untilTick?: number;
}

export interface ReplayRejection {
  /** Index of the action in the log. */
  index: number;
  tick: number;
  code: RejectionCode;
  message: string;
}

export interface ReplayResult {
  state: GameState;
  hash: string;
  /** The tick the replay stopped at. */
  tick: number;
  /** Whether the replay went to the log's final tick (only then can the hashes be compared). */
  complete: boolean;
  /** hash === log.finalHash; false for a replay stopped before the final tick. */
  matches: boolean;
  /** Actions applied (accepted or rejected). */
  applied: number;
  /** Logged actions the engine rejected on replay (a log may carry rejected commands on purpose). */
  rejections: ReplayRejection[];
}

/**
 * Checks that a log can be replayed on `scenario` with this engine; returns the parsed log.
 * Throws a ReplayError that says what does not match (format, engine version, scenario id or hash).
 */
export function checkLog(input: unknown, scenario: Scenario): ReplayLog {
  const log = parseReplayLog(input);
  if (log.format !== REPLAY_FORMAT) throw new ReplayError(`unknown log format "${String(log.format)}"`);
  if (log.engineVersion !== ENGINE_VERSION) {
    throw new ReplayError(
      `the log was recorded by engine ${log.engineVersion}; this is engine ${ENGINE_VERSION}: ` +
        "a replay would not reproduce the game",
    );
  }
  if (log.scenario !== scenario.id) {
    throw new ReplayError(`the log is a game of scenario "${log.scenario}", not "${scenario.id}"`);
  }
  const hash = hashScenario(scenario);
  if (log.scenarioHash !== hash) {
    throw new ReplayError(
      `scenario "${scenario.id}" has changed since the game was recorded: the log's scenario hash is ` +
        `${log.scenarioHash}, the scenario's is ${hash}`,
    );
  }
  if (log.finalTick > scenario.days) {
    throw new ReplayError(`final tick ${log.finalTick} is past the scenario's end (${scenario.days} days)`);
  }
  return log;
}

/** Replays `input` (a log, validated here) on `scenario`; a hash mismatch is reported, not thrown. */
export function replayLog(input: unknown, scenario: Scenario, options: ReplayOptions = {}): ReplayResult {
  const log = checkLog(input, scenario);
  const target = options.untilTick ?? log.finalTick;
  return replayChecked(
    log,
    scenario,
    target,
    target === log.finalTick ? "withTargetActions" : "beforeTargetActions",
  );
}

/** Whether a replay to `target` also applies the actions logged on `target` (a complete replay does). */
type TargetActions = "withTargetActions" | "beforeTargetActions";

function replayChecked(
  log: ReplayLog,
  scenario: Scenario,
  target: number,
  actions: TargetActions,
): ReplayResult {
  const withTargetActions = actions === "withTargetActions";
  if (!Number.isSafeInteger(target) || target < 0 || target > log.finalTick) {
    throw new ReplayError(
      `untilTick must be an integer from 0 to the final tick ${log.finalTick}, got ${target}`,
    );
  }
  const complete = target === log.finalTick;
  const state = createGame(scenario, log.seed, log.players);
  // The replay owns this game from start to end: one set of caches serves every command and day of it.
  const caches = new EngineCaches();
  const rejections: ReplayRejection[] = [];
  let next = 0;
  const applyUpTo = (lastTick: number): void => {
    for (; next < log.actions.length; next++) {
      const action = log.actions[next];
      if (!action || action.tick > lastTick) break;
      const result = applyCommand(state, action.actor, action.command, caches);
      if (!result.ok) {
        rejections.push({
          index: next,
          tick: action.tick,
          code: result.error.code,
          message: result.error.message.en,
        });
      }
    }
  };
  while (state.tick < target) {
    applyUpTo(state.tick);
    if (state.finished) break;
    step(state, caches);
  }
  // Commands given on the final tick were applied after the last step; a partial replay stops before them.
  if (withTargetActions) applyUpTo(state.tick);
  const hash = stateHash(state);
  return {
    state,
    hash,
    tick: state.tick,
    complete,
    matches: complete && withTargetActions && hash === log.finalHash,
    applied: next,
    rejections,
  };
}

export interface Fork {
  /** The game at the start of `tick`, before its commands: play on from here. */
  state: GameState;
  /** The log cut at `tick` (actions before it), sealed with this state's hash: log on into it. */
  log: ReplayLog;
}

/**
 * The game as it stood at the start of `tick`, and a log of only the actions before that tick. Continue
 * the game with logAction/step/finishLog on the returned pair: the result replays like any other log.
 */
export function forkAt(input: unknown, scenario: Scenario, tick: number): Fork {
  const log = checkLog(input, scenario);
  if (!Number.isSafeInteger(tick) || tick < 0 || tick > log.finalTick) {
    throw new ReplayError(`can fork at a tick from 0 to the final tick ${log.finalTick}, not ${tick}`);
  }
  const { state, hash } = replayChecked(log, scenario, tick, "beforeTargetActions");
  return {
    state,
    log: {
      ...log,
      players: log.players.map((p) => ({ ...p })),
      actions: log.actions
        .filter((a) => a.tick < tick)
        .map((a) => JSON.parse(JSON.stringify(a)) as ReplayLog["actions"][number]),
      finalTick: tick,
      finalHash: hash,
    },
  };
}
