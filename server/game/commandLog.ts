/**
 * The command log: every command the game accepted, in order, so that the game replays exactly
 * (shared/replay). Whatever changes the game (a player, a bot standing in, the host's injected shock)
 * goes through here, and only what the engine accepted is logged.
 */
import {
  applyCommand,
  applyTrustedCommand,
  parseCommand,
  type Actor,
  type Command,
  type CommandResult,
  type EngineCaches,
  type Rejection,
} from "../../shared/index.ts";
import type { GameState } from "../../shared/engine/state.ts";
import type { HostAction } from "../../shared/protocol/index.ts";
import { logAction, type ActedBy, type ReplayLog } from "../../shared/replay/index.ts";

/** What a command changes and where it is written: the game, its log, and the game's speed caches. */
export interface LoggedGame {
  state: GameState;
  log: ReplayLog;
  caches: EngineCaches;
}

/**
 * A parsed command applied for `actor`, and logged when the engine accepts it, with who gave it when not
 * the seat's holder (`by`: a bot or the caretaker; see shared/replay/log.ts).
 */
export function applyLogged(game: LoggedGame, actor: Actor, command: Command, by?: ActedBy): CommandResult {
  const result = applyTrustedCommand(game.state, actor, command, game.caches);
  if (result.ok) logAction(game.log, game.state, actor, command, by);
  return result;
}

/** A player's command, stamped with their seat; rejections come back with the engine's reason. */
export function playerCommand(game: LoggedGame, seat: string | null, raw: unknown) {
  const actor = { kind: "company" as const, companyId: seat ?? "" };
  // The parsed command, not what was sent: unknown fields never reach the log (a client once stored
  // 8 KB of junk with every command).
  const parsed = parseCommand(raw);
  if (!parsed.ok) return parsed;
  return applyLogged(game, actor, parsed.command);
}

/** The host's shock, as an injectEvent command by the host; the engine's rejection, or null. */
export function injectShock(
  game: LoggedGame,
  action: Pick<Extract<HostAction, { type: "inject" }>, "template" | "targets" | "params">,
): Rejection | null {
  const actor = { kind: "host" as const };
  const command = {
    type: "injectEvent",
    template: action.template,
    targets: action.targets,
    params: action.params,
  };
  const result = applyCommand(game.state, actor, command, game.caches);
  if (!result.ok) return result.error;
  logAction(game.log, game.state, actor, command);
  return null;
}
