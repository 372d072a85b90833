/**
 * Replays a game's action log through the shared engine, day by day, keeping what the debrief draws:
 * the simulate tool's daily rows (tools/lib/recorder.ts, so that the debrief and the CLI agree), each
 * company's equity, carbon and hashrate, the map's regions every 7th day, the decisions and the news.
 *
 * The replay is incremental: it keeps its state and goes on from where it stopped when the game has
 * moved on, so a host who opens the debrief of a running game every few minutes pays only for the new
 * days. It applies each logged action at its tick before stepping that day, exactly as the live game and
 * recovery did (the engine is deterministic: same log, same days).
 */
import { applyCommand, createGame, EngineCaches, step } from "../shared/index.ts";
import { freeKw, powerPriceToday, restOfWorldRunningThs } from "../shared/engine/regions.ts";
import type { GameState } from "../shared/engine/state.ts";
import { formatIsoDate } from "../shared/math/calendar.ts";
import type { DebriefDecision, DebriefEvent, DebriefFrame } from "../shared/protocol/debrief.ts";
import type { LoggedAction, ReplayLog } from "../shared/replay/index.ts";
import type { Scenario } from "../shared/scenario/types.ts";
import { createRecording, recordDay, type Recording } from "../node/recorder.ts";
import { summarizeCommand } from "./debriefSummary.ts";

export type LogHeader = Omit<ReplayLog, "actions" | "finalTick" | "finalHash">;

/** Frames for the replay slider: every this many days (and the last day, added when read). */
export const FRAME_EVERY = 7;

export interface CompanySeries {
  equityCents: number[];
  carbonKgTotal: number[];
  ths: number[];
}

/** The map's regions as the live projection writes them (server/schema/project.ts), for one day. */
export function regionFrame(state: GameState, day: number, date: string, caches: EngineCaches): DebriefFrame {
  const total = state.networkThs || 1;
  const frame: DebriefFrame = {
    day,
    date,
    sharePct: [],
    rowEhs: [],
    powerUsdPerKwh: [],
    freeMw: [],
    policy: [],
    banPending: [],
    offline: [],
  };
  state.world.regions.forEach((region, i) => {
    const offline = region.offlineUntil > state.day;
    const ths = offline ? 0 : restOfWorldRunningThs(region);
    frame.sharePct.push(round((ths / total) * 100, 3));
    frame.rowEhs.push(sig(ths / 1e6, 4));
    frame.powerUsdPerKwh.push(round(powerPriceToday(state, i, caches) / 1e6, 5));
    frame.freeMw.push(Math.floor(freeKw(region)) / 1000);
    frame.policy.push(region.policy);
    frame.banPending.push(region.banPendingDay !== null);
    frame.offline.push(offline);
  });
  return frame;
}

/** Rounds to `digits` decimals: the payload carries what a chart can show, not 17 digits. */
export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Rounds to `digits` significant figures (hashrates span from a player's PH/s to a country's EH/s). */
export function sig(x: number, digits: number): number {
  return x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(digits));
}

/**
 * Summaries name companies by a token that the payload replaces with the name the reader may see (the
 * host sees seat names; players see "Company n" when names are hidden), so one replay serves both.
 */
export const companyToken = (id: string): string => `{company:${id}}`;

export function nameCompanies(text: string, name: (id: string) => string): string {
  return text.replace(/\{company:([^}]+)\}/g, (_m, id: string) => name(id));
}

/**
 * A stand-in's decision says so, naming the person it stood in for (by the company token, so a reader
 * who may not see names reads "Company n"): "Bot standing in for Ana: Shipped …".
 */
export function standingIn(
  summary: DebriefDecision["summary"],
  action: LoggedAction,
): DebriefDecision["summary"] {
  if (action.actor.kind !== "company" || (action.by !== "standIn" && action.by !== "caretaker"))
    return summary;
  const who = companyToken(action.actor.companyId);
  const prefix =
    action.by === "standIn"
      ? { en: `Bot standing in for ${who}: `, zh: `机器人代${who}操作：` }
      : { en: `Caretaker for ${who} (away): `, zh: `托管代${who}操作（离开期间）：` };
  return { en: prefix.en + summary.en, zh: prefix.zh + summary.zh };
}

export class DebriefReplay {
  readonly state: GameState;
  /** The replayed game's engine caches (see shared/engine/caches.ts). */
  readonly caches = new EngineCaches();
  readonly recording: Recording;
  readonly companies: CompanySeries[];
  readonly frames: DebriefFrame[] = [];
  readonly decisions: (DebriefDecision & { actor: string })[] = [];
  readonly events: DebriefEvent[] = [];
  /** Logged actions the engine refused on replay (a sign the log and the game differ). */
  rejected = 0;
  private next = 0;

  constructor(
    readonly key: string,
    scenario: Scenario,
    header: LogHeader,
  ) {
    this.state = createGame(scenario, header.seed, header.players);
    this.recording = createRecording(this.state);
    this.companies = this.state.companies.map(() => ({ equityCents: [], carbonKgTotal: [], ths: [] }));
  }

  /** Days replayed so far (the state's tick). */
  get tick(): number {
    return this.state.tick;
  }

  /**
   * Steps on to `target` (the live game's tick), applying the actions logged before each day, then those
   * logged on `target` so far: the state is then the room's. Actions logged on `target` later are applied
   * by the next call, in log order, before that day is stepped, exactly as the game applied them.
   */
  advance(actions: readonly LoggedAction[], target: number): void {
    const state = this.state;
    for (;;) {
      this.applyUpTo(actions, state.tick);
      if (state.tick >= target || state.finished) break;
      const report = step(state, this.caches);
      recordDay(this.recording, state, report);
      const day = report.tick;
      report.ledgers.forEach((l, i) => {
        const series = this.companies[i];
        if (!series) return;
        series.equityCents.push(l.equityCents);
        series.carbonKgTotal.push(state.companies[i]?.carbonKgTotal ?? 0);
        series.ths.push(l.ths);
      });
      for (const n of report.notices) {
        this.events.push({
          day,
          date: report.date,
          kind: n.kind,
          company: n.company,
          text: n.text,
          targets: [...n.targets],
        });
      }
      if (day % FRAME_EVERY === 0) this.frames.push(regionFrame(state, day, report.date, this.caches));
    }
  }

  private applyUpTo(actions: readonly LoggedAction[], tick: number): void {
    const state = this.state;
    for (; this.next < actions.length; this.next++) {
      const action = actions[this.next];
      if (!action || action.tick > tick) break;
      // The summary reads the state before the command (a lot shipped whole is gone after it).
      const summary = standingIn(summarizeCommand(state, action.actor, action.command, companyToken), action);
      if (!applyCommand(state, action.actor, action.command, this.caches).ok) {
        this.rejected++;
        continue;
      }
      const type = (action.command as { type?: unknown }).type;
      this.decisions.push({
        day: state.tick,
        date: formatIsoDate(state.day),
        seat: action.actor.kind === "company" ? action.actor.companyId : null,
        actor: action.actor.kind,
        type: typeof type === "string" ? type : "?",
        summary,
        ...(action.by ? { by: action.by } : {}),
      });
    }
  }
}
