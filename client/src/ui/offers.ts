/**
 * Offers of machines between players: make one (a lot, a buyer, units, a price, days open), answer
 * the ones made to me (accept or decline) and withdraw my own. The engine's preview says whether each
 * is possible now (an accept needs the cash and the seller still holding the units).
 */
import { lang, t, type MessageKey } from "../i18n/index.ts";
import type { GameServer } from "../net/Server.ts";
import type { CompanyPrivateView, GameView, OfferView } from "../net/view.ts";
import { perform } from "./act.ts";
import { h, status } from "./dom.ts";
import { keyedRows, setText, syncOptions } from "./keyedRows.ts";
import { formatCents, formatDay } from "./format.ts";
import { lotLabel, texts } from "./fields.ts";
import { gatedAction, type GatedAction } from "./gatedAction.ts";
import { acceptButtons } from "./acceptButtons.ts";
import { withHostingDeals } from "./hostingDeals.ts";
import { parseCount, parseUsdCents, quoteOf, splitOffers, tradable } from "./panelModel.ts";
import { createMachineLeases } from "./machineLeases.ts";

/** What the offers need to know of the game: the state, my seat, my private state. */
interface Context {
  server: GameServer;
  out: HTMLElement;
  view(): GameView | null;
  seat(): string | null;
  mine(): CompanyPrivateView | null;
}

type Answer =
  { type: "respondOffer"; offer: string; accept: boolean } | { type: "cancelOffer"; offer: string };

const field = (id: string, value: string, onInput: () => void) =>
  h("input", { id, type: "number", min: 1, step: 1, value, "data-testid": id, oninput: onInput });

/** The offer form's fields; `changed(now)` when what it describes changes (the lot: `lotChanged`). */
function offerFields(lotChanged: () => void, changed: (now: boolean) => void) {
  const select = (id: string, onchange: () => void) => h("select", { id, "data-testid": id, onchange });
  const lot = select("market-offer-lot", lotChanged);
  const to = select("market-offer-to", () => changed(true));
  const qty = field("market-offer-qty", "", () => changed(false));
  const price = field("market-offer-price", "", () => changed(false));
  price.min = "0";
  price.step = "any";
  const days = field("market-offer-days", "7", () => changed(false));
  days.max = "90";
  const text = texts();
  const label = (id: string, key: MessageKey) => text.label(`market-offer-${id}`, key);
  const nodes = (send: HTMLElement) => [
    text.heading("panels.offers.title"),
    label("lot", "panels.market.lot"),
    lot,
    h(
      "div",
      { class: "row wrap" },
      h("div", {}, label("to", "panels.offers.to"), to),
      h("div", {}, label("qty", "panels.qty"), qty),
    ),
    h(
      "div",
      { class: "row wrap" },
      h("div", {}, label("price", "panels.offers.price"), price),
      h("div", {}, label("days", "panels.offers.days"), days),
      send,
    ),
  ];
  return { lot, to, qty, price, days, nodes, relabel: text.relabel };
}

/** Making an offer: which lot, to whom, how many, at what price, open for how many days. */
function offerForm(ctx: Context) {
  const f = offerFields(
    () => lotChanged(),
    (now) => send.ask(now),
  );
  const quote = h("p", { class: "quote", "data-testid": "market-offer-quote" });
  const chosen = () => ctx.mine()?.lots.find((x) => x.id === f.lot.value);
  const send = gatedAction({
    server: ctx.server,
    status: ctx.out,
    testid: "market-offer-send",
    reasonId: "market-offer-reason",
    label: "panels.offers.send",
    intent: () => {
      const l = chosen();
      const n = parseCount(f.qty.value, l?.quantity ?? 0);
      const cents = parseUsdCents(f.price.value);
      const d = parseCount(f.days.value, 90);
      if (!l || !f.to.value || n === null || cents === null || d === null) return null;
      return {
        type: "offerLot" as const,
        lot: l.id,
        quantity: n,
        to: f.to.value,
        priceCents: cents,
        days: d,
      };
    },
    show: (s) => {
      if (s.status === "idle") quote.textContent = t("panels.offers.fill");
      const q = quoteOf(s, "offer");
      if (q)
        quote.textContent = t("panels.offers.quote", {
          market: formatCents(q.marketCents, lang()),
          bid: formatCents(q.bidCents, lang()),
        });
    },
  });

  function lotChanged(): void {
    const l = chosen();
    f.qty.max = String(l?.quantity ?? 1);
    f.qty.value = String(l?.quantity ?? "");
    send.ask(true);
  }

  return {
    send,
    nodes: [...f.nodes(send.button), quote, send.reason],
    /** My lots and the other (solvent) companies, keeping the choices still offered. */
    render(): void {
      const before = f.lot.value;
      syncOptions(
        f.lot,
        tradable(ctx.mine()?.lots ?? []).map((x) => [x.id, lotLabel(x)]),
      );
      const others = (ctx.view()?.companies ?? []).filter((c) => c.seat !== ctx.seat() && !c.bankrupt);
      syncOptions(
        f.to,
        others.map((c) => [c.seat, c.name || c.seat]),
      );
      if (f.lot.value !== before || !f.qty.value) lotChanged();
    },
    relabel(): void {
      f.relabel();
      send.render();
    },
  };
}

function offerLine(o: OfferView, toMe: boolean, nameOf: (seat: string) => string): string {
  const l = lang();
  return t(toMe ? "panels.offers.incoming" : "panels.offers.outgoing", {
    who: nameOf(toMe ? o.from : o.to),
    qty: o.quantity,
    model: o.model,
    price: formatCents(o.priceCents, l),
    date: formatDay(o.expiresDay, l),
  });
}

/** An offer's row: its line, then (to me) accept when the engine would and decline, or (mine) withdraw. */
function offerItem(o: OfferView, accept: GatedAction | undefined, answer: (a: Answer) => void) {
  const button = (kind: "decline" | "cancel", a: Answer) =>
    h("button", {
      type: "button",
      "data-testid": `offer-${kind}-${o.id}`,
      "data-k": `offer-${kind}-${o.id}`,
      text: t(`panels.offers.${kind}`),
      onclick: () => answer(a),
    });
  const text = h("span", { class: "grow" });
  if (!accept) return h("li", {}, text, button("cancel", { type: "cancelOffer", offer: o.id }));
  return h(
    "li",
    {},
    text,
    accept.button,
    button("decline", { type: "respondOffer", offer: o.id, accept: false }),
    accept.reason,
  );
}

/**
 * One list of offers (to me, or mine), kept across updates: an offer's row is built once and its line
 * updated in place, so that Accept is not replaced under the player's pointer as the days pass.
 */
function offerList(
  testid: string,
  toMe: boolean,
  line: (o: OfferView, toMe: boolean) => string,
  item: (o: OfferView) => HTMLLIElement,
) {
  const list = h("ul", { class: "offers", "data-testid": testid });
  const none = h("li", { class: "muted" });
  const rows = keyedRows<OfferView, HTMLLIElement>(list, {
    key: (o) => o.id,
    create: item,
    update: (li, o) => li.firstElementChild && setText(li.firstElementChild, line(o, toMe)),
  });
  return {
    list,
    sync(offers: readonly OfferView[]): void {
      rows.sync(offers);
      if (!offers.length) list.append(none);
    },
    relabel(): void {
      setText(none, t("panels.offers.none"));
      rows.reset(); // the buttons' words are in the language too
    },
  };
}

/** The offers to me and mine; one accept per offer to me, asking the engine whether I can. */
function offerLists(ctx: Context) {
  const text = texts();
  const accepts = acceptButtons(
    { server: ctx.server, status: ctx.out },
    "offer",
    "panels.offers.accept",
    (offer) => ({
      type: "respondOffer" as const,
      offer,
      accept: true,
    }),
  );
  const answer = (a: Answer) => void perform(ctx.server.command(a), ctx.out);
  const nameOf = (seat: string) => ctx.view()?.companies.find((c) => c.seat === seat)?.name || seat;
  const line = (o: OfferView, toMe: boolean) => offerLine(o, toMe, nameOf);
  const incoming = offerList("offers-in", true, line, (o) => offerItem(o, accepts.get(o.id), answer));
  const outgoing = offerList("offers-out", false, line, (o) => offerItem(o, undefined, answer));

  /** Keeps one accept per open offer to me; drops those that closed. */
  function syncAccepts(open: readonly OfferView[]): void {
    accepts.keep((id) => open.some((o) => o.id === id));
    for (const o of open) accepts.get(o.id);
  }

  function render(): void {
    const { incoming: ins, outgoing: outs } = splitOffers(ctx.mine(), ctx.seat());
    syncAccepts(ins);
    incoming.sync(ins);
    outgoing.sync(outs);
  }

  return {
    nodes: [
      text.heading("panels.offers.toMe"),
      incoming.list,
      text.heading("panels.offers.mine"),
      outgoing.list,
    ],
    render,
    refresh: () => accepts.refresh(),
    stop: () => accepts.stop(),
    relabel(): void {
      text.relabel();
      accepts.render();
      incoming.relabel();
      outgoing.relabel();
      render();
    },
  };
}

export function createOffers(parent: HTMLElement, server: GameServer) {
  let view: GameView | null = null;
  let seat: string | null = null;
  const out = status();
  out.setAttribute("data-testid", "offers-status");
  const ctx: Context = {
    server,
    out,
    view: () => view,
    seat: () => seat,
    mine: () => view?.companies.find((c) => c.seat === seat)?.priv ?? null,
  };
  const form = offerForm(ctx);
  const lists = withHostingDeals(offerLists(ctx), ctx);
  const leases = createMachineLeases(ctx);
  parent.append(...form.nodes, out, ...lists.nodes, ...leases.nodes);

  function relabel(): void {
    form.relabel();
    lists.relabel();
    leases.relabel();
  }

  relabel();
  return {
    open() {
      form.render();
      form.send.ask(true);
      lists.render();
      leases.render();
      leases.open();
    },
    update(next: GameView, me: string | null) {
      view = next;
      seat = me;
      if (!parent.isConnected || parent.closest("[hidden]")) return;
      form.render();
      lists.render();
      leases.render();
      form.send.refresh();
      lists.refresh();
    },
    stop() {
      form.send.stop();
      lists.stop();
      leases.stop();
    },
    relabel,
  };
}
