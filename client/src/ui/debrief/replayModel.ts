/**
 * What the replay slider shows for one day of a finished (or running) game: the map's regions from the
 * nearest frame at or before that day, the leaderboard from that day's equities, the news so far, and the
 * day's market figures, as a GameView so that the map and the leaderboard draw it like a live day. Pure.
 * The debrief's series are in display units (USD, EH/s, %); the view's are the engine's, so they are
 * converted back here.
 */
import type { DebriefFrame, DebriefPayload } from "../../../../shared/protocol/debrief.ts";
import { parseIsoDate } from "../../../../shared/math/calendar.ts";
import type { Lang } from "../../i18n/index.ts";
import type { CompanyView, GameView, NewsView, RegionView } from "../../net/view.ts";
import { companyLabel } from "./series.ts";

/** News items the ticker keeps, as the live room does. */
const NEWS_KEPT = 30;

/** Clamps a slider value to a day that has been played (0 when none has). */
export function clampDay(p: DebriefPayload, day: number): number {
  return Math.max(0, Math.min(p.dates.length - 1, Math.round(day)));
}

/** The latest frame on or before `day` (frames are in day order); the first one before any. */
export function frameAt(p: DebriefPayload, day: number): DebriefFrame | null {
  let lo = 0;
  let hi = p.frames.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((p.frames[mid] as DebriefFrame).day <= day) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return p.frames[Math.max(0, found)] ?? null;
}

export function regionsAt(p: DebriefPayload, day: number): RegionView[] {
  const f = frameAt(p, day);
  if (!f) return [];
  return p.regionIds.map((id, i) => ({
    id,
    country: "",
    policy: f.policy[i] ?? "allowed",
    banPending: f.banPending[i] ?? false,
    offline: f.offline[i] ?? false,
    powerMicroUsdPerKwh: Math.round((f.powerUsdPerKwh[i] ?? 0) * 1e6),
    freeKw: Math.round((f.freeMw[i] ?? 0) * 1000),
    restOfWorldThs: (f.rowEhs[i] ?? 0) * 1e6,
    shareBps: Math.round((f.sharePct[i] ?? 0) * 100),
    history: [],
  }));
}

/**
 * Companies ranked by that day's equity (ties keep seat order); the last day uses the final standings,
 * ranked by the game's measure (the debrief keeps only equity day by day).
 */
export function standingsAt(p: DebriefPayload, day: number, lang: Lang): CompanyView[] {
  const last = day >= p.dates.length - 1;
  const equity = p.companies.map((_, i) =>
    last ? (p.final.equityUsd[i] ?? 0) : (p.equityUsd[i]?.[day] ?? 0),
  );
  const byEquity = equity.map((e, i) => ({ e, i })).sort((a, b) => b.e - a.e || a.i - b.i);
  const rank = new Map(byEquity.map((o, k) => [o.i, k + 1]));
  if (last && p.final.rank.length === p.companies.length) p.final.rank.forEach((r, i) => rank.set(i, r));
  const order = p.companies.map((_, i) => i).sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
  return order.map((i) => {
    const c = p.companies[i];
    const equityCents = Math.round((equity[i] ?? 0) * 100);
    return {
      seat: c?.id ?? "",
      name: companyLabel(p, i, lang),
      bot: c?.bot ?? false,
      // A replay has nobody away: show bots as bots and people as present.
      connected: !(c?.bot ?? false),
      away: false,
      equityCents,
      minedSats: 0,
      ths: (p.companyEhs[i]?.[day] ?? 0) * 1e6,
      shareBps: 0,
      carbonKg: (p.carbonT[i]?.[day] ?? 0) * 1000,
      bankrupt: last ? (p.final.bankrupt[i] ?? false) : false,
      scoreValue: last ? (p.final.scoreValue[i] ?? equityCents) : equityCents,
      rank: rank.get(i) ?? 0,
      priv: null,
    };
  });
}

/** Public news up to and including `day`, oldest first (the ticker shows the newest first). */
export function newsAt(p: DebriefPayload, day: number): NewsView[] {
  return p.events
    .filter((e) => e.company === null && e.day <= day)
    .slice(-NEWS_KEPT)
    .map((e) => ({
      day: parseIsoDate(e.date),
      kind: e.kind,
      en: e.text.en,
      zh: e.text.zh,
      targets: e.targets,
    }));
}

/** The game as it stood at the end of `day`, over `base` (the live view, for what a day does not change). */
export function viewAt(base: GameView | null, p: DebriefPayload, day: number, lang: Lang): GameView {
  const d = clampDay(p, day);
  const n = p.network;
  return {
    phase: base?.phase ?? (p.status === "abandoned" ? "ended" : p.status),
    scenario: p.scenario,
    code: p.code,
    privateRoom: base?.privateRoom ?? false,
    pace: base?.pace ?? 1,
    hideNames: p.hideNames,
    day: p.dates[d] ? parseIsoDate(p.dates[d]) : 0,
    tick: d + 1,
    days: p.totalDays,
    height: base?.height ?? 0,
    difficulty: n.difficulty[d] ?? 0,
    nextRetargetHeight: base?.nextRetargetHeight ?? 0,
    retargetEstimatePct: 0,
    nextHalvingHeight: base?.nextHalvingHeight ?? 0,
    priceCents: Math.round((n.priceUsd[d] ?? 0) * 100),
    hashpriceMicroUsd: Math.round((n.hashpriceUsdPerThDay[d] ?? 0) * 1e6),
    // The debrief records no power cost by day: the live figure, as the other fields a day does not keep.
    networkPowerCostMicroUsdPerThDay: base?.networkPowerCostMicroUsdPerThDay ?? 0,
    machinePriceHashpriceMicroUsd: base?.machinePriceHashpriceMicroUsd ?? 0,
    networkThs: (n.ehs[d] ?? 0) * 1e6,
    playerThs: (n.playerEhs[d] ?? 0) * 1e6,
    regions: regionsAt(p, d),
    companies: standingsAt(p, d, lang),
    shipments: [],
    news: newsAt(p, d),
    // Day by day the replay ranks by equity; the last day by the game's measure.
    scoreBy: d >= p.dates.length - 1 ? p.scoreBy : "equity",
    classWorld: base?.classWorld ?? false,
  };
}
