/**
 * My fleet: cash and BTC, my lots of machines (model, quantity, status and until when, where, powered,
 * expected profit today) with ship, install, power and sell buttons, my power leases, and the share of
 * mined BTC sold each day. Buttons send commands (or open the ship dialog and the region panel) and
 * show the server's refusal reason in a live status line.
 */
import catalog from "virtual:atlas-catalog";
import { lang, pick, t, type MessageKey } from "../i18n/index.ts";
import type { GameServer } from "../net/Server.ts";
import type { CompanyPrivateView, GameView, LotView } from "../net/view.ts";
import { perform, statusLine } from "./act.ts";
import { fill, fillKeepFocus, h, status } from "./dom.ts";
import { formatCents, formatDay, formatNumber, formatSats, usdOfCents } from "./format.ts";
import { installable, pnl, shippable } from "./panelModel.ts";

/** What the fleet asks of the other panels: the ship dialog for a lot, the region panel for a place. */
export interface FleetHooks {
  ship(lot: LotView, opener: Element): void;
  region(id: string, opener: Element): void;
}

const STATUSES = ["onOrder", "stored", "inTransit", "installed"];

export function statusLabel(s: string): string {
  return STATUSES.includes(s) ? t(`lotStatus.${s}` as MessageKey) : s;
}

export function placeName(id: string): string {
  const place = catalog.regions.find((r) => r.id === id) ?? catalog.hubs.find((x) => x.id === id);
  return place ? pick(place.name) : id || "–";
}

/** Whether the power button makes sense for a lot: only installed machines draw power. */
export function canPower(lot: Pick<LotView, "status">): boolean {
  return lot.status === "installed";
}

/** Sell ratio basis points from a percentage typed by the player (clamped, whole bps). */
export function ratioBps(pct: number): number {
  if (!Number.isFinite(pct)) return 0;
  return Math.round(Math.min(100, Math.max(0, pct)) * 100);
}

export function fleetKey(p: CompanyPrivateView): string {
  const lots = p.lots.map(
    (l) =>
      `${l.id}:${l.model}:${l.quantity}:${l.status}:${l.placeKind}:${l.placeId}:${l.powered}:${Math.round(usdOfCents(l.pnlCentsPerDay ?? 0) * 100)}:${l.untilDay}`,
  );
  const leases = p.leases.map((l) => `${l.region}:${l.kw}:${l.renewable}`);
  return `${lots.join("|")}#${leases.join("|")}#${p.sellRatioBps}`;
}

export function createFleet(parent: HTMLElement, server: GameServer, hooks?: FleetHooks) {
  const el = h("section", { class: "panel fleet", "aria-labelledby": "fleet-title", hidden: true });
  parent.append(el);
  const title = h("h2", { id: "fleet-title" });
  const money = h("p", { class: "money" });
  const body = h("div", {});
  const out = status();
  el.append(title, money, body, out);
  const sellQty = new Map<string, number>();
  let ratioPct: number | null = null;
  let drawn = "";
  let mine: CompanyPrivateView | null = null;

  function lotRow(lot: LotView): HTMLElement[] {
    const qtyId = `sell-${lot.id}`;
    const qty = h("input", {
      id: qtyId,
      type: "number",
      min: 1,
      max: lot.quantity,
      step: 1,
      "data-k": `${lot.id}-qty`,
      value: String(Math.min(lot.quantity, sellQty.get(lot.id) ?? lot.quantity)),
      oninput: () => sellQty.set(lot.id, Number(qty.value)),
    });
    const power = canPower(lot)
      ? h("button", {
          type: "button",
          "data-k": `${lot.id}-power`,
          "data-testid": `power-${lot.id}`,
          text: lot.powered ? t("fleet.off") : t("fleet.on"),
          "aria-label": `${lot.powered ? t("fleet.off") : t("fleet.on")}: ${lot.model} ×${lot.quantity}`,
          onclick: () =>
            void perform(server.command({ type: "powerLot", lot: lot.id, on: !lot.powered }), out),
        })
      : null;
    const ship =
      hooks && shippable(lot)
        ? h("button", {
            type: "button",
            "data-k": `${lot.id}-ship`,
            "data-testid": `ship-${lot.id}`,
            "aria-haspopup": "dialog",
            text: t("panels.fleet.ship"),
            "aria-label": `${t("panels.fleet.ship")}: ${lot.name ?? lot.model} ×${lot.quantity}`,
            onclick: (e: Event) => hooks.ship(lot, e.currentTarget as Element),
          })
        : null;
    const install = installable(lot)
      ? h("button", {
          type: "button",
          "data-k": `${lot.id}-install`,
          "data-testid": `install-${lot.id}`,
          text: t("panels.fleet.install"),
          "aria-label": `${t("panels.fleet.install")}: ${lot.name ?? lot.model} ×${lot.quantity}`,
          onclick: () =>
            void perform(server.command({ type: "installLot", lot: lot.id, region: lot.placeId }), out),
        })
      : null;
    const sell = h("button", {
      type: "button",
      "data-k": `${lot.id}-sell`,
      "data-testid": `sell-${lot.id}`,
      text: t("fleet.sell"),
      "aria-label": `${t("fleet.sell")}: ${lot.model}`,
      onclick: () => {
        const n = Math.floor(Number(qty.value));
        if (!(n >= 1 && n <= lot.quantity)) {
          return statusLine(out, t("fleet.badQty", { max: lot.quantity }), true);
        }
        void perform(server.command({ type: "sellMachines", lot: lot.id, quantity: n }), out);
      },
    });
    const profit = pnl(usdOfCents(lot.pnlCentsPerDay ?? 0), lang());
    const where = lot.placeId;
    const place =
      hooks && lot.placeKind === "region"
        ? h("button", {
            type: "button",
            class: "link",
            "data-k": `${lot.id}-where`,
            "aria-haspopup": "dialog",
            text: placeName(where),
            onclick: (e: Event) => hooks.region(where, e.currentTarget as Element),
          })
        : placeName(where);
    const until = lot.untilDay
      ? h("span", {
          class: "until",
          text: t("panels.fleet.until", { date: formatDay(lot.untilDay, lang()) }),
        })
      : null;
    return [
      h(
        "tr",
        { "data-testid": `fleet-lot-${lot.id}` },
        h("td", { text: lot.name ?? lot.model }),
        h("td", { class: "num", text: formatNumber(lot.quantity, lang()) }),
        h("td", {}, statusLabel(lot.status), until),
        h("td", {}, place),
        h("td", { text: canPower(lot) ? (lot.powered ? t("fleet.isOn") : t("fleet.isOff")) : "–" }),
        h("td", { class: `num ${profit.tone}`, "data-testid": `pnl-${lot.id}`, text: profit.text }),
      ),
      h(
        "tr",
        { class: "lot-actions" },
        h(
          "td",
          { colspan: 6, class: "actions" },
          ship,
          install,
          power,
          h("label", { for: qtyId, class: "sr-only", text: t("fleet.sellQty") }),
          qty,
          sell,
        ),
      ),
    ];
  }

  function lotsTable(p: CompanyPrivateView): HTMLElement {
    if (!p.lots.length) return h("p", { class: "muted", text: t("fleet.noLots") });
    const cols: MessageKey[] = [
      "fleet.model",
      "fleet.qty",
      "fleet.status",
      "fleet.location",
      "fleet.powered",
      "panels.fleet.pnl",
    ];
    return h(
      "table",
      { class: "lots" },
      h("caption", { class: "sr-only", text: t("fleet.lots") }),
      h("thead", {}, h("tr", {}, ...cols.map((k) => h("th", { scope: "col", text: t(k) })))),
      h("tbody", {}, ...p.lots.flatMap(lotRow)),
    );
  }

  function leasesList(p: CompanyPrivateView): HTMLElement {
    if (!p.leases.length) return h("p", { class: "muted", text: t("fleet.noLeases") });
    return h(
      "ul",
      { class: "leases" },
      ...p.leases.map((l) => {
        const text = `${placeName(l.region)}: ${formatNumber(l.kw, lang())} kW${l.renewable ? ` · ${t("fleet.renewable")}` : ""}`;
        if (!hooks) return h("li", { text });
        return h(
          "li",
          {},
          h("button", {
            type: "button",
            class: "link",
            "data-testid": `lease-${l.region}`,
            "data-k": `lease-${l.region}`,
            "aria-haspopup": "dialog",
            text,
            onclick: (e: Event) => hooks.region(l.region, e.currentTarget as Element),
          }),
        );
      }),
    );
  }

  function ratioForm(p: CompanyPrivateView): HTMLElement {
    const input = h("input", {
      id: "fleet-ratio",
      type: "number",
      min: 0,
      max: 100,
      step: 1,
      "data-k": "ratio",
      value: String(ratioPct ?? p.sellRatioBps / 100),
      oninput: () => (ratioPct = Number(input.value)),
    });
    const submit = (ev: Event) => {
      ev.preventDefault();
      const pct = Number(input.value);
      if (!Number.isFinite(pct) || pct < 0 || pct > 100) return statusLine(out, t("fleet.badRatio"), true);
      void perform(server.command({ type: "setSellRatio", ratioBps: ratioBps(pct) }), out).then(
        (ok) => ok && (ratioPct = null),
      );
    };
    return h(
      "form",
      { class: "row", onsubmit: submit },
      h("label", {
        for: "fleet-ratio",
        text: t("fleet.sellRatio", { pct: formatNumber(p.sellRatioBps / 100, lang()) }),
      }),
      input,
      h("button", { type: "submit", "data-k": "ratio-set", text: t("fleet.setRatio") }),
    );
  }

  function render(p: CompanyPrivateView): void {
    drawn = fleetKey(p);
    fillKeepFocus(
      body,
      h("h3", { text: t("fleet.lots") }),
      lotsTable(p),
      h("h3", { text: t("fleet.leases") }),
      leasesList(p),
      ratioForm(p),
    );
  }

  function relabel(): void {
    title.textContent = t("fleet.title");
    if (mine) {
      money.textContent = `${t("hud.cash")} ${formatCents(mine.cashCents, lang(), true)} · ${t("hud.btc")} ${formatSats(mine.btcSats, lang())}`;
      render(mine);
    }
  }

  relabel();
  return {
    update(view: GameView, seat: string | null) {
      mine = view.companies.find((c) => c.seat === seat)?.priv ?? null;
      el.hidden = !mine;
      if (!mine) return void ((drawn = ""), fill(body));
      money.textContent = `${t("hud.cash")} ${formatCents(mine.cashCents, lang(), true)} · ${t("hud.btc")} ${formatSats(mine.btcSats, lang())}`;
      if (fleetKey(mine) !== drawn) render(mine);
    },
    relabel,
  };
}
