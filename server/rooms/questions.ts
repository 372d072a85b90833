/**
 * The room's side of prediction questions (server/game/predictions.ts): each connection gets the
 * question as it may see it (students no tally while answers are open; the host and the projector
 * the live tally), on every change and when it joins; answers close when the countdown ends.
 */
import type { Client, Room } from "@colyseus/core";
import type { GameSession } from "../game/session.ts";
import { closeAnswers, current, questionView } from "../game/predictions.ts";

/** What the relay needs of the room: its clients, its clock, and a way to store the change. */
export interface QuestionRoom {
  readonly clients: readonly Client[];
  readonly clock: Room["clock"];
  readonly session: GameSession;
  /** Stores the session now (answers closing is a change worth keeping). */
  save(): void;
}

export class QuestionRelay {
  private closer: ReturnType<Room["clock"]["setTimeout"]> | null = null;

  constructor(private readonly room: QuestionRoom) {}

  /** The latest question to one connection (on join), or to everyone. */
  send(only?: Client): void {
    const q = current(this.room.session.predictions);
    if (!q) return;
    const now = this.room.clock.currentTime;
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
    this.room.save();
    this.send();
  }

  dispose(): void {
    this.closer?.clear();
  }
}
