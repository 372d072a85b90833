/**
 * The news the view shows: the ticker (the last 30 public notices) and each region's own short history
 * (notices naming it or its country). Notices live one day in the state, so the room keeps this board
 * and posts each day's public notices to it; the board is plain data and these functions are pure.
 */
import type { Notice } from "../engine/tradeState.ts";
import type { NewsView } from "./types.ts";

const TICKER_KEPT = 30;
const REGION_HISTORY_KEPT = 6;

export interface NewsBoard {
  ticker: NewsView[];
  /** Region id → its history, oldest first. */
  regions: Record<string, NewsView[]>;
}

export function emptyNewsBoard(): NewsBoard {
  return { ticker: [], regions: {} };
}

/** Places where a public notice belongs: region ids, with the country each region is in. */
export interface RegionPlace {
  id: string;
  country: string;
}

/** Adds the day's public notices (company notices are private: they go to the seat, not the news). */
export function postNews(
  board: NewsBoard,
  notices: readonly Notice[],
  regions: readonly RegionPlace[],
): NewsBoard {
  const ticker = [...board.ticker];
  const histories = { ...board.regions };
  for (const n of notices) {
    if (n.company !== null) continue;
    const item = newsItem(n);
    ticker.push(item);
    for (const r of regions) {
      if (!n.targets.some((t) => t === r.id || t === r.country)) continue;
      histories[r.id] = [...(histories[r.id] ?? []), item].slice(-REGION_HISTORY_KEPT);
    }
  }
  return { ticker: ticker.slice(-TICKER_KEPT), regions: histories };
}

function newsItem(n: Notice): NewsView {
  return { day: n.day, kind: n.kind, en: n.text.en, zh: n.text.zh, targets: [...n.targets] };
}
