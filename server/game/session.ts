/**
 * A game session: the engine's state plus who plays what. Everything the room does after parsing and
 * authorizing a message lands here; everything here goes through the shared engine (no rule is
 * written twice). Plain enough to snapshot and to test without a network.
 */
import {
  applyCommand,
  applyTrustedCommand,
  createGame,
  EngineCaches,
  parseCommand,
  step,
  type StepReport,
} from "../../shared/index.ts";
import { BotCaches, decide, STRATEGIES } from "../../shared/bots/index.ts";
import type { GameState } from "../../shared/engine/state.ts";
import type { Notice } from "../../shared/engine/tradeState.ts";
import type { CreateOptions, HostAction, JoinOptions } from "../../shared/protocol/index.ts";
import { finishLog, logAction, startLog, type ReplayLog } from "../../shared/replay/index.ts";
import type { Scenario } from "../../shared/scenario/types.ts";
import type { Denial, Phase } from "./authorize.ts";
import { hashSecret, newToken, secretMatches } from "./codes.ts";
import { HeldTokens } from "./heldTokens.ts";
import { NoticeFeed } from "./noticeFeed.ts";
import type { StoredSeat } from "../store/store.ts";
import { botPlays, newSeats, type SeatInfo } from "./seats.ts";

export interface Membership {
  role: "host" | "player" | "spectator";
  seat: string | null;
  seatToken: string | null;
}

/**
 * A join's outcome: the membership, and the connection that held the seat before and lost it to this
 * join (the same person in a new tab, or a reload before the old socket closed), which watches from
 * then on as a spectator.
 */
export interface Joined extends Membership {
  displaced: string | null;
}

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
}

const deny = (code: Denial["code"], en: string, zh: string): Denial => ({ code, message: { en, zh } });

export class GameSession {
  phase: Phase = "lobby";
  pace: number;
  hideNames: boolean;
  readonly seats: SeatInfo[];
  readonly log: ReplayLog;
  /** Sessions (connections) and what they are. */
  readonly members = new Map<string, Membership>();
  /** Tokens of seats restored after a restart, as hashes (see heldTokens.ts). */
  private readonly heldTokens = new HeldTokens();
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
    this.seats = restored?.seats ?? newSeats(state.companies.length, STRATEGIES);
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
      name: `Seat ${i + 1}`,
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
    const seats: SeatInfo[] = r.seats.map((s) => ({
      id: s.id,
      name: s.name,
      kind: s.kind,
      token: null,
      sessionId: null,
      connected: false,
      strategy: s.strategy,
      droppedAt: s.kind === "human" ? now : null,
    }));
    const session = new GameSession(r.state, r.options, r.hostHash, r.code, { seats, log: r.log });
    for (const s of r.seats) if (s.tokenHash) session.heldTokens.hold(s.id, s.tokenHash);
    session.phase = r.phase;
    session.pace = r.pace;
    session.hideNames = r.hideNames;
    return session;
  }

  /** The hash of the token that takes this seat back (what the store keeps), or null. */
  tokenHash(seat: SeatInfo): string | null {
    return this.heldTokens.hashOf(seat);
  }

  /** The seat a token takes back; a seat held since a restart gets its token again. */
  private seatOf(token: string): SeatInfo | undefined {
    const seat = this.heldTokens.seatOf(this.seats, token);
    if (seat && seat.token !== token) {
      seat.token = token;
      this.heldTokens.forget(seat.id);
    }
    return seat;
  }

  get reconnectMs(): number {
    return (this.options.reconnectSeconds ?? (this.options.classroom ? 120 : 60)) * 1000;
  }

  /** What a join with these options would make of the connection, without changing anything. */
  roleFor(options: Pick<JoinOptions, "role" | "seatToken" | "hostSecret">): Membership["role"] {
    if (secretMatches(options.hostSecret, this.hostHash)) return "host";
    if (options.seatToken && this.holdsSeat(options.seatToken)) return "player";
    const open = this.seats.some((s) => s.kind === "open");
    return options.role === "player" && open ? "player" : "spectator";
  }

  private holdsSeat(token: string): boolean {
    return this.heldTokens.seatOf(this.seats, token) !== undefined;
  }

  /** Joins a connection: the host by secret, a returning player by token, a new player to an open seat. */
  join(sessionId: string, options: JoinOptions, now: number): Joined | Denial {
    let displaced: string | null = null;
    const isHost = secretMatches(options.hostSecret, this.hostHash);
    const back = options.seatToken ? this.seatOf(options.seatToken) : undefined;
    let seat: SeatInfo | undefined = back;
    // The host takes a seat only in a game where the host plays (see CreateOptions.hostPlays).
    const wantsSeat = options.role === "player" && (!isHost || this.options.hostPlays === true);
    if (!seat && wantsSeat) {
      seat = this.seats.find((s) => s.kind === "open");
      if (!seat) {
        // A host without a free seat still hosts; a late player watches.
        if (this.phase !== "lobby" || isHost) seat = undefined;
        else
          return deny(
            "BAD_SEAT",
            "Every seat is taken; join as a spectator.",
            "席位已满，请以观众身份加入。",
          );
      }
    }
    if (seat) {
      if (seat.sessionId && seat.connected && seat.sessionId !== sessionId) {
        // The same person in a new tab, or a reload before the old socket closed: the newest wins, and
        // the old connection keeps nothing of the seat (the room takes its private view away).
        const old = this.members.get(seat.sessionId);
        if (old)
          this.members.set(seat.sessionId, {
            role: old.role === "host" ? "host" : "spectator",
            seat: null,
            seatToken: null,
          });
        displaced = seat.sessionId;
      }
      if (seat.kind === "open") {
        seat.kind = "human";
        seat.token = newToken();
      }
      seat.name = seat === back ? seat.name : options.name;
      seat.sessionId = sessionId;
      seat.connected = true;
      seat.droppedAt = null;
      void now;
    }
    const membership: Membership = {
      role: isHost ? "host" : seat ? "player" : "spectator",
      seat: seat?.id ?? null,
      seatToken: seat?.token ?? null,
    };
    this.members.set(sessionId, membership);
    return { ...membership, displaced };
  }

  /** A connection dropped (or left): its seat stays reserved; a bot plays it meanwhile. */
  drop(sessionId: string, now: number): void {
    const seat = this.seats.find((s) => s.sessionId === sessionId);
    if (seat) {
      seat.connected = false;
      seat.droppedAt = now;
    }
    this.members.delete(sessionId);
  }

  /** Seats whose holder has been away longer than the window go to bots for good (the token lapses). */
  expireDropped(now: number): string[] {
    const lapsed: string[] = [];
    for (const seat of this.seats) {
      if (
        seat.kind === "human" &&
        !seat.connected &&
        seat.droppedAt !== null &&
        now - seat.droppedAt > this.reconnectMs
      ) {
        seat.kind = "bot";
        seat.token = null;
        this.heldTokens.forget(seat.id);
        seat.sessionId = null;
        lapsed.push(seat.id);
      }
    }
    return lapsed;
  }

  /** A player's command, stamped with their seat; rejections come back with the engine's reason. */
  command(sessionId: string, raw: unknown) {
    const seat = this.members.get(sessionId)?.seat;
    const actor = { kind: "company" as const, companyId: seat ?? "" };
    // The parsed command, not what was sent: unknown fields never reach the log (a client once stored
    // 8 KB of junk with every command).
    const parsed = parseCommand(raw);
    if (!parsed.ok) return parsed;
    const result = applyTrustedCommand(this.state, actor, parsed.command, this.caches);
    if (result.ok) logAction(this.log, this.state, actor, parsed.command);
    return result;
  }

  /** Host controls that belong to the game itself (the room handles pace timing and kicks). */
  host(action: HostAction) {
    switch (action.type) {
      case "start":
        for (const seat of this.seats)
          if (seat.kind === "open" && this.options.fillWithBots) seat.kind = "bot";
        this.phase = "running";
        return null;
      case "pause":
        this.phase = "paused";
        return null;
      case "resume":
        this.phase = "running";
        return null;
      case "pace":
        this.pace = action.pace;
        return null;
      case "inject": {
        const actor = { kind: "host" as const };
        const command = {
          type: "injectEvent",
          template: action.template,
          targets: action.targets,
          params: action.params,
        };
        const result = applyCommand(this.state, actor, command, this.caches);
        if (!result.ok) return result.error;
        logAction(this.log, this.state, actor, command);
        if (action.predictFirst) this.phase = "paused";
        return null;
      }
      case "botSeat":
      case "humanSeat":
      case "kick":
        return this.seatAction(action.type, action.seat, "strategy" in action ? action.strategy : undefined);
      case "hideNames":
        this.hideNames = action.hide;
        return null;
      case "broadcast":
        return null;
      case "end":
        this.phase = "ended";
        finishLog(this.log, this.state);
        return null;
    }
  }

  private seatAction(type: "botSeat" | "humanSeat" | "kick", id: string, strategy?: string): Denial | null {
    const seat = this.seats.find((s) => s.id === id);
    if (!seat) return deny("BAD_SEAT", `No seat ${id}.`, `没有席位 ${id}。`);
    if (type === "botSeat") {
      seat.kind = "bot";
      if (strategy && STRATEGIES.includes(strategy)) seat.strategy = strategy;
    } else if (type === "humanSeat") {
      // Back to people: the seat's holder (if any) can resume it with their token; otherwise it opens.
      seat.kind = seat.token || this.heldTokens.holds(seat.id) ? "human" : "open";
    } else {
      seat.kind = "bot";
      seat.token = null;
      this.heldTokens.forget(seat.id);
      seat.connected = false;
      if (seat.sessionId) this.members.delete(seat.sessionId);
      seat.sessionId = null;
    }
    return null;
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
    this.seats.forEach((seat) => {
      if (!botPlays(seat)) return;
      const actor = { kind: "company" as const, companyId: seat.id };
      for (const command of decide(this.state, seat.id, seat.strategy, this.bots)) {
        if (applyTrustedCommand(this.state, actor, command, this.caches).ok)
          logAction(this.log, this.state, actor, command);
      }
    });
    const early = this.notices.beforeStep(this.state.notices);
    const report = step(this.state, this.caches);
    this.notices.afterStep(this.state.notices);
    if (this.state.finished) {
      this.phase = "ended";
      finishLog(this.log, this.state);
    }
    return early.length > 0 ? { ...report, notices: [...early, ...report.notices] } : report;
  }
}
