/**
 * Round mode (issue #13 §5), as plain data and functions the room's relay (server/rooms/rounds.ts)
 * drives: the book remembers where the current round began and gathers what happened in it; when a
 * day closes a round (shared/protocol/pacing.ts's rule) it makes the round's summary: the market and
 * the chain, the news, what each company did (from the command log, in words), and the next
 * retarget's estimate. The mode itself is a create option kept with the session's options, so the
 * store keeps it and a restart restores it; the book is rebuilt from the restored state.
 */
import type { StepReport } from "../../shared/index.ts";
import { retargetEstimatePct } from "../../shared/engine/chain.ts";
import type { GameState } from "../../shared/engine/state.ts";
import { nextRetargetHeight, RETARGET_INTERVAL } from "../../shared/bitcoin/index.ts";
import { formatIsoDate } from "../../shared/math/calendar.ts";
import { closesRound, type RoundMode } from "../../shared/protocol/pacing.ts";
import type { RoundSummary } from "../../shared/protocol/rounds.ts";
import type { ReplayLog } from "../../shared/replay/index.ts";
import type { Text } from "../../shared/scenario/types.ts";
import { countdown } from "../../shared/view/countdown.ts";
import { summarizeCommand } from "../debriefSummary.ts";

/** News lines and moves per company a summary keeps (a window is short: the rest is in the debrief). */
const NEWS_KEPT = 5;
const MOVES_KEPT = 4;
/** Blocks into a period before the engine's estimate means anything (shared/engine/chain.ts). */
const MIN_ESTIMATE_BLOCKS = 144;

export interface RoundBook {
  /** Rounds closed so far. */
  closed: number;
  /** Where the current round began: its first day, the price then, the log's length then. */
  fromDay: number;
  priceStartCents: number;
  fromAction: number;
  retargetsPct: number[];
  halvings: number;
  news: Text[];
  /** The last closed round's summary. */
  last: RoundSummary | null;
}

/** A new round starting now (the game's next day is its first). */
export function newBook(state: GameState, log: ReplayLog, closed = 0): RoundBook {
  return {
    closed,
    fromDay: state.day,
    priceStartCents: state.market.priceCents,
    fromAction: log.actions.length,
    retargetsPct: [],
    halvings: 0,
    news: [],
    last: null,
  };
}

/** What the summary reads of the game: its state, its log, and the names people see. */
export interface RoundGame {
  state: GameState;
  log: ReplayLog;
  seats: readonly { id: string; name: string }[];
  named<T extends Text>(text: T): T;
}

/**
 * After a day: the book gathers it; when the day closes a round in this mode, the round's summary
 * (and the book starts the next round). Null otherwise.
 */
export function afterDay(book: RoundBook, mode: RoundMode, report: StepReport, game: RoundGame) {
  for (const r of report.retargets) book.retargetsPct.push(Math.round(r.changePpm / 100) / 100);
  book.halvings += report.halvings.length;
  for (const n of report.news) book.news.push(n.headline);
  if (!closesRound(mode.at, report)) return null;
  const summary = summarize(book, mode, report.day, game);
  Object.assign(book, newBook(game.state, game.log, book.closed + 1), { last: summary });
  return summary;
}

function summarize(book: RoundBook, mode: RoundMode, lastDay: number, game: RoundGame): RoundSummary {
  const { state } = game;
  const estimate = retargetEstimatePct(state.chain);
  const next = countdown(state.chain.height, nextRetargetHeight(state.chain.height), estimate);
  const early = state.chain.height % RETARGET_INTERVAL < MIN_ESTIMATE_BLOCKS;
  return {
    number: book.closed + 1,
    at: mode.at,
    from: formatIsoDate(book.fromDay),
    to: formatIsoDate(lastDay),
    priceStartCents: book.priceStartCents,
    priceEndCents: state.market.priceCents,
    retargetsPct: book.retargetsPct,
    halvings: book.halvings,
    news: book.news.slice(-NEWS_KEPT).map((t) => ({ en: t.en, zh: t.zh })),
    companies: moves(book, game),
    next: {
      blocks: next.blocks,
      days: next.days,
      estimatePct: early ? null : Math.round(estimate * 100) / 100,
    },
  };
}

/** Each company's accepted commands in the round, in words (the debrief's own summaries). */
function moves(book: RoundBook, game: RoundGame): RoundSummary["companies"] {
  const name = (id: string) => game.seats.find((s) => s.id === id)?.name ?? id;
  const did = new Map<string, Text[]>(game.seats.map((s) => [s.id, []]));
  for (const a of game.log.actions.slice(book.fromAction)) {
    if (a.actor.kind !== "company") continue;
    const list = did.get(a.actor.companyId);
    if (list) list.push(game.named(summarizeCommand(game.state, a.actor, a.command, name)));
  }
  return game.seats.map((s) => {
    const all = did.get(s.id) ?? [];
    const shown = all.slice(0, MOVES_KEPT);
    if (all.length > MOVES_KEPT) {
      const more = all.length - MOVES_KEPT;
      shown.push({ en: `and ${more} more`, zh: `另有 ${more} 项` });
    }
    return { seat: s.id, name: name(s.id), did: shown.map((t) => ({ en: t.en, zh: t.zh })) };
  });
}
