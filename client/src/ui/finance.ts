/**
 * Finance: cash and BTC, the share of mined BTC sold each day, the payout scheme (pool or solo), and
 * selling BTC from the treasury now. What a sale would bring, and whether each change is possible, come
 * from the engine's previews.
 */
import { lang, t } from "../i18n/index.ts";
import type { GameServer } from "../net/Server.ts";
import type { CompanyPrivateView, GameView } from "../net/view.ts";
import { perform } from "./act.ts";
import { applyGate, createDialog } from "./dialog.ts";
import { h, status } from "./dom.ts";
import { fillSelect } from "./fields.ts";
import { ratioBps } from "./fleet.ts";
import {
  btcOfSats,
  formatBtc,
  formatCents,
  formatNumber,
  formatSats,
  formatUsd,
  usdOfCents,
} from "./format.ts";
import { gateOf, parseBtcSats, quoteOf, usd } from "./panelModel.ts";
import { Previewer, type PreviewState } from "./previewer.ts";

export function createFinance(parent: HTMLElement, server: GameServer) {
  const dialog = createDialog(parent, "finance", () => {
    for (const p of [ratioAsk, payoutAsk, sellAsk]) p.stop();
  });
  const money = h("p", { "data-testid": "finance-money" });
  const ratio = h("input", {
    id: "finance-ratio",
    type: "number",
    min: 0,
    max: 100,
    step: 1,
    "data-testid": "finance-ratio",
    oninput: () => askRatio(),
  });
  const ratioSet = h("button", { type: "button", "data-testid": "finance-ratio-set", disabled: true });
  const ratioReason = h("p", {
    id: "finance-ratio-reason",
    class: "reason",
    "data-testid": "finance-ratio-reason",
    hidden: true,
  });
  const payout = h("select", {
    id: "finance-payout",
    "data-testid": "finance-payout",
    onchange: () => askPayout(true),
  });
  const payoutSet = h("button", { type: "button", "data-testid": "finance-payout-set", disabled: true });
  const payoutReason = h("p", {
    id: "finance-payout-reason",
    class: "reason",
    "data-testid": "finance-payout-reason",
    hidden: true,
  });
  const btc = h("input", {
    id: "finance-sell-btc",
    type: "number",
    min: 0,
    step: "any",
    "data-testid": "finance-sell-btc",
    oninput: () => askSell(),
  });
  const all = h("button", { type: "button", "data-testid": "finance-sell-all" });
  const sellQuote = h("p", { class: "quote", "data-testid": "finance-sell-quote" });
  const sellReason = h("p", {
    id: "finance-sell-reason",
    class: "reason",
    "data-testid": "finance-sell-reason",
    hidden: true,
  });
  const sell = h("button", {
    type: "button",
    class: "primary",
    "data-testid": "finance-sell",
    disabled: true,
  });
  const out = status();
  out.setAttribute("data-testid", "finance-status");
  const text = {
    ratio: h("label", { for: "finance-ratio" }),
    payout: h("label", { for: "finance-payout" }),
    btc: h("label", { for: "finance-sell-btc" }),
    sellTitle: h("h3", {}),
  };
  dialog.body.append(
    money,
    text.ratio,
    h("div", { class: "row" }, ratio, ratioSet),
    ratioReason,
    text.payout,
    h("div", { class: "row" }, payout, payoutSet),
    payoutReason,
    text.sellTitle,
    text.btc,
    h("div", { class: "row" }, btc, all, sell),
    sellQuote,
    sellReason,
    out,
  );

  let priv: CompanyPrivateView | null = null;
  const ratioAsk = new Previewer((s) => applyGate(ratioSet, ratioReason, gateOf(s, lang())));
  const payoutAsk = new Previewer((s) => applyGate(payoutSet, payoutReason, gateOf(s, lang())));
  const sellAsk = new Previewer((s) => showSell(s));

  const ratioCommand = () => {
    const pct = Number(ratio.value);
    return ratio.value.trim() !== "" && Number.isFinite(pct) && pct >= 0 && pct <= 100
      ? { type: "setSellRatio" as const, ratioBps: ratioBps(pct) }
      : null;
  };
  const payoutCommand = (): { type: "setPayout"; payout: "pool" | "solo" } | null => {
    const v = payout.value;
    return v === "pool" || v === "solo" ? { type: "setPayout" as const, payout: v } : null;
  };
  const sellCommand = () => {
    const sats = parseBtcSats(btc.value);
    return sats === null ? null : { type: "sellBtc" as const, sats };
  };

  function askRatio(now = false): void {
    const cmd = ratioCommand();
    ratioAsk.ask(cmd ? { key: JSON.stringify(cmd), ask: () => server.preview(cmd) } : null, now);
    if (!cmd) applyGate(ratioSet, ratioReason, { enabled: false, reason: t("fleet.badRatio") });
  }

  function askPayout(now = false): void {
    const cmd = payoutCommand();
    payoutAsk.ask(cmd ? { key: JSON.stringify(cmd), ask: () => server.preview(cmd) } : null, now);
  }

  function askSell(now = false): void {
    const cmd = sellCommand();
    sellAsk.ask(cmd ? { key: JSON.stringify(cmd), ask: () => server.preview(cmd) } : null, now);
    if (!cmd) sellQuote.textContent = t("panels.finance.typeBtc");
  }

  function showSell(s: PreviewState): void {
    applyGate(sell, sellReason, gateOf(s, lang()));
    const q = quoteOf(s, "btc");
    if (q)
      sellQuote.textContent = t("panels.finance.sellQuote", {
        btc: formatBtc(q.sats / 1e8, lang()),
        usd: usd(q.cents, lang()),
        price: usd(q.priceCents, lang()),
      });
  }

  const act = (cmd: Parameters<GameServer["command"]>[0] | null, after: () => void) => () => {
    if (cmd) void perform(server.command(cmd), out).then(after);
  };
  ratioSet.addEventListener("click", () => act(ratioCommand(), () => askRatio(true))());
  payoutSet.addEventListener("click", () => act(payoutCommand(), () => askPayout(true))());
  sell.addEventListener("click", () => act(sellCommand(), () => askSell(true))());
  all.addEventListener("click", () => {
    // Everything held: the form shows it; the engine's preview says what it would bring.
    btc.value = String(btcOfSats(priv?.btcSats ?? 0).toFixed(8));
    askSell(true);
  });

  function renderMoney(view: GameView | null): void {
    if (!priv) return void (money.textContent = "");
    const l = lang();
    money.textContent = t("panels.finance.money", {
      cash: formatCents(priv.cashCents, l),
      btc: formatSats(priv.btcSats, l),
      value: formatUsd(btcOfSats(priv.btcSats) * usdOfCents(view?.priceCents ?? 0), l),
      ratio: formatNumber(priv.sellRatioBps / 100, l),
      payout: t(priv.payout === "solo" ? "panels.finance.solo" : "panels.finance.pool"),
    });
  }

  function relabel(): void {
    dialog.setTitle(t("panels.finance.title"));
    text.ratio.textContent = t("panels.finance.ratio");
    text.payout.textContent = t("panels.finance.payout");
    text.btc.textContent = t("panels.finance.btc");
    text.sellTitle.textContent = t("panels.finance.sellTitle");
    ratioSet.textContent = t("fleet.setRatio");
    payoutSet.textContent = t("fleet.setRatio");
    all.textContent = t("panels.finance.all");
    sell.textContent = t("panels.finance.sell");
    fillSelect(payout, [
      ["pool", t("panels.finance.pool")],
      ["solo", t("panels.finance.solo")],
    ]);
  }

  relabel();
  let lastView: GameView | null = null;
  return {
    open(opener?: Element | null) {
      relabel();
      ratio.value = String((priv?.sellRatioBps ?? 0) / 100);
      payout.value = priv?.payout ?? "pool";
      btc.value = "";
      out.textContent = "";
      renderMoney(lastView);
      dialog.open(opener);
      askRatio(true);
      askPayout(true);
      askSell(true);
    },
    update(view: GameView, seat: string | null) {
      lastView = view;
      priv = view.companies.find((c) => c.seat === seat)?.priv ?? null;
      if (!dialog.isOpen) return;
      renderMoney(view);
      for (const p of [ratioAsk, payoutAsk, sellAsk]) p.refresh();
    },
    relabel,
    close: () => dialog.close(),
  };
}
