/** Replays: the action log of a game, and replaying or forking it through the engine. Pure. */
export {
  REPLAY_FORMAT,
  ReplayError,
  finishLog,
  logAction,
  parseReplayLog,
  replayLogSchema,
  startLog,
  type LoggedAction,
  type ReplayLog,
} from "./log.ts";
export {
  checkLog,
  forkAt,
  replayLog,
  type Fork,
  type ReplayOptions,
  type ReplayRejection,
  type ReplayResult,
} from "./replay.ts";
