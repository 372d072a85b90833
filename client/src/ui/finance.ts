/**
 * Finance: cash and BTC, the share of mined BTC sold each day, the payout scheme (pool or solo), and
 * selling BTC from the treasury now. What a sale would bring, and whether each change is possible, come
 * from the engine's previews.
 */
import { lang, t, type Lang } from "../i18n/index.ts";
import type { GameServer } from "../net/Server.ts";
import type { CompanyPrivateView, GameView } from "../net/view.ts";
import { createDialog } from "./dialog.ts";
import { createLoanSections } from "./financeLoans.ts";
import { h, status } from "./dom.ts";
import { fillSelect, texts } from "./fields.ts";
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
import { gatedAction } from "./gatedAction.ts";
import { gateOf, parseBtcSats, quoteOf, type Gate } from "./panelModel.ts";
import type { PreviewState } from "./previewer.ts";

type Mine = () => CompanyPrivateView | null;

/**
 * The gate of a setting shown as it stands: the engine refuses to set what is already set (ALREADY_SO),
 * which is the panel's normal state, not a problem to show in red; nor is a question being checked.
 * The button stays off without a reason until the player changes something.
 */
export function settingGate(s: PreviewState, l: Lang): Gate {
  if (s.status === "pending") return { enabled: false, reason: null };
  if (s.status === "done" && !s.reply.ok && s.reply.error?.code === "ALREADY_SO")
    return { enabled: false, reason: null };
  return gateOf(s, l);
}

/** The share of each day's mined BTC sold at once, as a percentage. */
function ratioSection(server: GameServer, out: HTMLElement) {
  const input = h("input", {
    id: "finance-ratio",
    type: "number",
    min: 0,
    max: 100,
    step: 1,
    "data-testid": "finance-ratio",
    oninput: () => action.ask(),
  });
  const text = texts();
  const action = gatedAction({
    server,
    status: out,
    testid: "finance-ratio-set",
    reasonId: "finance-ratio-reason",
    label: "fleet.setRatio",
    intent: () => {
      const pct = Number(input.value);
      return input.value.trim() !== "" && Number.isFinite(pct) && pct >= 0 && pct <= 100
        ? { type: "setSellRatio" as const, ratioBps: ratioBps(pct) }
        : null;
    },
    // Nothing to ask about a percentage out of range: say so rather than leave the button off unexplained.
    gate: (s) =>
      s.status === "idle" ? { enabled: false, reason: t("fleet.badRatio") } : settingGate(s, lang()),
  });
  return {
    nodes: [
      text.label("finance-ratio", "panels.finance.ratio"),
      h("div", { class: "row" }, input, action.button),
      action.reason,
    ],
    action,
    reset: (p: CompanyPrivateView | null) => void (input.value = String((p?.sellRatioBps ?? 0) / 100)),
    relabel(): void {
      text.relabel();
      action.render();
    },
  };
}

/** Pool (steady payouts, a fee) or solo (the whole block reward, now and then). */
function payoutSection(server: GameServer, out: HTMLElement) {
  const select = h("select", {
    id: "finance-payout",
    "data-testid": "finance-payout",
    onchange: () => action.ask(true),
  });
  const text = texts();
  const action = gatedAction({
    server,
    status: out,
    testid: "finance-payout-set",
    reasonId: "finance-payout-reason",
    label: "fleet.setRatio",
    intent: () => {
      const v = select.value;
      return v === "pool" || v === "solo" ? { type: "setPayout" as const, payout: v } : null;
    },
    gate: (s) => settingGate(s, lang()),
  });
  return {
    nodes: [
      text.label("finance-payout", "panels.finance.payout"),
      h("div", { class: "row" }, select, action.button),
      action.reason,
    ],
    action,
    reset: (p: CompanyPrivateView | null) => void (select.value = p?.payout ?? "pool"),
    relabel(): void {
      text.relabel();
      fillSelect(select, [
        ["pool", t("panels.finance.pool")],
        ["solo", t("panels.finance.solo")],
      ]);
      action.render();
    },
  };
}

/** Selling BTC from the treasury now, at the engine's price. */
function sellSection(server: GameServer, out: HTMLElement, mine: Mine) {
  const btc = h("input", {
    id: "finance-sell-btc",
    type: "number",
    min: 0,
    step: "any",
    "data-testid": "finance-sell-btc",
    oninput: () => action.ask(),
  });
  const text = texts();
  const all = text.add(h("button", { type: "button", "data-testid": "finance-sell-all" }), () =>
    t("panels.finance.all"),
  );
  const quote = h("p", { class: "quote", "data-testid": "finance-sell-quote" });
  const action = gatedAction({
    server,
    status: out,
    testid: "finance-sell",
    reasonId: "finance-sell-reason",
    label: "panels.finance.sell",
    primary: true,
    intent: () => {
      const sats = parseBtcSats(btc.value);
      return sats === null ? null : { type: "sellBtc" as const, sats };
    },
    show: (s) => {
      if (s.status === "idle") quote.textContent = t("panels.finance.typeBtc");
      const q = quoteOf(s, "btc");
      if (q)
        quote.textContent = t("panels.finance.sellQuote", {
          btc: formatBtc(q.sats / 1e8, lang()),
          usd: formatCents(q.cents, lang()),
          price: formatCents(q.priceCents, lang()),
        });
    },
  });
  all.addEventListener("click", () => {
    // Everything held: the form shows it; the engine's preview says what it would bring.
    btc.value = String(btcOfSats(mine()?.btcSats ?? 0).toFixed(8));
    action.ask(true);
  });
  return {
    nodes: [
      text.heading("panels.finance.sellTitle"),
      text.label("finance-sell-btc", "panels.finance.btc"),
      h("div", { class: "row" }, btc, all, action.button),
      quote,
      action.reason,
    ],
    action,
    reset: () => void (btc.value = ""),
    relabel(): void {
      text.relabel();
      action.render();
    },
  };
}

function moneyText(priv: CompanyPrivateView, view: GameView | null): string {
  const l = lang();
  return t("panels.finance.money", {
    cash: formatCents(priv.cashCents, l),
    btc: formatSats(priv.btcSats, l),
    value: formatUsd(btcOfSats(priv.btcSats) * usdOfCents(view?.priceCents ?? 0), l),
    ratio: formatNumber(priv.sellRatioBps / 100, l),
    payout: t(priv.payout === "solo" ? "panels.finance.solo" : "panels.finance.pool"),
  });
}

export function createFinance(parent: HTMLElement, server: GameServer) {
  const money = h("p", { "data-testid": "finance-money" });
  const out = status();
  out.setAttribute("data-testid", "finance-status");
  let priv: CompanyPrivateView | null = null;
  let lastView: GameView | null = null;
  const sections = [
    ratioSection(server, out),
    payoutSection(server, out),
    sellSection(server, out, () => priv),
  ];
  // Interest, loans and buying BTC (issue #13 §4): financeLoans.ts.
  const money2 = createLoanSections(server, out, () => priv);
  const dialog = createDialog(parent, "finance", () => {
    for (const s of sections) s.action.stop();
    money2.stop();
  });
  dialog.body.append(money, ...sections.flatMap((s) => s.nodes), ...money2.nodes, out);
  const renderMoney = () => void (money.textContent = priv ? moneyText(priv, lastView) : "");

  function relabel(): void {
    dialog.setTitle(t("panels.finance.title"));
    for (const s of sections) s.relabel();
    money2.relabel();
  }

  relabel();
  return {
    open(opener?: Element | null) {
      relabel();
      for (const s of sections) s.reset(priv);
      out.textContent = "";
      renderMoney();
      dialog.open(opener);
      for (const s of sections) s.action.ask(true);
      money2.open();
    },
    update(view: GameView, seat: string | null) {
      lastView = view;
      priv = view.companies.find((c) => c.seat === seat)?.priv ?? null;
      if (!dialog.isOpen) return;
      renderMoney();
      for (const s of sections) s.action.refresh();
      money2.update();
    },
    relabel,
    close: () => dialog.close(),
  };
}
