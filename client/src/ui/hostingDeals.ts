/**
 * The offers panel's hosting contracts (issue #13 §3): hosting offers made to me (accept, gated by the
 * engine's preview, or decline), my offers, and the contracts I host or am hosted under, from my
 * private view. `withHostingDeals` joins them to the machine offers' lists with one call.
 */
import { lang, t } from "../i18n/index.ts";
import type { GameServer } from "../net/Server.ts";
import type { CompanyPrivateView, GameView } from "../net/view.ts";
import type { HostingDealView } from "../../../shared/view/hostingView.ts";
import { perform } from "./act.ts";
import { fillKeepFocus, h } from "./dom.ts";
import { texts } from "./fields.ts";
import { formatCents, formatDay, formatNumber } from "./format.ts";
import { acceptButtons } from "./acceptButtons.ts";
import { termTip } from "./glossary.ts";
import { hostingOfferForm } from "./hostingOfferForm.ts";

interface DealsContext {
  server: GameServer;
  out: HTMLElement;
  view(): GameView | null;
  seat(): string | null;
  mine(): CompanyPrivateView | null;
}

interface Lists {
  nodes: Node[];
  render(): void;
  refresh(): void;
  stop(): void;
  relabel(): void;
}

function dealText(d: HostingDealView, seat: string | null, nameOf: (s: string) => string): string {
  const l = lang();
  const params = {
    from: nameOf(d.from),
    to: nameOf(d.to),
    kw: formatNumber(d.kw, l),
    region: d.region,
    months: d.months,
    price: formatCents(d.centsPerKwMonth, l),
    date: formatDay(d.day, l),
  };
  if (d.kind === "offer") return t(d.to === seat ? "hosting.deal.offerIn" : "hosting.deal.offerOut", params);
  return t(d.from === seat ? "hosting.deal.host" : "hosting.deal.guest", params);
}

function createHostingDeals(ctx: DealsContext): Lists {
  const text = texts();
  const list = h("ul", { class: "offers", "data-testid": "hosting-deals" });
  const accepts = acceptButtons(
    { server: ctx.server, status: ctx.out },
    "hosting",
    "hosting.accept",
    (offer) => ({
      type: "respondHosting" as const,
      offer,
      accept: true,
    }),
  );
  const nameOf = (s: string) => ctx.view()?.companies.find((c) => c.seat === s)?.name || s;
  const deals = () => (ctx.mine()?.hosting ?? []).filter((d) => d.kind === "offer" || d.kind === "contract");
  const incoming = (d: HostingDealView) => d.kind === "offer" && d.to === ctx.seat();

  function row(d: HostingDealView): HTMLElement {
    const item = h("li", { "data-testid": `hosting-deal-${d.id}` }, dealText(d, ctx.seat(), nameOf));
    if (!incoming(d)) return item;
    const accept = accepts.get(d.id);
    const decline = h("button", {
      type: "button",
      "data-testid": `hosting-decline-${d.id}`,
      text: t("hosting.decline"),
      onclick: () =>
        void perform(ctx.server.command({ type: "respondHosting", offer: d.id, accept: false }), ctx.out),
    });
    item.append(" ", accept.button, " ", decline, " ", accept.reason);
    return item;
  }

  let key = "";
  function render(): void {
    const all = deals();
    accepts.keep((id) => all.some((d) => d.id === id && incoming(d)));
    const next = `${lang()}#${all.map((d) => `${d.id}:${d.kind}:${d.day}`).join("|")}`;
    if (next === key) return;
    key = next;
    fillKeepFocus(
      list,
      ...(all.length ? all.map(row) : [h("li", { class: "muted", text: t("hosting.dealsNone") })]),
    );
  }

  return {
    nodes: [h("div", { class: "row" }, text.heading("hosting.deals"), termTip("hostingContract")), list],
    render,
    refresh: () => accepts.refresh(),
    stop: () => accepts.stop(),
    relabel(): void {
      text.relabel();
      accepts.render();
      key = "";
      render();
    },
  };
}

/** The machine offers' lists with the hosting contracts after them, as one part of the panel. */
export function withHostingDeals<L extends Lists>(lists: L, ctx: DealsContext): L {
  const deals = createHostingDeals(ctx);
  const form = hostingOfferForm(ctx);
  return {
    ...lists,
    nodes: [...lists.nodes, ...deals.nodes, ...form.nodes],
    render: () => (lists.render(), deals.render(), form.render()),
    refresh: () => (lists.refresh(), deals.refresh()),
    stop: () => (lists.stop(), deals.stop(), form.action.stop()),
    relabel: () => (lists.relabel(), deals.relabel(), form.relabel()),
  };
}
