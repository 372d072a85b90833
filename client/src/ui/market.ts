/**
 * The used market: sell (part of) a lot at the market's bid, buy second-hand machines at its ask into a
 * region's warehouse; and, below, offers of machines between players (./offers.ts). Prices and verdicts
 * come from the engine's previews; each button is enabled only when the engine would accept.
 */
import catalog from "virtual:atlas-catalog";
import type { ShopQuote } from "../../../shared/protocol/index.ts";
import { lang, pick, t } from "../i18n/index.ts";
import type { GameServer } from "../net/Server.ts";
import type { CompanyPrivateView, GameView } from "../net/view.ts";
import { createDialog } from "./dialog.ts";
import { h, status } from "./dom.ts";
import { countProblem, fillSelect, lotLabel, texts } from "./fields.ts";
import { syncOptions } from "./keyedRows.ts";
import { gatedAction } from "./gatedAction.ts";
import { createOffers } from "./offers.ts";
import { parseCount, quoteOf, tradable } from "./panelModel.ts";
import { Previewer } from "./previewer.ts";
import { formatCents } from "./format.ts";

type Mine = () => CompanyPrivateView | null;

const countField = (id: string, attrs: Record<string, string>, onInput: () => void) =>
  h("input", { id, type: "number", min: 1, step: 1, "data-testid": id, oninput: onInput, ...attrs });

/** Selling (part of) one of my lots at the market's bid. */
function sellSection(server: GameServer, out: HTMLElement, mine: Mine) {
  const lot = h("select", {
    id: "market-sell-lot",
    "data-testid": "market-sell-lot",
    onchange: () => lotChanged(),
  });
  const qty = countField("market-sell-qty", {}, () => action.ask());
  const quote = h("p", { class: "quote", "data-testid": "market-sell-quote" });
  const text = texts();
  const chosen = () => mine()?.lots.find((l) => l.id === lot.value);
  const action = gatedAction({
    server,
    status: out,
    testid: "market-sell",
    reasonId: "market-sell-reason",
    label: "panels.market.sell",
    intent: () => {
      const l = chosen();
      const n = parseCount(qty.value, l?.quantity ?? 0);
      return l && n !== null ? { type: "sellMachines" as const, lot: l.id, quantity: n } : null;
    },
    show: (s) => {
      if (s.status === "idle")
        quote.textContent = lot.value
          ? (countProblem(qty.value, chosen()?.quantity ?? 0, "units") ?? "")
          : t("panels.market.noLots");
      const q = quoteOf(s, "sale");
      if (q)
        quote.textContent = t("panels.market.sellQuote", {
          unit: formatCents(q.unitCents, lang()),
          total: formatCents(q.totalCents, lang()),
        });
    },
  });
  let lotsKey = "";

  function lotChanged(): void {
    const l = chosen();
    qty.max = String(l?.quantity ?? 1);
    qty.value = String(l?.quantity ?? "");
    action.ask(true);
  }

  function renderLots(): void {
    const lots = tradable(mine()?.lots ?? []);
    const key = lots.map((l) => `${l.id}:${l.quantity}:${l.status}:${l.placeKind}:${l.placeId}`).join("|");
    if (key === lotsKey) return;
    lotsKey = key;
    const before = lot.value;
    syncOptions(
      lot,
      lots.map((l) => [l.id, lotLabel(l)]),
    );
    if (lot.value !== before || !qty.value) lotChanged();
  }

  return {
    nodes: [
      text.heading("panels.market.sellTitle"),
      text.label("market-sell-lot", "panels.market.lot"),
      lot,
      h(
        "div",
        { class: "row wrap" },
        h("div", {}, text.label("market-sell-qty", "panels.qty"), qty),
        action.button,
      ),
      quote,
      action.reason,
    ],
    action,
    renderLots,
    relabel(): void {
      text.relabel();
      lotsKey = "";
      renderLots();
      action.render();
    },
  };
}

/** Buying second-hand machines at the market's ask, delivered to a region's warehouse. */
function buySection(server: GameServer, out: HTMLElement, mine: Mine) {
  const select = (id: string) => h("select", { id, "data-testid": id, onchange: () => action.ask(true) });
  const model = select("market-buy-model");
  const region = select("market-buy-region");
  const qty = countField("market-buy-qty", { value: "10" }, () => action.ask());
  const quote = h("p", { class: "quote", "data-testid": "market-buy-quote" });
  const text = texts();
  const action = gatedAction({
    server,
    status: out,
    testid: "market-buy",
    reasonId: "market-buy-reason",
    label: "panels.market.buy",
    intent: () => {
      const n = parseCount(qty.value);
      if (!model.value || !region.value || n === null) return null;
      return { type: "buyUsed" as const, model: model.value, quantity: n, region: region.value };
    },
    show: (s) => {
      if (s.status === "idle")
        quote.textContent = model.value
          ? (countProblem(qty.value, 100_000, "units") ?? "")
          : t("panels.market.noUsed");
      const q = quoteOf(s, "used");
      if (q)
        quote.textContent = t("panels.market.buyQuote", {
          unit: formatCents(q.unitCents, lang()),
          total: formatCents(q.totalCents, lang()),
        });
    },
  });
  // The models on the used market today come with the shop's catalog.
  let shop: ShopQuote | null = null;
  const catalog = new Previewer((s) => {
    const q = quoteOf(s, "shop");
    if (!q) return;
    shop = q;
    renderModels();
  });

  function renderModels(): void {
    const used = (shop?.models ?? []).filter((m) => m.usedOpen);
    // In place: the asks move every day, and an open drop-down must not be rebuilt under the player.
    syncOptions(
      model,
      used.map((m) => [
        m.id,
        `${m.name} · ${t("panels.market.ask", { price: formatCents(m.usedAskCents, lang()) })}`,
      ]),
    );
    action.ask();
  }

  return {
    nodes: [
      text.heading("panels.market.buyTitle"),
      h(
        "div",
        { class: "row wrap" },
        h("div", {}, text.label("market-buy-model", "fleet.model"), model),
        h("div", {}, text.label("market-buy-region", "panels.market.region"), region),
      ),
      h(
        "div",
        { class: "row wrap" },
        h("div", {}, text.label("market-buy-qty", "panels.qty"), qty),
        action.button,
      ),
      quote,
      action.reason,
    ],
    action,
    catalog,
    relabel(): void {
      text.relabel();
      renderRegions(region, mine());
      renderModels();
      action.render();
    },
  };
}

/** Where I already lease first (machines bought there can be installed at once), then by name. */
function renderRegions(select: HTMLSelectElement, priv: CompanyPrivateView | null): void {
  const leased = new Set((priv?.leases ?? []).map((x) => x.region));
  const regions = [...catalog.regions].sort(
    (a, b) =>
      Number(leased.has(b.id)) - Number(leased.has(a.id)) || pick(a.name).localeCompare(pick(b.name), lang()),
  );
  fillSelect(
    select,
    regions.map((r) => [r.id, pick(r.name)]),
  );
}

export function createMarket(parent: HTMLElement, server: GameServer) {
  const out = status();
  out.setAttribute("data-testid", "market-status");
  let priv: CompanyPrivateView | null = null;
  const sell = sellSection(server, out, () => priv);
  const buy = buySection(server, out, () => priv);
  const offersBox = h("div", {});
  const offers = createOffers(offersBox, server);
  const previews = [buy.catalog, sell.action, buy.action];
  const dialog = createDialog(parent, "market", () => {
    for (const p of previews) p.stop();
    offers.stop();
  });
  dialog.body.append(...sell.nodes, ...buy.nodes, out, offersBox);

  function relabel(): void {
    dialog.setTitle(t("panels.market.title"));
    sell.relabel();
    buy.relabel();
    offers.relabel();
  }

  relabel();
  return {
    open(opener?: Element | null) {
      relabel();
      dialog.open(opener);
      buy.catalog.ask({ key: "shop", ask: () => server.shop() }, true);
      sell.action.ask(true);
      offers.open();
    },
    update(view: GameView, seat: string | null) {
      priv = view.companies.find((c) => c.seat === seat)?.priv ?? null;
      offers.update(view, seat);
      if (!dialog.isOpen) return;
      sell.renderLots();
      for (const p of previews) p.refresh();
    },
    relabel,
    close: () => dialog.close(),
  };
}
