/**
 * Reads back what recovery needs about the games still 'running': options, host hash, join code, the
 * action log (header and every action), where each game stood (phase, pace, seats, tick) and its
 * latest snapshot. Kept apart from the writes so that each file stays readable. The same queries on
 * SQLite and PostgreSQL (Kysely writes each one's SQL).
 */
import type { Kysely } from "kysely";
import type { CreateOptions } from "../../shared/protocol/index.ts";
import type { LoggedAction } from "../../shared/replay/index.ts";
import { PHASES } from "../../shared/protocol/constants.ts";
import type { Question } from "../game/predictions.ts";
import type { ArchivedGame, RunningGame, StoredSeat } from "./store.ts";
import type { Tables } from "./tables.ts";

type Db = Kysely<Tables>;

interface ProgressRow {
  phase: string | null;
  pace: number | null;
  hide_names: number | null;
  tick: number | null;
  seats: string | null;
}

/**
 * Games `owner` holds (any owner when undefined) that can be rebuilt (of `roomIds`, when given), and the room ids of its running
 * sessions that lack recovery data.
 */
export async function loadRunningGames(
  db: Db,
  owner: string | undefined,
  roomIds?: string[],
): Promise<{ games: RunningGame[]; incomplete: string[] }> {
  const games: RunningGame[] = [];
  const incomplete: string[] = [];
  let query = db
    .selectFrom("sessions as s")
    .leftJoin("progress as p", "p.room_id", "s.room_id")
    .leftJoin("log_headers as h", "h.room_id", "s.room_id")
    .select(["s.room_id", "s.code", "s.options", "s.host_hash", "h.header"])
    .select(["p.phase", "p.pace", "p.hide_names", "p.tick", "p.seats"])
    .where("s.status", "=", "running")
    .orderBy("s.created_at");
  if (owner !== undefined) query = query.where("s.owner", "=", owner);
  if (roomIds) query = query.where("s.room_id", "in", roomIds.length > 0 ? roomIds : [""]);
  const sessions = await query.execute();
  for (const r of sessions) {
    const roomId = String(r.room_id);
    if (r.header === null || r.seats === null || r.options === null) {
      incomplete.push(roomId);
      continue;
    }
    const snap = await db
      .selectFrom("snapshots")
      .select(["tick", "state"])
      .where("room_id", "=", roomId)
      .executeTakeFirst();
    games.push({
      roomId,
      code: String(r.code),
      options: JSON.parse(r.options) as Omit<CreateOptions, "hostSecret">,
      hostHash: String(r.host_hash),
      header: JSON.parse(r.header) as RunningGame["header"],
      actions: await loadActions(db, roomId),
      progress: progressOf(r),
      snapshot: snap ? { tick: Number(snap.tick), state: JSON.parse(snap.state) as unknown } : null,
      predictions: await loadQuestions(db, roomId),
    });
  }
  return { games, incomplete };
}

/** The game's prediction questions with their answers, in the order asked. */
export async function loadQuestions(db: Db, roomId: string): Promise<Question[]> {
  const found = await db
    .selectFrom("predictions")
    .select("question")
    .where("room_id", "=", roomId)
    .orderBy("id")
    .execute();
  return found.map((r) => JSON.parse(r.question) as Question);
}

async function loadActions(db: Db, roomId: string): Promise<LoggedAction[]> {
  const found = await db
    .selectFrom("actions")
    .select(["tick", "actor", "command"])
    .where("room_id", "=", roomId)
    .orderBy("idx")
    .execute();
  return found.map((a): LoggedAction => {
    // The actor's column also says who gave the command when not the seat's holder (older rows do not).
    const { by, ...actor } = JSON.parse(a.actor) as LoggedAction["actor"] & Pick<LoggedAction, "by">;
    const action: LoggedAction = { tick: Number(a.tick), actor, command: JSON.parse(a.command) as unknown };
    if (by) action.by = by;
    return action;
  });
}

function progressOf(r: ProgressRow): RunningGame["progress"] {
  return {
    phase: PHASES.find((p) => p === r.phase) ?? "paused",
    pace: Number(r.pace),
    hideNames: Number(r.hide_names) === 1,
    tick: Number(r.tick),
    seats: JSON.parse(String(r.seats)) as StoredSeat[],
  };
}

/** Any game's log and progress (the debrief reads ended games too); null when either is missing. */
export async function loadArchive(db: Db, roomId: string): Promise<ArchivedGame | null> {
  const r = await db
    .selectFrom("progress as p")
    .innerJoin("log_headers as h", "h.room_id", "p.room_id")
    .select(["p.phase", "p.pace", "p.hide_names", "p.tick", "p.seats", "h.header"])
    .where("p.room_id", "=", roomId)
    .executeTakeFirst();
  if (!r || r.header === null || r.seats === null) return null;
  return {
    header: JSON.parse(r.header) as ArchivedGame["header"],
    actions: await loadActions(db, roomId),
    progress: progressOf(r),
  };
}
