/**
 * The machine shop: today's models (TH/s, W, J/TH, price, breakeven power price, availability, lead
 * time) from the server's catalog, and an order of N units from a factory. The price, the lead time
 * and whether the order is possible come from the engine's preview; Buy is enabled only when it says yes.
 */
import type { ShopModelQuote, ShopQuote } from "../../../shared/protocol/index.ts";
import { lang, t, type MessageKey } from "../i18n/index.ts";
import { hubName } from "./hubNames.ts";
import type { GameServer } from "../net/Server.ts";
import { createDialog } from "./dialog.ts";
import { fill, h, status } from "./dom.ts";
import { keyedRows, setAttr, setText } from "./keyedRows.ts";
import { texts } from "./fields.ts";
import {
  formatCents,
  formatDate,
  formatEfficiency,
  formatHashprice,
  formatNumber,
  formatPowerMicro,
} from "./format.ts";
import { gatedAction } from "./gatedAction.ts";
import { termTip } from "./glossary.ts";
import {
  gateOf,
  parseCount,
  quoteOf,
  SHOP_SORTS,
  sortModels,
  ths,
  usdPerTh,
  type ShopSort,
} from "./panelModel.ts";
import { Previewer, type PreviewState } from "./previewer.ts";
import { preorderList, premiumField, queueLine } from "./shopQueue.ts";
import type { CompanyPrivateView } from "../net/view.ts";

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

/** The factories to order from, with lead time, price factor and any export ban; redrawn on change only. */
function renderFactories(select: HTMLSelectElement, q: ShopQuote): void {
  const key = q.factories
    .map((f) => `${f.hub}:${f.leadDays}:${f.priceMultiplierBps}:${f.exportBlockedUntil}`)
    .join("|");
  if (key === select.dataset.factories) return;
  select.dataset.factories = key;
  const keep = select.value;
  fill(
    select,
    h("option", { value: "", text: t("panels.shop.homeFactory") }),
    ...q.factories.map((f) =>
      h("option", {
        value: f.hub,
        text: [
          hubName(f.hub),
          t("panels.shop.lead", { days: f.leadDays }),
          f.priceMultiplierBps !== 10_000 ? `×${formatNumber(f.priceMultiplierBps / 10_000, lang(), 2)}` : "",
          f.exportBlockedUntil
            ? t("panels.shop.exportBlocked", { date: formatDate(f.exportBlockedUntil, lang()) })
            : "",
        ]
          .filter(Boolean)
          .join(" · "),
      }),
    ),
  );
  select.value = q.factories.some((f) => f.hub === keep) ? keep : "";
}

/** A model's row: its name (the button that picks it) and its figures, updated in place each day. */
function modelRows(tbody: HTMLElement, choose: (id: string) => void) {
  return keyedRows<{ m: ShopModelQuote; selected: boolean }, HTMLTableRowElement>(tbody, {
    key: ({ m }) => m.id,
    create: ({ m }) =>
      h(
        "tr",
        {},
        h(
          "td",
          {},
          h("button", {
            type: "button",
            class: "link",
            "data-testid": `shop-model-${m.id}`,
            "data-k": `model-${m.id}`,
            onclick: () => choose(m.id),
          }),
        ),
        ...COLS.slice(1).map((_, i) => h("td", { class: i === COLS.length - 2 ? "" : "num" })),
      ),
    update(row, { m, selected }) {
      const l = lang();
      const perTh = usdPerTh(m);
      row.classList.toggle("selected", selected);
      const button = row.cells[0]?.firstElementChild as HTMLButtonElement;
      setText(button, m.name);
      setAttr(button, "aria-pressed", String(selected));
      button.disabled = !m.onSale;
      const cells = [
        ths(m.ths, l),
        `${formatNumber(m.powerW, l)} W`,
        formatEfficiency(m.jPerTh, l),
        m.unitCents === null ? "–" : formatCents(m.unitCents, l),
        perTh === null ? "–" : `$${formatNumber(perTh, l, perTh < 10 ? 2 : 0)}`,
        formatPowerMicro(m.breakevenMicroUsdPerKwh, l),
        availability(m, l),
      ];
      cells.forEach((text, i) => setText(row.cells[i + 1] as HTMLElement, text));
    },
  });
}

/** When a model can be had new: its lead time, the day it comes, or used only once the factories stopped. */
function availability(m: ShopModelQuote, l: ReturnType<typeof lang>): string {
  if (m.onSale) return t("panels.shop.lead", { days: m.leadDays ?? 0 });
  if (m.madeUntil !== null && m.usedOpen)
    return t("panels.shop.usedOnly", { date: formatDate(m.madeUntil, l) });
  return t("panels.shop.from", { date: formatDate(m.releaseDate, l) });
}

/**
 * The models table, built once and kept: each day's catalog updates its rows in place, so that a
 * click on a row is never lost to a redraw between mouse-down and mouse-up (at 16× pace it was).
 */
function modelsTable(box: HTMLElement, choose: (id: string) => void) {
  const note = h("p", { class: "muted" });
  const caption = h("caption", { class: "sr-only" });
  const heads = COLS.map(() => h("th", { scope: "col" }));
  const tbody = h("tbody", {});
  const table = h("table", { class: "lots" }, caption, h("thead", {}, h("tr", {}, ...heads)), tbody);
  // How the prices above are made (issue #16): sticky, and lower before a halving.
  const priceWhy = h("span", {});
  box.append(note, table, h("p", { class: "muted" }, priceWhy, termTip("machinePrice")));
  const rows = modelRows(tbody, choose);
  return {
    /**
     * The catalog's models (null: none yet), and a line over them ("": none): loading, or why the
     * last refresh failed. A failed refresh keeps the last table: the rows stay under the pointer.
     */
    draw(
      models: readonly ShopModelQuote[] | null,
      selected: string | null,
      line: string,
      error: boolean,
    ): void {
      note.hidden = line === "";
      note.className = error ? "reason" : "muted";
      table.hidden = models === null;
      setText(note, line);
      if (models) rows.sync(models.map((m) => ({ m, selected: m.id === selected })));
    },
    relabel(): void {
      setText(caption, t("panels.shop.title"));
      heads.forEach((th, i) => setText(th, t(COLS[i] as MessageKey)));
      setText(priceWhy, t("machinePrice.note"));
      rows.reset(); // texts in the rows (lead times, dates) are in the language too
    },
  };
}

/** The catalog's date, hashprice, pool fee and my cash, over the table. */
function catalogInfo(q: ShopQuote): string {
  return t("panels.shop.info", {
    date: formatDate(q.date, lang()),
    hashprice: `${formatHashprice(q.hashpriceMicroUsd / 1e6, lang())}${t("hud.hashpriceUnit")}`,
    fee: formatNumber(q.poolFeeBps / 100, lang(), 1),
    cash: formatCents(q.cashCents, lang(), true),
  });
}

/** The order's quote line: the total, the unit price, the factory and when the machines are ready. */
function orderSummary(s: PreviewState, model: string | null, name: string, qty: string): string {
  if (s.status === "idle") return model ? t("panels.badQty") : t("panels.shop.pick");
  const q = quoteOf(s, "order");
  if (!q) return s.status === "pending" ? t("panels.checking") : "";
  return t("panels.shop.quote", {
    qty: formatNumber(parseCount(qty) ?? 0, lang()),
    model: name,
    total: formatCents(q.totalCents, lang()),
    unit: formatCents(q.unitCents, lang()),
    factory: hubName(q.factory),
    date: formatDate(q.readyDate, lang()),
    days: q.leadDays,
  });
}

/**
 * The catalog: its date, hashprice and my cash, the factory and sort pickers, and the models table.
 * Picking a model (`picked`) or a factory (`factoryChanged`) changes the order the player is making.
 */
function shopCatalog(server: GameServer, picked: () => void, factoryChanged: () => void) {
  const text = texts();
  const head = h("p", { class: "muted", "data-testid": "shop-info" });
  const factory = h("select", {
    id: "shop-factory",
    "data-testid": "shop-factory",
    onchange: factoryChanged,
  });
  const sort = h("select", { id: "shop-sort", "data-testid": "shop-sort", onchange: () => draw() });
  const table = h("div", { class: "shop-table" });
  let catalog: ShopQuote | null = null;
  let selected: string | null = null;
  /** Why the last ask failed (null: it did not). */
  let failure: string | null = null;
  const previewer = new Previewer((s) => show(s));
  const models = modelsTable(table, (id) => {
    selected = id;
    draw();
    picked();
  });

  function draw(): void {
    const sorted = catalog ? sortModels(catalog.models, (sort.value || "efficiency") as ShopSort) : null;
    models.draw(sorted, selected, failure ?? (catalog ? "" : t("panels.loading")), failure !== null);
  }

  function show(s: PreviewState): void {
    const q = quoteOf(s, "shop");
    failure = s.status === "failed" ? (gateOf(s, lang()).reason ?? "") : null;
    if (!q) return draw();
    catalog = q;
    head.textContent = catalogInfo(q);
    renderFactories(factory, q);
    draw();
  }

  return {
    nodes: [
      head,
      h(
        "div",
        { class: "row wrap" },
        h("div", {}, text.label("shop-factory", "panels.shop.factory"), factory),
        h("div", {}, text.label("shop-sort", "panels.shop.sort"), sort),
      ),
      table,
    ],
    factory,
    selected: () => selected,
    modelName: () => catalog?.models.find((m) => m.id === selected)?.name ?? selected ?? "",
    nameOf: (id: string) => catalog?.models.find((m) => m.id === id)?.name ?? id,
    ask: () => previewer.ask({ key: "shop", ask: () => server.shop() }, true),
    refresh: () => previewer.refresh(),
    stop: () => previewer.stop(),
    relabel(): void {
      text.relabel();
      const keep = sort.value || "efficiency";
      fill(
        sort,
        ...SHOP_SORTS.map((k) => h("option", { value: k, text: t(`panels.sort.${k}` as MessageKey) })),
      );
      sort.value = keep;
      models.relabel();
      delete factory.dataset.factories;
      if (catalog) show({ status: "done", reply: { ok: true, quote: catalog } });
      else draw();
    },
  };
}

/** How many units to order. */
function qtyInput(oninput: () => void): HTMLInputElement {
  return h("input", {
    id: "shop-qty",
    type: "number",
    min: 1,
    step: 1,
    value: "10",
    "data-testid": "shop-qty",
    oninput,
  });
}

export function createShop(parent: HTMLElement, server: GameServer) {
  const shop = shopCatalog(
    server,
    () => {
      buy.ask(true);
      qty.focus();
    },
    () => buy.ask(),
  );
  const text = texts();
  const qty = qtyInput(() => buy.ask());
  const summary = h("p", { class: "quote", "data-testid": "shop-quote", "aria-live": "polite" });
  // The factory queue (shopQueue.ts): the bid, the queue line under the quote, my pre-orders.
  const premium = premiumField(() => buy.ask());
  const queue = h("p", { class: "muted", "data-testid": "shop-queue" });
  const out = status();
  out.setAttribute("data-testid", "shop-status");
  const buy = gatedAction({
    server,
    status: out,
    testid: "shop-buy",
    reasonId: "shop-reason",
    label: "panels.shop.buy",
    primary: true,
    intent: () => {
      const n = parseCount(qty.value);
      const model = shop.selected();
      if (!model || n === null) return null;
      const factory = shop.factory.value ? { factory: shop.factory.value } : {};
      const bid = premium.bps() > 0 ? { premiumBps: premium.bps() } : {};
      return { type: "orderMachines" as const, model, quantity: n, ...factory, ...bid };
    },
    show: (s) => {
      summary.textContent = orderSummary(s, shop.selected(), shop.modelName(), qty.value);
      queue.textContent = queueLine(s);
    },
    // An order changes my cash and may move the factories' lead times: the catalog too.
    after: (ok) => ok && shop.ask(),
  });
  const preorders = preorderList(server, out, (id) => shop.nameOf(id));
  const orderTail = [premium.node, buy.button];
  const dialog = createDialog(parent, "shop", () => {
    shop.stop();
    buy.stop();
  });
  dialog.body.append(
    ...shop.nodes,
    h("div", { class: "row order" }, h("div", {}, text.label("shop-qty", "panels.qty"), qty), ...orderTail),
    summary,
    queue,
    buy.reason,
    out,
    ...preorders.nodes,
  );

  function relabel(): void {
    dialog.setTitle(t("panels.shop.title"));
    text.relabel();
    shop.relabel();
    premium.relabel();
    preorders.relabel();
    buy.render();
  }

  relabel();
  return {
    open(opener?: Element | null) {
      dialog.open(opener);
      shop.ask();
      buy.ask(true);
    },
    /** A new game day: prices moved; ask again (throttled) while open. */
    tick() {
      if (!dialog.isOpen) return;
      shop.refresh();
      buy.refresh();
    },
    close: () => dialog.close(),
    /** My pre-orders from the view (the engine's queue). */
    update: (mine: CompanyPrivateView | null) => preorders.sync(mine?.preorders ?? []),
    relabel,
  };
}
