/**
 * Host controls that belong to the game itself: its phase, pace, shocks, seats and whether names are
 * shown. The room handles the rest (the clock, broadcasts, closing kicked connections); authorize.ts
 * has already checked that the sender hosts and that the action fits the phase.
 */
import type { CreateOptions, HostAction } from "../../shared/protocol/index.ts";
import { finishLog } from "../../shared/replay/index.ts";
import { validate } from "../../shared/index.ts";
import { refuse } from "../../shared/protocol/refusals/index.ts";
import type { Phase } from "./authorize.ts";
import { applyLogged, injectShock, type LoggedGame } from "./commandLog.ts";
import type { Roster } from "./members.ts";
import { ask, closeAnswers, reveal, type PredictionBook } from "./predictions.ts";
import { controlSeat } from "./seatControls.ts";
import { fillWithBots } from "./seats.ts";

/** What host controls change: the game's settings, its state and log, and its roster. */
export interface Hosted extends LoggedGame {
  phase: Phase;
  pace: number;
  hideNames: boolean;
  readonly options: Pick<CreateOptions, "fillWithBots" | "standInAfterSeconds" | "rounds"> &
    Partial<Pick<CreateOptions, "worldSize">>;
  readonly roster: Roster;
  readonly predictions: PredictionBook;
}

/** Applies a host action; a refusal (the engine's, for a shock; a seat that does not exist), or null. */
export function hostControl(game: Hosted, action: HostAction, now = 0) {
  switch (action.type) {
    case "start":
      if (game.options.fillWithBots) fillWithBots(game.roster.seats);
      // The class-sized world is a logged host command at tick 0, so replays and recovery rebuild it.
      if (game.options.worldSize === "class")
        applyLogged(game, { kind: "host" }, { type: "sizeWorld", size: "class" });
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
      return inject(game, action, now);
    case "ask":
      return askQuestion(game, action, now);
    case "closeQuestion":
      return closeAnswers(game.predictions) ? null : refuse("NO_QUESTION");
    case "reveal":
      return revealQuestion(game);
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
    case "worldSize":
      game.options.worldSize = action.size;
      return null;
    case "standIn":
      // The new grace period counts from each drop again (careForAway marks those past it).
      game.options.standInAfterSeconds = action.seconds;
      for (const seat of game.roster.seats) seat.caretaker = false;
      return null;
    case "rounds":
      // Kept with the options, which the store keeps: a restart restores the mode (server/rooms/rounds.ts).
      game.options.rounds = action.mode ?? undefined;
      return null;
    case "broadcast":
    case "continueRound": // the room's round relay ends the window
      return null;
    case "end":
      endGame(game);
      return null;
  }
}

/**
 * A shock now. With predictFirst (the older form of a question) it becomes a question: the class
 * answers up / down / little change while the game waits, and the shock happens at the reveal.
 */
function inject(game: Hosted, action: Extract<HostAction, { type: "inject" }>, now: number) {
  if (!action.predictFirst) return injectShock(game, action);
  const { template, targets, params } = action;
  return askQuestion(
    game,
    {
      type: "ask",
      prompt: action.predictFirst,
      kind: "choice",
      choices: LEGACY_CHOICES,
      seconds: 30,
      measure: "none",
      shock: { template, targets, params },
    },
    now,
  );
}

const LEGACY_CHOICES = [
  { en: "It goes up", zh: "上升" },
  { en: "It goes down", zh: "下降" },
  { en: "Little change", zh: "变化不大" },
];

type AskAction = Extract<HostAction, { type: "ask" }>;

/** Asks, after checking that a held shock would be accepted now; the game waits while the class answers. */
function askQuestion(game: Hosted, action: AskAction, now: number) {
  if (action.shock) {
    const denial = validate(
      game.state,
      { kind: "host" },
      { type: "injectEvent", ...action.shock },
      game.caches,
    );
    if (denial) return denial;
  }
  const s = game.state;
  const error = ask(game.predictions, action, {
    now,
    day: s.day,
    tick: s.tick,
    running: game.phase === "running",
  });
  if (!error && game.phase === "running") game.phase = "paused";
  return error;
}

/** The reveal: a held shock happens now (its news with it), and the game runs again if it ran before. */
function revealQuestion(game: Hosted) {
  const done = reveal(game.predictions, game.state.day);
  if ("code" in done) return done;
  if (done.shock) {
    const before = game.state.notices.length;
    const error = injectShock(game, done.shock);
    const news = game.state.notices.slice(before).find((n) => n.company === null);
    if (!error && news && done.question.outcome) done.question.outcome.text = news.text;
  }
  if (done.resume && game.phase === "paused") game.phase = "running";
  return null;
}

/** The game is over: by the host, or because the engine finished it. The log gets its final hash. */
export function endGame(game: Pick<Hosted, "phase" | "state" | "log">): void {
  game.phase = "ended";
  finishLog(game.log, game.state);
}
