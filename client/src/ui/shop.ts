/**
 * The machine shop: today's models (TH/s, W, J/TH, price, breakeven power price, availability, lead
 * time) from the server's catalogue, and an order of N units from a factory. The price, the lead time
 * and whether the order is possible come from the engine's preview; Buy is enabled only when it says yes.
 */
import catalog from "virtual:atlas-catalog";
import type { ShopModelQuote, ShopQuote } from "../../../shared/protocol/index.ts";
import { lang, pick, t, type MessageKey } from "../i18n/index.ts";
import type { GameServer } from "../net/Server.ts";
import { perform } from "./act.ts";
import { applyGate, createDialog } from "./dialog.ts";
import { fill, fillKeepFocus, h, status } from "./dom.ts";
import { formatDate, formatEfficiency, formatHashprice, formatNumber } from "./format.ts";
import {
  gateOf,
  parseCount,
  power,
  quoteOf,
  SHOP_SORTS,
  sortModels,
  ths,
  usd,
  usdPerTh,
  type ShopSort,
} from "./panelModel.ts";
import { Previewer, type PreviewState } from "./previewer.ts";

export function hubName(id: string): string {
  const hub = catalog.hubs.find((x) => x.id === id);
  return hub ? pick(hub.name) : id;
}

export function createShop(parent: HTMLElement, server: GameServer) {
  const dialog = createDialog(parent, "shop", () => {
    shopAsk.stop();
    orderAsk.stop();
  });
  const head = h("p", { class: "muted", "data-testid": "shop-info" });
  const factory = h("select", {
    id: "shop-factory",
    "data-testid": "shop-factory",
    onchange: () => askOrder(),
  });
  const sort = h("select", { id: "shop-sort", "data-testid": "shop-sort", onchange: () => renderTable() });
  const table = h("div", { class: "shop-table" });
  const qty = h("input", {
    id: "shop-qty",
    type: "number",
    min: 1,
    step: 1,
    value: "10",
    "data-testid": "shop-qty",
    oninput: () => askOrder(),
  });
  const buy = h("button", { type: "button", class: "primary", "data-testid": "shop-buy", disabled: true });
  const summary = h("p", { class: "quote", "data-testid": "shop-quote", "aria-live": "polite" });
  const reason = h("p", { id: "shop-reason", class: "reason", "data-testid": "shop-reason", hidden: true });
  const out = status();
  out.setAttribute("data-testid", "shop-status");
  const labels = {
    factory: h("label", { for: "shop-factory" }),
    sort: h("label", { for: "shop-sort" }),
    qty: h("label", { for: "shop-qty" }),
  };
  dialog.body.append(
    head,
    h("div", { class: "row wrap" }, h("div", {}, labels.factory, factory), h("div", {}, labels.sort, sort)),
    table,
    h("div", { class: "row order" }, h("div", {}, labels.qty, qty), buy),
    summary,
    reason,
    out,
  );

  let catalogue: ShopQuote | null = null;
  let selected: string | null = null;
  let factoryFor = "";
  const shopAsk = new Previewer((s) => showCatalogue(s));
  const orderAsk = new Previewer((s) => showOrder(s));

  buy.addEventListener("click", () => {
    const order = currentOrder();
    if (!order) return;
    void perform(server.command(order), out).then((ok) => {
      if (ok) shopAsk.ask({ key: "shop", ask: () => server.shop() }, true);
      askOrder(true);
    });
  });

  function currentOrder() {
    const n = parseCount(qty.value);
    if (!selected || n === null) return null;
    return {
      type: "orderMachines" as const,
      model: selected,
      quantity: n,
      ...(factory.value ? { factory: factory.value } : {}),
    };
  }

  function askOrder(now = false): void {
    const order = currentOrder();
    orderAsk.ask(order ? { key: JSON.stringify(order), ask: () => server.preview(order) } : null, now);
    if (!order) {
      summary.textContent = selected ? t("panels.badQty") : t("panels.shop.pick");
      applyGate(buy, reason, { enabled: false, reason: null });
    }
  }

  function showCatalogue(s: PreviewState): void {
    const q = quoteOf(s, "shop");
    if (s.status === "failed") fill(table, h("p", { class: "reason", text: gateOf(s, lang()).reason ?? "" }));
    if (!q) return;
    catalogue = q;
    head.textContent = t("panels.shop.info", {
      date: formatDate(q.date, lang()),
      hashprice: `${formatHashprice(q.hashpriceMicroUsd / 1e6, lang())}${t("hud.hashpriceUnit")}`,
      fee: formatNumber(q.poolFeeBps / 100, lang(), 1),
      cash: usd(q.cashCents, lang(), true),
    });
    renderFactories(q);
    renderTable();
  }

  function renderFactories(q: ShopQuote): void {
    const key = q.factories
      .map((f) => `${f.hub}:${f.leadDays}:${f.priceMultiplierBps}:${f.exportBlockedUntil}`)
      .join("|");
    if (key === factoryFor) return;
    factoryFor = key;
    const keep = factory.value;
    fill(
      factory,
      h("option", { value: "", text: t("panels.shop.homeFactory") }),
      ...q.factories.map((f) =>
        h("option", {
          value: f.hub,
          text: [
            hubName(f.hub),
            t("panels.shop.lead", { days: f.leadDays }),
            f.priceMultiplierBps !== 10_000
              ? `×${formatNumber(f.priceMultiplierBps / 10_000, lang(), 2)}`
              : "",
            f.exportBlockedUntil
              ? t("panels.shop.exportBlocked", { date: formatDate(f.exportBlockedUntil, lang()) })
              : "",
          ]
            .filter(Boolean)
            .join(" · "),
        }),
      ),
    );
    factory.value = q.factories.some((f) => f.hub === keep) ? keep : "";
  }

  function modelRow(m: ShopModelQuote): HTMLElement {
    const l = lang();
    const perTh = usdPerTh(m);
    const choose = h("button", {
      type: "button",
      class: "link",
      "data-testid": `shop-model-${m.id}`,
      "data-k": `model-${m.id}`,
      "aria-pressed": String(selected === m.id),
      disabled: !m.onSale,
      text: m.name,
      onclick: () => {
        selected = m.id;
        renderTable();
        askOrder(true);
        qty.focus();
      },
    });
    return h(
      "tr",
      { class: selected === m.id ? "selected" : "" },
      h("td", {}, choose),
      h("td", { class: "num", text: ths(m.ths, l) }),
      h("td", { class: "num", text: `${formatNumber(m.powerW, l)} W` }),
      h("td", { class: "num", text: formatEfficiency(m.jPerTh, l) }),
      h("td", { class: "num", text: m.unitCents === null ? "–" : usd(m.unitCents, l) }),
      h("td", {
        class: "num",
        text: perTh === null ? "–" : `$${formatNumber(perTh, l, perTh < 10 ? 2 : 0)}`,
      }),
      h("td", { class: "num", text: power(m.breakevenMicroUsdPerKwh, l) }),
      h("td", {
        text: m.onSale
          ? t("panels.shop.lead", { days: m.leadDays ?? 0 })
          : t("panels.shop.from", { date: formatDate(m.releaseDate, l) }),
      }),
    );
  }

  const COLS: MessageKey[] = [
    "fleet.model",
    "panels.shop.ths",
    "panels.shop.watts",
    "panels.shop.jth",
    "panels.shop.price",
    "panels.shop.perTh",
    "panels.shop.breakeven",
    "panels.shop.availability",
  ];

  function renderTable(): void {
    if (!catalogue) return void fill(table, h("p", { class: "muted", text: t("panels.loading") }));
    const rows = sortModels(catalogue.models, (sort.value || "efficiency") as ShopSort);
    fillKeepFocus(
      table,
      h(
        "table",
        { class: "lots" },
        h("caption", { class: "sr-only", text: t("panels.shop.title") }),
        h("thead", {}, h("tr", {}, ...COLS.map((k) => h("th", { scope: "col", text: t(k) })))),
        h("tbody", {}, ...rows.map(modelRow)),
      ),
    );
  }

  function showOrder(s: PreviewState): void {
    applyGate(buy, reason, gateOf(s, lang()));
    const q = quoteOf(s, "order");
    if (!q) return void (summary.textContent = s.status === "pending" ? t("panels.checking") : "");
    const name = catalogue?.models.find((m) => m.id === selected)?.name ?? selected ?? "";
    summary.textContent = t("panels.shop.quote", {
      qty: formatNumber(parseCount(qty.value) ?? 0, lang()),
      model: name,
      total: usd(q.totalCents, lang()),
      unit: usd(q.unitCents, lang()),
      factory: hubName(q.factory),
      date: formatDate(q.readyDate, lang()),
      days: q.leadDays,
    });
  }

  function relabel(): void {
    dialog.setTitle(t("panels.shop.title"));
    labels.factory.textContent = t("panels.shop.factory");
    labels.sort.textContent = t("panels.shop.sort");
    labels.qty.textContent = t("panels.qty");
    buy.textContent = t("panels.shop.buy");
    const keep = sort.value || "efficiency";
    fill(
      sort,
      ...SHOP_SORTS.map((k) => h("option", { value: k, text: t(`panels.sort.${k}` as MessageKey) })),
    );
    sort.value = keep;
    factoryFor = "";
    if (catalogue) showCatalogue({ status: "done", reply: { ok: true, quote: catalogue } });
    else renderTable();
    showOrder(orderAsk.state);
    if (!selected) summary.textContent = t("panels.shop.pick");
  }

  relabel();
  return {
    open(opener?: Element | null) {
      dialog.open(opener);
      shopAsk.ask({ key: "shop", ask: () => server.shop() }, true);
      askOrder(true);
    },
    /** A new game day: prices moved; ask again (throttled) while open. */
    tick() {
      if (!dialog.isOpen) return;
      shopAsk.refresh();
      orderAsk.refresh();
    },
    close: () => dialog.close(),
    relabel,
  };
}
