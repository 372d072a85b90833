/**
 * The game room, kept thin: every message is measured, rate-limited and parsed before anything else;
 * the actor comes from the connection; authorize() decides who may; the session (and through it the
 * shared engine) decides what happens; the schema is a projection written after each step.
 */
import { matchMaker, Room, type Client } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import {
  CLIENT_MESSAGES,
  createOptionsSchema,
  joinOptionsOf,
  joinOptionsSchema,
  MAX_MESSAGE_BYTES,
  type ClientMessageType,
  type HostAction,
  type PreviewRequest,
} from "../../shared/protocol/index.ts";
import type { Notice } from "../../shared/engine/tradeState.ts";
import type { Text } from "../../shared/scenario/types.ts";
import { authorize, type ActorInfo, type Denial } from "../game/authorize.ts";
import { newJoinCode } from "../game/codes.ts";
import { newBucket, take, type Bucket } from "../game/rateLimit.ts";
import { preview } from "../game/preview.ts";
import { GameSession } from "../game/session.ts";
import { takeRestored } from "../recovery.ts";
import { pushNews, projectGame } from "../schema/project.ts";
import { GameRoomState } from "../schema/state.ts";
import { timeTick } from "../metrics.ts";
import { services } from "../services.ts";

const RATE_PER_SECOND = 10;
const RATE_BURST = 30;
const takenCodes = new Set<string>();

export class GameRoom extends Room<GameRoomState> {
  session!: GameSession;
  private buckets = new Map<string, Bucket>();
  private timer: ReturnType<Room["clock"]["setInterval"]> | null = null;

  override onCreate(raw: unknown): void {
    // A room brought back after a restart (server/recovery.ts) keeps its id, code and everything else.
    const restored = takeRestored(raw);
    if (restored) this.roomId = restored.roomId;
    this.session = restored ? GameSession.restore(restored, this.clock.currentTime) : this.newSession(raw);
    const options = this.session.options;
    takenCodes.add(this.session.code);
    this.maxClients = 64;
    this.state = new GameRoomState();
    this.state.scenario = options.scenario;
    this.state.code = this.session.code;
    this.state.privateRoom = options.visibility === "private";
    this.state.phase = this.session.phase;
    this.state.pace = this.session.pace;
    this.state.hideNames = this.session.hideNames;
    projectGame(this.state, this.session.state, this.session.seats);
    if (options.visibility === "private") void this.setPrivate(true);
    void this.setMetadata(this.lobbyEntry());
    for (const type of Object.keys(CLIENT_MESSAGES) as ClientMessageType[]) {
      this.onMessage(type, (client, message) => this.receive(client, type, message));
    }
    const unknown = (client: Client, type: unknown) =>
      this.fail(client, undefined, "UNKNOWN_MESSAGE", {
        en: `Unknown message "${String(type)}".`,
        zh: `未知消息"${String(type)}"。`,
      });
    this.onMessage("*", unknown);
    // Colyseus routes a message literally typed "__no_message_handler" to its own fallback, which
    // disconnects the sender; answer it like any other unknown type instead.
    this.onMessage("__no_message_handler", (client) => unknown(client, "__no_message_handler"));
    if (restored) void services().store.saveProgress(this.roomId, this.session);
    else void services().store.saveSession(this.roomId, this.session);
  }

  private newSession(raw: unknown): GameSession {
    const options = createOptionsSchema.parse(raw); // onAuth-less create: a bad option refuses the room
    const code = newJoinCode((c) => takenCodes.has(c));
    return GameSession.create(services().scenario(options.scenario), options, code, services().seed());
  }

  /** What the lobby lists: scenario, seats, phase, pace (private rooms are not listed at all). */
  private lobbyEntry() {
    const s = this.session;
    return {
      scenario: s.options.scenario,
      name: s.options.name,
      seats: s.seats.length,
      taken: s.seats.filter((x) => x.kind === "human").length,
      phase: s.phase,
      pace: s.pace,
      // Private rooms are never listed (the list asks for public rooms only), so their code can sit in
      // the metadata too: any process of a Redis-shared cluster can then resolve a join code.
      code: s.code,
      classroom: s.options.classroom,
    };
  }

  override onJoin(client: Client, raw: unknown): void {
    const parsed = joinOptionsSchema.safeParse(joinOptionsOf(raw ?? {}));
    if (!parsed.success) throw new Error(`bad join options: ${parsed.error.issues[0]?.message ?? "invalid"}`);
    const joined = this.session.join(client.sessionId, parsed.data, this.clock.currentTime);
    if ("code" in joined) throw new Error(joined.message.en);
    this.buckets.set(client.sessionId, newBucket(RATE_BURST, this.clock.currentTime));
    client.view = new StateView();
    // A company's private details: its own seat's client, and the host (who watches everyone).
    for (const [seat, company] of this.state.companies) {
      if (joined.role === "host" || seat === joined.seat) client.view.add(company.priv);
    }
    client.send("welcome", { ...joined, code: this.session.code, scenario: this.session.options.scenario });
    this.refresh(); // shown connected now, not at the next tick (a restored game waits paused)
    void services().store.saveProgress(this.roomId, this.session); // a new holder's token must survive a crash
  }

  override async onLeave(client: Client, consented: boolean): Promise<void> {
    const seated = this.session.members.get(client.sessionId)?.seat ?? null;
    this.session.drop(client.sessionId, this.clock.currentTime);
    this.refresh();
    // Only a seat is worth holding: a spectator who drops simply joins again (and holding a place
    // for every dropped spectator would fill the room and lock it).
    if (consented || this.session.phase === "ended" || seated === null) return;
    try {
      // Within the window, the same client object resumes (colyseus reconnect); after it, a reload with
      // the seat token still takes the seat back until expireDropped hands it to a bot for good.
      await this.allowReconnection(client, Math.round(this.session.reconnectMs / 1000));
      this.session.join(
        client.sessionId,
        { name: "", role: "player", seatToken: this.tokenOf(client) },
        this.clock.currentTime,
      );
      this.refresh();
    } catch {
      // The window closed: the seat stays with its bot.
    }
  }

  private tokenOf(client: Client): string | undefined {
    return this.session.seats.find((s) => s.sessionId === client.sessionId)?.token ?? undefined;
  }

  override onDispose(): void {
    takenCodes.delete(this.session.code);
    // Everyone left and the room is gone: nobody can come back, so a restart must not bring it back.
    // A shutdown disposes rooms too; those stay 'running' and are restored on the next start.
    const shuttingDown = matchMaker.state === matchMaker.MatchMakerState.SHUTTING_DOWN;
    if (shuttingDown) void services().store.saveProgress(this.roomId, this.session);
    else if (this.session.phase !== "ended")
      void services().store.markAbandoned(this.roomId, "everyone left");
  }

  /**
   * Nothing a client sends may throw out of here: an exception in a message handler would take the
   * process down. Anything unexpected is answered as an internal error and logged.
   */
  private receive(client: Client, type: ClientMessageType, message: unknown): void {
    try {
      this.handle(client, type, message);
    } catch (e) {
      console.error(
        `room ${this.roomId}: ${type} from ${client.sessionId} failed: ${e instanceof Error ? e.stack : String(e)}`,
      );
      this.fail(client, undefined, "INTERNAL", {
        en: "The server could not handle that message; nothing changed.",
        zh: "服务器无法处理该消息；未作任何更改。",
      });
    }
  }

  private handle(client: Client, type: ClientMessageType, message: unknown): void {
    // Only a string ref is echoed (msgpack can deliver BigInts and odd objects: never stringify them).
    const raw =
      typeof message === "object" && message !== null ? (message as { ref?: unknown }).ref : undefined;
    const ref = typeof raw === "string" ? raw.slice(0, 32) : undefined;
    const bucket = this.buckets.get(client.sessionId);
    if (bucket && !take(bucket, this.clock.currentTime, RATE_PER_SECOND, RATE_BURST)) {
      return this.fail(client, ref, "RATE_LIMITED", {
        en: "Too many messages; slow down.",
        zh: "消息过多，请放慢速度。",
      });
    }
    if (measure(message) > MAX_MESSAGE_BYTES) {
      return this.fail(client, ref, "TOO_LARGE", { en: "Message too large.", zh: "消息过大。" });
    }
    const parsed = CLIENT_MESSAGES[type].safeParse(message);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return this.fail(client, ref, "MALFORMED", {
        en: `Malformed ${type} message${issue?.path.length ? ` at "${issue.path.join(".")}"` : ""}: ${issue?.message ?? "invalid"}.`,
        zh: `${type} 消息格式错误：${issue?.message ?? "invalid"}。`,
      });
    }
    const member = this.session.members.get(client.sessionId) ?? {
      role: "spectator" as const,
      seat: null,
      seatToken: null,
    };
    if (type === "preview") return this.preview(client, ref, member, parsed.data as PreviewRequest);
    if (type === "command") {
      const denial = authorize({ kind: "command" }, member, this.session.phase);
      if (denial) return this.deny(client, ref, denial);
      const result = this.session.command(client.sessionId, (parsed.data as { command: unknown }).command);
      if (!result.ok) return this.fail(client, ref, result.error.code, result.error.message);
    } else {
      const action = (parsed.data as { action: HostAction }).action;
      const denial = authorize({ kind: "host", action: action.type }, member, this.session.phase);
      if (denial) return this.deny(client, ref, denial);
      const error = this.session.host(action);
      if (error) return this.fail(client, ref, error.code, error.message);
      this.afterHost(action);
    }
    // What the command or shock announced is news now, not at the next tick (which may be far off
    // when paused, say after a predict-first injection).
    this.publish(this.session.takeNotices());
    // Accepted commands and host actions are written now, not at the next tick: a crash between ticks
    // loses nothing that was acknowledged.
    void services().store.saveProgress(this.roomId, this.session);
    if (ref) client.send("ack", { ref });
    this.refresh();
  }

  /** The engine's verdict and quote, as the sender's seat (or the seat the host names); nothing changes. */
  private preview(client: Client, ref: string | undefined, member: ActorInfo, request: PreviewRequest): void {
    const seat = request.seat ?? null;
    const denial = authorize({ kind: "preview", seat }, member, this.session.phase);
    if (denial) return this.deny(client, ref, denial);
    const answer = preview(this.session.state, seat ?? member.seat ?? "", request);
    if ("malformed" in answer) return this.fail(client, ref, answer.malformed.code, answer.malformed.message);
    client.send("preview", { ...(ref ? { ref } : {}), ...answer.reply });
  }

  private afterHost(action: HostAction): void {
    if (action.type === "start" || action.type === "resume" || action.type === "pace") this.schedule();
    if (action.type === "pause" || action.type === "end") this.stopClock();
    if (action.type === "inject" && action.predictFirst) {
      this.stopClock();
      this.broadcast("predict", { prompt: action.predictFirst, template: action.template });
    }
    if (action.type === "broadcast")
      this.broadcast("broadcast", { text: action.text, day: this.session.state.day });
    if (action.type === "kick") {
      for (const c of this.clients) if (!this.session.members.has(c.sessionId)) c.leave(4000);
    }
    if (action.type === "end") this.finish("host");
  }

  /** The clock: one engine day per tick, ticks as often as the pace says. Pace never changes a step. */
  private schedule(): void {
    this.stopClock();
    if (this.session.phase !== "running") return;
    this.timer = this.clock.setInterval(() => this.tickOnce(), Math.round(1000 / this.session.pace));
  }

  private stopClock(): void {
    this.timer?.clear();
    this.timer = null;
  }

  tickOnce(): void {
    timeTick(() => this.runTick());
  }

  private runTick(): void {
    if (this.session.phase !== "running") return;
    this.session.expireDropped(this.clock.currentTime);
    const report = this.session.tick();
    this.publish(report.notices.filter((n) => !this.session.wasShown(n)));
    void services().store.recordDay(this.roomId, this.session, report);
    this.refresh();
    if ((this.session.phase as string) === "ended") this.finish("finished");
  }

  /** Public notices to the news ticker; a company's own to its seat's client. */
  private publish(notices: readonly Notice[]): void {
    pushNews(this.state, notices);
    for (const n of notices) {
      if (n.company === null) continue;
      const seat = this.session.seats.find((s) => s.id === n.company);
      const target = this.clients.find((c) => c.sessionId === seat?.sessionId);
      target?.send("notice", { day: n.day, kind: n.kind, text: n.text, targets: n.targets });
    }
  }

  private refresh(): void {
    this.state.phase = this.session.phase;
    this.state.pace = this.session.pace;
    this.state.hideNames = this.session.hideNames;
    projectGame(this.state, this.session.state, this.session.seats);
    void this.setMetadata(this.lobbyEntry());
  }

  private finish(reason: string): void {
    this.stopClock();
    void services().store.saveResult(this.roomId, this.session);
    this.broadcast("ended", { reason });
  }

  private deny(client: Client, ref: string | undefined, denial: Denial): void {
    this.fail(client, ref, denial.code, denial.message);
  }

  private fail(client: Client, ref: string | undefined, code: string, message: Text): void {
    client.send("error", { ...(ref ? { ref } : {}), code, message });
  }
}

/** JSON size of a message, or Infinity when it cannot be written as JSON (BigInt, cycles): too large to take. */
function measure(message: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(message ?? null), "utf8");
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
