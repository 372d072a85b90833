/**
 * The ship dialog for a stored lot: a destination, how many units, insurance, then every freight mode
 * with the engine's quote (cost paid now, days, expected duty and VAT, risks) and its verdict. Send is
 * enabled only for a mode the engine accepts; the figures are exactly what shipLot charges today.
 */
import catalog from "virtual:atlas-catalog";
import type { ShipQuote } from "../../../shared/protocol/index.ts";
import { lang, pick, t, type MessageKey } from "../i18n/index.ts";
import type { GameServer } from "../net/Server.ts";
import type { GameView, LotView } from "../net/view.ts";
import { perform } from "./act.ts";
import { applyGate, createDialog } from "./dialog.ts";
import { fill, fillKeepFocus, h, status } from "./dom.ts";
import { placeName } from "./fleet.ts";
import { formatDate, formatPowerMicro } from "./format.ts";
import { cheapestMode, parseCount, shipGate, shipRows, shippable, usd } from "./panelModel.ts";
import { Previewer, type PreviewState } from "./previewer.ts";

type Mode = ShipQuote["mode"];

export function createShipDialog(parent: HTMLElement, server: GameServer) {
  const dialog = createDialog(parent, "ship", () => ask.stop());
  const from = h("p", { class: "muted", "data-testid": "ship-from" });
  const dest = h("select", { id: "ship-dest", "data-testid": "ship-dest", onchange: () => askQuote(true) });
  const qty = h("input", {
    id: "ship-qty",
    type: "number",
    min: 1,
    step: 1,
    "data-testid": "ship-qty",
    oninput: () => askQuote(),
  });
  const insured = h("input", {
    id: "ship-insured",
    type: "checkbox",
    checked: true,
    "data-testid": "ship-insured",
    onchange: () => askQuote(true),
  });
  const modes = h("div", { class: "modes", role: "group", "aria-labelledby": "ship-modes-label" });
  const modesLabel = h("h3", { id: "ship-modes-label" });
  const summary = h("p", { class: "quote", "data-testid": "ship-quote", "aria-live": "polite" });
  const reason = h("p", { id: "ship-reason", class: "reason", "data-testid": "ship-reason", hidden: true });
  const send = h("button", { type: "button", class: "primary", "data-testid": "ship-send", disabled: true });
  const out = status();
  out.setAttribute("data-testid", "ship-status");
  const labels = {
    dest: h("label", { for: "ship-dest" }),
    qty: h("label", { for: "ship-qty" }),
    insured: h("span", {}),
  };
  dialog.body.append(
    from,
    h("div", {}, labels.dest, dest),
    h(
      "div",
      { class: "row wrap" },
      h("div", {}, labels.qty, qty),
      h("label", { class: "inline" }, insured, labels.insured),
    ),
    modesLabel,
    modes,
    summary,
    reason,
    h("div", { class: "row" }, send),
    out,
  );

  let lot: LotView | null = null;
  let view: GameView | null = null;
  let chosen: Mode | null = null;
  const ask = new Previewer((s) => show(s));

  send.addEventListener("click", () => {
    const cmd = command(chosen);
    if (!cmd) return;
    void perform(server.command(cmd), out).then((ok) => ok && dialog.close());
  });

  function command(mode: Mode | null) {
    const n = parseCount(qty.value, lot?.quantity ?? 0);
    if (!lot || !dest.value || n === null || !mode) return null;
    return {
      type: "shipLot" as const,
      lot: lot.id,
      to: dest.value,
      mode,
      insured: insured.checked,
      ...(n < lot.quantity ? { quantity: n } : {}),
    };
  }

  function askQuote(now = false): void {
    // Every mode comes back in one answer, so the question does not depend on the mode chosen.
    const cmd = command("air");
    if (!cmd) {
      ask.ask(null);
      summary.textContent = !dest.value ? t("panels.ship.pickDest") : t("panels.badQty");
      return;
    }
    const { mode: _m, ...key } = cmd;
    ask.ask({ key: JSON.stringify(key), ask: () => server.preview(cmd) }, now);
  }

  function renderDestinations(): void {
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

  function show(s: PreviewState): void {
    const reply = s.status === "done" ? s.reply : null;
    if (!chosen) chosen = cheapestMode(reply);
    const rows = shipRows(reply, lang());
    fillKeepFocus(
      modes,
      ...rows.map((r) =>
        h(
          "div",
          { class: `mode${r.ok ? "" : " refused"}${chosen === r.mode ? " selected" : ""}` },
          h("button", {
            type: "button",
            "data-testid": `ship-mode-${r.mode}`,
            "data-k": `mode-${r.mode}`,
            "aria-pressed": String(chosen === r.mode),
            text: t(`panels.mode.${r.mode}` as MessageKey),
            onclick: () => {
              chosen = r.mode;
              show(ask.state);
            },
          }),
          h("span", { class: "num", text: r.cost }),
          h("span", { text: r.days }),
          h("span", { text: r.duties }),
          h("span", { class: "muted", text: r.risk }),
          r.reason ? h("span", { class: "reason wide", text: r.reason }) : null,
          ...r.warnings.map((w) => h("span", { class: "warn wide", text: w })),
        ),
      ),
    );
    applyGate(send, reason, shipGate(s, chosen, lang()));
    const q =
      reply?.quote?.kind === "ship" ? reply.quote.modes.find((m) => m.mode === chosen)?.quote : undefined;
    summary.textContent = q
      ? t("panels.ship.total", {
          now: usd(q.payNowCents, lang()),
          total: usd(q.expectedTotalCents, lang()),
          date: formatDate(q.customsDate, lang()),
        })
      : s.status === "pending"
        ? t("panels.checking")
        : summary.textContent;
  }

  function describe(): void {
    if (!lot) return;
    dialog.setTitle(t("panels.ship.title", { model: lot.name ?? lot.model, qty: lot.quantity }));
    from.textContent = shippable(lot)
      ? t("panels.ship.from", { place: placeName(lot.placeId) })
      : t("panels.ship.notStored");
  }

  function relabel(): void {
    labels.dest.textContent = t("panels.ship.dest");
    labels.qty.textContent = t("panels.qty");
    labels.insured.textContent = ` ${t("panels.ship.insured")}`;
    modesLabel.textContent = t("panels.ship.modes");
    send.textContent = t("panels.ship.send");
    describe();
    renderDestinations();
    show(ask.state);
  }

  relabel();
  return {
    open(target: LotView, current: GameView | null, opener?: Element | null) {
      lot = target;
      view = current;
      chosen = null;
      qty.max = String(target.quantity);
      qty.value = String(target.quantity);
      out.textContent = "";
      relabel();
      dialog.open(opener);
      askQuote(true);
    },
    update(next: GameView, seat: string | null) {
      view = next;
      if (!dialog.isOpen || !lot) return;
      const id = lot.id;
      const mine = next.companies.find((c) => c.seat === seat)?.priv;
      lot = mine?.lots.find((l) => l.id === id) ?? null;
      if (!lot) return dialog.close();
      describe();
      ask.refresh();
    },
    relabel,
    close: () => dialog.close(),
  };
}
