/**
 * Who may do what, as a pure function of (message, actor, game): tested as a table. The room calls it
 * after parsing and before the engine; the engine then checks the command's own rules.
 */
import type { ProtocolErrorCode } from "../../shared/protocol/index.ts";
import { refuse } from "../../shared/protocol/refusals/index.ts";
import type { Text } from "../../shared/scenario/types.ts";

import type { Phase } from "../../shared/protocol/constants.ts";

export type { Phase };

export interface ActorInfo {
  role: "host" | "player" | "spectator";
  /** The company seat the connection plays, if any (a host may also hold a seat). */
  seat: string | null;
}

/**
 * A command; a host control; or a preview (the engine's verdict and quote, changing nothing) as the
 * sender's own seat or, for the host only, as the `seat` named.
 */
export type Request =
  { kind: "command" } | { kind: "host"; action: string } | { kind: "preview"; seat: string | null };

export interface Denial {
  code: ProtocolErrorCode;
  message: Text;
}

/** Host actions allowed in each phase (the host may always broadcast and end). */
const HOST_PHASES: Record<string, readonly Phase[]> = {
  start: ["lobby"],
  pause: ["running"],
  resume: ["paused"],
  pace: ["lobby", "running", "paused"],
  inject: ["running", "paused"],
  broadcast: ["lobby", "running", "paused"],
  botSeat: ["lobby", "running", "paused"],
  humanSeat: ["lobby", "running", "paused"],
  kick: ["lobby", "running", "paused"],
  assignSeat: ["lobby", "running", "paused"],
  standIn: ["lobby", "running", "paused"],
  hideNames: ["lobby", "running", "paused", "ended"],
  worldSize: ["lobby"],
  end: ["lobby", "running", "paused"],
  ask: ["running", "paused"],
  closeQuestion: ["running", "paused"],
  reveal: ["running", "paused"],
  rounds: ["lobby", "running", "paused"],
  continueRound: ["running", "paused"],
};

export function authorize(request: Request, actor: ActorInfo, phase: Phase): Denial | null {
  if (request.kind === "host") {
    if (actor.role !== "host") return refuse("NOT_HOST");
    const phases = HOST_PHASES[request.action];
    if (!phases) return refuse("UNKNOWN_HOST_ACTION", { action: request.action });
    if (phase === "ended") return refuse("GAME_OVER");
    if (!phases.includes(phase)) {
      if (request.action === "start") return refuse("ALREADY_STARTED");
      return refuse("NOT_IN_PHASE", { phase });
    }
    return null;
  }
  if (actor.role === "spectator") return refuse("SPECTATOR");
  // A preview may name a seat: the host looks over any company's options; a player only at their own.
  const asked = request.kind === "preview" ? request.seat : null;
  if (asked && asked !== actor.seat && actor.role !== "host") return refuse("NOT_HOST_PREVIEW");
  if (!actor.seat && !asked) return refuse("NOT_A_PLAYER");
  if (phase === "ended") return refuse("GAME_OVER");
  if (phase === "lobby") return refuse("NOT_STARTED");
  return null;
}
