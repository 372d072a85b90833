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
import { perform } from "./act.ts";
import { applyGate, createDialog } from "./dialog.ts";
import { h, status } from "./dom.ts";
import { fillSelect, lotLabel } from "./fields.ts";
import { createOffers } from "./offers.ts";
import { gateOf, parseCount, quoteOf, tradable, usd } from "./panelModel.ts";
import { Previewer, type PreviewState } from "./previewer.ts";

export function createMarket(parent: HTMLElement, server: GameServer) {
  const dialog = createDialog(parent, "market", () => {
    for (const p of [shopAsk, sellAsk, buyAsk]) p.stop();
    offers.stop();
  });
  const field = (
    id: string,
    attrs: Record<string, string | number> = {},
    onChange = () => undefined as void,
  ) => h("input", { id, type: "number", min: 1, step: 1, "data-testid": id, oninput: onChange, ...attrs });
  const sellLot = h("select", {
    id: "market-sell-lot",
    "data-testid": "market-sell-lot",
    onchange: () => lotChanged(),
  });
  const sellQty = field("market-sell-qty", {}, () => askSell());
  const sellQuote = h("p", { class: "quote", "data-testid": "market-sell-quote" });
  const sellReason = h("p", {
    id: "market-sell-reason",
    class: "reason",
    "data-testid": "market-sell-reason",
    hidden: true,
  });
  const sell = h("button", { type: "button", "data-testid": "market-sell", disabled: true });
  const buyModel = h("select", {
    id: "market-buy-model",
    "data-testid": "market-buy-model",
    onchange: () => askBuy(true),
  });
  const buyRegion = h("select", {
    id: "market-buy-region",
    "data-testid": "market-buy-region",
    onchange: () => askBuy(true),
  });
  const buyQty = field("market-buy-qty", { value: "10" }, () => askBuy());
  const buyQuote = h("p", { class: "quote", "data-testid": "market-buy-quote" });
  const buyReason = h("p", {
    id: "market-buy-reason",
    class: "reason",
    "data-testid": "market-buy-reason",
    hidden: true,
  });
  const buy = h("button", { type: "button", "data-testid": "market-buy", disabled: true });
  const out = status();
  out.setAttribute("data-testid", "market-status");
  const offersBox = h("div", {});
  const offers = createOffers(offersBox, server);
  const text = {
    sellTitle: h("h3", {}),
    buyTitle: h("h3", {}),
    sellLot: h("label", { for: "market-sell-lot" }),
    sellQty: h("label", { for: "market-sell-qty" }),
    buyModel: h("label", { for: "market-buy-model" }),
    buyRegion: h("label", { for: "market-buy-region" }),
    buyQty: h("label", { for: "market-buy-qty" }),
  };
  dialog.body.append(
    text.sellTitle,
    text.sellLot,
    sellLot,
    h("div", { class: "row wrap" }, h("div", {}, text.sellQty, sellQty), sell),
    sellQuote,
    sellReason,
    text.buyTitle,
    h(
      "div",
      { class: "row wrap" },
      h("div", {}, text.buyModel, buyModel),
      h("div", {}, text.buyRegion, buyRegion),
    ),
    h("div", { class: "row wrap" }, h("div", {}, text.buyQty, buyQty), buy),
    buyQuote,
    buyReason,
    out,
    offersBox,
  );

  let priv: CompanyPrivateView | null = null;
  let lotsKey = "";
  let shop: ShopQuote | null = null;
  const shopAsk = new Previewer((s) => {
    const q = quoteOf(s, "shop");
    if (!q) return;
    shop = q;
    renderModels();
  });
  const sellAsk = new Previewer((s) => showSell(s));
  const buyAsk = new Previewer((s) => showBuy(s));

  sell.addEventListener("click", () => {
    const cmd = sellCommand();
    if (cmd) void perform(server.command(cmd), out).then(() => askSell(true));
  });
  buy.addEventListener("click", () => {
    const cmd = buyCommand();
    if (cmd) void perform(server.command(cmd), out).then(() => askBuy(true));
  });

  function sellCommand() {
    const lot = priv?.lots.find((l) => l.id === sellLot.value);
    const n = parseCount(sellQty.value, lot?.quantity ?? 0);
    return lot && n !== null ? { type: "sellMachines" as const, lot: lot.id, quantity: n } : null;
  }

  function buyCommand() {
    const n = parseCount(buyQty.value);
    if (!buyModel.value || !buyRegion.value || n === null) return null;
    return { type: "buyUsed" as const, model: buyModel.value, quantity: n, region: buyRegion.value };
  }

  function askSell(now = false): void {
    const cmd = sellCommand();
    sellAsk.ask(cmd ? { key: JSON.stringify(cmd), ask: () => server.preview(cmd) } : null, now);
    if (!cmd) sellQuote.textContent = sellLot.value ? t("panels.badQty") : t("panels.market.noLots");
  }

  function askBuy(now = false): void {
    const cmd = buyCommand();
    buyAsk.ask(cmd ? { key: JSON.stringify(cmd), ask: () => server.preview(cmd) } : null, now);
    if (!cmd) buyQuote.textContent = buyModel.value ? t("panels.badQty") : t("panels.market.noUsed");
  }

  function showSell(s: PreviewState): void {
    applyGate(sell, sellReason, gateOf(s, lang()));
    const q = quoteOf(s, "sale");
    if (q)
      sellQuote.textContent = t("panels.market.sellQuote", {
        unit: usd(q.unitCents, lang()),
        total: usd(q.totalCents, lang()),
      });
  }

  function showBuy(s: PreviewState): void {
    applyGate(buy, buyReason, gateOf(s, lang()));
    const q = quoteOf(s, "used");
    if (q)
      buyQuote.textContent = t("panels.market.buyQuote", {
        unit: usd(q.unitCents, lang()),
        total: usd(q.totalCents, lang()),
      });
  }

  function lotChanged(): void {
    const lot = priv?.lots.find((l) => l.id === sellLot.value);
    sellQty.max = String(lot?.quantity ?? 1);
    sellQty.value = String(lot?.quantity ?? "");
    askSell(true);
  }

  function renderLots(): void {
    const lots = tradable(priv?.lots ?? []);
    const key = lots.map((l) => `${l.id}:${l.quantity}:${l.status}:${l.placeKind}:${l.placeId}`).join("|");
    if (key === lotsKey) return;
    lotsKey = key;
    const before = sellLot.value;
    fillSelect(
      sellLot,
      lots.map((l) => [l.id, lotLabel(l)]),
    );
    if (sellLot.value !== before || !sellQty.value) lotChanged();
  }

  function renderModels(): void {
    const l = lang();
    const used = (shop?.models ?? []).filter((m) => m.usedOpen);
    fillSelect(
      buyModel,
      used.map((m) => [m.id, `${m.name} · ${t("panels.market.ask", { price: usd(m.usedAskCents, l) })}`]),
    );
    askBuy();
  }

  function renderRegions(): void {
    // Where I already lease first (machines bought there can be installed at once), then by name.
    const leased = new Set((priv?.leases ?? []).map((x) => x.region));
    const regions = [...catalog.regions].sort(
      (a, b) =>
        Number(leased.has(b.id)) - Number(leased.has(a.id)) ||
        pick(a.name).localeCompare(pick(b.name), lang()),
    );
    fillSelect(
      buyRegion,
      regions.map((r) => [r.id, pick(r.name)]),
    );
  }

  function relabel(): void {
    dialog.setTitle(t("panels.market.title"));
    text.sellTitle.textContent = t("panels.market.sellTitle");
    text.buyTitle.textContent = t("panels.market.buyTitle");
    text.sellLot.textContent = t("panels.market.lot");
    text.sellQty.textContent = t("panels.qty");
    text.buyModel.textContent = t("fleet.model");
    text.buyRegion.textContent = t("panels.market.region");
    text.buyQty.textContent = t("panels.qty");
    sell.textContent = t("panels.market.sell");
    buy.textContent = t("panels.market.buy");
    lotsKey = "";
    renderLots();
    renderRegions();
    renderModels();
    offers.relabel();
  }

  relabel();
  return {
    open(opener?: Element | null) {
      relabel();
      dialog.open(opener);
      shopAsk.ask({ key: "shop", ask: () => server.shop() }, true);
      askSell(true);
      offers.open();
    },
    update(view: GameView, seat: string | null) {
      priv = view.companies.find((c) => c.seat === seat)?.priv ?? null;
      offers.update(view, seat);
      if (!dialog.isOpen) return;
      renderLots();
      for (const p of [shopAsk, sellAsk, buyAsk]) p.refresh();
    },
    relabel,
    close: () => dialog.close(),
  };
}
