/**
 * Crash recovery: on start, before the server listens, every session the store still marks 'running'
 * gets its room back, with its room id, join code, host hash, pace and seats.
 *
 * The engine state is rebuilt by replaying the stored action log from the start (createGame, then each
 * logged action at its tick, stepping day by day), not by loading the last snapshot: the engine is
 * deterministic, so the replay is exact, and it is fast (a whole 3-year sandbox game with 8 bot seats
 * replays in about 0.3 s). The snapshot still serves: the replay's state at its tick must hash the same,
 * which catches a changed engine or scenario loudly. Bots are not consulted during the replay: their
 * commands are in the log like everyone's, so exactly the logged actions are applied.
 *
 * A game that was running comes back paused: every person is away after a restart, and the host (a
 * teacher, in a classroom) decides when play resumes, once people are back in their seats.
 */
import { matchMaker } from "@colyseus/core";
import { applyCommand, createGame, EngineCaches, step } from "../shared/index.ts";
import { canonicalJson, sha256Hex, stateHash } from "../shared/engine/hash.ts";
import type { GameState } from "../shared/engine/state.ts";
import { checkLog } from "../shared/replay/index.ts";
import type { Scenario } from "../shared/scenario/types.ts";
import { GameSession, type RestoredSession } from "./game/session.ts";
import type { GameStore, RunningGame } from "./store/store.ts";

/** What onCreate receives for a restored room: only the id; the session waits here, server-side. */
export interface RestoreOptions {
  restore: string;
}

/** Sessions rebuilt and waiting for their room's onCreate (a client cannot name one: taken once). */
const pending = new Map<string, RestoredSession>();

export function takeRestored(raw: unknown): (RestoredSession & { roomId: string }) | undefined {
  if (typeof raw !== "object" || raw === null || !("restore" in raw)) return undefined;
  const roomId = String((raw as RestoreOptions).restore);
  const restored = pending.get(roomId);
  pending.delete(roomId);
  return restored ? { ...restored, roomId } : undefined;
}

export interface Rebuilt {
  session: RestoredSession;
  /** The latest snapshot's hash equals the replay's at that tick; null when there is no snapshot yet. */
  snapshotMatches: boolean | null;
  rejected: number;
}

/** Replays a stored game to the tick it had reached, applying the actions logged on that tick too. */
export function rebuild(game: RunningGame, scenario: Scenario): Rebuilt {
  const target = Math.max(game.progress.tick, game.actions.at(-1)?.tick ?? 0);
  // The log's own checks: format, engine version, scenario id and hash, ticks in order.
  const log = checkLog(
    { ...game.header, actions: game.actions, finalTick: target, finalHash: "0".repeat(64) },
    scenario,
  );
  const state: GameState = createGame(scenario, log.seed, log.players);
  const caches = new EngineCaches();
  const snapshotHash = game.snapshot ? sha256Hex(canonicalJson(game.snapshot.state)) : null;
  let snapshotMatches: boolean | null = null;
  let rejected = 0;
  let next = 0;
  for (;;) {
    // A snapshot is written right after a day's step, before anyone acts on the new day.
    if (game.snapshot && state.tick === game.snapshot.tick)
      snapshotMatches = stateHash(state) === snapshotHash;
    for (; next < log.actions.length; next++) {
      const action = log.actions[next];
      if (!action || action.tick > state.tick) break;
      if (!applyCommand(state, action.actor, action.command, caches).ok) rejected++;
    }
    if (state.tick >= target || state.finished) break;
    step(state, caches);
  }
  log.finalTick = state.tick;
  log.finalHash = stateHash(state);
  const phase = game.progress.phase === "running" ? "paused" : game.progress.phase;
  return {
    session: {
      state,
      options: game.options,
      hostHash: game.hostHash,
      code: game.code,
      log,
      phase: state.finished ? "ended" : phase,
      pace: game.progress.pace,
      hideNames: game.progress.hideNames,
      seats: game.progress.seats,
      predictions: game.predictions,
    },
    snapshotMatches,
    rejected,
  };
}

/**
 * Rebuilds every running game this process now owns and creates its room (call after the room types
 * are defined, before listening). A game that cannot be rebuilt is marked abandoned with the reason,
 * so that one bad game never stops the server from starting.
 */
export async function restoreRunningGames(
  store: GameStore,
  scenarioOf: (id: string) => Scenario,
  roomIds?: string[],
): Promise<string[]> {
  const restored: string[] = [];
  for (const game of await store.runningGames(roomIds))
    if (await restoreGame(store, game, scenarioOf)) restored.push(game.roomId);
  return restored;
}

/** One game back in a room (same id, code, seats); false when it had ended or cannot be rebuilt. */
async function restoreGame(
  store: GameStore,
  game: RunningGame,
  scenarioOf: (id: string) => Scenario,
): Promise<boolean> {
  const started = performance.now();
  let session: RestoredSession;
  try {
    const rebuilt = rebuild(game, scenarioOf(game.options.scenario));
    const { snapshotMatches, rejected } = rebuilt;
    if (snapshotMatches === false || rejected > 0) {
      console.error(
        `recovery: ${game.roomId}: the replay differs from the game (snapshot ${snapshotMatches === false ? "differs" : "ok"}, ${rejected} actions rejected); restoring the replay`,
      );
    }
    session = rebuilt.session;
  } catch (e) {
    return notRestored(store, game.roomId, e, false);
  }
  if (session.phase === "ended") {
    // The game had ended but its result was not written: write it now, no room needed.
    void store.saveResult(game.roomId, GameSession.restore(session, Date.now()));
    return false;
  }
  try {
    pending.set(game.roomId, session);
    await matchMaker.createRoom("game", { restore: game.roomId } satisfies RestoreOptions);
  } catch (e) {
    pending.delete(game.roomId);
    return notRestored(store, game.roomId, e, store.ownership.shared);
  }
  const ms = Math.round(performance.now() - started);
  console.log(
    `recovery: room ${game.roomId} (${game.options.scenario}, code ${game.code}) back at tick ${session.state.tick}, ${session.phase}, ${game.actions.length} actions replayed in ${ms} ms`,
  );
  return true;
}

/**
 * A game that could not come back: abandoned with the reason (one bad game never stops a start), or,
 * when `retry` (several processes: its room could not be made here, say Redis failed), set aside by
 * this process and left running, for the sweep (supervise.ts) or another process to try again.
 */
function notRestored(store: GameStore, roomId: string, e: unknown, retry: boolean): false {
  const reason = e instanceof Error ? e.message : String(e);
  if (retry) {
    console.error(`recovery: ${roomId} could not be restored here (${reason}); it will be tried again`);
    store.ownership.disown(roomId);
  } else {
    console.error(`recovery: ${roomId} cannot be restored: ${reason}`);
    void store.markAbandoned(roomId, `not restored: ${reason}`);
  }
  return false;
}
