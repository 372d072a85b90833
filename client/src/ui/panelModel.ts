/**
 * The gameplay panels' view-model: pure functions from the server's previews and state to what a panel
 * shows (enabled or not and why, sorted rows, formatted figures). No DOM, so unit-tested in Node. None
 * of this decides an outcome: legality and prices are the server engine's answers, only presented here.
 */
import type { PreviewReply, ShipQuote, ShopModelQuote } from "../../../shared/protocol/index.ts";
import { pick, t, type Lang } from "../i18n/index.ts";
import type { CompanyPrivateView, LotView, NewsView, OfferView, RegionView } from "../net/view.ts";
import { formatBps, formatCents, formatDate, formatNumber, isoOfDay } from "./format.ts";
import type { PreviewState } from "./previewer.ts";

export interface Gate {
  enabled: boolean;
  /** Why the action is not possible now (or that it is being checked), in the chosen language. */
  reason: string | null;
}

/** Whether an action's button is enabled, from its preview: only the engine's "ok" enables it. */
export function gateOf(state: PreviewState, lang: Lang): Gate {
  switch (state.status) {
    case "idle":
      return { enabled: false, reason: null };
    case "pending":
      return { enabled: false, reason: t("panels.checking") };
    case "failed":
      return { enabled: false, reason: pick(state.reason, lang) };
    case "done":
      return state.reply.ok
        ? { enabled: true, reason: null }
        : { enabled: false, reason: state.reply.error ? pick(state.reply.error.message, lang) : null };
  }
}

/** The quote of a finished preview, if it is of the kind asked for. */
export function quoteOf<K extends NonNullable<PreviewReply["quote"]>["kind"]>(
  state: PreviewState,
  kind: K,
): Extract<NonNullable<PreviewReply["quote"]>, { kind: K }> | null {
  if (state.status !== "done" || state.reply.quote?.kind !== kind) return null;
  return state.reply.quote as Extract<NonNullable<PreviewReply["quote"]>, { kind: K }>;
}

/** A whole number of units typed by the player, from 1 to `max`, or null. */
export function parseCount(text: string, max = 100_000): number | null {
  const n = Number(text.trim());
  return text.trim() !== "" && Number.isInteger(n) && n >= 1 && n <= max ? n : null;
}

/** A dollar amount typed by the player as whole cents (≥ 0), or null. */
export function parseUsdCents(text: string): number | null {
  const n = Number(text.trim().replace(/[$,\s]/g, ""));
  return text.trim() !== "" && Number.isFinite(n) && n >= 0 ? Math.round(n * 100) : null;
}

/** BTC typed by the player as satoshis (≥ 1), or null. */
export function parseBtcSats(text: string): number | null {
  const n = Number(text.trim());
  if (text.trim() === "" || !Number.isFinite(n)) return null;
  const sats = Math.round(n * 1e8);
  return sats >= 1 ? sats : null;
}

export type ShopSort = "efficiency" | "price" | "breakeven" | "hashrate";
export const SHOP_SORTS: readonly ShopSort[] = ["efficiency", "price", "breakeven", "hashrate"];

/** The shop's rows: on sale first, then by the chosen key (best first), then by id for a stable order. */
export function sortModels(models: readonly ShopModelQuote[], by: ShopSort): ShopModelQuote[] {
  const key = (m: ShopModelQuote): number => {
    if (by === "price") return m.unitCents ?? Infinity;
    if (by === "breakeven") return -m.breakevenMicroUsdPerKwh;
    if (by === "hashrate") return -m.ths;
    return m.jPerTh;
  };
  return [...models].sort(
    (a, b) => Number(b.onSale) - Number(a.onSale) || key(a) - key(b) || a.id.localeCompare(b.id),
  );
}

/** Price per TH/s of a model, USD: what the shop compares machines by. */
export function usdPerTh(m: Pick<ShopModelQuote, "unitCents" | "ths">): number | null {
  return m.unitCents === null || m.ths <= 0 ? null : m.unitCents / 100 / m.ths;
}

export interface ShipRow {
  mode: ShipQuote["mode"];
  ok: boolean;
  reason: string | null;
  cost: string;
  days: string;
  duties: string;
  risk: string;
  warnings: string[];
}

/** One row per freight mode: cost paid now, days to the port, expected duty and VAT, and the risks. */
export function shipRows(reply: PreviewReply | null, lang: Lang): ShipRow[] {
  if (reply?.quote?.kind !== "ship") return [];
  return reply.quote.modes.map((m) => {
    const q = m.quote;
    return {
      mode: m.mode,
      ok: m.ok,
      reason: m.ok ? null : m.error ? pick(m.error.message, lang) : null,
      cost: q ? formatCents(q.payNowCents, lang) : "–",
      days: q ? t("panels.ship.days", { days: q.days, date: formatDate(q.customsDate, lang) }) : "–",
      duties: q
        ? q.international
          ? t("panels.ship.duties", {
              tariff: formatBps(q.tariffBps, lang),
              vat: formatBps(q.vatBps, lang),
              amount: formatCents(q.tariffCents + q.vatCents, lang),
            })
          : t("panels.ship.domestic")
        : "–",
      risk: q
        ? t("panels.ship.risk", { loss: formatBps(q.lossBps, lang), damage: formatBps(q.damageBps, lang) })
        : "–",
      warnings: q ? q.warnings.map((w) => pick(w, lang)) : [],
    };
  });
}

/** The mode to show selected when the player has not chosen: the cheapest one the engine accepts. */
export function cheapestMode(reply: PreviewReply | null): ShipQuote["mode"] | null {
  if (reply?.quote?.kind !== "ship") return null;
  const ok = reply.quote.modes.filter((m) => m.ok && m.quote);
  ok.sort((a, b) => (a.quote?.expectedTotalCents ?? 0) - (b.quote?.expectedTotalCents ?? 0));
  return ok[0]?.mode ?? null;
}

/** Lots that can be sold or offered: anything already delivered (the engine says the rest). */
export function tradable(lots: readonly LotView[]): LotView[] {
  return lots.filter((l) => l.status !== "onOrder");
}

/** Daily profit shown with its sign, and a class to colour it. */
export function pnl(centsPerDay: number, lang: Lang): { text: string; tone: "gain" | "loss" | "flat" } {
  const cents = Math.round(centsPerDay);
  if (cents === 0) return { text: formatCents(0, lang), tone: "flat" };
  const text = `${cents > 0 ? "+" : ""}${formatCents(cents, lang)}`;
  return { text, tone: cents > 0 ? "gain" : "loss" };
}

/** Open offers to me (to answer) and from me (to cancel), soonest to expire first. */
export function splitOffers(
  p: Pick<CompanyPrivateView, "offers"> | null,
  seat: string | null,
): { incoming: OfferView[]; outgoing: OfferView[] } {
  const all = [...(p?.offers ?? [])].sort(
    (a, b) => isoOfDay(a.expiresDay).localeCompare(isoOfDay(b.expiresDay)) || a.id.localeCompare(b.id),
  );
  return { incoming: all.filter((o) => o.to === seat), outgoing: all.filter((o) => o.from === seat) };
}

/** A region's news, newest first; falls back to the ticker's items naming it or its country. */
export function regionHistory(region: RegionView | undefined, news: readonly NewsView[]): NewsView[] {
  if (!region) return [];
  const own = region.history ?? [];
  const items = own.length
    ? own
    : news.filter((n) => n.targets.some((x) => x === region.id || x === region.country));
  return [...items].filter((n) => n.kind !== "explanation").reverse();
}

/** kW of lease a lot needs, whole (the engine compares the exact figure; this is the form's default). */
export function kwFor(lot: Pick<LotView, "kw">): number {
  return Math.max(1, Math.ceil(lot.kw));
}

export const ths = (value: number, lang: Lang): string =>
  `${formatNumber(value, lang, value < 10 ? 1 : 0)} TH/s`;

/** Send is enabled for the chosen mode only if the engine accepted that mode (each is judged apart). */
export function shipGate(state: PreviewState, mode: ShipQuote["mode"] | null, lang: Lang): Gate {
  if (state.status !== "done") return gateOf(state, lang);
  if (state.reply.quote?.kind !== "ship") return gateOf(state, lang);
  if (!mode) return { enabled: false, reason: t("panels.ship.pickMode") };
  const entry = state.reply.quote.modes.find((m) => m.mode === mode);
  if (!entry) return { enabled: false, reason: null };
  return entry.ok
    ? { enabled: true, reason: null }
    : { enabled: false, reason: entry.error ? pick(entry.error.message, lang) : null };
}
