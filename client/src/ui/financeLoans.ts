/**
 * The finance panel's money matters (issue #13 §4): the risk-free rate cash earns and the interest so
 * far, borrowing against machines and BTC with the engine's loan quote (rate, loan to value, where a
 * margin call would come), the open loans with repayment, and buying BTC for the treasury. Every figure
 * is the engine's (the view's or a preview's quote); the panel only describes its form.
 */
import { lang, t } from "../i18n/index.ts";
import type { GameServer } from "../net/Server.ts";
import type { CompanyPrivateView, LoanView, LotView } from "../net/view.ts";
import { fill, h } from "./dom.ts";
import { fillSelect, lotLabel, texts } from "./fields.ts";
import { formatBps, formatBtc, formatCents, formatDay, formatNumber, formatSats } from "./format.ts";
import { gatedAction } from "./gatedAction.ts";
import { termTip } from "./glossary.ts";
import { parseBtcSats, quoteOf } from "./panelModel.ts";
import type { PreviewState } from "./previewer.ts";

type Mine = () => CompanyPrivateView | null;

/** A rate in basis points as a percentage with two decimals: 14.22% = 5.22% + 9.00%, to the basis point. */
function rate(bps: number): string {
  return `${formatNumber(bps / 100, lang(), 2)}%`;
}

/** US dollars typed by the player as whole cents, or null. */
export function parseUsdCents(text: string): number | null {
  const n = Number(text.trim());
  if (text.trim() === "" || !Number.isFinite(n)) return null;
  const cents = Math.round(n * 100);
  return cents >= 1 ? cents : null;
}

/** The rate, the interest so far and the green status, from the view. */
function ratesText(priv: CompanyPrivateView): string[] {
  const l = lang();
  const f = priv.finance;
  const rates = t("finance.rates", {
    rate: rate(f.riskFreeBps),
    estimate: f.riskFreeEstimate ? t("finance.estimate") : "",
    earned: formatCents(f.interestEarnedCents, l),
    paid: formatCents(f.interestPaidCents, l),
    debt: formatCents(f.debtCents, l),
  });
  const max = formatNumber(f.greenMaxGramsPerThDay, l);
  const grams = formatNumber(f.gramsPerThDay, l);
  const green =
    f.gramsPerThDay < 0
      ? t("finance.greenNone", { max })
      : t(f.green ? "finance.greenYes" : "finance.greenNo", { grams, max });
  return [rates, green];
}

function loanQuoteText(s: PreviewState): string | null {
  const q = quoteOf(s, "loan");
  if (!q) return null;
  const l = lang();
  if (q.rateBps === null || q.spreadBps === null)
    return t("finance.loanTooBig", {
      collateral: formatCents(q.collateralCents, l),
      max: formatCents(q.maxCents, l),
    });
  const quote = t("finance.loanQuote", {
    collateral: formatCents(q.collateralCents, l),
    max: formatCents(q.maxCents, l),
    ltv: formatBps(q.ltvBps, l),
    rate: rate(q.rateBps),
    rf: rate(q.riskFreeBps),
    spread: rate(q.spreadBps),
    green: q.green ? t("finance.greenTag") : "",
    perDay: formatCents(q.interestPerDayCents, l),
    due: formatDay(q.dueDay, l),
  });
  const margin = t("finance.marginLine", {
    below: formatCents(q.marginCallCollateralCents, l),
    maint: formatBps(q.maintenanceLtvBps, l),
  });
  return `${quote} ${margin}`;
}

/** Checkboxes for the company's unpledged lots, keeping what was ticked across redraws. */
function lotPicker(onChange: () => void) {
  const box = h("div", { class: "lot-picker", "data-testid": "finance-collateral-lots" });
  const ticked = new Set<string>();
  let key: string | null = null;
  return {
    box,
    chosen: () => [...ticked],
    update(lots: readonly LotView[]): void {
      const free = lots.filter((l) => l.pledgedTo === "");
      const next = free.map((l) => `${l.id}:${l.quantity}`).join("|");
      if (next === key) return;
      key = next;
      for (const id of [...ticked]) if (!free.some((l) => l.id === id)) ticked.delete(id);
      if (free.length === 0) return fill(box, h("p", { class: "muted", text: t("finance.noLots") }));
      fill(
        box,
        ...free.map((lot) => {
          const input = h("input", { type: "checkbox", "data-lot": lot.id, checked: ticked.has(lot.id) });
          input.addEventListener("change", () => {
            if (input.checked) ticked.add(lot.id);
            else ticked.delete(lot.id);
            onChange();
          });
          return h("label", { class: "row" }, input, lotLabel(lot));
        }),
      );
    },
    reset(): void {
      ticked.clear();
      key = null;
    },
  };
}

/** A number field whose id is also its test id. */
function numberInput(id: string, oninput: () => void, step: number | "any" = "any"): HTMLInputElement {
  return h("input", { id, type: "number", min: 0, step, "data-testid": id, oninput });
}

function borrowSection(server: GameServer, out: HTMLElement) {
  const text = texts();
  const amount = numberInput("finance-loan-usd", () => action.ask());
  const term = numberInput("finance-loan-days", () => action.ask(), 1);
  term.value = "180";
  const btc = numberInput("finance-loan-btc", () => action.ask());
  const picker = lotPicker(() => action.ask(true));
  const quote = h("p", { class: "quote", "data-testid": "finance-loan-quote" });
  const action = gatedAction({
    server,
    status: out,
    testid: "finance-borrow",
    reasonId: "finance-borrow-reason",
    label: "finance.borrow",
    intent: () => {
      const cents = parseUsdCents(amount.value);
      const termDays = Number(term.value);
      const btcSats = btc.value.trim() === "" ? 0 : parseBtcSats(btc.value);
      if (cents === null || !Number.isInteger(termDays) || termDays < 1 || btcSats === null) return null;
      return { type: "borrow" as const, cents, termDays, lots: picker.chosen(), btcSats };
    },
    show: (s) => {
      if (s.status === "idle") quote.textContent = t("finance.typeLoan");
      const q = loanQuoteText(s);
      if (q) quote.textContent = q;
    },
  });
  return {
    nodes: [
      h(
        "h3",
        {},
        text.add(h("span"), () => t("finance.borrowTitle")),
        termTip("loan"),
      ),
      text.label("finance-loan-usd", "finance.amount"),
      amount,
      text.label("finance-loan-days", "finance.term"),
      term,
      h(
        "p",
        {},
        text.add(h("span"), () => t("finance.collateral")),
        termTip("collateral"),
      ),
      picker.box,
      text.label("finance-loan-btc", "finance.collateralBtc"),
      btc,
      h("div", { class: "row" }, action.button, termTip("marginCall")),
      quote,
      action.reason,
    ],
    action,
    update: (priv: CompanyPrivateView | null) => picker.update(priv?.lots ?? []),
    reset(): void {
      amount.value = "";
      btc.value = "";
      picker.reset();
    },
    relabel(): void {
      text.relabel();
      action.render();
    },
  };
}

function loanRowText(loan: LoanView): string {
  const l = lang();
  return t("finance.loanRow", {
    id: loan.id.replace(/^loan-/, ""),
    principal: formatCents(loan.principalCents, l),
    rate: rate(loan.rateBps),
    collateral: formatCents(loan.collateralCents, l),
    lots: formatNumber(loan.lotCount, l),
    btc: formatSats(loan.btcSats, l),
    ltv: formatBps(loan.ltvBps, l),
    maint: formatBps(loan.maintenanceLtvBps, l),
    due: formatDay(loan.dueDay, l),
  });
}

function loansSection(server: GameServer, out: HTMLElement, mine: Mine) {
  const text = texts();
  const list = h("div", { "data-testid": "finance-loans" });
  const select = h("select", {
    id: "finance-repay-loan",
    "data-testid": "finance-repay-loan",
    onchange: () => action.ask(true),
  });
  const amount = h("input", {
    id: "finance-repay-usd",
    type: "number",
    min: 0,
    step: "any",
    "data-testid": "finance-repay-usd",
    oninput: () => action.ask(),
  });
  const all = text.add(h("button", { type: "button", "data-testid": "finance-repay-all" }), () =>
    t("finance.repayAll"),
  );
  const action = gatedAction({
    server,
    status: out,
    testid: "finance-repay",
    reasonId: "finance-repay-reason",
    label: "finance.repay",
    intent: () => {
      const cents = parseUsdCents(amount.value);
      return cents === null || select.value === ""
        ? null
        : { type: "repay" as const, loan: select.value, cents };
    },
  });
  all.addEventListener("click", () => {
    const loan = mine()?.loans.find((x) => x.id === select.value);
    if (loan) amount.value = (loan.principalCents / 100).toFixed(2);
    action.ask(true);
  });
  const update = (priv: CompanyPrivateView | null) => {
    const loans = priv?.loans ?? [];
    fillSelect(
      select,
      loans.map((x) => [x.id, loanRowText(x).split(":")[0] ?? x.id]),
    );
    if (loans.length === 0) return fill(list, h("p", { class: "muted", text: t("finance.noLoans") }));
    fill(
      list,
      ...loans.map((loan) => {
        const call =
          loan.marginCallDay > 0
            ? t("finance.marginCallRow", { date: formatDay(loan.marginCallDay, lang()) })
            : "";
        return h(
          "p",
          { "data-testid": "finance-loan-row", class: call ? "warn" : "" },
          `${loanRowText(loan)}${call ? ` · ${call}` : ""}`,
        );
      }),
    );
  };
  return {
    nodes: [
      text.heading("finance.loansTitle"),
      list,
      text.label("finance-repay-loan", "finance.repayLoan"),
      select,
      text.label("finance-repay-usd", "finance.repayAmount"),
      h("div", { class: "row" }, amount, all, action.button),
      action.reason,
    ],
    action,
    update,
    reset: () => void (amount.value = ""),
    relabel(): void {
      text.relabel();
      select.dataset.options = "";
      update(mine());
      action.render();
    },
  };
}

function buySection(server: GameServer, out: HTMLElement) {
  const text = texts();
  const btc = h("input", {
    id: "finance-buy-btc",
    type: "number",
    min: 0,
    step: "any",
    "data-testid": "finance-buy-btc",
    oninput: () => action.ask(),
  });
  const quote = h("p", { class: "quote", "data-testid": "finance-buy-quote" });
  const action = gatedAction({
    server,
    status: out,
    testid: "finance-buy",
    reasonId: "finance-buy-reason",
    label: "finance.buy",
    intent: () => {
      const sats = parseBtcSats(btc.value);
      return sats === null ? null : { type: "buyBtc" as const, sats };
    },
    show: (s) => {
      if (s.status === "idle") quote.textContent = t("finance.typeBuy");
      const q = quoteOf(s, "btcBuy");
      const l = lang();
      if (q)
        quote.textContent = t("finance.buyQuote", {
          btc: formatBtc(q.sats / 1e8, l),
          usd: formatCents(q.cents, l),
          price: formatCents(q.priceCents, l),
          fee: formatCents(q.feeCents, l),
          total: formatCents(q.totalCents, l),
        });
    },
  });
  return {
    nodes: [
      text.heading("finance.buyTitle"),
      text.label("finance-buy-btc", "finance.buyBtc"),
      h("div", { class: "row" }, btc, action.button),
      quote,
      action.reason,
    ],
    action,
    update: () => undefined,
    reset: () => void (btc.value = ""),
    relabel(): void {
      text.relabel();
      action.render();
    },
  };
}

/** The money sections of the finance dialog: rates line, borrow, loans and repay, buy BTC. */
export function createLoanSections(server: GameServer, out: HTMLElement, mine: Mine) {
  const rates = h("div", { "data-testid": "finance-rates" });
  const rateTips = h("p", { class: "muted" }, termTip("riskFree"));
  const sections = [borrowSection(server, out), loansSection(server, out, mine), buySection(server, out)];
  const render = () => {
    const priv = mine();
    fill(rates, ...(priv ? ratesText(priv) : []).map((line) => h("p", { text: line })), rateTips);
    for (const s of sections) s.update(priv);
  };
  return {
    nodes: [rates, ...sections.flatMap((s) => s.nodes)],
    open(): void {
      for (const s of sections) s.reset();
      render();
      for (const s of sections) s.action.ask(true);
    },
    update(): void {
      render();
      for (const s of sections) s.action.refresh();
    },
    relabel(): void {
      for (const s of sections) s.relabel();
      render();
    },
    stop(): void {
      for (const s of sections) s.action.stop();
    },
  };
}
