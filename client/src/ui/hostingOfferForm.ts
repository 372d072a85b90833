/**
 * Offering spare kW of my own sites to another company (issue #13 §3): region (where I own a built
 * site), company, kW, price per kW-month and months, priced and gated by the engine's preview (its
 * quote: my spare own kW there, the month and the term, and the region's price to compare).
 */
import { lang, t } from "../i18n/index.ts";
import type { GameServer } from "../net/Server.ts";
import type { CompanyPrivateView, GameView } from "../net/view.ts";
import { h } from "./dom.ts";
import { texts } from "./fields.ts";
import { formatCents, formatNumber } from "./format.ts";
import { gatedAction } from "./gatedAction.ts";
import { syncOptions } from "./keyedRows.ts";
import { parseCount, parseUsdCents, quoteOf } from "./panelModel.ts";
import type { PreviewState } from "./previewer.ts";

interface FormContext {
  server: GameServer;
  out: HTMLElement;
  view(): GameView | null;
  seat(): string | null;
  mine(): CompanyPrivateView | null;
}

const input = (id: string, value: string, onInput: () => void) =>
  h("input", { id, type: "number", min: 1, step: 1, value, "data-testid": id, oninput: onInput });

/** The offer's quote as a line: my spare own kW, the month and the term, and the region's price. */
function showQuote(quote: HTMLElement) {
  return (s: PreviewState): void => {
    const q = quoteOf(s, "hostingOffer");
    if (!q) return;
    const l = lang();
    quote.textContent = t("hosting.offerQuote", {
      spare: formatNumber(q.spareKw, l),
      month: formatCents(q.monthCents, l),
      total: formatCents(q.totalCents, l),
      market: formatCents(q.marketCentsPerKwMonth, l),
    });
  };
}

export function hostingOfferForm(ctx: FormContext) {
  const text = texts();
  const ask = () => action.ask();
  const region = h("select", {
    id: "hosting-offer-region",
    "data-testid": "hosting-offer-region",
    onchange: ask,
  });
  const to = h("select", { id: "hosting-offer-to", "data-testid": "hosting-offer-to", onchange: ask });
  const kw = input("hosting-offer-kw", "1000", ask);
  const price = input("hosting-offer-price", "10", ask);
  const months = input("hosting-offer-months", "6", ask);
  const quote = h("p", { class: "quote", "data-testid": "hosting-offer-quote" });
  const action = gatedAction({
    server: ctx.server,
    status: ctx.out,
    testid: "hosting-offer-send",
    reasonId: "hosting-offer-reason",
    label: "hosting.offerButton",
    intent: () => {
      const n = parseCount(kw.value, 1_000_000);
      const cents = parseUsdCents(price.value);
      const m = parseCount(months.value, 60);
      if (!region.value || !to.value || n === null || cents === null || m === null) return null;
      const cmd = { type: "offerHosting" as const, to: to.value, region: region.value, kw: n };
      return { ...cmd, centsPerKwMonth: cents, months: m, days: 7 };
    },
    show: showQuote(quote),
  });
  const field = (id: string, key: Parameters<typeof text.label>[1], el: HTMLElement) =>
    h("div", {}, text.label(id, key), el);
  const box = h(
    "div",
    { "data-testid": "hosting-offer-form" },
    text.heading("hosting.offerTitle"),
    h(
      "div",
      { class: "row wrap" },
      field("hosting-offer-region", "hosting.offerRegion", region),
      field("hosting-offer-to", "hosting.offerTo", to),
      field("hosting-offer-kw", "hosting.offerKw", kw),
      field("hosting-offer-price", "hosting.offerPrice", price),
      field("hosting-offer-months", "hosting.offerMonths", months),
      action.button,
    ),
    quote,
    action.reason,
  );
  return {
    nodes: [box],
    /** Regions where I own a built site; companies other than mine. Hidden while I own none. */
    render(): void {
      const sites = (ctx.mine()?.hosting ?? []).filter((d) => d.kind === "site" && d.built);
      box.hidden = sites.length === 0;
      syncOptions(
        region,
        [...new Set(sites.map((d) => d.region))].map((r) => [r, r]),
      );
      const others = (ctx.view()?.companies ?? []).filter((c) => c.seat !== ctx.seat() && !c.bankrupt);
      syncOptions(
        to,
        others.map((c) => [c.seat, c.name || c.seat]),
      );
      if (!box.hidden) action.refresh();
    },
    action,
    relabel(): void {
      text.relabel();
      action.render();
    },
  };
}
