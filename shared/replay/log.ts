/**
 * The action log of a game: plain JSON that names the scenario (by id and hash), the seed, the seats
 * and every command given, stamped with the tick it was given on. Replaying it through the engine
 * rebuilds the game bit for bit, because the engine is deterministic: same scenario + seed + commands
 * ⇒ same state hash. Commands are kept exactly as given; the engine parses them again on replay.
 */
import { z } from "zod";
import type { Actor } from "../engine/commands/schema.ts";
import { stateHash } from "../engine/hash.ts";
import type { GameState } from "../engine/state.ts";

export const REPLAY_FORMAT = "hashrate-atlas/replay@1";

const id = z.string().min(1).max(64);
const tick = z.number().int().min(0);

export const actorSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("company"), companyId: id }),
  z.object({ kind: z.literal("host") }),
  z.object({ kind: z.literal("system") }),
]);

export const loggedActionSchema = z.object({
  tick,
  actor: actorSchema,
  /** The command as given (raw): applyCommand parses and validates it again on replay. */
  command: z.unknown(),
  by: z.enum(["bot", "standIn", "caretaker"]).optional(),
});

/**
 * Who gave a company's command, when not the person holding the seat: the company's own bot, a bot the
 * host put in a person's seat (standIn), or the caretaker standing in for a person away past the grace
 * period. Absent: the seat's holder (or the host, for its shocks). The replay ignores it.
 */
export type ActedBy = "bot" | "standIn" | "caretaker";

export const replayLogSchema = z
  .object({
    format: z.literal(REPLAY_FORMAT),
    engineVersion: z.string().min(1),
    scenario: id,
    scenarioHash: z.string().regex(/^[0-9a-f]{64}$/, "a SHA-256 in lower-case hex"),
    seed: z.number().int().min(0).max(0xffffffff),
    players: z.array(z.object({ id, name: z.string().max(200) })),
    actions: z.array(loggedActionSchema),
    finalTick: tick,
    finalHash: z.string().regex(/^[0-9a-f]{64}$/, "a SHA-256 in lower-case hex"),
  })
  .superRefine((log, ctx) => {
    let last = 0;
    log.actions.forEach((a, i) => {
      if (a.tick < last) {
        ctx.addIssue({
          code: "custom",
          path: ["actions", i, "tick"],
          message: `actions must be in tick order: tick ${a.tick} comes after tick ${last}`,
        });
      }
      if (a.tick > log.finalTick) {
        ctx.addIssue({
          code: "custom",
          path: ["actions", i, "tick"],
          message: `action at tick ${a.tick} is after the final tick ${log.finalTick}`,
        });
      }
      last = Math.max(last, a.tick);
    });
  });

export interface LoggedAction {
  tick: number;
  actor: Actor;
  command: unknown;
  by?: ActedBy;
}

export interface ReplayLog {
  format: typeof REPLAY_FORMAT;
  engineVersion: string;
  /** Scenario id (the file name without .yaml). */
  scenario: string;
  /** hashScenario of the resolved scenario the game was played on. */
  scenarioHash: string;
  seed: number;
  players: { id: string; name: string }[];
  actions: LoggedAction[];
  /** Tick of the state whose hash is finalHash. */
  finalTick: number;
  finalHash: string;
}

/** A log that could not be read: `problems` say where and what, one per line. */
export class ReplayError extends Error {
  override name = "ReplayError";
}

/** Validates untrusted input (e.g. parsed JSON) as a replay log; throws a ReplayError naming each problem. */
export function parseReplayLog(input: unknown): ReplayLog {
  const parsed = replayLogSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 8).map((issue) => {
      const path = issue.path.length > 0 ? issue.path.map(String).join(".") : "(root)";
      return `  ${path}: ${issue.message}`;
    });
    const more = parsed.error.issues.length > 8 ? `\n  … and ${parsed.error.issues.length - 8} more` : "";
    throw new ReplayError(`not a valid ${REPLAY_FORMAT} log:\n${lines.join("\n")}${more}`);
  }
  return parsed.data as ReplayLog;
}

/** A deep copy of plain data, so that a logged command cannot change after the fact. */
function copy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/**
 * Starts the log of a new game (tick 0): call it right after createGame, with the same seats.
 * The final tick and hash describe the state as it is now, until finishLog updates them.
 */
export function startLog(state: GameState, players: readonly { id: string; name: string }[]): ReplayLog {
  if (state.tick !== 0)
    throw new ReplayError(`a log starts with a new game (tick 0), not tick ${state.tick}`);
  const seated = state.companies.map((c) => c.id).join(",");
  if (players.map((p) => p.id).join(",") !== seated) {
    throw new ReplayError(`players [${players.map((p) => p.id).join(", ")}] are not the game's [${seated}]`);
  }
  return {
    format: REPLAY_FORMAT,
    engineVersion: state.engineVersion,
    scenario: state.scenario.id,
    scenarioHash: state.scenarioHash,
    seed: state.seed,
    players: players.map((p) => ({ id: p.id, name: p.name })),
    actions: [],
    finalTick: state.tick,
    finalHash: stateHash(state),
  };
}

/**
 * Logs a command given now (stamped with `state.tick`). Call it just before or after applyCommand:
 * the command is copied as given. Logging a rejected command is harmless (the replay rejects it again).
 */
export function logAction(
  log: ReplayLog,
  state: GameState,
  actor: Actor,
  command: unknown,
  by?: ActedBy,
): LoggedAction {
  const last = log.actions[log.actions.length - 1];
  if (last && last.tick > state.tick) {
    throw new ReplayError(`cannot log tick ${state.tick} after tick ${last.tick}: is this the log's game?`);
  }
  const action: LoggedAction = { tick: state.tick, actor: copy(actor), command: copy(command) };
  if (by) action.by = by;
  log.actions.push(action);
  if (log.finalTick < state.tick) log.finalTick = state.tick;
  return action;
}

/** Seals the log with where the game stands: its tick and state hash (what a replay must reproduce). */
export function finishLog(log: ReplayLog, state: GameState): ReplayLog {
  log.finalTick = state.tick;
  log.finalHash = stateHash(state);
  return log;
}
