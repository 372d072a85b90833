/**
 * The room's side of prediction questions (server/game/predictions.ts): each connection gets the
 * question as it may see it (students no tally while answers are open; the host and the projector
 * the live tally), on every change and when it joins; answers close when the countdown ends.
 */
import type { Client, Room } from "@colyseus/core";
import type { AnswerMessage, HostAction } from "../../shared/protocol/index.ts";
import { refuse } from "../../shared/protocol/refusals/index.ts";
import type { Denial } from "../game/authorize.ts";
import type { GameSession } from "../game/session.ts";
import { services } from "../services.ts";
import type { StoreGate } from "./storeGate.ts";
import { closeAnswers, current, questionView } from "../game/predictions.ts";

/** What the relay needs of the room: its clients, its clock, and a way to store the change. */
export interface QuestionRoom {
  readonly clients: readonly Client[];
  readonly clock: Room["clock"];
  readonly roomId: string;
  readonly session: GameSession;
}

export class QuestionRelay {
  private closer: ReturnType<Room["clock"]["setTimeout"]> | null = null;

  /** The book's revision last sent to the connections. */
  private sent = 0;

  constructor(private readonly room: QuestionRoom) {}

  /** Stores the session now (answers closing when the countdown ends is a change worth keeping). */
  private save(): void {
    void services().store.saveProgress(this.room.roomId, this.room.session);
  }

  /** A seat's answer, taken only while the store can write; everyone's count moves at once. */
  answer(sessionId: string, message: unknown, gate: Pick<StoreGate, "writable" | "refusal">): Denial | null {
    if (this.room.session.phase === "ended") return refuse("GAME_OVER");
    if (!gate.writable) return gate.refusal();
    // Parsed by the room against answerMessage already.
    const error = this.room.session.answer(sessionId, message as AnswerMessage, this.room.clock.currentTime);
    if (!error) this.send();
    return error;
  }

  /**
   * After a host action: everyone sees a question asked, closed or revealed. True when the room's
   * clock must be set again: an ask paused the game (the clock stops), a reveal may let it run.
   */
  afterHost(action: HostAction): boolean {
    const asks = action.type === "ask" || (action.type === "inject" && action.predictFirst !== undefined);
    if (!asks && action.type !== "closeQuestion" && action.type !== "reveal") return false;
    this.changed();
    return asks || action.type === "reveal";
  }

  /** Runs a day; an outcome measured on it (the retarget a question waited for) goes out. */
  day<T>(run: () => T): T {
    const report = run();
    if (this.room.session.predictions.revision !== this.sent) this.send();
    return report;
  }

  /** The latest question to one connection (on join), or to everyone. */
  send(only?: Client): void {
    const q = current(this.room.session.predictions);
    if (!q) return;
    const now = this.room.clock.currentTime;
    if (!only) this.sent = this.room.session.predictions.revision;
    const eligible = this.room.session.seats.filter((s) => s.kind === "human").length;
    for (const client of only ? [only] : this.room.clients) {
      const member = this.room.session.members.get(client.sessionId);
      const reader = { seesTally: member?.role !== "player", seat: member?.seat ?? null };
      client.send("question", questionView(q, reader, now, eligible));
    }
  }

  /** After a host action about a question: (re)arm the countdown of an open one, and tell everyone. */
  changed(): void {
    const q = current(this.room.session.predictions);
    this.closer?.clear();
    this.closer = null;
    if (q?.status === "open") {
      const wait = Math.max(0, q.closesAt - this.room.clock.currentTime);
      this.closer = this.room.clock.setTimeout(() => this.timeUp(), wait);
    }
    this.send();
  }

  private timeUp(): void {
    this.closer = null;
    if (!closeAnswers(this.room.session.predictions)) return;
    this.save();
    this.send();
  }
}
