/**
 * sizeWorld: the host's choice of a class-sized world (classWorld.ts), given once at tick 0 before the
 * first day, as a logged host command: the replay log, the server's recovery and the debrief's replay
 * all rebuild it by replaying the log, like any other command.
 */
import { refuse } from "../protocol/refusals/index.ts";
import type { EngineCaches } from "./caches.ts";
import { applyClassWorld } from "./classWorld.ts";
import type { Rejection } from "./commands/errors.ts";
import type { CommandOf } from "./commands/schema.ts";
import type { GameState } from "./state.ts";

type Cmd = CommandOf<"sizeWorld">;

export function validateSizeWorld(
  state: GameState,
  _host: null,
  _cmd: Cmd,
  _c: EngineCaches,
): Rejection | null {
  if (state.tick !== 0) return refuse("WORLD_SIZE_STARTED");
  if (state.classWorld) return refuse("WORLD_SIZE_ALREADY");
  return null;
}

export function applySizeWorld(state: GameState, _host: null, _cmd: Cmd, _c: EngineCaches): void {
  applyClassWorld(state);
}
