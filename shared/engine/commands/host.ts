/** injectEvent: the host (a teacher, say) sets off a shock from a template, now. */
import { applyShock, checkShock } from "../shocks/apply.ts";
import type { GameState } from "../state.ts";
import type { Rejection } from "./errors.ts";
import type { CommandOf } from "./schema.ts";
import type { EngineCaches } from "../caches.ts";

type Cmd = CommandOf<"injectEvent">;

export function validateInject(state: GameState, _host: null, cmd: Cmd): Rejection | null {
  const checked = checkShock(state, cmd.template, cmd.targets, cmd.params);
  return "code" in checked ? checked : null;
}

export function applyInject(state: GameState, _host: null, cmd: Cmd, caches: EngineCaches): void {
  const checked = checkShock(state, cmd.template, cmd.targets, cmd.params);
  if ("code" in checked) throw new Error("injectEvent applied without validation");
  applyShock(state, checked, caches);
}
