/**
 * Who may do what, as a pure function of (message, actor, game): tested as a table. The room calls it
 * after parsing and before the engine; the engine then checks the command's own rules.
 */
import type { ProtocolErrorCode } from "../../shared/protocol/index.ts";
import type { Text } from "../../shared/scenario/types.ts";

export type Phase = "lobby" | "running" | "paused" | "ended";

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

export const deny = (code: ProtocolErrorCode, en: string, zh: string): Denial => ({
  code,
  message: { en, zh },
});

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
  hideNames: ["lobby", "running", "paused", "ended"],
  end: ["lobby", "running", "paused"],
};

export function authorize(request: Request, actor: ActorInfo, phase: Phase): Denial | null {
  if (request.kind === "host") {
    if (actor.role !== "host")
      return deny("NOT_HOST", "Only the host can do this.", "只有主持人可以执行此操作。");
    const phases = HOST_PHASES[request.action];
    if (!phases)
      return deny(
        "MALFORMED",
        `Unknown host action "${request.action}".`,
        `未知的主持人操作"${request.action}"。`,
      );
    if (phase === "ended") return deny("GAME_OVER", "The game is over.", "游戏已经结束。");
    if (!phases.includes(phase)) {
      if (request.action === "start")
        return deny("ALREADY_STARTED", "The game has already started.", "游戏已经开始。");
      return deny(
        "NOT_RUNNING",
        `Not possible while the game is ${phase}.`,
        `游戏处于${PHASE_ZH[phase]}状态，无法执行。`,
      );
    }
    return null;
  }
  if (actor.role === "spectator")
    return deny("SPECTATOR", "Spectators watch; they cannot act.", "观众只能观看，不能操作。");
  // A preview may name a seat: the host looks over any company's options; a player only at their own.
  const asked = request.kind === "preview" ? request.seat : null;
  if (asked && asked !== actor.seat && actor.role !== "host")
    return deny(
      "NOT_HOST",
      "Only the host can look at another company's options.",
      "只有主持人可以查看其他公司的选项。",
    );
  if (!actor.seat && !asked)
    return deny("NOT_A_PLAYER", "You do not hold a seat in this game.", "你在本局游戏中没有席位。");
  if (phase === "ended") return deny("GAME_OVER", "The game is over.", "游戏已经结束。");
  if (phase === "lobby") return deny("NOT_RUNNING", "The game has not started yet.", "游戏尚未开始。");
  return null;
}

const PHASE_ZH: Record<Phase, string> = {
  lobby: "等待开始",
  running: "进行中",
  paused: "暂停",
  ended: "已结束",
};
