/**
 * The region card's used market (issue #13 §2): second-hand machines are bought where they stand, so the
 * card of a region offers its own market. The player picks a model and a count; the engine quotes the
 * lot here (its price walking up the region's stock, the units on sale, the machines' age, the price kept
 * for their wear and their yearly failure rate) and gates the purchase. No rule here: figures come from
 * the preview's "used" quote.
 */
import type { ShopQuote } from "../../../shared/protocol/index.ts";
import { lang, onLangChange, t } from "../i18n/index.ts";
import type { GameServer } from "../net/Server.ts";
import type { CompanyPrivateView } from "../net/view.ts";
import { createRegionHere, type HereHooks } from "./regionHere.ts";
import { h } from "./dom.ts";
import { countProblem, texts } from "./fields.ts";
import { formatCents, formatNumber } from "./format.ts";
import { gatedAction, type GatedAction } from "./gatedAction.ts";
import { termTip } from "./glossary.ts";
import { syncOptions } from "./keyedRows.ts";
import { parseCount, quoteOf } from "./panelModel.ts";
import { Previewer, type PreviewState } from "./previewer.ts";

const DAYS_PER_MONTH = 30.4;

/** The quote's line: units on sale here, the price, the machines' condition and failure rate. */
function quoteLine(s: PreviewState): string | null {
  const q = quoteOf(s, "used");
  if (!q) return null;
  const l = lang();
  const duty = q.dutyBps
    ? ` · ${t("usedMkt.duty", { duty: formatNumber(Math.round(q.dutyBps / 10) / 10, l) })}`
    : "";
  return `${t("usedMkt.quote", {
    stock: formatNumber(q.stockUnits ?? 0, l),
    unit: formatCents(q.unitCents, l),
    total: formatCents(q.totalCents, l),
    months: formatNumber(Math.round((q.ageDays ?? 0) / DAYS_PER_MONTH), l),
    cond: formatNumber(Math.round((q.conditionBps ?? 10_000) / 100), l),
    fail: formatNumber(Math.round((q.failureBpsPerYear ?? 0) / 10) / 10, l),
  })}${duty}`;
}

/** The model and count fields; `changed` asks the engine again. */
function fields(changed: (now?: boolean) => void) {
  const model = h("select", {
    id: "used-here-model",
    "data-testid": "used-here-model",
    onchange: () => changed(true),
  });
  const qty = h("input", {
    id: "used-here-qty",
    type: "number",
    min: 1,
    step: 1,
    value: "10",
    "data-testid": "used-here-qty",
    oninput: () => changed(),
  });
  return { model, qty };
}

export function createRegionUsed(server: GameServer, out: HTMLElement, region: () => string) {
  const text = texts();
  const { model, qty } = fields((now) => action.ask(now));
  const quote = h("p", { class: "quote", "data-testid": "used-here-quote" });
  const action: GatedAction = gatedAction({
    server,
    status: out,
    testid: "used-here-buy",
    reasonId: "used-here-reason",
    label: "usedMkt.buy",
    intent: () => {
      const n = parseCount(qty.value);
      if (!model.value || n === null) return null;
      return { type: "buyUsed" as const, model: model.value, quantity: n, region: region() };
    },
    show: (s) => {
      if (s.status === "idle")
        quote.textContent = model.value
          ? (countProblem(qty.value, 100_000, "units") ?? "")
          : t("usedMkt.none");
      const line = quoteLine(s);
      if (line) quote.textContent = line;
    },
  });
  let shop: ShopQuote | null = null;
  const catalog = new Previewer((s) => {
    const q = quoteOf(s, "shop");
    if (!q) return;
    shop = q;
    const open = q.models.filter((m) => m.usedOpen);
    syncOptions(
      model,
      open.map((m) => [m.id, m.name]),
    );
    action.ask();
  });
  const el = h(
    "div",
    { class: "used-here", "data-testid": "used-here" },
    h(
      "h3",
      {},
      text.add(h("span"), () => t("usedMkt.title")),
      " ",
      termTip("usedMarket"),
    ),
    text.add(h("p", { class: "muted" }), () => t("usedMkt.intro")),
    h(
      "div",
      { class: "row wrap" },
      h("div", {}, text.label("used-here-model", "usedMkt.model"), model),
      h("div", {}, text.label("used-here-qty", "panels.qty"), qty),
      action.button,
    ),
    quote,
    action.reason,
  );
  return {
    el,
    /** The card opened (or changed region): fetch the models on sale and quote the lot here. */
    open(): void {
      if (!shop) catalog.ask({ key: "shop", ask: () => server.shop() }, true);
      action.ask(true);
    },
    /** A day passed: quote again (prices and stock move daily). */
    refresh: () => action.refresh(),
    relabel(): void {
      text.relabel();
      action.render();
    },
    stop(): void {
      catalog.stop();
      action.stop();
      shop = null;
    },
  };
}

/**
 * The card's "you and this region" part with the region's used market under it: one part for the card
 * to update, so that choosing a region (a forced update) quotes its market and each day re-quotes it.
 * Its words follow the language by themselves (onLangChange), the card's relabel does not list them.
 */
export function createHereAndUsed(
  server: GameServer,
  out: HTMLElement,
  hooks: HereHooks,
  region: () => string,
) {
  const here = createRegionHere(server, out, hooks);
  const used = createRegionUsed(server, out, region);
  const unlisten = onLangChange(() => used.relabel());
  return {
    el: h("div", {}, here.el, used.el),
    update(priv: CompanyPrivateView | null, id: string, force = false): void {
      here.update(priv, id, force);
      if (force) used.open();
      else used.refresh();
    },
    stop(): void {
      here.stop();
      used.stop();
    },
    /** The card is gone for good (tests): stop following the language. */
    dispose: unlisten,
  };
}
