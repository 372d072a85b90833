/**
 * A game session: the engine's state plus who plays what. Everything the room does after parsing and
 * authorizing a message lands here; everything here goes through the shared engine (no rule is
 * written twice). Plain enough to snapshot and to test without a network.
 *
 * The session only composes; each concern lives in its own file:
 * - members.ts: who is connected and what they are (the roster: seats, members, held tokens);
 * - join.ts: what a join makes of a connection; seats.ts: what happens to one seat;
 * - heldTokens.ts: tokens of seats restored after a restart, kept as hashes;
 * - hostControls.ts and seatControls.ts: the host's controls;
 * - commandLog.ts: commands applied and logged for replay; standIns.ts: bots playing absent seats;
 * - noticeFeed.ts: notices shown between days, so that the room shows none twice.
 */
import { createGame, EngineCaches, step, type StepReport } from "../../shared/index.ts";
import { BotCaches, STRATEGIES } from "../../shared/bots/index.ts";
import type { GameState } from "../../shared/engine/state.ts";
import type { Notice } from "../../shared/engine/tradeState.ts";
import type { AnswerMessage, CreateOptions, HostAction, JoinOptions } from "../../shared/protocol/index.ts";
import { standInAfterDefault } from "../../shared/protocol/constants.ts";
import { refuse } from "../../shared/protocol/refusals/index.ts";
import { startLog, type ReplayLog } from "../../shared/replay/index.ts";
import type { Scenario } from "../../shared/scenario/types.ts";
import type { StoredSeat } from "../store/store.ts";
import type { Denial, Phase } from "./authorize.ts";
import { hashSecret } from "./codes.ts";
import { playerCommand } from "./commandLog.ts";
import { HeldTokens } from "./heldTokens.ts";
import { endGame, hostControl, type Hosted } from "./hostControls.ts";
import { join, roleFor } from "./join.ts";
import type { Joined, Membership, Roster } from "./members.ts";
import { NoticeFeed } from "./noticeFeed.ts";
import {
  answer,
  emptyBook,
  restoredBook,
  settle,
  type PredictionBook,
  type Question,
} from "./predictions.ts";
import { companyName, renameCompanies } from "./companyNames.ts";
import { controlSeat, takeBack, type SeatMoves } from "./seatControls.ts";
import { awayTooLong, leaveSeat, newSeats, restoredSeats, type AwayAction, type SeatInfo } from "./seats.ts";
import { held, standInsPlay } from "./standIns.ts";

/** What a restored session is rebuilt from (see server/recovery.ts). */
export interface RestoredSession {
  state: GameState;
  options: Omit<CreateOptions, "hostSecret">;
  hostHash: string;
  code: string;
  log: ReplayLog;
  phase: Phase;
  pace: number;
  hideNames: boolean;
  seats: StoredSeat[];
  /** The prediction questions asked so far, with their answers. */
  predictions?: Question[];
}

export class GameSession implements Hosted {
  phase: Phase = "lobby";
  pace: number;
  hideNames: boolean;
  readonly log: ReplayLog;
  /** The seats, the connections and what they are, and the tokens of seats restored after a restart. */
  readonly roster: Roster;
  /** Prediction questions and the class's answers (kept by the store beside the log, not in it). */
  predictions: PredictionBook = emptyBook();
  private readonly notices: NoticeFeed;
  /**
   * The game's speed caches (shared/engine/caches.ts), given to every command, step and preview of it;
   * the bots' own (shared/bots/caches.ts) sit over them. Not state: a restored session starts afresh.
   */
  readonly caches = new EngineCaches();
  private readonly bots = new BotCaches(this.caches);

  constructor(
    readonly state: GameState,
    readonly options: Omit<CreateOptions, "hostSecret">,
    readonly hostHash: string,
    readonly code: string,
    restored?: { seats: SeatInfo[]; log: ReplayLog },
  ) {
    this.pace = options.pace;
    this.hideNames = options.hideNames;
    this.notices = new NoticeFeed(state.notices.length); // a restored game's last day was shown before
    const seats = restored?.seats ?? newSeats(state.companies.length, STRATEGIES);
    this.roster = { seats, members: new Map(), tokens: new HeldTokens() };
    this.log =
      restored?.log ??
      startLog(
        state,
        state.companies.map((c) => ({ id: c.id, name: c.name })),
      );
  }

  static create(scenario: Scenario, options: CreateOptions, code: string, seed: number): GameSession {
    const seats = Array.from({ length: options.seats }, (_, i) => ({
      id: `p${i + 1}`,
      name: companyName(i),
    }));
    const state = createGame(scenario, options.seed ?? seed, seats);
    const { hostSecret, ...rest } = options;
    return new GameSession(state, rest, hashSecret(hostSecret), code);
  }

  /**
   * A session rebuilt after a restart. Every person is away (their seats are dropped as of `now`, so
   * bots stand in and the reconnection window starts again); tokens stay valid through their hashes.
   */
  static restore(r: RestoredSession, now: number): GameSession {
    const seats = restoredSeats(r.seats, now);
    const session = new GameSession(r.state, r.options, r.hostHash, r.code, { seats, log: r.log });
    for (const s of r.seats) if (s.tokenHash) session.roster.tokens.hold(s.id, s.tokenHash);
    session.phase = r.phase;
    session.pace = r.pace;
    session.hideNames = r.hideNames;
    session.predictions = restoredBook(r.predictions ?? []);
    return session;
  }

  get seats(): SeatInfo[] {
    return this.roster.seats;
  }

  /** Sessions (connections) and what they are. */
  get members(): Map<string, Membership> {
    return this.roster.members;
  }

  /** The hash of the token that takes this seat back (what the store keeps), or null. */
  tokenHash(seat: SeatInfo): string | null {
    return this.roster.tokens.hashOf(seat);
  }

  get reconnectMs(): number {
    return (this.options.reconnectSeconds ?? (this.options.classroom ? 120 : 60)) * 1000;
  }

  /** How long a person may be away before the caretaker stands in (null: never); see CreateOptions. */
  get standInAfterMs(): number | null {
    const chosen = this.options.standInAfterSeconds;
    const seconds = chosen === undefined ? standInAfterDefault(this.options.classroom) : chosen;
    return seconds === null ? null : seconds * 1000;
  }

  /** Whether a person holds this seat (a bot playing it stands in for them). */
  held(seat: SeatInfo): boolean {
    return held(this.roster, seat);
  }

  /** What a join with these options would make of the connection, without changing anything. */
  roleFor(options: Pick<JoinOptions, "role" | "seatToken" | "hostSecret">): Membership["role"] {
    return roleFor(this.roster, this.hostHash, options);
  }

  /** Joins a connection: the host by secret, a returning player by token, a new player to an open seat. */
  join(sessionId: string, options: JoinOptions, _now: number): Joined | Denial {
    const rules = { hostHash: this.hostHash, hostPlays: this.options.hostPlays === true, phase: this.phase };
    return join(this.roster, rules, sessionId, options);
  }

  /** A connection dropped (or left): its seat stays reserved; nobody plays it meanwhile. */
  drop(sessionId: string, now: number): void {
    leaveSeat(this.seats, sessionId, now);
    this.members.delete(sessionId);
  }

  /**
   * Seats whose holder has been away past the grace period get the caretaker (the seat stays theirs and
   * their token keeps working); returns the seats newly cared for.
   */
  careForAway(now: number): string[] {
    const due = this.seats.filter((seat) => !seat.caretaker && awayTooLong(seat, now, this.standInAfterMs));
    for (const seat of due) seat.caretaker = true;
    return due.map((seat) => seat.id);
  }

  /** A player's command, stamped with their seat; refused while a bot the host put in plays it. */
  command(sessionId: string, raw: unknown) {
    const seat = this.members.get(sessionId)?.seat ?? null;
    if (this.seats.find((s) => s.id === seat)?.kind === "bot")
      return { ok: false as const, error: refuse("BOT_PLAYING") };
    return playerCommand(this, seat, raw);
  }

  /** Host controls that belong to the game itself (the room handles pace timing and kicks). */
  host(action: HostAction, now = 0) {
    if (action.type !== "assignSeat") return hostControl(this, action, now);
    const moved = controlSeat(this.roster, action);
    if ("code" in moved) return moved;
    this.moves = moved;
    return null;
  }

  /** The connections the last seat assignment moved (the room tells them), once. */
  takeMoves(): SeatMoves | null {
    const moves = this.moves;
    this.moves = null;
    return moves;
  }

  private moves: SeatMoves | null = null;

  /** The sender takes their seat back from the bot the host put in, unless the host locked it. */
  takeSeat(member: { seat: string | null }) {
    return takeBack(this.roster, member.seat);
  }

  /** What stand-ins did in this seat since its holder last saw it, handed over once. */
  takeAway(seatId: string): AwayAction[] {
    const seat = this.seats.find((s) => s.id === seatId);
    if (!seat) return [];
    const actions = seat.awayLog;
    seat.awayLog = [];
    return actions;
  }

  /** A notice's text with the names people see for each company (a person's seat shows the person). */
  named<T extends { en: string; zh: string }>(text: T): T {
    const names = new Map<string, string>();
    this.state.companies.forEach((c, i) => {
      const seat = this.seats[i];
      if (seat) names.set(c.name, this.hideNames ? `Company ${i + 1}` : seat.name);
    });
    return { ...text, en: renameCompanies(text.en, names), zh: renameCompanies(text.zh, names) };
  }

  /** A seat's answer to the open question (predictions.ts checks it); the connection must hold a seat. */
  answer(sessionId: string, message: AnswerMessage, now: number) {
    const seat = this.members.get(sessionId)?.seat ?? null;
    if (seat === null) return refuse("NOT_ANSWERING");
    return answer(this.predictions, seat, message, now);
  }

  /** Notices raised since the last call, to show now (and kept for the day's report). */
  takeNotices(): Notice[] {
    return this.notices.take(this.state.notices);
  }

  /** Whether a notice was already shown when it was raised (between days). */
  wasShown(notice: Notice): boolean {
    return this.notices.wasShown(notice);
  }

  /**
   * One game day: bots (and stand-ins for absent players) act, then the engine steps. The report's
   * notices include those raised since the last day (commands, injections, bots), oldest first.
   */
  tick(): StepReport {
    standInsPlay(this, this.roster, this.bots);
    const early = this.notices.beforeStep(this.state.notices);
    const report = step(this.state, this.caches);
    this.notices.afterStep(this.state.notices);
    if (this.state.finished) endGame(this);
    settle(this.predictions, report);
    return early.length > 0 ? { ...report, notices: [...early, ...report.notices] } : report;
  }
}
