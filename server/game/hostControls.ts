/**
 * Host controls that belong to the game itself: its phase, pace, shocks, seats and whether names are
 * shown. The room handles the rest (the clock, broadcasts, closing kicked connections); authorize.ts
 * has already checked that the sender hosts and that the action fits the phase.
 */
import type { CreateOptions, HostAction } from "../../shared/protocol/index.ts";
import { finishLog } from "../../shared/replay/index.ts";
import type { Phase } from "./authorize.ts";
import { injectShock, type LoggedGame } from "./commandLog.ts";
import type { Roster } from "./members.ts";
import { controlSeat } from "./seatControls.ts";
import { fillWithBots } from "./seats.ts";

/** What host controls change: the game's settings, its state and log, and its roster. */
export interface Hosted extends LoggedGame {
  phase: Phase;
  pace: number;
  hideNames: boolean;
  readonly options: Pick<CreateOptions, "fillWithBots" | "standInAfterSeconds">;
  readonly roster: Roster;
}

/** Applies a host action; a refusal (the engine's, for a shock; a seat that does not exist), or null. */
export function hostControl(game: Hosted, action: HostAction) {
  switch (action.type) {
    case "start":
      if (game.options.fillWithBots) fillWithBots(game.roster.seats);
      game.phase = "running";
      return null;
    case "pause":
      game.phase = "paused";
      return null;
    case "resume":
      game.phase = "running";
      return null;
    case "pace":
      game.pace = action.pace;
      return null;
    case "inject":
      return inject(game, action);
    case "botSeat":
    case "humanSeat":
    case "kick":
    case "assignSeat": {
      const done = controlSeat(game.roster, action);
      return "code" in done ? done : null;
    }
    case "hideNames":
      game.hideNames = action.hide;
      return null;
    case "standIn":
      // The new grace period counts from each drop again (careForAway marks those past it).
      game.options.standInAfterSeconds = action.seconds;
      for (const seat of game.roster.seats) seat.caretaker = false;
      return null;
    case "broadcast":
      return null;
    case "end":
      endGame(game);
      return null;
  }
}

/** A shock now; with predictFirst the game pauses until the host resumes (students predict first). */
function inject(game: Hosted, action: Extract<HostAction, { type: "inject" }>) {
  const error = injectShock(game, action);
  if (!error && action.predictFirst) game.phase = "paused";
  return error;
}

/** The game is over: by the host, or because the engine finished it. The log gets its final hash. */
export function endGame(game: Pick<Hosted, "phase" | "state" | "log">): void {
  game.phase = "ended";
  finishLog(game.log, game.state);
}
