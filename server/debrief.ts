/**
 * The debrief of a game (GET /api/debrief/<roomId>): who may read it, where its log comes from, and the
 * payload (shared/protocol/debrief.ts) built by replaying that log through the shared engine.
 *
 * Access: the host (host secret) reads it at any time, running or ended, with every name and every
 * company's notices, like the exports. A player (their seat token) reads it once the game has ended,
 * with names hidden if the host hid them, and only their own company's notices beside the news.
 *
 * Source: the live session when the room is in this process (its log is in memory and exact to the
 * current tick), else the store's log and progress (an ended game whose room has closed). Replays are
 * kept per room and go on incrementally; payloads are kept per room and day.
 */
import { stateHash } from "../shared/index.ts";
import { equities } from "../shared/engine/companies.ts";
import { standings, type ScoreMeasure } from "../shared/engine/scoreMeasure.ts";
import { parseIsoDate } from "../shared/math/calendar.ts";
import { DEBRIEF_FORMAT, type DebriefDenial, type DebriefPayload } from "../shared/protocol/debrief.ts";
import { refuse, type Refused } from "../shared/protocol/refusals/index.ts";
import { checkLog, type LoggedAction } from "../shared/replay/index.ts";
import { historyComparison } from "../node/history.ts";
import { loadDatasets } from "../node/scenarios.ts";
import { secretMatches } from "./game/codes.ts";
import type { GameSession } from "./game/session.ts";
import { classHistory, countrySeries } from "./debriefHistory.ts";
import { DebriefReplay, nameCompanies, regionFrame, round, sig, type LogHeader } from "./debriefReplay.ts";
import { services } from "./services.ts";
import type { SessionRecord } from "./store/store.ts";
import type { Question } from "./game/predictions.ts";
import { debriefForecasts, debriefPredictions } from "./debriefPredictions.ts";

export interface DebriefRequest {
  roomId: string;
  hostSecret: string;
  seatToken: string;
}

export type DebriefAnswer = { status: 200; body: DebriefPayload } | { status: number; body: DebriefDenial };

interface Seat {
  id: string;
  name: string;
  bot: boolean;
  tokenHash: string | null;
}

/** Everything the debrief needs about one game, from the live room or from the store. */
interface Source {
  roomId: string;
  code: string;
  status: SessionRecord["status"];
  hideNames: boolean;
  /** What wins (the room's create option). */
  scoreBy: ScoreMeasure;
  hostHash: string;
  header: LogHeader;
  actions: readonly LoggedAction[];
  tick: number;
  seats: Seat[];
  /** The state hash an ended game's log was sealed with (live rooms only: the store does not keep it). */
  finalHash: string | null;
  /** Prediction questions and their answers. */
  predictions: readonly Question[];
}

/** A debrief refusal: its code, the English reason as `error`, and the reason in both languages. */
const deny = (status: number, { code, message }: Refused<DebriefDenial["code"]>): DebriefAnswer => ({
  status,
  body: { code, error: message.en, message },
});

async function sourceOf(roomId: string, live: GameSession | undefined): Promise<Source | null> {
  const store = services().store;
  const record = await store.session(roomId);
  if (live) {
    const { actions, finalTick: _t, finalHash: _h, ...header } = live.log;
    return {
      roomId,
      code: live.code,
      status: live.phase === "ended" ? "ended" : (record?.status ?? "running"),
      hideNames: live.hideNames,
      scoreBy: live.options.scoreBy ?? "equity",
      hostHash: live.hostHash,
      header,
      actions,
      tick: live.state.tick,
      seats: live.seats.map((s) => ({
        id: s.id,
        name: s.name,
        bot: s.kind !== "human",
        tokenHash: live.tokenHash(s),
      })),
      finalHash: live.phase === "ended" ? live.log.finalHash : null,
      predictions: live.predictions.questions,
    };
  }
  if (!record) return null;
  const archive = await store.archive(roomId);
  if (!archive) return null;
  const p = archive.progress;
  return {
    roomId,
    code: record.code,
    status: p.phase === "ended" ? "ended" : record.status,
    hideNames: p.hideNames,
    scoreBy: record.scoreBy ?? "equity",
    hostHash: record.hostHash,
    header: archive.header,
    actions: archive.actions,
    tick: p.tick,
    seats: p.seats.map((s) => ({ id: s.id, name: s.name, bot: s.kind !== "human", tokenHash: s.tokenHash })),
    finalHash: null,
    predictions: await store.predictions(roomId),
  };
}

/** Replays kept per room (the most recently used few: each holds a game state). */
const replays = new Map<string, DebriefReplay>();
/** The full (host's) payload per room, for the tick it was built at. */
const payloads = new Map<string, { tick: number; full: DebriefPayload }>();
const KEEP = 8;

function keep<V>(map: Map<string, V>, key: string, value: V): V {
  map.delete(key);
  map.set(key, value);
  while (map.size > KEEP) map.delete(map.keys().next().value as string);
  return value;
}

/** Each room's builds, one after another: a second reader waits for the first, then finds its payload. */
const queues = new Map<string, Promise<unknown>>();

function serial<T>(roomId: string, job: () => Promise<T>): Promise<T> {
  const run = (queues.get(roomId) ?? Promise.resolve()).then(job, job);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(roomId, settled);
  void settled.then(() => {
    if (queues.get(roomId) === settled) queues.delete(roomId);
  });
  return run;
}

/** Longest stretch of replay between two turns of the event loop: the rooms' ticks must not wait. */
const SLICE_MS = 15;

/**
 * Replays up to `target` a few days at a time, giving the event loop back between slices: a three-year
 * game takes about half a second to replay, and every room of the process would stall that long.
 */
async function advanceInSlices(replay: DebriefReplay, source: Source): Promise<void> {
  for (;;) {
    const started = performance.now();
    while (replay.tick < source.tick && !replay.state.finished && performance.now() - started < SLICE_MS)
      replay.advance(source.actions, replay.tick + 1);
    if (replay.tick >= source.tick || replay.state.finished)
      return replay.advance(source.actions, source.tick);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function replayFor(source: Source): DebriefReplay {
  const h = source.header;
  const key = `${h.scenarioHash}|${h.seed}|${h.players.map((p) => p.id).join(",")}`;
  const cached = replays.get(source.roomId);
  if (cached && cached.key === key && cached.tick <= source.tick) return keep(replays, source.roomId, cached);
  const scenario = services().scenario(h.scenario);
  // The log's own checks (engine version, scenario hash): a replay on anything else would not be exact.
  checkLog({ ...h, actions: [], finalTick: 0, finalHash: "0".repeat(64) }, scenario);
  return keep(replays, source.roomId, new DebriefReplay(key, scenario, h));
}

/**
 * Does the replay give, to the cent, every equity the server stored as the game went, and the state hash
 * an ended game's log was sealed with?
 */
async function verify(
  source: Source,
  replay: DebriefReplay,
  hashMatches: boolean | null,
): Promise<boolean | null> {
  if (replay.rejected > 0 || hashMatches === false) return false;
  const rows = await services().store.companyDays(source.roomId);
  const index = new Map(replay.state.companies.map((c, i) => [c.id, i]));
  let compared = 0;
  for (const r of rows) {
    const series = replay.companies[index.get(r.company) ?? -1];
    const cents = series?.equityCents[r.tick];
    if (cents === undefined) continue;
    if (Math.abs(cents / 100 - r.equityUsd) > 0.005) return false;
    compared++;
  }
  return compared > 0 || hashMatches ? true : null;
}

/**
 * Builds run one at a time per room (serial), so the replay does not move while it is read; the store's
 * rows are compared after everything else is read all the same (its series only grow).
 */
async function buildFull(source: Source): Promise<DebriefPayload> {
  const replay = replayFor(source);
  await advanceInSlices(replay, source);
  const hashMatches =
    source.finalHash !== null && replay.tick === source.tick
      ? stateHash(replay.state) === source.finalHash
      : null;
  const rec = replay.recording;
  const data = loadDatasets();
  const state = replay.state;
  const final = standings(state, source.scoreBy, replay.caches);
  const days = rec.days.map((d) => parseIsoDate(d.date));
  const fit = historyComparison(rec, data);
  const last = rec.days.length - 1;
  const frames = [...replay.frames];
  if (last >= 0 && frames.at(-1)?.day !== last)
    frames.push(regionFrame(state, last, rec.days[last]?.date ?? "", replay.caches));
  const seatOf = new Map(source.seats.map((s) => [s.id, s]));
  const payload: DebriefPayload = {
    format: DEBRIEF_FORMAT,
    roomId: source.roomId,
    code: source.code,
    scenario: source.header.scenario,
    scenarioName: state.scenario.name,
    scenarioHash: source.header.scenarioHash,
    seed: source.header.seed,
    engineVersion: source.header.engineVersion,
    status: source.status,
    access: "host",
    seat: null,
    hideNames: source.hideNames,
    totalDays: state.scenario.days,
    verified: null,
    dates: rec.days.map((d) => d.date),
    companies: state.companies.map((c) => ({
      id: c.id,
      name: seatOf.get(c.id)?.name ?? c.name,
      bot: seatOf.get(c.id)?.bot ?? true,
    })),
    final: {
      equityUsd: equities(state, replay.caches).map((c) => c / 100),
      carbonT: state.companies.map((c) => round(c.carbonKgTotal / 1000, 3)),
      bankrupt: state.companies.map((c) => c.bankrupt),
      rank: final.ranks,
      scoreValue: final.values,
    },
    scoreBy: source.scoreBy,
    equityUsd: replay.companies.map((s) => s.equityCents.map((c) => c / 100)),
    carbonT: replay.companies.map((s) => s.carbonKgTotal.map((kg) => round(kg / 1000, 3))),
    companyEhs: replay.companies.map((s) => s.ths.map((ths) => sig(ths / 1e6, 4))),
    network: classHistory(rec, days, data),
    countries: countrySeries(rec, days, data, state.scenario),
    fit: {
      hashrateDays: fit.hashrate?.days ?? 0,
      hashrateRmsLogError: fit.hashrate?.rmsLogError ?? null,
      hashrateMeanLogError: fit.hashrate?.meanLogError ?? null,
      retargetMeanAbsErrorPp: fit.retargetMeanAbsErrorPp,
      retargets: fit.retargets.map((r) => ({
        date: r.date,
        height: r.height,
        simChangePct: r.simChangePct,
        realChangePct: r.realChangePct,
      })),
    },
    regionIds: state.scenario.regions.map((r) => r.id),
    frames,
    decisions: replay.decisions.map(({ actor: _actor, ...d }) => d),
    events: [...replay.events],
  };
  payload.verified = await verify(source, replay, hashMatches);
  return payload;
}

/** The reader's copy: names as they may see them, and only the notices meant for them. */
function forReader(full: DebriefPayload, source: Source, seat: string | null): DebriefPayload {
  const host = seat === null;
  const hidden = !host && source.hideNames;
  const order = new Map(full.companies.map((c, i) => [c.id, i]));
  const name = (id: string): string => {
    const i = order.get(id) ?? -1;
    return hidden ? `Company ${i + 1}` : (source.seats.find((s) => s.id === id)?.name ?? id);
  };
  const text = (t: { en: string; zh: string }) => ({
    en: nameCompanies(t.en, name),
    zh: nameCompanies(t.zh, (id) => (hidden ? `公司 ${(order.get(id) ?? -1) + 1}` : name(id))),
  });
  // Seats change without a new day (a player joins, the host hides names): read them now, not from cache.
  const seats = new Map(source.seats.map((s) => [s.id, s]));
  return {
    ...full,
    access: host ? "host" : "player",
    seat,
    hideNames: source.hideNames,
    companies: full.companies.map((c, i) => {
      const s = seats.get(c.id);
      const shown = hidden ? `Company ${i + 1}` : (s?.name ?? c.name);
      return { id: c.id, name: shown, bot: s?.bot ?? c.bot };
    }),
    decisions: full.decisions.map((d) => ({ ...d, summary: text(d.summary) })),
    events: host ? full.events : full.events.filter((e) => e.company === null || e.company === seat),
    predictions: debriefPredictions(source.predictions, seat, name),
    forecastScores: debriefForecasts(source.predictions, seat, name),
  };
}

export async function debrief(
  request: DebriefRequest,
  liveSession: (roomId: string) => GameSession | undefined,
): Promise<DebriefAnswer> {
  // Credentials are asked for before the room is looked up, and a room that does not exist is refused
  // exactly as one whose secret or token does not match (403 FORBIDDEN, same body): no answer tells a
  // prober whether a room id exists. (403, not 404: a reader with a real game and a stale token is the
  // usual case.)
  if (!request.hostSecret && !request.seatToken) return deny(401, refuse("NO_CREDENTIALS"));
  const forbidden = () => deny(403, refuse("DEBRIEF_DENIED"));
  const source = await sourceOf(request.roomId, liveSession(request.roomId));
  if (!source) return forbidden();
  const isHost = secretMatches(request.hostSecret, source.hostHash);
  let seat: string | null = null;
  if (!isHost) {
    seat = source.seats.find((s) => s.tokenHash && secretMatches(request.seatToken, s.tokenHash))?.id ?? null;
    if (seat === null) return forbidden();
    if (source.status !== "ended") return deny(403, refuse("NOT_ENDED"));
  }
  // One build at a time per room: a second reader waits for the first and then finds it cached.
  const full = await serial(source.roomId, async () => {
    const cached = payloads.get(source.roomId);
    if (cached && cached.tick === source.tick && cached.full.status === source.status) return cached.full;
    return keep(payloads, source.roomId, { tick: source.tick, full: await buildFull(source) }).full;
  });
  return { status: 200, body: forReader(full, source, seat) };
}
