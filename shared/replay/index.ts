/** Replays: the action log of a game, and replaying or forking it through the engine. Pure. */
export {
  ReplayError,
  finishLog,
  logAction,
  parseReplayLog,
  startLog,
  type ActedBy,
  type LoggedAction,
  type ReplayLog,
} from "./log.ts";
export { checkLog, forkAt, replayLog } from "./replay.ts";
