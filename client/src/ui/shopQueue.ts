/**
 * The shop's factory queue (issue #13 §3): the pre-order bid field, the queue line under the order's
 * quote (place in the queue, list price with demand, the bid's unit price, the month each batch ships)
 * and my pre-orders with their cancel buttons. Every figure is the engine's (the order quote and the
 * view's pre-orders); nothing here decides a rule.
 */
import { lang, t } from "../i18n/index.ts";
import type { GameServer } from "../net/Server.ts";
import type { PreorderView } from "../../../shared/view/types.ts";
import { perform } from "./act.ts";
import { h } from "./dom.ts";
import { texts } from "./fields.ts";
import { formatCents, formatDate, formatNumber } from "./format.ts";
import { termTip } from "./glossary.ts";
import { keyedRows, setText } from "./keyedRows.ts";
import { quoteOf } from "./panelModel.ts";
import { hubName } from "./hubNames.ts";
import type { PreviewState } from "./previewer.ts";

/** Batches listed in a line before "…": a long order's tail is in my pre-orders. */
const MAX_BATCHES_SHOWN = 4;

/** "300 on 1 Mar 2020, 120 on 31 Mar 2020": when each batch ships. */
function scheduleText(schedule: readonly { date: string; quantity: number }[]): string {
  const l = lang();
  const parts = schedule
    .slice(0, MAX_BATCHES_SHOWN)
    .map((b) => t("factoryQueue.batch", { n: formatNumber(b.quantity, l), date: formatDate(b.date, l) }));
  return parts.join(", ") + (schedule.length > MAX_BATCHES_SHOWN ? ", …" : "");
}

const pct = (bps: number) => formatNumber(bps / 100, lang(), bps % 100 === 0 ? 0 : 1);

/** The pre-order bid: a percentage over list; `bps()` is what the order sends (0 when empty or bad). */
export function premiumField(onInput: () => void) {
  const text = texts();
  const input = h("input", {
    id: "shop-premium",
    type: "number",
    min: 0,
    step: 1,
    value: "0",
    "data-testid": "shop-premium",
    oninput: onInput,
  });
  return {
    node: h("div", {}, text.label("shop-premium", "factoryQueue.premium"), termTip("preorder"), input),
    bps(): number {
      const v = Number(input.value);
      return Number.isFinite(v) && v > 0 ? Math.round(v * 100) : 0;
    },
    relabel: () => text.relabel(),
  };
}

/** The order quote's queue line ("" until there is a quote). */
export function queueLine(s: PreviewState): string {
  const q = quoteOf(s, "order");
  if (!q) return "";
  if (q.unplaced > 0) return t("factoryQueue.full", { n: formatNumber(q.unplaced, lang()) });
  const l = lang();
  return t("factoryQueue.quote", {
    pos: q.queuePosition,
    len: q.queueLength + 1,
    list: formatCents(q.listCents, l),
    demand: q.demandBps > 10_000 ? t("factoryQueue.demand", { pct: pct(q.demandBps - 10_000) }) : "",
    bid:
      q.premiumBps > 0
        ? t("factoryQueue.bid", { pct: pct(q.premiumBps), unit: formatCents(q.unitCents, l) })
        : "",
    schedule: scheduleText(q.schedule),
  });
}

/** "25 on 16 Feb 2020", or "300 on 1 Mar 2020 … last on 30 Apr 2020 (3 batches)". */
function preorderSchedule(p: PreorderView): string {
  const l = lang();
  const first = t("factoryQueue.batch", {
    n: formatNumber(p.firstQuantity, l),
    date: formatDate(p.firstDate, l),
  });
  if (p.batches <= 1) return first;
  return t("factoryQueue.batches", { first, last: formatDate(p.lastDate, l), n: p.batches });
}

/** My pre-orders, each with its place, bid, batches and a cancel button saying the refund. */
export function preorderList(server: GameServer, out: HTMLElement, nameOf: (model: string) => string) {
  const text = texts();
  const list = h("ul", { class: "offers", "data-testid": "preorders" });
  const none = h("li", { class: "muted" });
  const line = (p: PreorderView) =>
    t("factoryQueue.row", {
      qty: formatNumber(p.quantity, lang()),
      model: nameOf(p.model),
      factory: hubName(p.factory),
      pos: p.position,
      len: p.queueLength,
      pct: pct(p.premiumBps),
      schedule: preorderSchedule(p),
    }) + (p.bumped ? ` · ${t("factoryQueue.bumped")}` : "");
  const rows = keyedRows<PreorderView, HTMLLIElement>(list, {
    key: (p) => p.id,
    create: (p) =>
      h(
        "li",
        { "data-testid": `preorder-${p.id}` },
        h("span", { class: "grow" }),
        h("button", {
          type: "button",
          "data-testid": `preorder-cancel-${p.id}`,
          onclick: () => void perform(server.command({ type: "cancelPreorder", order: p.id }), out),
        }),
      ),
    update(li, p) {
      setText(li.children[0] as HTMLElement, line(p));
      setText(
        li.children[1] as HTMLElement,
        t("factoryQueue.cancel", { refund: formatCents(p.refundCents, lang()) }),
      );
    },
  });
  let last: readonly PreorderView[] = [];
  return {
    nodes: [
      h(
        "h3",
        {},
        text.add(h("span", {}), () => t("factoryQueue.mine")),
        termTip("factoryQueue"),
      ),
      list,
    ],
    sync(preorders: readonly PreorderView[]): void {
      last = preorders;
      rows.sync(preorders);
      none.remove();
      if (!preorders.length) list.append(none);
    },
    relabel(): void {
      text.relabel();
      setText(none, t("factoryQueue.none"));
      rows.reset();
      rows.sync(last);
    },
  };
}
