/**
 * The room's side of round mode (server/game/rounds.ts): after each day it asks the book whether a
 * round closed; if so the game pauses (the clock stops) for the decision window, everyone is sent the
 * round summary, and the window ends when its seconds are up or the host continues. Anything else
 * that pauses or resumes the game meanwhile (the host, an empty room, the store) takes over: the
 * window is dropped and the game stays as they left it.
 */
import type { Client, Room } from "@colyseus/core";
import type { StepReport } from "../../shared/index.ts";
import type { HostAction, RoundSummary, RoundView } from "../../shared/protocol/index.ts";
import type { GameSession } from "../game/session.ts";
import { afterDay, newBook, type RoundBook } from "../game/rounds.ts";
import { askForecast, revealForecast } from "../game/roundForecast.ts";
import { services } from "../services.ts";

export interface RoundRoom {
  readonly clients: readonly Client[];
  readonly clock: Room["clock"];
  readonly roomId: string;
  readonly session: GameSession;
}

/** What the relay asks of the room's clock. */
export interface RoundClock {
  stop(): void;
  /** Sets the clock going again if the game runs. */
  schedule(): void;
  /** Whether a window's end may let the game run (someone is connected and the store can write). */
  mayResume(): boolean;
  /** A question was asked or revealed here: the question relay tells everyone and arms its countdown. */
  questionsChanged(): void;
}

interface Window {
  closesAt: number;
  seconds: number;
  summary: RoundSummary;
  timer: ReturnType<Room["clock"]["setTimeout"]>;
}

export class RoundRelay {
  private book: RoundBook | null = null;
  private window: Window | null = null;

  constructor(
    private readonly room: RoundRoom,
    private readonly clock: RoundClock,
  ) {}

  private get mode() {
    return this.room.session.options.rounds ?? null;
  }

  /** After a day: a round that closed pauses the game for its window (not the game's last day). */
  day(report: StepReport): void {
    const mode = this.mode;
    const session = this.room.session;
    if (!mode) return;
    // A restored game's round starts with its first day back (a new game's at its start: afterHost).
    this.book ??= { ...newBook(session.state, session.log), fromDay: report.day };
    const summary = afterDay(this.book, mode, report, session);
    if (!summary || session.phase !== "running" || session.state.finished) return;
    session.host({ type: "pause" });
    this.clock.stop();
    const timer = this.room.clock.setTimeout(() => this.endWindow(), mode.seconds * 1000);
    if (askForecast(session, mode.seconds, this.room.clock.currentTime)) this.clock.questionsChanged();
    this.window = {
      closesAt: this.room.clock.currentTime + mode.seconds * 1000,
      seconds: mode.seconds,
      summary,
      timer,
    };
    this.save();
    this.send();
  }

  /** The window's time is up, or the host continued: the game runs again if the round paused it. */
  private endWindow(): void {
    if (!this.window) return;
    this.dropWindow();
    const session = this.room.session;
    if (session.phase === "paused" && this.clock.mayResume()) {
      // The round's forecast waits for the retarget now (its reveal lets the game run), or the game resumes.
      if (revealForecast(session)) this.clock.questionsChanged();
      if (session.phase === "paused") session.host({ type: "resume" });
      this.clock.schedule();
      this.save();
    }
    this.send();
  }

  private dropWindow(): void {
    this.window?.timer.clear();
    this.window = null;
  }

  /**
   * After a host action: the mode changed (stored at once: a restart keeps it), the window ended, or
   * the host paused or resumed by hand (the window is over: they run the clock now).
   */
  afterHost(action: HostAction): void {
    if (action.type === "continueRound") return this.endWindow();
    if (action.type === "start") this.book = newBook(this.room.session.state, this.room.session.log);
    if (action.type === "rounds") {
      if (!action.mode) this.dropWindow();
      this.book = null; // the next round starts now, in the new mode
      void services().store.saveSession(this.room.roomId, this.room.session);
      return this.send();
    }
    if (this.window && (action.type === "pause" || action.type === "resume" || action.type === "end")) {
      this.dropWindow();
      this.send();
    }
  }

  private save(): void {
    void services().store.saveProgress(this.room.roomId, this.room.session);
  }

  view(): RoundView {
    const w = this.window;
    return {
      mode: this.mode,
      window: w
        ? {
            msLeft: Math.max(0, w.closesAt - this.room.clock.currentTime),
            seconds: w.seconds,
            summary: w.summary,
          }
        : null,
      last: this.book?.last ?? null,
    };
  }

  /** Round mode's state to one connection (on join) or everyone; nothing to say while it is off. */
  send(only?: Client): void {
    if (!this.mode && !this.window && !this.book?.last && only) return;
    const view = this.view();
    for (const client of only ? [only] : this.room.clients) client.send("round", view);
  }
}
