/**
 * The ship dialog for a stored lot: a destination, how many units, insurance, then every freight mode
 * with the engine's quote (cost paid now, days, expected duty and VAT, risks) and its verdict. Send is
 * enabled only for a mode the engine accepts; the figures are exactly what shipLot charges today.
 */
import catalog from "virtual:atlas-catalog";
import type { PreviewReply, ShipQuote } from "../../../shared/protocol/index.ts";
import { lang, pick, t, type MessageKey } from "../i18n/index.ts";
import type { GameServer } from "../net/Server.ts";
import type { GameView, LotView } from "../net/view.ts";
import { createDialog } from "./dialog.ts";
import { fill, fillKeepFocus, h, status } from "./dom.ts";
import { placeName } from "./fleet.ts";
import { countProblem, texts } from "./fields.ts";
import { formatCents, formatDate, formatPowerMicro } from "./format.ts";
import { gatedAction } from "./gatedAction.ts";
import { parseCount, shipGate, shipRows } from "./panelModel.ts";
import {
  brokerField,
  cheapestLanded,
  feesLine,
  landedLine,
  landedSummary,
  quotesByMode,
} from "./shipLanded.ts";
import { termTip } from "./glossary.ts";
import type { PreviewState } from "./previewer.ts";

type Mode = ShipQuote["mode"];
type ShipForm = ReturnType<typeof shipForm>;

/**
 * Where from and to, how many, insured or not: `changed(now, dest)` when the question for the engine
 * changes (`dest`: the destination did, so the mode chosen for the old one no longer stands).
 */
function shipForm(changed: (now: boolean, dest?: boolean) => void) {
  const from = h("p", { class: "muted", "data-testid": "ship-from" });
  const dest = h("select", {
    id: "ship-dest",
    "data-testid": "ship-dest",
    onchange: () => changed(true, true),
  });
  const qty = h("input", {
    id: "ship-qty",
    type: "number",
    min: 1,
    step: 1,
    "data-testid": "ship-qty",
    oninput: () => changed(false),
  });
  const qtyHelp = h("p", { class: "muted", id: "ship-qty-help", "aria-live": "polite" });
  const insured = h("input", {
    id: "ship-insured",
    type: "checkbox",
    checked: true,
    "data-testid": "ship-insured",
    onchange: () => changed(true),
  });
  const text = texts();
  const broker = brokerField(() => changed(true));
  const nodes = [
    from,
    h("div", {}, text.label("ship-dest", "panels.ship.dest"), dest),
    h(
      "div",
      { class: "row wrap" },
      h("div", {}, text.label("ship-qty", "panels.qty"), qty, qtyHelp),
      h(
        "label",
        { class: "inline" },
        insured,
        text.add(h("span", {}), () => ` ${t("panels.ship.insured")}`),
      ),
    ),
    broker.node,
    h(
      "div",
      { class: "row" },
      text.add(h("h3", { id: "ship-modes-label" }), () => t("panels.ship.modes")),
      termTip("landed"),
    ),
  ];
  const relabel = () => {
    text.relabel();
    broker.relabel();
  };
  return { from, dest, qty, qtyHelp, insured, broker: broker.select, nodes, relabel };
}

function shipCommand(form: ShipForm, lot: LotView | null, mode: Mode) {
  const n = parseCount(form.qty.value, lot?.quantity ?? 0);
  if (!lot || !form.dest.value || n === null) return null;
  return {
    type: "shipLot" as const,
    lot: lot.id,
    to: form.dest.value,
    mode,
    insured: form.insured.checked,
    ...(n < lot.quantity ? { quantity: n } : {}),
    ...(form.broker.value === "premium" ? { broker: "premium" as const } : {}),
  };
}

/** Every region but the lot's own, by name, with its power price and any policy against mining. */
function renderDestinations(dest: HTMLSelectElement, lot: LotView | null, view: GameView | null): void {
  const here = lot ? lot.placeId : "";
  const keep = dest.value;
  const regions = catalog.regions
    .filter((r) => r.id !== here)
    .map((r) => ({ r, s: view?.regions.find((x) => x.id === r.id) }))
    .sort((a, b) => pick(a.r.name).localeCompare(pick(b.r.name), lang()));
  fill(
    dest,
    h("option", { value: "", text: t("panels.ship.choose") }),
    ...regions.map(({ r, s }) =>
      h("option", {
        value: r.id,
        text: [
          pick(r.name),
          s ? formatPowerMicro(s.powerMicroUsdPerKwh, lang()) : "",
          s && s.policy !== "allowed" ? t(`policy.${s.policy}` as MessageKey) : "",
        ]
          .filter(Boolean)
          .join(" · "),
      }),
    ),
  );
  dest.value = regions.some((x) => x.r.id === keep) ? keep : "";
}

/**
 * Where the lot's owner leases power (the most kW first), other than where the lot is: the destination
 * a newcomer means nearly always, so the dialog opens with it chosen. "" when they lease nowhere.
 */
export function leasedRegion(lot: Pick<LotView, "id" | "placeId">, view: GameView | null): string {
  const owner = view?.companies.find((c) => c.priv?.lots.some((l) => l.id === lot.id))?.priv;
  const leases = [...(owner?.leases ?? [])]
    .filter((l) => l.kw > 0 && l.region !== lot.placeId)
    .sort((a, b) => b.kw - a.kw);
  return leases[0]?.region ?? "";
}

/** One row per freight mode, with its figures, the engine's reason if refused, and its warnings. */
function renderModes(
  box: HTMLElement,
  reply: PreviewReply | null,
  chosen: Mode | null,
  choose: (m: Mode) => void,
) {
  const quotes = quotesByMode(reply);
  fillKeepFocus(
    box,
    ...shipRows(reply, lang()).map((r) =>
      h(
        "div",
        { class: `mode${r.ok ? "" : " refused"}${chosen === r.mode ? " selected" : ""}` },
        h("button", {
          type: "button",
          "data-testid": `ship-mode-${r.mode}`,
          "data-k": `mode-${r.mode}`,
          "aria-pressed": String(chosen === r.mode),
          text: t(`panels.mode.${r.mode}` as MessageKey),
          onclick: () => choose(r.mode),
        }),
        h("span", { class: "num", text: r.cost }),
        h("span", { text: r.days }),
        h("span", { text: r.duties }),
        h("span", { class: "muted", text: r.risk }),
        ...landedSpans(r.mode, quotes.get(r.mode)),
        r.reason ? h("span", { class: "reason wide", text: r.reason }) : null,
        ...r.warnings.map((w) => h("span", { class: "warn wide", text: w })),
      ),
    ),
  );
}

/** The mode's landed cost with time, and its fees and holds (the engine's figures). */
function landedSpans(mode: Mode, q: ShipQuote | undefined): HTMLElement[] {
  if (!q) return [];
  const fees = feesLine(q, lang());
  return [
    h("span", { class: "num wide", "data-testid": `ship-landed-${mode}`, text: landedLine(q, lang()) }),
    ...(fees ? [h("span", { class: "muted wide", text: fees })] : []),
  ];
}

/** The chosen mode's total, "checking" while asking, what the form lacks, or (refreshing) as it was. */
function summaryText(s: PreviewState, chosen: Mode | null, form: ShipForm, shown: string): string {
  if (s.status === "idle")
    return !form.dest.value
      ? t("panels.ship.pickDest")
      : (countProblem(form.qty.value, Number(form.qty.max) || 1, "units") ?? "");
  const reply = s.status === "done" ? s.reply : null;
  const q =
    reply?.quote?.kind === "ship" ? reply.quote.modes.find((m) => m.mode === chosen)?.quote : undefined;
  if (q)
    return `${t("panels.ship.total", {
      now: formatCents(q.payNowCents, lang()),
      total: formatCents(q.expectedTotalCents, lang()),
      date: formatDate(q.customsDate, lang()),
    })} ${landedSummary(q, lang())}`;
  return s.status === "pending" ? t("panels.checking") : shown;
}

/** The dialog's title and where the lot leaves from (or that it cannot leave yet). */
function describeLot(dialog: { setTitle(text: string): void }, form: ShipForm, lot: LotView | null): void {
  if (!lot) return;
  dialog.setTitle(t("panels.ship.title", { model: lot.name ?? lot.model, qty: lot.quantity }));
  form.from.textContent = lot.canShip
    ? t("panels.ship.from", { place: placeName(lot.placeId) })
    : t("panels.ship.notStored");
}

/** Under the units field: what is wrong with the number typed, saying the lot's size (nothing if fine). */
function sayQty(form: ShipForm): void {
  form.qtyHelp.textContent = countProblem(form.qty.value, Number(form.qty.max) || 1, "units") ?? "";
}

/** The whole lot, by default, with its size as the field's limit. */
function resetQty(form: ShipForm, quantity: number): void {
  form.qty.max = String(quantity);
  form.qty.value = String(quantity);
  form.qtyHelp.textContent = "";
}

export function createShipDialog(parent: HTMLElement, server: GameServer) {
  const form = shipForm((now, destChanged) => {
    // A new destination: the mode chosen for the old one may not run there; the cheapest that does is.
    if (destChanged) chosen = null;
    sayQty(form);
    send.ask(now);
  });
  const dialog = createDialog(parent, "ship", () => send.stop());
  const modes = h("div", { class: "modes", role: "group", "aria-labelledby": "ship-modes-label" });
  const summary = h("p", { class: "quote", "data-testid": "ship-quote", "aria-live": "polite" });
  const out = status();
  out.setAttribute("data-testid", "ship-status");
  let lot: LotView | null = null;
  let view: GameView | null = null;
  let chosen: Mode | null = null;
  const send = gatedAction({
    server,
    status: out,
    testid: "ship-send",
    reasonId: "ship-reason",
    label: "panels.ship.send",
    primary: true,
    // Every mode comes back in one answer: the question leaves the mode out, Send sends the one chosen.
    intent: () => shipCommand(form, lot, chosen ?? "air"),
    key: ({ mode: _mode, ...question }) => JSON.stringify(question),
    gate: (s) => shipGate(s, chosen, lang()),
    show: (s) => {
      const reply = s.status === "done" ? s.reply : null;
      chosen ??= cheapestLanded(reply);
      renderModes(modes, reply, chosen, (m) => {
        chosen = m;
        send.render();
      });
      summary.textContent = summaryText(s, chosen, form, summary.textContent ?? "");
    },
    after: (ok) => ok && dialog.close(),
  });
  dialog.body.append(
    ...form.nodes,
    modes,
    summary,
    send.reason,
    h("div", { class: "row" }, send.button),
    out,
  );

  const describe = () => describeLot(dialog, form, lot);

  function relabel(): void {
    form.relabel();
    describe();
    renderDestinations(form.dest, lot, view);
    send.render();
  }

  relabel();
  return {
    open(target: LotView, current: GameView | null, opener?: Element | null) {
      lot = target;
      view = current;
      chosen = null;
      resetQty(form, target.quantity);
      out.textContent = "";
      relabel();
      form.dest.value = form.dest.value || leasedRegion(target, current);
      dialog.open(opener);
      send.ask(true);
    },
    update(next: GameView, seat: string | null) {
      view = next;
      if (!dialog.isOpen || !lot) return;
      const id = lot.id;
      const mine = next.companies.find((c) => c.seat === seat)?.priv;
      lot = mine?.lots.find((l) => l.id === id) ?? null;
      if (!lot) return dialog.close();
      describe();
      send.refresh();
    },
    relabel,
    close: () => dialog.close(),
  };
}
