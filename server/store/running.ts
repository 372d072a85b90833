/**
 * Reads back what recovery needs about the games still 'running': options, host hash, join code, the
 * action log (header and every action), where each game stood (phase, pace, seats, tick) and its
 * latest snapshot. Kept apart from the writes so that each file stays readable.
 */
import type { Row } from "@libsql/client";
import type { CreateOptions } from "../../shared/protocol/index.ts";
import type { LoggedAction } from "../../shared/replay/index.ts";
import { PHASES } from "../../shared/protocol/constants.ts";
import type { Reader } from "./file.ts";
import type { Question } from "../game/predictions.ts";
import type { ArchivedGame, RunningGame, StoredSeat } from "./store.ts";

async function rows(db: Reader, sql: string, args: (string | number)[] = []): Promise<Row[]> {
  return (await db.execute({ sql, args })).rows;
}

/** Games that can be rebuilt, and the room ids of running sessions that lack recovery data. */
export async function loadRunningGames(db: Reader): Promise<{ games: RunningGame[]; incomplete: string[] }> {
  const games: RunningGame[] = [];
  const incomplete: string[] = [];
  const sessions = await rows(
    db,
    `select s.room_id, s.code, s.options, s.host_hash, p.phase, p.pace, p.hide_names, p.tick, p.seats,
       h.header
     from sessions s left join progress p on p.room_id = s.room_id left join log_headers h on h.room_id = s.room_id
     where s.status = 'running' order by s.created_at`,
  );
  for (const r of sessions) {
    const roomId = String(r.room_id);
    if (r.header === null || r.seats === null || r.options === null) {
      incomplete.push(roomId);
      continue;
    }
    const actions = await loadActions(db, roomId);
    const snap = (await rows(db, `select tick, state from snapshots where room_id = ?`, [roomId]))[0];
    games.push({
      roomId,
      code: String(r.code),
      options: JSON.parse(String(r.options)) as Omit<CreateOptions, "hostSecret">,
      hostHash: String(r.host_hash),
      header: JSON.parse(String(r.header)) as RunningGame["header"],
      actions,
      progress: progressOf(r),
      snapshot: snap ? { tick: Number(snap.tick), state: JSON.parse(String(snap.state)) as unknown } : null,
      predictions: await loadQuestions(db, roomId),
    });
  }
  return { games, incomplete };
}

/** The game's prediction questions with their answers, in the order asked. */
export async function loadQuestions(db: Reader, roomId: string): Promise<Question[]> {
  const found = await rows(db, `select question from predictions where room_id = ? order by id`, [roomId]);
  return found.map((r) => JSON.parse(String(r.question)) as Question);
}

async function loadActions(db: Reader, roomId: string): Promise<LoggedAction[]> {
  return (
    await rows(db, `select tick, actor, command from actions where room_id = ? order by idx`, [roomId])
  ).map((a): LoggedAction => {
    // The actor's column also says who gave the command when not the seat's holder (older rows do not).
    const { by, ...actor } = JSON.parse(String(a.actor)) as LoggedAction["actor"] & Pick<LoggedAction, "by">;
    const action: LoggedAction = {
      tick: Number(a.tick),
      actor,
      command: JSON.parse(String(a.command)) as unknown,
    };
    if (by) action.by = by;
    return action;
  });
}

function progressOf(r: Row): RunningGame["progress"] {
  return {
    phase: PHASES.find((p) => p === r.phase) ?? "paused",
    pace: Number(r.pace),
    hideNames: Number(r.hide_names) === 1,
    tick: Number(r.tick),
    seats: JSON.parse(String(r.seats)) as StoredSeat[],
  };
}

/** Any game's log and progress (the debrief reads ended games too); null when either is missing. */
export async function loadArchive(db: Reader, roomId: string): Promise<ArchivedGame | null> {
  const r = (
    await rows(
      db,
      `select p.phase, p.pace, p.hide_names, p.tick, p.seats, h.header from progress p
       join log_headers h on h.room_id = p.room_id where p.room_id = ?`,
      [roomId],
    )
  )[0];
  if (!r || r.header === null || r.seats === null) return null;
  return {
    header: JSON.parse(String(r.header)) as ArchivedGame["header"],
    actions: await loadActions(db, roomId),
    progress: progressOf(r),
  };
}
