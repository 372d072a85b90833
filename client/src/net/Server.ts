/**
 * The network façade: the only module that imports colyseus.js. It creates and joins rooms, remembers
 * the seat token and host secret, reconnects after an unexpected drop, sends commands with refs, and
 * emits typed events. Scenes and panels subscribe to events and call methods; they never see the room.
 */
import { Client, type Room } from "colyseus.js";
import type { Command } from "../../../shared/engine/commands/schema.ts";
import type {
  CreateOptions,
  HostAction,
  PreviewReply,
  PreviewRequest,
  ServerMessage,
} from "../../../shared/protocol/index.ts";
import { CLOSE_REMOVED } from "../../../shared/protocol/constants.ts";
import { Emitter } from "./events.ts";
import { roomIdForCode } from "./http.ts";
import { PendingRequests, RequestError, type Bilingual } from "./pending.ts";
import { newHostSecret, type LastSeat, type SeatStore } from "./storage.ts";
import { toView, type GameView } from "./view.ts";

export type Welcome = ServerMessage<"welcome">;
export type Notice = ServerMessage<"notice">;
export type Broadcast = ServerMessage<"broadcast">;
export type Predict = ServerMessage<"predict">;
export type Question = ServerMessage<"question">;
export type Ended = ServerMessage<"ended">;
export type ServerError = ServerMessage<"error">;
export type SeatStanding = ServerMessage<"seat">;
export type AwaySummary = ServerMessage<"away">;
export type RosterInfo = ServerMessage<"roster">;
/**
 * The connection as the game screen shows it. `lost`: every quick try failed; the façade keeps trying
 * in the background (a server restarting) until it is back (`reconnected`) or the player leaves.
 * `removed`: the host took this player out of the game.
 */
export type Connection = "connected" | "reconnecting" | "reconnected" | "lost" | "removed" | "left";

export interface ServerEvents {
  state: GameView;
  welcome: Welcome;
  notice: Notice;
  broadcast: Broadcast;
  predict: Predict;
  /** The current prediction question, as this connection may see it (on every change). */
  question: Question;
  ended: Ended;
  /** An error that answers no pending request (a request's own error rejects its promise). */
  error: ServerError;
  connection: Connection;
  /** To a seat's holder: whether a bot the host put in plays their company. */
  seat: SeatStanding;
  /** To a returning holder: what stand-ins did in their name. */
  away: AwaySummary;
  /** To the host: the seats and the people connected. */
  roster: RosterInfo;
  /** Round mode and its open decision window (on every change and on join). */
  round: ServerMessage<"round">;
}

export type NewGame = Omit<CreateOptions, "hostSecret" | "seed" | "hideNames" | "classroom" | "nickname"> &
  Partial<Pick<CreateOptions, "classroom" | "hideNames">>;

/** A preview request without its ref (the façade adds one); Omit over the union, case by case. */
type PreviewBody = PreviewRequest extends infer R ? (R extends unknown ? Omit<R, "ref"> : never) : never;

const RECONNECT_TRIES = 4;
/** After the quick tries: how often to knock again while the server is away. */
const BACKGROUND_RETRY_MS = 5_000;
const CONSENTED = 4000; // colyseus CloseCode.CONSENTED: we (or the server) ended the session on purpose
export { RequestError };

export class GameServer {
  readonly events = new Emitter<ServerEvents>();
  private readonly client: Client;
  private readonly pending = new PendingRequests();
  private room: Room | null = null;
  private seat: LastSeat | null = null;
  private leaving = false;
  private latest: GameView | null = null;
  private me: Welcome | null = null;

  constructor(
    private readonly store: SeatStore,
    endpoint: string = location.origin,
  ) {
    this.client = new Client(endpoint);
  }

  get view(): GameView | null {
    return this.latest;
  }

  get welcome(): Welcome | null {
    return this.me;
  }

  get inGame(): boolean {
    return this.room !== null;
  }

  /** Creates a room; this browser becomes its host by the secret it keeps. */
  async createGame(options: NewGame, nickname: string): Promise<void> {
    const hostSecret = newHostSecret();
    const room = await this.client.create("game", { ...options, nickname, hostSecret });
    this.attach(room, {
      roomId: room.roomId,
      code: "",
      name: nickname,
      seatToken: null,
      hostSecret,
      role: "player",
    });
  }

  /**
   * Joins a listed game. If it is the game this browser last held a seat in, the seat token (or host
   * secret) goes with it, whatever button was clicked: a student who reloads and clicks Join gets their
   * seat back instead of becoming a spectator and losing the token.
   */
  async joinRoom(roomId: string, nickname: string, role: "player" | "spectator" = "player"): Promise<void> {
    const last = this.store.last();
    if (last?.roomId === roomId && (last.seatToken || last.hostSecret)) {
      const room = await this.client.joinById(roomId, this.rejoinOptions(last));
      return this.attach(room, last);
    }
    const room = await this.client.joinById(roomId, { name: nickname, role });
    this.attach(room, { roomId, code: "", name: nickname, seatToken: null, hostSecret: null, role });
  }

  /** Joins by a six-letter code (typed, or from a ?code= link); false when no game has that code. */
  async joinByCode(
    code: string,
    nickname: string,
    role: "player" | "spectator" = "player",
  ): Promise<boolean> {
    const roomId = await roomIdForCode(code);
    if (!roomId) return false;
    await this.joinRoom(roomId, nickname, role);
    return true;
  }

  /** Takes the last seat back (after a reload) with its token or host secret; false if it is gone. */
  async resume(): Promise<boolean> {
    const last = this.store.last();
    if (!last) return false;
    try {
      const room = await this.client.joinById(last.roomId, this.rejoinOptions(last));
      this.attach(room, last);
      return true;
    } catch {
      this.store.clearLast();
      return false;
    }
  }

  command(command: Command): Promise<void> {
    return this.request("command", { command });
  }

  host(action: HostAction): Promise<void> {
    return this.request("host", { action });
  }

  /** This seat's answer to question `question`: a choice's index or a number (resolves once stored). */
  answer(question: number, given: { choice: number } | { value: number }): Promise<void> {
    return this.request("answer", { question, ...given });
  }

  /** Takes my seat back from the bot the host put in (refused while the host locks it). */
  takeSeat(): Promise<void> {
    return this.request("takeSeat", {});
  }

  /**
   * Asks the server's engine whether `command` would be accepted now, and at what price, without
   * doing it. Resolves with the verdict (ok, or the engine's reason) and the quote; rejects when the
   * server refuses to answer (spectator, malformed, rate limit), when offline, or after a timeout.
   */
  preview(command: Command, seat?: string): Promise<PreviewReply> {
    return this.ask({ kind: "command", command, ...(seat ? { seat } : {}) });
  }

  /** The machine shop's catalog today (models, prices, lead times, breakeven power prices). */
  shop(seat?: string): Promise<PreviewReply> {
    return this.ask({ kind: "shop", ...(seat ? { seat } : {}) });
  }

  private ask(body: PreviewBody): Promise<PreviewReply> {
    const room = this.room;
    if (!room) {
      return Promise.reject(new RequestError("OFFLINE", { en: "Not connected.", zh: "未连接。" }));
    }
    const { ref, done } = this.pending.open<PreviewReply>();
    room.send("preview", { ref, ...body });
    return done;
  }

  async leave(): Promise<void> {
    const room = this.room;
    this.leaving = true;
    this.room = null;
    this.store.clearLast();
    this.pending.rejectAll("LEFT", { en: "You left the game.", zh: "你已离开游戏。" });
    if (room) await room.leave(true).catch(() => undefined);
    this.events.emit("connection", "left");
  }

  private request(type: "command" | "host" | "answer" | "takeSeat", body: object): Promise<void> {
    const room = this.room;
    if (!room) {
      return Promise.reject(new RequestError("OFFLINE", { en: "Not connected.", zh: "未连接。" }));
    }
    const { ref, done } = this.pending.open();
    room.send(type, { ref, ...body });
    return done;
  }

  private rejoinOptions(last: LastSeat) {
    return {
      name: last.name || "Player",
      role: last.role,
      ...(last.seatToken ? { seatToken: last.seatToken } : {}),
      ...(last.hostSecret ? { hostSecret: last.hostSecret } : {}),
    };
  }

  private attach(room: Room, seat: LastSeat, reattached = false): void {
    this.room = room;
    this.seat = seat;
    this.leaving = false;
    this.store.setLast(seat);
    room.onStateChange((state: unknown) => {
      this.latest = toView(state);
      this.events.emit("state", this.latest);
    });
    room.onMessage("welcome", (m: Welcome) => {
      this.me = m;
      const next = { ...seat, code: m.code, seatToken: m.seatToken ?? seat.seatToken };
      this.seat = next;
      this.store.setLast(next);
      this.events.emit("welcome", m);
    });
    room.onMessage("ack", (m: ServerMessage<"ack">) => void this.pending.ack(m.ref));
    room.onMessage("preview", (m: PreviewReply) => void (m.ref && this.pending.ack(m.ref, m)));
    room.onMessage("error", (m: ServerError) => {
      if (!this.pending.fail(m.ref, m.code, m.message)) this.events.emit("error", m);
    });
    room.onMessage("notice", (m: Notice) => this.events.emit("notice", m));
    room.onMessage("broadcast", (m: Broadcast) => this.events.emit("broadcast", m));
    room.onMessage("predict", (m: Predict) => this.events.emit("predict", m));
    room.onMessage("question", (m: Question) => this.events.emit("question", m));
    room.onMessage("seat", (m: SeatStanding) => this.events.emit("seat", m));
    room.onMessage("away", (m: AwaySummary) => this.events.emit("away", m));
    room.onMessage("roster", (m: RosterInfo) => this.events.emit("roster", m));
    room.onMessage("round", (m: ServerMessage<"round">) => this.events.emit("round", m));
    room.onMessage("ended", (m: Ended) => {
      this.store.clearLast(); // nothing left to resume
      this.events.emit("ended", m);
    });
    room.onLeave((code: number) => void this.dropped(room, code));
    this.events.emit("connection", reattached ? "reconnected" : "connected");
  }

  /** An unexpected drop: try colyseus reconnect (a new room object), then a fresh join with the token. */
  private async dropped(room: Room, code: number): Promise<void> {
    if (this.room !== room || this.leaving) return;
    if (code === CONSENTED || code === CLOSE_REMOVED) {
      this.room = null;
      if (code === CLOSE_REMOVED) this.store.clearLast(); // removed: there is no seat to resume
      this.events.emit("connection", code === CLOSE_REMOVED ? "removed" : "left");
      return;
    }
    this.events.emit("connection", "reconnecting");
    const token = room.reconnectionToken;
    for (let i = 0; i < RECONNECT_TRIES && !this.leaving; i++) {
      await wait(500 * 2 ** i);
      try {
        const next = await this.client.reconnect(token);
        if (this.leaving) return void next.leave(true);
        return this.attach(next, this.seat ?? lastOf(room), true);
      } catch {
        // The reconnection window may have closed, or the server restarted: try again, then rejoin.
      }
    }
    if (await this.rejoin()) return;
    this.room = null;
    this.pending.rejectAll("DISCONNECTED", LOST);
    this.events.emit("connection", "lost");
    // A server restarting brings its games back: keep trying, unhurried, until it answers or we leave.
    while (!this.leaving && this.room === null) {
      await wait(BACKGROUND_RETRY_MS);
      if (!this.leaving && (await this.rejoin())) return;
    }
  }

  /** Joins the remembered seat again with its token (or host secret); false when that fails. */
  private async rejoin(): Promise<boolean> {
    const seat = this.seat;
    if (!seat || this.leaving) return false;
    try {
      const next = await this.client.joinById(seat.roomId, this.rejoinOptions(seat));
      if (this.leaving) {
        void next.leave(true); // the player left meanwhile: do not come back
        return true;
      }
      this.attach(next, seat, true);
      return true;
    } catch {
      return false; // not back yet, or gone for good: the lobby offers "resume" while the seat is remembered
    }
  }
}

const LOST: Bilingual = { en: "The connection was lost.", zh: "连接已中断。" };

function lastOf(room: Room): LastSeat {
  return { roomId: room.roomId, code: "", name: "", seatToken: null, hostSecret: null, role: "player" };
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
