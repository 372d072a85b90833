/**
 * What the room keeps for its synced view beyond the engine state: each company's TH/s from the last
 * day's report (worked out while stepping, not kept in the state) and the news board (notices live one
 * day in the state). `write` projects the game with the engine's viewOf and writes it into the schema.
 */
import type { EngineCaches } from "../../shared/engine/caches.ts";
import type { StepReport } from "../../shared/engine/step.ts";
import type { GameState } from "../../shared/engine/state.ts";
import type { Notice } from "../../shared/engine/tradeState.ts";
import { emptyNewsBoard, postNews, type NewsBoard } from "../../shared/view/news.ts";
import { emptyMilestones, milestoneNews } from "../../shared/view/milestones.ts";
import { viewOf, type SeatLabel } from "../../shared/view/project.ts";
import type { GameRoomState } from "../schema/state.ts";
import { writeView } from "../schema/write.ts";
import type { ScoreMeasure } from "../../shared/engine/scoreMeasure.ts";

/** What the projection reads from a game session. */
export interface ProjectedSession {
  state: GameState;
  seats: readonly SeatLabel[];
  hideNames: boolean;
  caches: EngineCaches;
  /** The room's create options: what wins (`scoreBy`). */
  options: { scoreBy?: ScoreMeasure; worldSize?: "full" | "class" };
}

export class SyncedView {
  private hashing: ReadonlyMap<string, number> = new Map();
  private news: NewsBoard = emptyNewsBoard();
  private milestones = emptyMilestones();

  /** After a day: each company's TH/s, and the day's milestones (a halving, a crash…) on the news. */
  dayDone(report: StepReport, state?: GameState): void {
    this.hashing = new Map(report.ledgers.map((l) => [l.company, l.ths]));
    if (!state) return;
    const { memory, notices } = milestoneNews(this.milestones, report, state.market.priceCents);
    this.milestones = memory;
    if (notices.length) this.post(notices, state);
  }

  post(notices: readonly Notice[], state: GameState): void {
    this.news = postNews(this.news, notices, state.scenario.regions);
  }

  /** Projects the session's game (its seats, names shown or hidden, its speed caches) into the schema. */
  write(target: GameRoomState, session: ProjectedSession): void {
    const { state, seats, hideNames, caches } = session;
    const scoreBy = session.options.scoreBy ?? "equity";
    const input = { seats, hideNames, hashing: this.hashing, news: this.news, scoreBy };
    writeView(target, viewOf(state, input, caches));
    // In the lobby the class-sized world is the host's setting, applied at the start (hostControls.ts).
    if (state.tick === 0 && !state.classWorld) target.classWorld = session.options.worldSize === "class";
  }
}
