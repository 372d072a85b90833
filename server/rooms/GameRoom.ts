/**
 * The game room, kept thin: every frame is inspected, rate-limited and parsed before anything else;
 * the actor comes from the connection; authorize() decides who may; the session (and through it the
 * shared engine) decides what happens; the schema is a projection written after each step. A command
 * is acknowledged once the store has committed it. How long the room lives is lifecycle.ts's rule, who
 * gets in is admission.ts's, and what a client may see is views.ts's.
 */
import {
  matchMaker,
  Room,
  ServerError,
  type AuthContext,
  type Client,
  type ClientPrivate,
} from "@colyseus/core";
import {
  CLIENT_MESSAGES,
  createOptionsSchema,
  joinOptionsOf,
  joinOptionsSchema,
  MAX_MESSAGE_BYTES,
  type ClientMessageType,
  type HostAction,
  type JoinOptions,
  type PreviewRequest,
} from "../../shared/protocol/index.ts";
import type { Notice } from "../../shared/engine/tradeState.ts";
import { refuse, type Refused } from "../../shared/protocol/refusals/index.ts";
import { authorize, type ActorInfo } from "../game/authorize.ts";
import { newJoinCode } from "../game/codes.ts";
import { newBucket, take, type Bucket } from "../game/rateLimit.ts";
import { GameSession } from "../game/session.ts";
import { clientAddress } from "../limits/addressLimiter.ts";
import { takeRestored } from "../recovery.ts";
import { SyncedView } from "./synced.ts";
import { CLOSE_REMOVED, CLOSE_SERVER_STOPPING } from "../../shared/protocol/constants.ts";
import { RecentRequests, type Answer, type Answering } from "./recentRequests.ts";
import { GameRoomState } from "../schema/state.ts";
import { noteRejected, timeTick } from "../metrics.ts";
import { roomLog } from "../log.ts";
import { services } from "../services.ts";
import { admit, checkSecretTry, MAX_CONNECTIONS, Refusal, type Present } from "./admission.ts";
import { inspectFrame, jsonBytes } from "./inbound.ts";
import { idleLimitsFromEnv, whenEmpty } from "./lifecycle.ts";
import { showOnly } from "./views.ts";
import { STORE_DOWN, STORE_UP, StoreGate } from "./storeGate.ts";
import { QuestionRelay } from "./questions.ts";
import { reseat, tellHosts, tellSeat } from "./seatNews.ts";
import { lobbyEntry } from "./lobbyEntry.ts";
import { answerPreview } from "./previewAnswer.ts";
import { RoundRelay } from "./rounds.ts";
import { publish, tellEveryone } from "./publish.ts";
import { addLocalGame, codeInUseHere, removeLocalGame } from "../game/localGames.ts";

const RATE_PER_SECOND = 10;
const RATE_BURST = 30;

export class GameRoom extends Room<GameRoomState> {
  session!: GameSession;
  private buckets = new Map<string, Bucket>();
  /** Each connection's address and role, for the admission limits. */
  private present = new Map<string, Present>();
  private timer: ReturnType<Room["clock"]["setInterval"]> | null = null;
  private idleTimer: ReturnType<Room["clock"]["setTimeout"]> | null = null;
  private closing: string | null = null;
  /** A new room nobody has joined yet (a restored one counts as joined: its people are coming back). */
  private neverJoined = false;
  /** The room paused itself because nobody was connected: the host's return resumes it. */
  private pausedEmpty = false;
  private gate!: StoreGate;
  /** The room paused its game because the store could not write: it resumes it when it can. */
  private pausedStore = false;
  private readonly idle = idleLimitsFromEnv();
  /** Each company's TH/s on the last day stepped (the HUD's "my share"). */
  private synced = new SyncedView();
  private recent = new RecentRequests();
  /** Prediction questions: each connection's view of the current one, and its countdown. */
  private questions = new QuestionRelay(this);
  /** Round mode: the game pauses for a decision window at each retarget or month (rounds.ts). */
  private rounds = new RoundRelay(this, {
    stop: () => this.stopClock(),
    schedule: () => this.schedule(),
    mayResume: () => this.gate.writable && this.clients.length > 0,
    questionsChanged: () => this.questions.changed(),
  });

  override onCreate(raw: unknown): void {
    // A room brought back after a restart (server/recovery.ts) keeps its id, code and everything else.
    const restored = takeRestored(raw);
    if (restored) this.roomId = restored.roomId;
    this.session = restored ? GameSession.restore(restored, this.clock.currentTime) : this.newSession(raw);
    this.neverJoined = !restored;
    const options = this.session.options;
    addLocalGame(this.session.code, this.roomId);
    // The room decides when it closes (lifecycle.ts), not Colyseus's "last client left".
    this.autoDispose = false;
    this.maxClients = MAX_CONNECTIONS;
    this.state = new GameRoomState();
    this.state.scenario = options.scenario;
    this.state.code = this.session.code;
    this.state.privateRoom = options.visibility === "private";
    this.refresh();
    if (options.visibility === "private") void this.setPrivate(true);
    for (const type of Object.keys(CLIENT_MESSAGES) as ClientMessageType[]) {
      this.onMessage(type, (client, message) => this.receive(client, type, message));
    }
    this.onMessage("*", (client) => this.unknown(client));
    // Colyseus routes a message literally typed "__no_message_handler" to its own fallback, which
    // disconnects the sender; answer it like any other unknown type instead.
    this.onMessage("__no_message_handler", (client) => this.unknown(client));
    this.gate = new StoreGate(services().store, {
      down: (reason) => this.storeDown(reason),
      up: () => this.storeUp(),
    });
    const store = services().store;
    void (restored
      ? store.saveProgress(this.roomId, this.session)
      : store.saveSession(this.roomId, this.session));
    this.whenEmpty(); // until someone joins (a restored game may wait a long time: it waits)
  }

  private newSession(raw: unknown): GameSession {
    const options = createOptionsSchema.parse(raw); // onAuth-less create: a bad option refuses the room
    const code = newJoinCode(codeInUseHere);
    return GameSession.create(services().scenario(options.scenario), options, code, services().seed());
  }

  /** Who gets in: seats, the host and returning players always; spectators within their allowance. */
  override onAuth(client: Client, raw: unknown, context: AuthContext): JoinOptions {
    const parsed = joinOptionsSchema.safeParse(joinOptionsOf(raw ?? {}));
    if (!parsed.success)
      throw new ServerError(400, `bad join options: ${parsed.error.issues[0]?.message ?? "invalid"}`);
    const address = clientAddress(context.req);
    const role = this.session.roleFor(parsed.data);
    try {
      if (parsed.data.hostSecret) checkSecretTry(address, role === "host", Date.now());
      admit(role, address, this.present.values());
    } catch (e) {
      if (e instanceof Refusal) throw new ServerError(e.code === "RATE_LIMITED" ? 429 : 403, e.message);
      throw e;
    }
    this.present.set(client.sessionId, { role, address });
    return parsed.data; // Colyseus hands it to onJoin: parsed once
  }

  override onJoin(client: Client, _raw: unknown, options: JoinOptions): void {
    const joined = this.session.join(client.sessionId, options, this.clock.currentTime);
    if ("code" in joined) throw new Error(joined.message.en);
    this.present.set(client.sessionId, {
      role: joined.role,
      address: this.present.get(client.sessionId)?.address ?? "unknown",
    });
    this.buckets.set(client.sessionId, newBucket(RATE_BURST, this.clock.currentTime));
    this.neverJoined = false;
    this.cancelIdle();
    showOnly(client, this.state, joined);
    roomLog(this.roomId, joined.seat).info({ role: joined.role, sessionId: client.sessionId }, "joined");
    const { displaced, ...membership } = joined;
    client.send("welcome", {
      ...membership,
      code: this.session.code,
      scenario: this.session.options.scenario,
    });
    if (displaced) this.demote(displaced);
    this.questions.send(client);
    this.rounds.send(client);
    if (joined.role === "host" && this.pausedEmpty && this.session.phase === "paused")
      this.resumeAfterEmpty();
    tellSeat(this.clients, this.session, joined.seat);
    this.refresh(); // shown connected now, not at the next tick (a restored game waits paused)
    void services().store.saveProgress(this.roomId, this.session); // a new holder's token must survive a crash
  }

  /** The connection whose seat another connection took: it keeps nothing of the seat, at once. */
  private demote(sessionId: string): void {
    const old = this.clients.find((c) => c.sessionId === sessionId);
    const membership = this.session.members.get(sessionId);
    if (!old || !membership) return;
    showOnly(old, this.state, membership);
    const present = this.present.get(sessionId);
    if (present) present.role = membership.role;
    old.send("welcome", { ...membership, code: this.session.code, scenario: this.session.options.scenario });
    this.deny(old, undefined, refuse("SEAT_ELSEWHERE"));
  }

  /**
   * The server is stopping: close connections with a code that says "come back", not Colyseus's
   * default (the code of a voluntary leave), so that clients reconnect when it returns.
   */
  override onBeforeShutdown(): void {
    void this.disconnect(CLOSE_SERVER_STOPPING);
  }

  override async onLeave(client: Client, consented: boolean): Promise<void> {
    const before = this.session.members.get(client.sessionId);
    const present = this.present.get(client.sessionId);
    this.session.drop(client.sessionId, this.clock.currentTime);
    this.present.delete(client.sessionId);
    this.buckets.delete(client.sessionId);
    this.refresh();
    tellHosts(this.clients, this.session);
    if (this.clients.length === 0) this.whenEmpty();
    // Only a seat is worth holding: a spectator who drops simply joins again (and holding a place
    // for every dropped spectator would fill the room and lock it).
    if (consented || this.session.phase === "ended" || !before?.seat)
      return this.recent.forget(client.sessionId);
    try {
      // Within the window, the same client object resumes (colyseus reconnect); after it, a reload with
      // the seat token takes the seat back (the seat is kept for good).
      await this.allowReconnection(client, Math.round(this.session.reconnectMs / 1000));
      this.resumed(client, before, present);
    } catch {
      // The window closed: the seat stays its holder's, for their token.
      this.recent.forget(client.sessionId);
    }
  }

  /** The same connection is back within the window: its seat, and its host powers if it had them. */
  private resumed(client: Client, before: ActorInfo, present: Present | undefined): void {
    const joined = this.session.join(
      client.sessionId,
      { name: "", role: "player", seatToken: this.tokenOf(client) },
      this.clock.currentTime,
    );
    if ("code" in joined) return;
    // A host who also plays (a game among friends) comes back as the host, not only as a player.
    const role = before.role === "host" ? "host" : joined.role;
    this.session.members.set(client.sessionId, { ...this.session.members.get(client.sessionId)!, role });
    this.present.set(client.sessionId, { role, address: present?.address ?? "unknown" });
    this.buckets.set(client.sessionId, newBucket(RATE_BURST, this.clock.currentTime));
    this.cancelIdle();
    if (role === "host" && this.pausedEmpty && this.session.phase === "paused") this.resumeAfterEmpty();
    tellSeat(this.clients, this.session, joined.seat);
    this.refresh();
  }

  private tokenOf(client: Client): string | undefined {
    return this.session.seats.find((s) => s.sessionId === client.sessionId)?.token ?? undefined;
  }

  /** Nobody is connected: an ended game closes; any other waits (paused, if it was running). */
  private whenEmpty(): void {
    const next = whenEmpty(this.session.phase, this.idle, this.neverJoined);
    if ("close" in next) return this.close(next.close);
    if (this.session.phase === "running") {
      this.session.host({ type: "pause" });
      this.pausedEmpty = true;
      this.stopClock();
      this.refresh();
      void services().store.saveProgress(this.roomId, this.session);
    }
    this.cancelIdle();
    this.idleTimer = this.clock.setTimeout(() => this.close(next.reason), next.wait);
  }

  private cancelIdle(): void {
    this.idleTimer?.clear();
    this.idleTimer = null;
  }

  private resumeAfterEmpty(): void {
    this.pausedEmpty = false;
    if (!this.gate.writable) return;
    this.session.host({ type: "resume" });
    this.schedule();
  }

  private close(reason: string): void {
    this.closing = reason;
    roomLog(this.roomId).info({ reason }, `room ${this.roomId} closed: ${reason}`);
    void this.disconnect();
  }

  override onDispose(): void {
    removeLocalGame(this.session.code);
    this.gate.dispose();
    // A shutdown disposes rooms too; those stay 'running' and are restored on the next start.
    const shuttingDown = matchMaker.state === matchMaker.MatchMakerState.SHUTTING_DOWN;
    const store = services().store;
    if (shuttingDown) void store.saveProgress(this.roomId, this.session);
    else if (this.session.phase !== "ended") void store.markAbandoned(this.roomId, this.closing ?? "closed");
  }

  /**
   * Every frame is looked at before Colyseus decodes it: one that is too large or does not decode is
   * answered (and counted against the sender's rate) instead of closing the sender's socket.
   */
  protected override _onMessage(client: Client & ClientPrivate, buffer: Buffer): void {
    const verdict = inspectFrame(buffer);
    if (verdict.pass) return super._onMessage(client, buffer);
    if (this.allowed(client)) this.deny(client, undefined, verdict);
  }

  /** Takes one of the sender's tokens; when none is left, answers RATE_LIMITED and returns false. */
  private allowed(client: Client, ref?: string): boolean {
    const bucket = this.buckets.get(client.sessionId);
    if (!bucket || take(bucket, this.clock.currentTime, RATE_PER_SECOND, RATE_BURST)) return true;
    this.deny(client, ref, refuse("RATE_LIMITED"));
    return false;
  }

  /** An unknown type: counted like any message, answered without repeating what was sent. */
  private unknown(client: Client): void {
    if (!this.allowed(client)) return;
    this.deny(client, undefined, refuse("UNKNOWN_MESSAGE"));
  }

  /**
   * Nothing a client sends may throw out of here: an exception in a message handler would take the
   * process down. Anything unexpected is answered as an internal error and logged.
   */
  private receive(client: Client, type: ClientMessageType, message: unknown): void {
    try {
      this.handle(client, type, message);
    } catch (e) {
      const seat = this.session.members.get(client.sessionId)?.seat;
      roomLog(this.roomId, seat).error({ err: e, type, sessionId: client.sessionId }, `${type} failed`);
      this.deny(client, undefined, refuse("INTERNAL"));
    }
  }

  private handle(client: Client, type: ClientMessageType, message: unknown): void {
    // Only a string ref is echoed (msgpack can deliver BigInts and odd objects: never stringify them).
    const raw =
      typeof message === "object" && message !== null ? (message as { ref?: unknown }).ref : undefined;
    const ref = typeof raw === "string" ? raw.slice(0, 32) : undefined;
    if (!this.allowed(client, ref)) return;
    if (jsonBytes(message) > MAX_MESSAGE_BYTES) return this.deny(client, ref, refuse("TOO_LARGE"));
    const parsed = CLIENT_MESSAGES[type].safeParse(message);
    if (!parsed.success)
      return this.deny(client, ref, refuse("MALFORMED_MESSAGE", { type, issue: parsed.error.issues[0] }));
    const member = this.session.members.get(client.sessionId) ?? {
      role: "spectator" as const,
      seat: null,
      seatToken: null,
    };
    if (type === "preview")
      return answerPreview(
        this.session,
        client,
        ref,
        member,
        parsed.data as PreviewRequest,
        this.deny.bind(this),
      );
    // A ref seen before from this connection is answered as it was, and not done again.
    const earlier = ref === undefined ? undefined : this.recent.answered(client.sessionId, ref);
    const answer = earlier ?? this.act(client, member, type, parsed.data);
    if (ref !== undefined && !earlier) this.recent.remember(client.sessionId, ref, answer);
    const reply = (a: Answer) =>
      a.ok ? ref && client.send("ack", { ref }) : this.deny(client, ref, a.refusal);
    if (answer instanceof Promise) void answer.then(reply);
    else reply(answer);
  }

  /** A command or a host action: refused, or done and acknowledged once stored. */
  private act(client: Client, member: ActorInfo, type: ClientMessageType, data: unknown): Answering {
    const refused = (refusal: Refused): Answer => ({ ok: false, refusal });
    if (type === "command") {
      const denial = authorize({ kind: "command" }, member, this.session.phase);
      if (denial) return refused(denial);
      if (!this.gate.writable) return refused(this.gate.refusal());
      const result = this.session.command(client.sessionId, (data as { command: unknown }).command);
      if (!result.ok) return refused(result.error);
    } else if (type === "answer") {
      const error = this.questions.answer(client.sessionId, data, this.gate);
      if (error) return refused(error);
    } else if (type === "takeSeat") {
      const error =
        authorize({ kind: "command" }, member, this.session.phase) ?? this.session.takeSeat(member);
      if (error) return refused(error);
      tellSeat(this.clients, this.session, member.seat);
    } else {
      const action = (data as { action: HostAction }).action;
      const denial = authorize({ kind: "host", action: action.type }, member, this.session.phase);
      if (denial) return refused(denial);
      if (!this.gate.writable) return refused(this.gate.refusal());
      const error = this.session.host(action, this.clock.currentTime);
      if (error) return refused(error);
      this.afterHost(action);
    }
    // What the command or shock announced is news now, not at the next tick (which may be far off
    // when paused, say after a predict-first injection).
    this.publish(this.session.takeNotices());
    this.refresh();
    // Acknowledged means stored: the ack goes out once the store has committed the action (writes
    // arriving together are committed together, so this costs one commit per batch, not per command).
    // Never stored: never acknowledged (the store gate pauses the game and says why).
    return services()
      .store.saveProgress(this.roomId, this.session)
      .then(
        (): Answer => ({ ok: true }),
        () => new Promise<Answer>(() => undefined),
      );
  }

  private afterHost(action: HostAction): void {
    if (action.type === "start" || action.type === "resume" || action.type === "pace") this.schedule();
    if (action.type === "pause" || action.type === "end") this.stopClock();
    if (action.type === "pause" || action.type === "resume") this.pausedEmpty = false;
    if (this.questions.afterHost(action)) this.schedule(); // a question pauses the game, a reveal resumes it
    this.rounds.afterHost(action);
    if (action.type === "broadcast")
      this.broadcast("broadcast", { text: action.text, day: this.session.state.day });
    if (action.type === "kick") {
      for (const c of this.clients) if (!this.session.members.has(c.sessionId)) c.leave(CLOSE_REMOVED);
    }
    if (action.type === "assignSeat") reseat(this, this.session, (id) => this.demote(id), this.present);
    if ("seat" in action) tellSeat(this.clients, this.session, action.seat);
    // The start fills open seats with bots: the host's roster must say so (and show their levels).
    if (action.type === "standIn" || action.type === "start") tellHosts(this.clients, this.session);
    // The lobby's world-size setting lives in the options: store them again so that a restart keeps it.
    if (action.type === "worldSize") void services().store.saveSession(this.roomId, this.session);
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
    if (this.session.careForAway(this.clock.currentTime).length > 0) tellHosts(this.clients, this.session);
    const report = this.questions.day(() => this.session.tick()); // and an outcome measured today
    this.synced.dayDone(report, this.session.state);
    this.publish(report.notices.filter((n) => !this.session.wasShown(n)));
    this.rounds.day(report); // a round closed today pauses the game for its decision window
    void services().store.recordDay(this.roomId, this.session, report);
    this.refresh();
    if ((this.session.phase as string) === "ended") this.finish("finished");
  }

  /** The store cannot write: no day passes and no command is taken until it can (the host is told why). */
  private storeDown(reason: string): void {
    if (this.session.phase === "running") {
      this.stopClock();
      this.session.host({ type: "pause" });
      this.pausedStore = true;
    }
    this.refresh();
    tellEveryone(this.clients, this.session.state.day, STORE_DOWN(reason));
  }

  private storeUp(): void {
    if (this.pausedStore && this.session.phase === "paused" && !this.pausedEmpty) {
      this.session.host({ type: "resume" });
      this.schedule();
    }
    this.pausedStore = false;
    this.refresh();
    tellEveryone(this.clients, this.session.state.day, STORE_UP);
  }

  /** Public notices to the news ticker; a company's own to its seat's client (publish.ts). */
  private publish(raw: readonly Notice[]): void {
    publish(raw, this.session, this.synced, this.clients);
  }

  private refresh(): void {
    this.state.phase = this.session.phase;
    this.state.pace = this.session.pace;
    this.state.hideNames = this.session.hideNames;
    this.synced.write(this.state, this.session);
    void this.setMetadata(lobbyEntry(this.session));
  }

  private finish(reason: string): void {
    this.stopClock();
    void services().store.saveResult(this.roomId, this.session);
    this.broadcast("ended", { reason });
  }

  /** A refusal, answered to the sender (with the message's ref) as an `error`; nothing else happens. */
  private deny(client: Client, ref: string | undefined, { code, message }: Refused): void {
    noteRejected(code);
    client.send("error", { ...(ref ? { ref } : {}), code, message });
  }
}
