/**
 * Offers of machines between players: make one (a lot, a buyer, units, a price, days open), answer
 * the ones made to me (accept or decline) and withdraw my own. The engine's preview says whether each
 * is possible now (an accept needs the cash and the seller still holding the units).
 */
import { lang, t } from "../i18n/index.ts";
import type { GameServer } from "../net/Server.ts";
import type { CompanyView, GameView, OfferView } from "../net/view.ts";
import { perform } from "./act.ts";
import { applyGate } from "./dialog.ts";
import { fill, fillKeepFocus, h, status } from "./dom.ts";
import { formatCents, formatDay } from "./format.ts";
import { fillSelect, lotLabel } from "./fields.ts";
import { gateOf, parseCount, parseUsdCents, quoteOf, splitOffers, tradable, usd } from "./panelModel.ts";
import { Previewer, type PreviewState } from "./previewer.ts";

export function createOffers(parent: HTMLElement, server: GameServer) {
  const field = (id: string, value: string, onInput: () => void) =>
    h("input", { id, type: "number", min: 1, step: 1, value, "data-testid": id, oninput: onInput });
  const lot = h("select", {
    id: "market-offer-lot",
    "data-testid": "market-offer-lot",
    onchange: () => lotChanged(),
  });
  const to = h("select", {
    id: "market-offer-to",
    "data-testid": "market-offer-to",
    onchange: () => askOffer(true),
  });
  const qty = field("market-offer-qty", "", () => askOffer());
  const price = field("market-offer-price", "", () => askOffer());
  price.min = "0";
  price.step = "any";
  const days = field("market-offer-days", "7", () => askOffer());
  days.max = "90";
  const quote = h("p", { class: "quote", "data-testid": "market-offer-quote" });
  const reason = h("p", {
    id: "market-offer-reason",
    class: "reason",
    "data-testid": "market-offer-reason",
    hidden: true,
  });
  const send = h("button", { type: "button", "data-testid": "market-offer-send", disabled: true });
  const incoming = h("ul", { class: "offers", "data-testid": "offers-in" });
  const outgoing = h("ul", { class: "offers", "data-testid": "offers-out" });
  const out = status();
  out.setAttribute("data-testid", "offers-status");
  const text = {
    title: h("h3", {}),
    lot: h("label", { for: "market-offer-lot" }),
    to: h("label", { for: "market-offer-to" }),
    qty: h("label", { for: "market-offer-qty" }),
    price: h("label", { for: "market-offer-price" }),
    days: h("label", { for: "market-offer-days" }),
    incoming: h("h3", {}),
    outgoing: h("h3", {}),
  };
  parent.append(
    text.title,
    text.lot,
    lot,
    h("div", { class: "row wrap" }, h("div", {}, text.to, to), h("div", {}, text.qty, qty)),
    h("div", { class: "row wrap" }, h("div", {}, text.price, price), h("div", {}, text.days, days), send),
    quote,
    reason,
    out,
    text.incoming,
    incoming,
    text.outgoing,
    outgoing,
  );

  let view: GameView | null = null;
  let seat: string | null = null;
  let drawn = "";
  const offerAsk = new Previewer((s) => showOffer(s));
  /** One preview per offer made to me: can I accept it now? */
  const accepts = new Map<string, Previewer>();

  send.addEventListener("click", () => {
    const cmd = offerCommand();
    if (cmd) void perform(server.command(cmd), out).then(() => askOffer(true));
  });

  const mine = () => view?.companies.find((c) => c.seat === seat)?.priv ?? null;

  function offerCommand() {
    const l = mine()?.lots.find((x) => x.id === lot.value);
    const n = parseCount(qty.value, l?.quantity ?? 0);
    const cents = parseUsdCents(price.value);
    const d = parseCount(days.value, 90);
    if (!l || !to.value || n === null || cents === null || d === null) return null;
    return { type: "offerLot" as const, lot: l.id, quantity: n, to: to.value, priceCents: cents, days: d };
  }

  function askOffer(now = false): void {
    const cmd = offerCommand();
    offerAsk.ask(cmd ? { key: JSON.stringify(cmd), ask: () => server.preview(cmd) } : null, now);
    if (!cmd) quote.textContent = t("panels.offers.fill");
  }

  function showOffer(s: PreviewState): void {
    applyGate(send, reason, gateOf(s, lang()));
    const q = quoteOf(s, "offer");
    if (q)
      quote.textContent = t("panels.offers.quote", {
        market: usd(q.marketCents, lang()),
        bid: usd(q.bidCents, lang()),
      });
  }

  function lotChanged(): void {
    const l = mine()?.lots.find((x) => x.id === lot.value);
    qty.max = String(l?.quantity ?? 1);
    qty.value = String(l?.quantity ?? "");
    askOffer(true);
  }

  const nameOf = (id: string) => view?.companies.find((c) => c.seat === id)?.name || id;

  function offerItem(o: OfferView, answer: boolean): HTMLElement {
    const l = lang();
    const line = t(answer ? "panels.offers.incoming" : "panels.offers.outgoing", {
      who: nameOf(answer ? o.from : o.to),
      qty: o.quantity,
      model: o.model,
      price: formatCents(o.priceCents, l),
      date: formatDay(o.expiresDay, l),
    });
    const button = (kind: "accept" | "decline" | "cancel", onclick: () => void) =>
      h("button", {
        type: "button",
        "data-testid": `offer-${kind}-${o.id}`,
        "data-k": `offer-${kind}-${o.id}`,
        class: kind === "accept" ? "primary" : "",
        text: t(`panels.offers.${kind}`),
        onclick,
      });
    if (!answer) {
      return h(
        "li",
        {},
        h("span", { class: "grow", text: line }),
        button("cancel", () => respond({ type: "cancelOffer", offer: o.id })),
      );
    }
    const accept = button("accept", () => respond({ type: "respondOffer", offer: o.id, accept: true }));
    const why = h("span", {
      id: `offer-reason-${o.id}`,
      class: "reason",
      "data-testid": `offer-reason-${o.id}`,
      hidden: true,
    });
    const gate = accepts.get(o.id);
    applyGate(accept, why, gateOf(gate?.state ?? { status: "pending" }, l));
    return h(
      "li",
      {},
      h("span", { class: "grow", text: line }),
      accept,
      button("decline", () => respond({ type: "respondOffer", offer: o.id, accept: false })),
      why,
    );
  }

  function respond(
    cmd: { type: "respondOffer"; offer: string; accept: boolean } | { type: "cancelOffer"; offer: string },
  ): void {
    void perform(server.command(cmd), out);
  }

  function renderLists(force = false): void {
    const { incoming: ins, outgoing: outs } = splitOffers(mine(), seat);
    const key = `${[...ins, ...outs].map((o) => o.id).join("|")}#${[...accepts.values()].map((p) => p.state.status).join("")}`;
    if (key === drawn && !force) return;
    drawn = key;
    // Keep one accept preview per open offer to me; drop those that closed.
    for (const [id, p] of accepts) {
      if (ins.some((o) => o.id === id)) continue;
      p.stop();
      accepts.delete(id);
    }
    for (const o of ins) {
      if (accepts.has(o.id)) continue;
      const p = new Previewer(() => renderLists(true));
      accepts.set(o.id, p);
      const cmd = { type: "respondOffer" as const, offer: o.id, accept: true };
      p.ask({ key: o.id, ask: () => server.preview(cmd) }, true);
    }
    const none = h("li", { class: "muted", text: t("panels.offers.none") });
    fillKeepFocus(incoming, ...(ins.length ? ins.map((o) => offerItem(o, true)) : [none]));
    fillKeepFocus(outgoing, ...(outs.length ? outs.map((o) => offerItem(o, false)) : [none.cloneNode(true)]));
  }

  function renderForm(): void {
    const l = lot.value;
    fillSelect(
      lot,
      tradable(mine()?.lots ?? []).map((x) => [x.id, lotLabel(x)]),
    );
    const others = (view?.companies ?? []).filter((c: CompanyView) => c.seat !== seat && !c.bankrupt);
    fillSelect(
      to,
      others.map((c) => [c.seat, c.name || c.seat]),
    );
    if (lot.value !== l || !qty.value) lotChanged();
  }

  function relabel(): void {
    text.title.textContent = t("panels.offers.title");
    text.lot.textContent = t("panels.market.lot");
    text.to.textContent = t("panels.offers.to");
    text.qty.textContent = t("panels.qty");
    text.price.textContent = t("panels.offers.price");
    text.days.textContent = t("panels.offers.days");
    text.incoming.textContent = t("panels.offers.toMe");
    text.outgoing.textContent = t("panels.offers.mine");
    send.textContent = t("panels.offers.send");
    fill(incoming);
    renderLists(true);
  }

  relabel();
  return {
    open() {
      renderForm();
      askOffer(true);
      renderLists(true);
    },
    update(next: GameView, me: string | null) {
      view = next;
      seat = me;
      if (!parent.isConnected || parent.closest("[hidden]")) return;
      renderForm();
      renderLists();
      offerAsk.refresh();
      for (const p of accepts.values()) p.refresh();
    },
    stop() {
      offerAsk.stop();
      for (const p of accepts.values()) p.stop();
      accepts.clear();
    },
    relabel,
  };
}
